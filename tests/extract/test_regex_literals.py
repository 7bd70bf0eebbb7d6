"""regex_literals: the words a pattern cannot match without, and the skip they allow."""
import re

import pytest

from dateline.extract.regex_literals import absent, ascii_lowered, foldable, may_match, needed


@pytest.mark.parametrize("pattern, flags, want", [
    (r"\bthe\s+(\d+)\s+days?\s+ago\b", 0, [{"the"}, {"day"}, {"ago"}]),
    (r"(?:first|second)\s+half", re.I, [{"first", "second"}, {"half"}]),
    (r"(?:early|late)?\s*spring", 0, [{"spring"}]),            # an optional part needs nothing
    (r"(?:week|\d+)\s+later", 0, [{"later"}]),                  # a branch with no word: nothing from it
    (r"[A-Z]\w+(?=\s+said)", 0, []),                            # classes and lookaheads need nothing
    (r"(?:ab)+c{2,3}", 0, [{"ab"}, {"c"}]),
    (r"Caf\u00e9 (?i:Noir)", 0, [{"noir"}]),                    # non-ASCII words are left out
])
def test_needed(pattern, flags, want):
    assert [set(s) for s in needed(re.compile(pattern, flags))] == want


@pytest.mark.parametrize("pattern, flags, text", [
    (r"\bthe\s+(\d+)\s+days?\s+ago\b", 0, "It ended the 3 days ago, and the 4 DAYS AGO too."),
    (r"(?:first|second)\s+half", re.I, "In the SECOND Half of the year"),
    (r"(?i:march)\s+\d+", 0, "on MARCH 3 and March 4"),
])
def test_a_match_is_never_skipped(pattern, flags, text):
    rx = re.compile(pattern, flags)
    assert rx.search(text)
    assert may_match(needed(rx), text.lower())
    assert not absent(rx, text)


@pytest.mark.parametrize("text, folds", [
    ("plain ASCII text", False),
    ("curly \u2019quotes\u2019 and caf\u00e9", False),
    ("a wee\u212a (Kelvin sign)", True),
    ("\u017funday (long s)", True),
    ("\u0130stanbul", True),
])
def test_foldable(text, folds):
    assert foldable(text) is folds


def test_absent_only_where_a_word_is_missing():
    rx = re.compile(r"\bcontributed\s+reporting\b", re.I)
    assert absent(rx, "Jane Roe wrote this story.")
    assert not absent(rx, "Jane Roe CONTRIBUTED reporting.")
    # a folding character: the engine may match what str.lower does not show, so no skip is told
    assert not absent(re.compile(r"kin", re.I), "\u212aIN")
    assert re.search(r"kin", "\u212aIN", re.I)


def test_ascii_lowered_keeps_length_and_other_characters():
    text = "\u0130stanbul, KIEV and Caf\u00c9"
    low = ascii_lowered(text)
    assert len(low) == len(text)
    assert low == "\u0130stanbul, kiev and caf\u00c9"
