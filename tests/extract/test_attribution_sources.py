"""Source resolution looks back through the sources resolved so far by index, not by a walk over
all of them (made-up sentences; counts of executed lines, no timings)."""
from __future__ import annotations

import random

import pytest

from dateline.extract import attribution_sources
from dateline.extract.attribution import extract_attributions
from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_sources import _Resolver
from dateline.record import SourceRef
from dateline.text import split_sentences
from work_count import growth


def run(text):
    return extract_attributions(text, split_sentences(text), [])


@pytest.mark.parametrize("unit", [
    '"It is over," he said. ',                      # a pronoun with nothing named before it
    'The statement said the talks failed. ',        # an institution with no mention
    '"We wait," they said. "No," she added. ',
])
def test_look_backs_grow_linearly(unit):
    assert growth(lambda n: unit * n, run, attribution_sources) < 2.5


def _naive_last_named(res, pos, kinds):
    for p, ref in reversed(res.history):
        kind = getattr(ref, "_kind", None)
        if p < pos and ref.name and ref.name[:1].isupper() \
                and ref.name.lower() not in res.pron and (kind in kinds or kind is None):
            return ref
    return None


def _naive_source_before(res, pos, kinds):
    for p, ref in reversed(res.history):
        if p < pos and (ref.entity or ref.code) and getattr(ref, "_kind", None) in kinds:
            return ref
    return None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_look_backs_equal_the_walk_back(seed):
    r = random.Random(seed)
    text = "Officials met. " * 20
    res = _Resolver(text, _Doc(text, split_sentences(text)), [])
    names = ["Kim Example", "he", "the agency", "Lee Sample", "", "Ministry"]
    pos = 0
    for _ in range(120):
        pos += r.randrange(3)
        ref = SourceRef(start=pos, end=pos + 3, name=r.choice(names) or None,
                        entity=r.choice([None, "e1"]), code=r.choice([None, "PRK"]))
        ref._kind = r.choice([None, "person", "organization", "country"])
        res.note(pos, ref)
        for kinds in (("person",), ("organization", "country")):
            q = r.randrange(pos + 2)
            assert res.last_named(q, kinds) is _naive_last_named(res, q, kinds)
            assert res.source_before(q, kinds) is _naive_source_before(res, q, kinds)
