"""Merging in the store stays local as the store grows: loosely dated reports of one story do not
chain into one ever-growing cluster, and what merging keeps in memory never outlives a rollback."""
from __future__ import annotations

import datetime as dt

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.timeline.merge import STORY_DAYS


def _story(build, i: int, day: dt.date, date_from: str = "publication") -> dict:
    ev = build.event("v1", cameo="036", actor=None, date=day.isoformat())
    ev["date_from"] = date_from
    rec = build.record(f"s{i}", day.isoformat(), [ev], url=f"https://story.example/{i}")
    rec["entities"] = [{"id": f"e{k}", "name": n, "kind": "place"} for k, n in enumerate(["Pyongyang", "Seoul", "Tokyo"])]
    return rec


@pytest.mark.parametrize("date_from", ["publication", "narrative"])
def test_loosely_dated_reports_of_one_story_do_not_chain_over_weeks(store, build, date_from):
    start = dt.date(2019, 10, 1)
    for i in range(30):                    # one report a day for a month, each dated by its own day only
        store.add_article(_story(build, i, start + dt.timedelta(days=i), date_from))
    spans = store.rows("SELECT cluster, min(day_first) AS a, max(day_first) AS b FROM events GROUP BY cluster")
    assert len(spans) > 1
    assert all((dt.date.fromisoformat(r["b"]) - dt.date.fromisoformat(r["a"])).days <= STORY_DAYS for r in spans)


def test_reports_read_in_a_rolled_back_article_are_not_kept(store, build, monkeypatch):
    store.add_article(build.record("ok", "2019-10-31", [build.event("v1", date="2019-10-31")]))

    def boom(cid):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_refresh_cluster", boom)
    with pytest.raises(RuntimeError):
        store.add_article(build.record("bad", "2019-10-31", [build.event("v1", date="2019-10-31")],
                                       url="https://x.example/1"))
    monkeypatch.undo()
    assert not store._report_cache and not store._names
    # the same article, analysed again with another actor, merges by what it now says
    store.add_article(build.record("bad", "2019-10-31", [build.event("v1", actor="KOR", date="2019-10-31")],
                                   url="https://x.example/1"))
    store.add_article(build.record("late", "2019-10-31", [build.event("v1", actor="KOR", date="2019-10-31")]))
    by_actor = {r["actor_code"]: r["n"] for r in store.rows(
        "SELECT actor_code, count(DISTINCT cluster) AS n FROM events GROUP BY actor_code")}
    assert by_actor == {"PRK": 1, "KOR": 1}
