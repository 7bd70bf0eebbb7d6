"""Work of the attribution clause helpers grows linearly: content_end walks the rest of a unit once,
not once per content (made-up sentences; counts of executed lines, no timings)."""
from __future__ import annotations

import random

import pytest

from dateline.extract import attribution_clauses
from dateline.extract.attribution import extract_attributions
from dateline.extract.attribution_clauses import _Atts, _ByCue
from dateline.text import split_sentences
from work_count import growth


def run(text):
    return extract_attributions(text, split_sentences(text), [])


@pytest.mark.parametrize("unit", [
    '"It is," he said, "',                       # nested speakers in one open quotation
    'He said "the talks will go on," ',          # contents running to the end of the unit
    'She said "we wait," and he said "we go," ',
    '"Yes," the minister said, "and ',
])
def test_chains_of_quotations_grow_linearly(unit):
    assert growth(lambda n: unit * n, run, attribution_clauses) < 2.6


@pytest.mark.parametrize("text", [
    'He said "the talks will go on," ' * 12,
    '"It is," he said, "' * 12,
    'Officials said: "We will respond." The ministry said, "It is over," and added "no". ' * 4,
    'Kim said "it is" and Lee said "it is not", who added that "nothing changed," the agency said.',
])
def test_remembered_walks_give_the_walk_each_content_would_take(text, monkeypatch):
    """content_end with the walks it remembers equals content_end walking afresh each time."""
    fresh = []
    orig = attribution_clauses._Clauses.content_end

    def both(self, i, hi, rel=False, nested=False):
        got = orig(self, i, hi, rel, nested)
        saved, self._ends = self._ends, {}
        fresh.append((got, orig(self, i, hi, rel, nested)))
        self._ends = saved
        return got

    monkeypatch.setattr(attribution_clauses._Clauses, "content_end", both)
    run(text)
    assert fresh and all(a == b for a, b in fresh)


class _A:
    def __init__(self, c):
        self.cue_span = (c, c + 1)


def test_attributions_by_cue_follow_appends_and_reorderings():
    r = random.Random(3)
    atts = _Atts()
    index = _ByCue(atts)
    for step in range(200):
        atts.append(_A(r.randrange(50)))
        if step % 37 == 0:
            atts.sort(key=lambda a: -a.cue_span[0])
        lo, hi = sorted(r.sample(range(51), 2))
        want = [k for k in range(len(atts) - 1, -1, -1) if lo <= atts[k].cue_span[0] < hi]
        assert index.between(lo, hi) == want
