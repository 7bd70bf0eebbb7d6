"""The attribution doc's shortcuts give what a plain scan gives (made-up strings)."""
from __future__ import annotations

import pytest

from dateline.extract.attribution_doc import _apostrophe_words, _clitic_after
from dateline.extract.attribution_words import _CLITIC, _CLITIC_HOSTS, _TIME_RE, _TIME_RE_FIRST
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


@pytest.mark.parametrize("text", [
    "It's what they’ll say and who'd know; we’Re told he'S here",
    "the party's plan, 'n' roll and ''quoted'' words'",
])
def test_clitic_apostrophes_are_those_before_a_suffix(text):
    _, starts, ends, low = word_table(text)
    every = _apostrophe_words(text, list(starts), list(ends))
    some = _apostrophe_words(text, list(starts), list(ends), _clitic_after())
    assert set(some) <= set(every)
    assert [k for k in every if low[k] in _CLITIC_HOSTS] == [k for k in some if low[k] in _CLITIC_HOSTS]


@pytest.mark.parametrize("word", ["he's", "she’d", "it'll", "they’ve", "we're", "i'd", "you’ll", "who's",
                                  "he", "he'", "he's's", "it’m", "x's", "whose", "they're'"])
def test_clitic_table_is_the_regex(word):
    m = _CLITIC.fullmatch(word)
    assert _CLITIC_HOSTS.get(word) == (m.group(1) if m else None)


@pytest.mark.parametrize("words", [
    "on tuesday he", "tuesday morning", "last week", "earlier this month", "today's talks",
    "yesterday", "the minister", "lastly we", "one monday", "ontario said", "in a statement",
])
def test_time_first_words_cover_every_match(words):
    m = _TIME_RE.match(words)
    assert not m or words.startswith(_TIME_RE_FIRST)
