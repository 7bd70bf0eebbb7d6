"""Regular expressions as data (extract.regexes, resources/*/regexes.json)."""
import re

import pytest

from dateline.extract import regexes
from dateline.resources import ResourceError


@pytest.mark.parametrize("folder", ["entities", "cameo"])
def test_every_expression_compiles_and_says_what_it_is_for(folder):
    table = regexes._table(folder)
    assert table
    for name, entry in table.items():
        assert entry.get("use"), name
        assert isinstance(regexes.regex(folder, name), re.Pattern)


def test_a_reference_expands_to_the_named_expression():
    assert regexes.source("cameo", "series_word").startswith(r"\b" + regexes.source("cameo", "series_owner"))


def test_a_word_list_reference_expands_to_the_list_of_context_json():
    src = regexes.source("entities", "tie_kin_gap")
    assert "@{" not in src and "stepfather" in src
    assert src.index("grandmother") < src.index("mother")          # longest first: no prefix wins early


def test_an_unknown_word_list_is_a_clear_error():
    with pytest.raises(ResourceError, match="no word list 'nope'"):
        regexes._alternation("entities", "nope")


def test_an_unknown_name_is_a_clear_error():
    with pytest.raises(ResourceError, match="no expression named 'nope'"):
        regexes.source("cameo", "nope")


@pytest.mark.parametrize("folder,name,text,matches", [
    ("cameo", "list_gap", ", and the ", True),
    ("cameo", "list_gap", " with ", False),
    ("cameo", "series_number", "its 12th", True),
    ("cameo", "series_number", "its 12345th", False),
    # (definite opens at the "he" of "the": matched one character in)
    ("entities", "definite", "the court ruled", True),
    ("entities", "definite", "the city of Lima", False),
    ("entities", "definite", "bathe court ruled", False),
    ("entities", "owner_before", "'s opposition leader ", True),
    ("entities", "tie_kin_gap", "'s stepmother, ", True),
    ("entities", "tie_kin_gap", "’s parents, ", True),
    ("entities", "tie_kin_gap", "'s lawyer, ", False),
])
def test_expressions_on_hand_made_text(folder, name, text, matches):
    at = text.find("he") if name == "definite" else 0
    assert bool(regexes.regex(folder, name).match(text, at)) == matches


@pytest.mark.parametrize("folder", ["entities", "cameo"])
def test_no_expression_backtracks_on_long_runs(folder):
    """Each expression answers quickly on 20,000-character runs of the characters it reads."""
    import time
    runs = ["a" * 20000, "A" * 20000, "Mr." * 7000, " and" * 5000, "'s " * 7000, "1" * 20000]
    for name in regexes._table(folder):
        rx = regexes.regex(folder, name)
        for run in runs:
            t = time.perf_counter()
            rx.search(run)
            assert time.perf_counter() - t < 2.0, (name, run[:10])
