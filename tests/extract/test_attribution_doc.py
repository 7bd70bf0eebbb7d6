"""The attribution doc's shortcuts give what a plain scan gives (made-up strings)."""
from __future__ import annotations

import pytest

from dateline.extract.attribution_doc import _apostrophe_words
from dateline.extract.attribution_quotes import _SINGLE_OPEN, MARK, _mark_spans, _may_open, find_quotes
from dateline.text import paragraphs, word_table


@pytest.mark.parametrize("text", [
    "",
    "no marks at all",
    "''' ``` a''''b",
    '"A," he said. ``B,\'\' she said. “C” «D» „E"',
    "It's Tom's ''view'' of `the' plan''",
])
def test_mark_spans_are_the_regex_scan(text):
    assert _mark_spans(text) == [(m.start(), m.end()) for m in MARK.finditer(text)]


@pytest.mark.parametrize("text", [
    "plain words only",
    "It's the party's plan, isn’t it? 'Yes,' rock 'n' roll",
])
def test_apostrophe_words_are_the_words_with_one(text):
    _, starts, ends, low = word_table(text)
    want = [k for k, w in enumerate(low) if "'" in w or "’" in w]
    assert _apostrophe_words(text, list(starts), list(ends)) == want


@pytest.mark.parametrize("text, paras, want", [
    ('He said "yes."\n\n"No," she said.', None, [(8, 14), (16, 21)]),
    ('A "b" c"d" e', [(0, 5), (5, 12)], [(2, 5), (7, 10)]),     # a paragraph edge on a mark
])
def test_quotes_of_each_paragraph(text, paras, want):
    assert [(g.start, g.end) for g in find_quotes(text, paras or paragraphs(text))] == want


@pytest.mark.parametrize("text", [
    "",
    "It's the firm's plan",
    "'Quoted' at the start",
    "a (‘word’ here) and :'x",
    "ends with a mark '",
    "rock 'n' roll, '$5' and ' spaced",
])
def test_opener_scan_is_the_regex_search(text):
    assert _may_open(text) == (_SINGLE_OPEN.search(text) is not None)
