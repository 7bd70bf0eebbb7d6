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
    assert not store._memory.reports and not store._memory.names
    # the same article, analysed again with another actor, merges by what it now says
    store.add_article(build.record("bad", "2019-10-31", [build.event("v1", actor="KOR", date="2019-10-31")],
                                   url="https://x.example/1"))
    store.add_article(build.record("late", "2019-10-31", [build.event("v1", actor="KOR", date="2019-10-31")]))
    by_actor = {r["actor_code"]: r["n"] for r in store.rows(
        "SELECT actor_code, count(DISTINCT cluster) AS n FROM events GROUP BY actor_code")}
    assert by_actor == {"PRK": 1, "KOR": 1}


@pytest.mark.parametrize("late_date", ["2019-10", "2019-W41", "2019-Q4", "2019"])
def test_a_look_back_report_re_merges_none_of_the_days_it_spans(store, build, monkeypatch, late_date):
    """A report dated by a week, a month, a quarter or a year takes its place in canonical order at the
    date's last day: arriving months later, it joins one of the happenings of those days without
    re-merging every report of them (by its first day it came before all of them)."""
    from dateline.store import base
    from dateline.timeline import merge as M
    start = dt.date(2019, 10, 7)
    for i in range(14):                    # a launch a day, reported twice
        day = (start + dt.timedelta(days=i)).isoformat()
        for k in range(2):
            store.add_article(build.record(f"d{i}-{k}", day, [build.event("v1", date=day)],
                                           url=f"https://day.example/{i}/{k}"))
    calls = []
    real = base.M.choose
    monkeypatch.setattr(base.M, "choose", lambda *a: calls.append(a[0].key) or real(*a))
    store.add_article(build.record("late", "2020-06-01", [build.event("v1", date=late_date)]))
    assert len(calls) <= 1 + 2 * M.NEAR_DAYS, calls    # itself, and at most the reports of the days just after
    late = store.rows("SELECT cluster FROM events WHERE article_key IN "
                      "(SELECT key FROM articles WHERE record_id = 'late')")[0]["cluster"]
    assert store.scalar("SELECT count(*) AS c FROM events WHERE cluster = ?", (late,)) > 1   # it joined one


# (cameo, actor, target, location code) of reports of one day; every one is asked for its candidates
_DYADS = [("150", "PRK", None, None), ("150", "PRK", "JPN", None), ("150", "PRK", "KOR", None),
          ("150", "KOR", None, None), ("150", None, "JPN", None), ("150", None, None, None),
          ("150", "PRK", None, "PRK"), ("150", "PRK", None, "JPN"), ("040", "PRK", "USA", None),
          ("040", "USA", "PRK", None), ("040", "USA", "CHN", None), ("040", None, None, "VNM")]


@pytest.mark.parametrize("i", range(len(_DYADS)))
def test_candidates_left_out_by_their_codes_are_those_merging_refuses(store, build, i):
    """The candidate query leaves out stored reports by their codes only where merge.agreement refuses
    them (a joint happening, 040, may agree with actor and target exchanged), and keeps the others."""
    from dateline.timeline import merge as M
    for k, (cameo, actor, target, loc) in enumerate(_DYADS):
        ev = build.event("v1", cameo=cameo, actor=actor, target=target, date="2019-10-31",
                         location={"name": loc, "code": loc} if loc else None)
        store.add_article(build.record(f"d{k}", "2019-10-31", [ev], url=f"https://dyad.example/{k}"))
    keys = [r["key"] for r in store.rows("SELECT key FROM events ORDER BY n")]
    known: dict = {}
    store._memory.new_merge({})
    store._reports_of(keys, known)
    y = known[keys[i]]
    got = set(store._near([y], known, agreeing=y))
    family = [z for z in known.values() if z.family == y.family and z.key != y.key]
    assert {z.key for z in family if M.agreement(y, z) is not None} <= got
    assert got <= {z.key for z in family}
    if not y.symmetric:                 # another actor where both give one: never read
        assert not {z.key for z in family if y.actor_code and z.actor_code not in (None, y.actor_code)} & got
