"""dateline.record.plain: the record as plain values, the same as dataclasses.asdict gives, in new
containers."""
from __future__ import annotations

import collections
import dataclasses

import pytest

from dateline import record as R

Pair = collections.namedtuple("Pair", "left right")


@dataclasses.dataclass
class _Box:
    items: object
    extra: object = None


@pytest.mark.parametrize("value", [
    "text", 3, 2.5, True, None,
    R.Span(0, 5, "Seoul"),
    R.Mention(0, 5, "Seoul", entity="e1", kind="place", metonym=True),
    R.Record(article=R.ArticleMeta(id="a1", text="Troops left on Monday."), events=[], warnings=["w"]),
    _Box((1, "a", R.Span(1, 2, "x"))),
    _Box({"k": [R.Span(0, 1, "y")], "n": {"deep": (2, 3)}}),
    _Box(Pair(R.Span(0, 1, "l"), [1, 2])),
    _Box(frozenset({"a", "b"}), extra=[[], {}, ()]),
])
def test_plain_is_asdict(value):
    want = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
    _same(R.plain(value), want)


def _same(got, want):
    """Equal, and of the same type all the way down (a tuple equals a named tuple, a set a frozenset)."""
    assert type(got) is type(want) and got == want, (got, want)
    if isinstance(want, dict):
        for k in want:
            _same(got[k], want[k])
    elif isinstance(want, (list, tuple)):
        for g, w in zip(got, want):
            _same(g, w)


def test_a_defaultdict_stays_one_with_its_factory():
    got = R.plain(_Box(collections.defaultdict(list, {"k": [R.Span(0, 1, "z")]})))["items"]
    _same(got, collections.defaultdict(list, {"k": [{"start": 0, "end": 1, "text": "z"}]}))
    assert got.default_factory is list


def test_plain_values_share_no_container_with_the_record():
    rec = _Box([R.ArticleMeta(id="a1", text="t", authors=["Ann Lee"])], extra={"k": [1]})
    out = R.plain(rec)
    out["items"][0]["authors"].append("Bo Kim")
    out["extra"]["k"].append(2)
    assert rec.items[0].authors == ["Ann Lee"] and rec.extra == {"k": [1]}


def test_a_record_from_the_pipeline_is_the_same_as_asdict_gives(sample_text):
    import dateline

    rec = dateline.analyze(sample_text, published="2019-11-15")
    assert rec.events
    assert rec.to_dict() == {"schema": R.SCHEMA, **dataclasses.asdict(rec)}
