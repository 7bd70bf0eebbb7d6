"""Lookup structures of the entity stage (extract.entity_index): letter runs that may be one of a
set of words, and the cover of claimed spans. Hand-built strings."""
from __future__ import annotations

import re

import pytest

from dateline.extract.entity_index import Cover, letter_runs, letter_tree, matches_at_words

WORDS = frozenset({"troops", "rebels", "mayor"})


@pytest.mark.parametrize("text, found", [
    ("Troops and rebels met the Mayor.", ["Troops", "rebels", "Mayor"]),
    ("TROOPS arrived; rebelsx left", ["TROOPS"]),
    ("pro-rebels forces, the mayor's aide", ["rebels", "mayor"]),
    ("Caf\u00e9troops and 3rebels", ["troops", "rebels"]),
    ("no such words here", []),
])
def test_letter_runs_find_what_a_walk_over_every_run_finds(text, found):
    runs = [m.group() for m in letter_runs(WORDS).finditer(text) if m.group().lower() in WORDS]
    assert runs == found
    assert runs == [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in WORDS]


@pytest.mark.parametrize("text", [
    "Troops and rebels met the Mayor; the mayors' aides and a deputy left.",
    "deputy troops",                 # a run at the text's start
    "",
])
def test_letter_runs_of_sets_asked_in_turn_are_each_sets_own(text):
    # several sets in one text share one scan: each still gets its own runs, whichever came first
    other = frozenset({"deputy", "aides", "mayor"})
    for words in (WORDS, other, WORDS, frozenset({"troops"})):
        runs = [m.span() for m in letter_runs(words).finditer(text)]
        assert runs == [m.span() for m in re.finditer(r"[A-Za-z]+", text) if m.group().lower() in words]


@pytest.mark.parametrize("words", [["son", "sons", "sister"], ["a"], ["ab", "abc", "b"]])
def test_letter_tree_matches_exactly_its_words(words):
    rx = re.compile(letter_tree(words))
    for w in words + ["so", "sonss", "sis", "abcd", "c", "ba"]:
        assert (rx.fullmatch(w) is not None) == (w in words)


@pytest.mark.parametrize("text", [
    "Roe met Roe's aide; Monroe and Roes and ROE and Roe-Smith and xRoe, then Roe.",
    "Hutu and Hutus; the Tutsi-led side; Tutsis",
])
def test_matches_at_words_are_the_scans_matches_at_those_words(text):
    rx = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*?[a-z])(?:['’]s)?(?![\w-])")
    words = ["Roe", "Hutu", "Tutsi", "Absent"]
    scan = [(m.span(), m.groups()) for m in rx.finditer(text) if any(text.startswith(w, m.start()) for w in words)]
    assert [(m.span(), m.groups()) for m in matches_at_words(rx, text, words)] == scan


def test_letter_runs_of_no_letter_word_match_nothing():
    assert list(letter_runs(frozenset({"co-op", "x1"})).finditer("co-op x1 coop")) == []


@pytest.mark.parametrize("spans, free, covered", [
    ([(2, 5), (8, 8)], [(0, 2), (5, 8)], [(2, 3), (4, 6)]),
    ([], [(0, 10)], []),
    ([(0, 3), (3, 6)], [(6, 9)], [(2, 4)]),
])
def test_cover_made_from_spans_is_cover_taken_span_by_span(spans, free, covered):
    made, taken = Cover(10, spans), Cover(10)
    for a, b in spans:
        taken.take(a, b)
    assert (made.mask, made.points, made.spans) == (taken.mask, taken.points, taken.spans)
    assert all(made.free(a, b) for a, b in free)
    assert all(made.overlaps(a, b) for a, b in covered)
    assert made.overlaps(7, 9) == taken.overlaps(7, 9)


@pytest.mark.parametrize("text", [
    "The boy's father said, and the victims' relatives in Lima wept.",
    "A spokesman for the Polish ministry, Jan Kowal, spoke; Mr. Kowal and Gen. Ruiz left.",
    "Citizens for Ethics in Government (CEG) said so.",
    "no possessive, no title, no parenthesis here",
])
def test_the_tests_that_skip_a_scan_hold_wherever_the_scan_finds_something(text):
    # each shortcut skips an expression only where it cannot match: wherever it matches, the test passes
    from dateline.extract import entities as E, entity_context as X, entity_titles as T, org_names as O
    if any(m.group(2) in X.context_words("kin_nouns") for m in X._KIN.finditer(text)):
        assert X._kin_word().search(text)
    if E._HONORIFIC.search(text):
        assert E._HONORIFIC_NEEDS.search(text)
    if O._DEFINED.search(text):
        assert "(" in text
    for end in range(len(text) + 1):
        if T._ROLE_PHRASE.search(text, max(0, end - 110), end):
            window = text[max(0, end - 110):end]
            assert window[-1:].isspace() and window.rstrip().endswith(",")
