"""Rewrite words about "patients" as words to the reader: "Patients should rest" ->
"You should rest", "People who smoke should stop" -> "If you smoke, you should stop",
"We will tell the patient" -> "We will tell you", "the patient's letter" -> "your letter".

The rewrite uses the sentence's own words and its parse. Where the parse does not
give a clear rewrite, there is none, and the rule says less rather than something wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainlint.language.active_voice import tidy, words_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that change after "you": "The patient is" -> "You are".
_AFTER_YOU = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
# The most words of the sentence a rewrite shows.
_MOST_WORDS = 10


def you_word(role: str, written: str) -> str:
    """The word that stands in for the reader words: "You", "you", "your"."""
    word = "your" if role == "owner" else "you"
    return word.capitalize() if written[:1].isupper() else word


def speak_to_reader(words: list[Token], role: str) -> tuple[str, str] | None:
    """(the sentence's words, the same words to the reader), or None."""
    if role == "owner":
        noun = next((t for t in words if t.dep_ == "poss"), words[0])
        head = noun.head
        end = head.i + 1
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end]
        if of and of[0].right_edge.i - head.i <= 3:
            end = of[0].right_edge.i + 1  # "the patient's quality of life"
        if noun.i + 2 > head.i or head.i - words[0].i > 4:
            return None
        old = words_of(noun.doc, words[0].i, end)
        return old, _case(old, f"your {words_of(noun.doc, noun.i + 2, end)}")
    noun = words[-1]
    described = _described(noun)
    if described is None:
        return None
    if role == "subject":
        return _subject(words, noun, described)
    if role == "object":
        verb = noun.head
        if verb.i > noun.i:  # "help patients be ready": they are the subject of "be"
            return _subject(words, noun, described)
        if described or noun.i - verb.i > 5:
            return None
        old = words_of(noun.doc, verb.i, noun.i + 1)
        return old, f"{words_of(noun.doc, verb.i, words[0].i)} you"
    if role == "for" and described:
        preposition = noun.head
        old = words_of(noun.doc, preposition.i, noun.right_edge.i + 1)
        if len(old.split()) > _MOST_WORDS:
            return None
        return old, _case(old, f"if you {described}")
    return None


def _subject(words: list[Token], noun: Token, described: str) -> tuple[str, str] | None:
    """ "Patients should rest" -> "You should rest"; "People who smoke should stop" ->
    "If you smoke, you should stop"."""
    verb = noun.head
    if verb.dep_ in ("csubj", "acl"):
        verb = verb.head
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i > noun.i]
    first_verb = min([verb, *helpers], key=lambda t: t.i)
    start = noun.left_edge.i if described else words[0].i
    if verb.i - start > _MOST_WORDS + 4:
        return None
    old = words_of(noun.doc, start, verb.i + 1)
    # from the end of the subject to the verb, so "often" and "also" stay
    after = words_of(noun.doc, max(noun.right_edge.i, words[-1].i) + 1, verb.i + 1)
    changed = _after_you(first_verb)
    if changed:
        after = after.replace(first_verb.text, changed, 1)
    if any(t.dep_ == "amod" for t in noun.lefts):
        return None  # "Diabetic patients": "If you have diabetes" needs a human
    new = f"if you {described}, you {after}" if described else f"you {after}"
    return old, _case(old, new)


def _described(noun: Token) -> str | None:
    """What the words after the reader word say about them, as "you" would say it:
    "with cancer" -> "have cancer", "who smoke" -> "smoke", "having surgery" -> "are
    having surgery". "" when nothing describes them; None when it cannot be said."""
    parts = [c for c in noun.children if c.i > noun.i and c.dep_ in ("relcl", "acl", "prep")]
    if not parts:
        return ""
    part = parts[0]
    if part.dep_ == "prep":
        if part.lower_ != "with" or any(t.dep_ == "relcl" for t in part.subtree):
            return None
        return "have " + words_of(noun.doc, part.i + 1, part.right_edge.i + 1)
    if part.dep_ == "relcl":
        pronoun = part.left_edge
        if pronoun.lower_ not in ("who", "that"):
            return None
        clause = words_of(noun.doc, pronoun.i + 1, part.right_edge.i + 1)
        first = noun.doc[pronoun.i + 1]
        changed = _after_you(first)
        if changed:
            clause = changed + clause[len(first.text) :]
        return clause
    if part.tag_ in ("VBG", "VBN"):
        return "are " + words_of(noun.doc, part.i, part.right_edge.i + 1)
    return None


def _after_you(verb: Token) -> str:
    """The verb as it reads after "you" ("is" -> "are", "needs" -> "need"), or "" when
    it does not change."""
    changed = _AFTER_YOU.get(verb.lower_)
    if changed is None and verb.tag_ == "VBZ":
        changed = verb.lemma_.lower()
    return changed or ""


def _case(old: str, new: str) -> str:
    """Start the rewrite with a capital when the words it replaces do."""
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def imperative(subject: Token) -> str | None:
    """Advice to a group turned into advice to the reader: "Women should remove nail
    varnish before the operation" -> "Remove any nail varnish before the operation";
    "Men who wear earrings should take them out" -> "Take out any earrings"."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.tag_ != "VB":
        return None  # "should remove", "must take": a verb in its plain form after a helper
    doc = subject.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    particles = [c for c in verb.children if c.dep_ == "prt"]
    skip = {t.i for t in subject.subtree}
    skip |= {c.i for c in verb.children if c.dep_ in ("aux", "neg", "punct") and c.i < verb.i}
    skip |= {c.i for c in verb.children if c.dep_ == "punct" and c.i == verb.sent.end - 1}
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "Women should not …": "Do not …" reads better written by a person
    words: list[str] = [verb.text.lower()]
    if particles:
        words.append(particles[0].text)
        skip.add(particles[0].i)
    object_span = {t.i for t in objects[0].subtree} if objects else set()
    for token in doc[verb.i + 1 : verb.right_edge.i + 1]:
        if token.i in skip:
            continue
        if token.i in object_span:
            if token.i == objects[0].left_edge.i:  # the whole object, said once
                words.append(_object_words(objects[0], subject))
            continue
        words.append(token.text)
    text = tidy(" ".join(words))
    if len(text.split()) > _MOST_WORDS + 2:
        return None
    return text[:1].upper() + text[1:] + "."


def _object_words(obj: Token, subject: Token) -> str:
    """The object, with "any" where it has no determiner; "them" for what the subject's
    own clause names ("men who wear earrings … take them out": "any earrings")."""
    if obj.lower_ in ("them", "it"):
        clause = [c for c in subject.children if c.dep_ == "relcl"]
        named = [c for c in clause[0].children if c.dep_ == "dobj"] if clause else []
        if not named:
            return obj.text
        obj = named[0]
    text = words_of(obj.doc, obj.left_edge.i, obj.right_edge.i + 1)
    has_det = any(c.dep_ in ("det", "poss", "nummod") for c in obj.children)
    if has_det:
        first = obj.doc[obj.left_edge.i]
        if first.lower_ in ("their", "her", "his"):
            text = "any" + text[len(first.text) :]  # "their earrings" -> "any earrings"
        return text
    return f"any {text}" if obj.tag_ in ("NNS", "NN") else text
