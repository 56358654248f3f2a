"""Turn a parsed passive verb into the active sentence an editor would write.

"Your blood sample will be sent to the lab" becomes "We will send your blood
sample to the lab"; "They will be cared for by a specialist doctor" becomes "A
specialist doctor will care for them". The rewrite uses the sentence's own
words and the parse; where the parse does not give a clear subject, tense or
doer, there is no rewrite and the rule says less rather than something wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainlint.language.inflection import inflect

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A pronoun as the subject of a passive becomes the object of the active verb; others
# ("it", "you", "this") stay as they are.
_OBJECT_CASE = {"i": "me", "we": "us", "he": "him", "she": "her", "they": "them"}
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i", "these", "those"})
# Words of the rest of the sentence shown before "…", and of the whole rewrite.
_REST_WORDS = 8
_MOST_WORDS = 16


@dataclass(frozen=True)
class Active:
    """The parts of an active rewrite."""

    verb: str  # the verb in the third person, for "Say who sends it": "sends"
    thing: str  # what is acted on, in object form: "it", "them", "your blood sample"
    sentence: str  # the whole active sentence, possibly cut short with "…"


def rewrite(verb: Token, doer: Token | None, guess: str) -> Active | None:
    """The active form of the passive clause around `verb`.

    `doer` is the "by" phrase's preposition when the sentence names one; without
    it, `guess` ("We", "Doctors") stands in as an example doer.
    """
    subjects = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if len(subjects) != 1 or subjects[0].lower_ in ("that", "which", "who", "what"):
        return None
    subject = subjects[0]
    if verb.sent[-1].text == "?" or verb.sent[0].tag_ in ("WDT", "WP", "WRB"):
        return None  # "What is this drug used for?": a question keeps its own order
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    passive_helper = [c for c in helpers if c.dep_ == "auxpass"]
    if len(passive_helper) != 1 or passive_helper[0].lemma_ != "be":
        return None  # "got hurt": leave the rewrite to the writer
    if any(c.tag_ == "TO" for c in helpers):
        return None  # "needs to be seen": the subject belongs to another verb
    if doer is not None:
        objects = [c for c in doer.children if c.dep_ == "pobj"]
        if not objects:
            return None
        who_token = objects[0]
        who = words_of(who_token.doc, who_token.left_edge.i, who_token.right_edge.i + 1)
        plural = _plural(who_token)
    else:
        who, plural = guess, guess.lower() in ("we", "they", "you") or guess.endswith("s")
    verbs = _verb_group(verb, helpers, passive_helper[0], plural)
    if verbs is None:
        return None
    particles = [p for p in (particle(verb),) if p is not None]
    if particles and particles[0].dep_ == "prep" and verb.dep_ in ("relcl", "ccomp", "advcl"):
        return None  # "the ones they are approved for": its object is elsewhere
    thing = _object(subject, verb)
    adverbs = [c for c in verb.children if c.dep_ == "advmod" and subject.i < c.i < verb.i]
    if adverbs:  # "have not yet been added" -> "have not yet added"
        helpers_said, _, main = verbs.rpartition(" ")
        said = " ".join(a.text for a in adverbs)
        verbs = f"{helpers_said} {said} {main}" if helpers_said else f"{said} {main}"
    if particles:  # "will be cared for" -> "will care for them"
        verbs += " " + particles[0].lower_
    if doer is None:
        who = who[0].lower() + who[1:]  # an example doer is a common noun: "doctors", "we"
    rest, cut = _rest(verb, doer, particles)
    sentence = tidy(" ".join(p for p in (who, verbs, thing, rest) if p))
    before = words_of(verb.doc, verb.sent.start, subject.left_edge.i).strip(" ,")
    if verb.dep_ == "ROOT" and before and len(before.split()) <= 5:
        sentence = f"{before}, {sentence}"  # "After surgery, doctors remove the drain"
    sentence = sentence[0].upper() + sentence[1:]
    words = sentence.split()
    if len(words) > _MOST_WORDS:
        sentence, cut = " ".join(words[:_MOST_WORDS]).rstrip(",;:"), True
    sentence += " …" if cut else ("" if sentence.endswith((".", "?", "!")) else ".")
    return Active(inflect(verb.lemma_.lower(), "s"), acted_on(verb), sentence)


def particle(verb: Token) -> Token | None:
    """The word that belongs to the verb right after it: "carried out", "cared for"."""
    for child in verb.children:
        if child.i == verb.i + 1 and (
            child.dep_ == "prt" or (child.dep_ == "prep" and not list(child.children))
        ):
            return child
    return None


def _rest(verb: Token, doer: Token | None, particles: list[Token]) -> tuple[str, bool]:
    """The clause's words after the verb, without the "by" phrase, and whether it was cut.

    The clause ends where another verb joined by "and" or "or" starts: "is reviewed
    regularly and updated as needed" keeps "regularly".
    """
    skip = {p.i for p in particles}
    if doer is not None:
        skip |= set(range(doer.i, doer.right_edge.i + 1))
    end = verb.sent.end
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            end = min(end, child.left_edge.i)
    tokens = [t for t in verb.doc[verb.i + 1 : end] if t.i not in skip and not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()  # no ",." or "and." at the end
    cut = len(tokens) > _REST_WORDS or end < verb.sent.end - 1
    shown = tokens[:_REST_WORDS]
    text = "".join(t.text_with_ws for t in shown[:-1]) + (shown[-1].text if shown else "")
    return " ".join(text.split()), cut and bool(shown)


def acted_on(verb: Token) -> str:
    """What the passive verb acts on, short, for "Say who checks it": "it", "them",
    "your blood sample". The subject of "need to be seen" is the subject of "need"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    head = verb
    while not subjects and head.dep_ in ("xcomp", "conj") and head.head is not head:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return "it"
    subject = subjects[0]
    if subject.lower_ in ("that", "which", "who") and head.dep_ == "relcl":
        subject = head.head  # "patients who are treated": the patients
        return "them" if _plural(subject) else "it"
    thing = _object(subject, verb)
    return thing if len(thing.split()) <= 4 else ("them" if _plural(subject) else "it")


def _verb_group(verb: Token, helpers: list[Token], be: Token, plural: bool) -> str | None:
    """The active verb words in the passive's tense: "will send", "sent", "has removed"."""
    base = verb.lemma_.lower()
    if not base.isalpha():
        return None
    negative = any(c.dep_ == "neg" for c in helpers)
    modal = [c.text.lower() for c in helpers if c.tag_ == "MD"]
    have = [c for c in helpers if c.lemma_ == "have"]
    not_ = " not" if negative else ""
    if modal:
        return f"{modal[0]}{not_} {base}"
    if have:
        if be.lower_ != "been":
            return None
        have_word = "had" if have[0].tag_ == "VBD" else ("have" if plural else "has")
        return f"{have_word}{not_} {verb.text.lower()}"
    if be.lower_ == "being":
        return None
    if be.tag_ in ("VBZ", "VBP"):
        if negative:
            return f"{'do' if plural else 'does'} not {base}"
        return base if plural else inflect(base, "s")
    if be.tag_ == "VBD":
        return f"did not {base}" if negative else inflect(base, "ed")
    return None


def _object(subject: Token, verb: Token) -> str:
    """The passive's subject as the active verb's object: "they" -> "them"."""
    if subject.lower_ in ("who", "that", "which", "what"):
        return "it"
    if subject.left_edge.i == subject.right_edge.i and subject.pos_ == "PRON":
        return _OBJECT_CASE.get(subject.lower_, subject.lower_)
    text = words_of(subject.doc, subject.left_edge.i, subject.right_edge.i + 1)
    first = subject.doc[subject.left_edge.i]
    starts = first.i == 0 or first.is_sent_start
    if starts and first.text != "I" and (len(first.text) == 1 or first.text[1:].islower()):
        text = text[0].lower() + text[1:]
    return text


def _plural(subject: Token) -> bool:
    return subject.tag_ in _PLURAL_TAGS or subject.lower_ in _PLURAL_PRONOUNS


def words_of(doc: Doc, start: int, end: int) -> str:
    """The sentence's own words from token `start` to `end`, on one line."""
    if start >= end:
        return ""
    return " ".join(doc[start:end].text.split())


def tidy(text: str) -> str:
    """Close up spaces before punctuation that joining words left, on one line."""
    for mark in (" ,", " .", " ;", " :", " )", " ?", " !"):
        text = text.replace(mark, mark[1:])
    return " ".join(text.split())
