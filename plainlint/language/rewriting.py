"""Putting a plainer word in place of another without breaking the sentence.

A rule that knows what to write instead describes the change as a Rewrite:
spans of a block's text and what goes in their place. The helpers here keep
the grammar right around the new words: "a" or "an" before them by sound
("an additional" -> "a further"), the capital at the start of a sentence, the
page's own apostrophes (’ or '), and a verb that agrees with "they" or "you"
once it has a new subject ("he or she needs" -> "they need").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from plainlint.io.yaml_lines import parse_yaml
from plainlint.language.phrase_list import same_case

if TYPE_CHECKING:
    from spacy.tokens import Token

# "a" or "an" just before a word, with only spaces or a line break between.
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(an?|An?|AN?)(\s+)$")
_FIRST_WORD = re.compile(r"[\w’'-]+")
# Verbs that change in a way their lemma does not show, for "they" or "you".
_AGREEING = {"is": "are", "was": "were", "has": "have", "does": "do"}
_SUBJECTS = ("nsubj", "nsubjpass")
_HELPERS = ("aux", "auxpass")


@dataclass(frozen=True)
class Change:
    """text[start:end] of a block becomes `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Rewrite:
    """The changes that fix one finding. `safe` when the result reads right wherever
    the rule found it; otherwise a person should read it (`--unsafe-fixes`)."""

    safe: bool
    changes: tuple[Change, ...]


def swap(text: str, start: int, end: int, new: str, safe: bool, curly: bool) -> Rewrite:
    """`new` in place of text[start:end], with its capital, the page's apostrophes
    (`curly` for ’), and "a" or "an" before it as its first sound needs."""
    old = text[start:end]
    if "’" in old or "'" in old:
        curly = "’" in old  # the writer's own apostrophe, here
    new = apostrophes(same_case(old, new), curly)
    if " " in old.strip() and old.isupper():
        new = new.upper()  # "PRIOR TO" -> "BEFORE", in a heading in capitals
    elif old[:1].isupper() and old.isupper() and _starts_sentence(text, start):
        new = new[:1].upper() + new[1:]  # "MRI scans are" -> "Magnetic resonance imaging …"
    found = _ARTICLE_BEFORE.search(text, max(0, start - 8), start)
    if found is not None and found.group(1)[0] == "A" and not _starts_sentence(text, found.start()):
        found = None  # "vitamin A", "hepatitis A": a name, not an article
    if found is None:
        return Rewrite(safe, (Change(start, end, new),))
    article, gap = found.group(1), found.group(2)
    wanted = article_for(new)
    if article.lower() == wanted:
        return Rewrite(safe, (Change(start, end, new),))
    if len(article) > 1 and article.isupper():
        fixed = wanted.upper()  # "AN" -> "A"
    else:
        fixed = wanted.capitalize() if article[0].isupper() else wanted
    return Rewrite(safe, (Change(found.start(), end, f"{fixed}{gap}{new}"),))


def _starts_sentence(text: str, start: int) -> bool:
    """True when nothing but opening quotes or brackets comes before `start` in its sentence."""
    before = text[max(0, start - 80) : start].rstrip(" \t\r\n\"“‘'(")
    return (not before and start <= 80) or (bool(before) and before[-1] in ".!?")


def apostrophes(words: str, curly: bool) -> str:
    """The words with the page's kind of apostrophe."""
    return words.replace("'", "’") if curly else words.replace("’", "'")


def prefers_curly(texts: list[str]) -> bool:
    """True when a page writes ’ more often than ' (its apostrophes and closing quotes)."""
    curly = sum(text.count("’") for text in texts)
    straight = sum(text.count("'") for text in texts)
    return curly > straight


def article_for(words: str) -> str:
    """ "a" or "an", by the sound the words start with: "an hour", "a union", "an MRI"."""
    found = _FIRST_WORD.search(words)
    if found is None:
        return "a"
    word = found.group()
    data = _articles()
    if word[0].isdigit():
        number = re.match(r"\d+", word).group()  # type: ignore[union-attr]
        return "an" if number in data["vowel_numbers"] else "a"
    letters = word.split("-")[0]
    if letters.isupper() or (len(letters) == 1 and "-" in word):  # said letter by letter
        return "an" if letters[0].lower() in data["vowel_letters"] else "a"
    lower = word.lower()
    beginnings = [(b, "an") for b in data["an_before"]] + [(b, "a") for b in data["a_before"]]
    matching = [(len(b), article) for b, article in beginnings if lower.startswith(b)]
    if matching:
        return max(matching)[1]
    return "an" if lower[0] in "aeiou" else "a"


@lru_cache(maxsize=1)
def _articles() -> dict[str, Any]:
    text = (resources.files("plainlint") / "data" / "articles.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return {key: tuple(str(item).lower() for item in value) for key, value in data.items()}


def verbs_for(subject: Token) -> tuple[list[Token], bool] | None:
    """The verbs to change when `subject` becomes "they" or "you" ("needs" -> "need"),
    and whether they are surely all; None when the parse shows no verb for it.

    The verb that agrees is the first helper ("he has been told") or else the
    verb itself; verbs joined to it with "and" share its subject ("needs rest
    and takes tablets") unless they have their own.
    """
    if subject.dep_ not in _SUBJECTS:
        return None
    head = subject.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    found = [_finite(head)]
    found += [verb for verb in _joined(head) if not _has_subject(verb)]
    # "He or she, who is ill, needs": the verb after "who" agrees with the pronoun too.
    found += [_finite(clause) for clause in subject.children if clause.dep_ == "relcl"]
    found = [verb for verb in found if verb.tag_ == "VBZ" or verb.lower_ == "was"]
    chosen = {verb.i for verb in found}
    # Another verb with no subject of its own may share this one ("needs to rest and takes").
    # So may a word after "and", "or" or "nor" that the parse took for a noun ("neither
    # eats nor drinks").
    sure = not any(
        t.i not in chosen
        and (
            (t.tag_ == "VBZ" and not _has_subject(t))
            or (t.tag_ == "NNS" and t.i > subject.i and t.doc[t.i - 1].pos_ == "CCONJ")
        )
        for t in subject.doc
    )
    return found, sure


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in _SUBJECTS or child.dep_ == "expl" for child in verb.children)


def _finite(verb: Token) -> Token:
    """The word of a verb group that agrees with its subject: its first helper, if any."""
    helpers = [child for child in verb.children if child.dep_ in _HELPERS]
    return helpers[0] if helpers else verb


def _joined(verb: Token) -> list[Token]:
    """Verbs joined to this one by "and" or "or", their helpers first."""
    joined = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            joined.append(_finite(child))
            joined += _joined(child)
    return joined


def with_verbs(rewrite: Rewrite, verbs: list[tuple[int, int, Token]], sure: bool) -> Rewrite | None:
    """The rewrite with each verb (at its start and end in the block) made to agree with
    a new "they" or "you"; not safe unless `sure` these are all; None when one of them
    cannot agree ("he or she's" has no form for "they")."""
    changes = list(rewrite.changes)
    for start, end, verb in verbs:
        new = plural_verb(verb)
        if new is None:
            return None
        changes.append(Change(start, end, new))
    return Rewrite(rewrite.safe and sure, tuple(changes))


def plural_verb(verb: Token) -> str | None:
    """The form of a verb after "they" or "you": "needs" -> "need", "is" -> "are", "IS"
    -> "ARE"; None for one whose form is unclear ("'s" can be "is" or "has")."""
    word = verb.text
    agreeing = _agreeing(word.lower(), verb.lemma_)
    if agreeing is None:
        return None
    if word.isupper() and len(word) > 1:
        return agreeing.upper()
    return same_case(word, agreeing)


def _agreeing(lower: str, lemma: str) -> str | None:
    if lower in _AGREEING:
        return _AGREEING[lower]
    if not lower.endswith("s") or "'" in lower or "’" in lower:
        return None
    if not lemma or lemma.lower() == lower or not lemma.isalpha():
        return None
    return lemma.lower()
