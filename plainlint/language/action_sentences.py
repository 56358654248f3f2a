"""Sentences that explain a word by saying what it does.

Editors accept "Cryotherapy freezes the abnormal cells." and "Hormone therapy
drugs block the hormones that some cancers need to grow." as explanations, and
so a pronoun sentence straight after a word: "It gives high doses of radiation
from many angles." Phrase patterns cannot tell these from "Chemotherapy may
cause tiredness" or "Your biopsy takes 10 minutes", so these tests read the
dependency parse. Rules call them only on the few sentences the patterns left
undecided, because parsing is slow.

A sentence says what something does when the thing is the subject of the main
verb, the verb is in the simple present ("freezes", "block"), no helper verb
comes with it ("may", "can", "does not"), the verb has something it acts on
("the abnormal cells", "with ...") and it is not one of the verbs that tell
when, how long or what follows ("takes", "starts", "causes"): those come from
rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Collection

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Simple present: "freezes", "block".
_PRESENT = frozenset({"VBZ", "VBP"})
# What the verb acts on or how: an object, a phrase with a preposition, a clause.
_COMPLEMENTS = frozenset({"dobj", "prep", "xcomp", "ccomp", "dative", "advcl", "attr", "acomp"})
# Helper verbs and "not": "may cause", "does not", "can be".
_HELPERS = frozenset({"aux", "auxpass", "neg"})
# Words that make the subject one person's own: "Your biopsy shows ...".
_OWNERS = frozenset({"poss"})
# Where a noun phrase grows into a longer one: "hormone therapy" in "hormone therapy drugs".
_INSIDE_PHRASE = frozenset({"compound", "amod", "nmod"})
PRONOUNS = frozenset({"it", "they", "this", "these"})


def names_what_it_does(doc: Doc, start: int, end: int, not_explaining: Collection[str]) -> bool:
    """True when the words at doc offsets [start, end) are the subject of a verb that
    says what they do: "Cryotherapy freezes the abnormal cells."."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return False
    head = next((t for t in inside if not (start <= t.head.idx < end) or t.head is t), None)
    if head is None:
        return False
    while head.dep_ in _INSIDE_PHRASE and head.head is not head:
        head = head.head  # "Hormone therapy" -> "drugs" in "Hormone therapy drugs block ..."
    return _subject_of_action(head, not_explaining)


def pronoun_says_what_it_does(doc: Doc, not_explaining: Collection[str]) -> bool:
    """True for a sentence that opens "It ...", "They ..." or "This treatment ..." and says
    what the thing just named does: "It gives high doses of radiation from many angles."."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not words or words[0].lower_ not in PRONOUNS:
        return False
    first = words[0]
    subject = first.head if first.dep_ == "det" else first  # "This treatment uses ..."
    return _subject_of_action(subject, not_explaining)


def _subject_of_action(subject: Token, not_explaining: Collection[str]) -> bool:
    if subject.dep_ != "nsubj" or any(c.dep_ in _OWNERS for c in subject.children):
        return False
    verb = subject.head
    if verb.dep_ != "ROOT" or verb.tag_ not in _PRESENT or verb.lemma_ in ("be", "have"):
        return False
    if verb.lemma_.lower() in not_explaining:
        return False
    children = list(verb.children)
    if any(c.dep_ in _HELPERS for c in children):
        return False
    return any(c.dep_ in _COMPLEMENTS for c in children)
