"""The timex context looks back through the timexes resolved so far by index, not by a walk over
all of them (made-up sentences; counts of executed lines, no timings)."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from dateline.extract import timex_context
from dateline.extract.timexes import tag_timexes
from work_count import growth

DCT = dt.date(2019, 10, 31)


@pytest.mark.parametrize("unit", [
    "In May talks failed. That quarter they resumed. ",        # the focal quarter: none named
    "A fourth-quarter charge hit results. That quarter, costs fell. ",   # only indefinite quarters named
    "In 2019 talks failed. The next day they resumed. ",       # a day wanted, only years named
])
def test_look_backs_grow_linearly(unit):
    assert growth(lambda n: unit * n, lambda t: tag_timexes(t, DCT), timex_context, n=100) < 2.4


_PARTS = ["In the third quarter, profit rose.", "A fourth-quarter charge hit results.", "That quarter, costs fell.",
          "After a flat second quarter, revenue grew.", "In 2018 sales fell.", "The same month they rose.",
          "On Oct. 3 talks failed.", "The next day they resumed.", "Into the fourth quarter, demand may slow.",
          "Three months later it rose.", "In May 2019 shares fell.", "That week, they rose."]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_look_backs_answer_as_the_walk(seed, monkeypatch):
    """Every look-back made while tagging gives what the walk over all resolved timexes gives."""
    r = random.Random(seed)
    text = " ".join(r.choice(_PARTS) for _ in range(80))
    pairs = []
    ref, focal = timex_context._Ctx.ref, timex_context._Ctx.focal_quarter

    def both(method):
        def call(self, pos, *args, **kwargs):
            got = method(self, pos, *args, **kwargs)
            self.done.plain, plain = True, self.done.plain
            pairs.append((got, method(self, pos, *args, **kwargs)))
            self.done.plain = plain
            return got
        return call

    monkeypatch.setattr(timex_context._Ctx, "ref", both(ref))
    monkeypatch.setattr(timex_context._Ctx, "focal_quarter", both(focal))
    tag_timexes(text, DCT)
    assert len(pairs) > 20 and all(a == b for a, b in pairs)
