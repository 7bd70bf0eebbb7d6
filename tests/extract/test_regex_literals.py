"""regex_literals: the words a pattern cannot match without, and the skip they allow."""
import re

import pytest

from dateline.extract.regex_literals import (
    absent, ascii_fits, ascii_lowered, compiled, core, foldable, led, may_match, needed, needed_alternatives,
)


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


@pytest.mark.parametrize("pattern, flags, want", [
    (r"(?:end\s+of|mid)\s+year", re.I, [[{"end"}, {"of"}, {"year"}], [{"mid"}, {"year"}]]),
    (r"(?<!\w)(?:(\d+)\s+days|the\s+week)", 0, [[{"days"}], [{"the"}, {"week"}]]),
    (r"aa|bb|cc|dd|ee", 0, [[{"aa", "bb", "cc", "dd", "ee"}]]),  # more branches than that: needed's one list
    (r"the\s+day", 0, [[{"the"}, {"day"}]]),                     # no alternation: needed's list
])
def test_needed_alternatives(pattern, flags, want):
    assert [[set(s) for s in alt] for alt in needed_alternatives(re.compile(pattern, flags))] == want


@pytest.mark.parametrize("pattern, flags, texts, skips", [
    (r"(?<![\w-])(?:the\s+)?(?:end|start)\s+of", re.I, ["At THE END of May", "start of it", "trend of"], True),
    (r"(?<!\w)(?:b|c|d|f|g|h|j|k|l|m|n|p|q|r|s)x", 0, ["bx ax", "cx"], True),   # many letters: a bitmap all the same
    (r"(?<!\w)(?:sk|ki)\d", re.I, ["\u017fk1 \u212ai2 \u0130\u0131 \u0131k3 SK4", "xsk5"], True),  # case kin beyond ASCII
    (r"Mar(?-i:ch)|(?P<n>[0-9]+)th", re.I, ["MARch 4", "the 5th", "mar\u212ach"], True),
    (r"(?<!\w)(?:last\s+)?(?-i:Jan|Feb|(?i:k)ay)\b", re.I, ["Jan JAN jan Feb; LAST Feb, last feb \u212aay Kay kay"], True),
    (r"(?:\d+|a\s+few)?\s*days?", re.I, [" 3 days", "A\tday"], True),  # may begin with whitespace: a class
    (r"x?", 0, ["", "x"], False),                                 # can match empty: left as it is
    (r"[^a]b", 0, ["cb"], False),                                 # a negated class: left as it is
    (r"(?<!\w)\u00e9t\u00e9", re.I, ["\u00c9T\u00c9"], False),         # a cased letter beyond ASCII: left
])
def test_led_finds_the_same_matches(pattern, flags, texts, skips):
    rx = re.compile(pattern, flags)
    lx = led(rx)
    assert (lx is not rx) is skips
    for text in texts:
        for s in range(len(text)):
            assert [(m.span(), m.groups()) for m in lx.finditer(text, s)] == \
                [(m.span(), m.groups()) for m in rx.finditer(text, s)]


@pytest.mark.parametrize("text, fits", [
    ("plain ASCII, with\ttabs\nand lines", True), ("an em dash \u2014 here", False), ("a\x1cb", False),
    ("a\x1fb", False), ("a\x0bb\x0cc", True), ("", True),
])
def test_ascii_fits_only_where_ascii_and_unicode_spaces_agree(text, fits):
    assert ascii_fits(text) is fits


def test_a_pattern_holding_a_fold_kin_of_an_ascii_letter_keeps_unicode():
    rx = re.compile("\u212ain", re.I)                  # the Kelvin sign: "kin" in any case under Unicode
    for ax in (led(rx, ascii=True), core(re.compile("(?:a\\s+)?(?:b\\s+)?(?:c\\s+)?\u212ain", re.I), ascii=True)):
        assert ax.search("KIN") and not ax.flags & re.ASCII


@pytest.mark.parametrize("pattern, flags, texts", [
    (r"(?<![\w'’-])(?:the\s+)?(?P<n>\d+|a\s+few)\s+DAYS?\b(?!’)", re.I, ["At THE 3 days, the_2 days", "a FEW\tday."]),
    (r"\bMar(?-i:ch)(?![A-Za-z])|\W(\w+)\s\S", re.I, ["MARch 4", "March, march; x_y z"]),
    (r"[^\d\s]+", 0, ["ab 12 cd3"]),
])
def test_ascii_patterns_find_the_same_matches_in_ascii_text(pattern, flags, texts):
    rx = re.compile(pattern, flags)
    for ax, want in ((led(rx, ascii=True), rx), (core(rx, least=0, ascii=True), core(rx, least=0))):
        assert ax.flags & re.ASCII and not ax.flags & re.UNICODE
        for text in texts:
            assert text.isascii()
            assert [(m.span(), m.groups()) for m in ax.finditer(text)] == \
                [(m.span(), m.groups()) for m in want.finditer(text)]


@pytest.mark.parametrize("pattern, texts", [
    (r"(?<!\w)(?:about\s+)?(\d+)?\s*(?:long\s+)?(?:full\s+)?weeks?\s+ago", ["about 3 long weeks ago", "weeks ago",
                                                                            "3 weeks later", "a week  ago"]),
])
def test_core_holds_wherever_the_pattern_matches(pattern, texts):
    rx = re.compile(pattern, re.I)
    for cx in (core(rx), core(rx, led=True)):
        assert cx is not None
        for text in texts:
            for s in range(len(text)):
                if rx.search(text, s):
                    assert cx.search(text, s)
        assert cx.search("3 weeks later") is None


@pytest.mark.parametrize("pattern", [
    r"(?:a\s+)?week",                    # a short lead: the search would not pay
    r"(x)?(y)?(z)?w\1",                  # a backreference to the lead
    r"(?:a)?(?:b)?(?:c)?",                # nothing but the lead
])
def test_no_core(pattern):
    assert core(re.compile(pattern)) is None


@pytest.mark.parametrize("pattern, flags", [
    (r"(?P<n>\d+)\s+(days?|weeks?)\s+ago", re.I),
    (r"(?<![\w-])Mar(?-i:ch)\b", re.I),
    (r"(?i)abc|(x)(?P<y>y)", 0),
])
def test_compiled_is_re_compile(pattern, flags):
    rx, want = compiled(pattern, flags), re.compile(pattern, flags)
    assert rx == want and rx.pattern == pattern and rx.flags == want.flags
    assert rx.groupindex == want.groupindex and rx.groups == want.groups
    assert needed(rx) == needed(want)
    assert [m.span() for m in led(rx).finditer("7 DAYS ago, March; abc xy")] == \
        [m.span() for m in rx.finditer("7 DAYS ago, March; abc xy")]


def test_the_info_blocks_written_here_read_as_this_pythons_engine_expects():
    from dateline.extract.regex_literals import _leading_works
    assert _leading_works()


def test_where_the_check_fails_nothing_is_led(monkeypatch):
    from dateline.extract import regex_literals
    monkeypatch.setattr(regex_literals, "_leading_works", lambda: False)
    rx = re.compile(r"(?:one|two)\s+days?", re.I)
    assert led(rx) is rx
    assert [m.span() for m in led(rx, ascii=True).finditer("ONE day, two days")] == [(0, 7), (9, 17)]
