"""Lookup structures of the entity stage (extract.entity_index): letter runs that may be one of a
set of words, and the cover of claimed spans. Hand-built strings."""
from __future__ import annotations

import re

import pytest

from dateline.extract.entity_index import Cover, letter_runs

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
