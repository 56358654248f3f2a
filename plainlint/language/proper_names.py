"""Tell a word used as a word from the same word inside a name or title.

"the Men's Health Forum" and "Chairman of the Trust" name things; the words in
them are not the writer's choice, so word rules leave them alone.
"""

from __future__ import annotations

import re

from plainlint.language.page import Sentence

_NEXT_WORD = re.compile(r"[\s’']*(?:s\b)?[\s]*([\w’'-]+)")


def in_name(sentence: Sentence, start: int, end: int) -> bool:
    """True when text[start:end] is written as part of a name ("Men's Health Forum").

    A capital inside a sentence marks a name; at the start of a sentence, a
    capitalised word after it does ("Women's Aid is a charity").
    """
    text = sentence.block.text
    word = text[start:end]
    if not word[:1].isupper() or (word.isupper() and len(word) > 1):
        return False
    opening = start == sentence.words[0][0]
    if not opening:
        return True
    after = _NEXT_WORD.match(text, end, sentence.end)
    if after is None:
        return False
    following = after.group(1)
    return following[:1].isupper() and following != "I"


def chosen_by_writer(sentence: Sentence, start: int, end: int) -> bool:
    """True for words the writer chose: not quoted, not code, not part of a name."""
    return not sentence.block.is_protected(start, end) and not in_name(sentence, start, end)
