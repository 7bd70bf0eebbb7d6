"""The look at the words around a position (extract.entity_words): the short window read first gives
the tokens of the 80 characters as the plain read of them does. Hand-built strings."""
from __future__ import annotations

import re

import pytest

from dateline.extract.entity_words import _next_words, _prev_word

TEXTS = [
    "The Acme Corp. chief, Jane Roe, said on Monday — after talks – that the deal was off.",
    "supercalifragilisticexpialidocious-and-more-words-joined-by-hyphens-without-any-space-at-all end",
    "a, b; c: d",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_before_and_after_are_those_of_the_whole_window(text):
    for pos in range(len(text) + 1):
        for n in (1, 2, 3, 4):
            assert _prev_word(text, pos, n) == re.findall(r"[\w'’.-]+|[,;:—–]", text[max(0, pos - 80):pos])[-n:]
            assert _next_words(text, pos, n) == re.findall(r"[\w'’-]+|[,;:.—–]", text[pos:pos + 80])[:n]
