"""Queries over a small hand-made record (both stores): tables of questions and their answers."""
from __future__ import annotations

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline import humandate
from dateline.timeline import queries as Q

# (article, published, outlet, [(event id, cameo, actor, target, date, extra)])
CORPUS = [
    ("w-0504", "2019-05-04", "Wire", [("v1", "150", "PRK", None, "2019-05-04T09:06", {})]),
    ("t-0503", "2019-05-03", "Times", [("v1", "150", "PRK", None, "2019-05-03", {})]),        # US date of 05-04
    ("w-0509", "2019-05-09", "Wire", [("v1", "150", "PRK", None, "2019-05-09", {})]),
    ("h-0725", "2019-07-25", "Herald", [("v1", "150", "PRK", None, "2019-07-25", {}),
                                        ("v2", "036", "USA", "PRK", "2019-06-30", {})]),
    ("w-0731", "2019-07-31", "Wire", [("v1", "150", "PRK", None, "2019-07-31", {}),
                                      ("v2", "150", "PRK", None, "2019-07-25", {})]),          # background: joins
    ("w-0824", "2019-08-24", "Wire", [("v1", "150", "PRK", None, "2019-08-24",
                                       {"series": {"ordinal": 5, "noun": "launch", "since": "2019-05"}})]),
    ("p-0824", "2019-08-24", "Ledger", [("v1", "150", "PRK", "KOR", "2019-08-24",
                                         {"series": {"ordinal": 6, "noun": "launch", "since": "2019-05"}})]),
    ("k-1101", "2019-11-01", "Kanto", [("v1", "141", "JPN", "PRK", "2019-11-01", {}),
                                       ("v2", "150", "PRK", None, "2019-10-31", {}),
                                       ("v3", "150", "PRK", None, "2019-11-03", {"hypothetical": True}),
                                       ("v4", "150", "PRK", None, "2019-10-30", {"negated": True})]),
    ("x-1031", "2019-10-31", "Wire", [("v1", "150", "PRK", None, "2019-10-31",
                                       {"series": {"ordinal": 7, "noun": "launch", "since": "2019-05"}}),
                                      ("v2", "111", "PRK", "USA", "2019-10-31", {})]),
    ("c-0901", "2019-09-01", "Wire", [("v1", "042", "CHN", "PRK", "2019-09", {})]),
]


@pytest.fixture
def filled(store, build):
    for aid, pub, outlet, evs in CORPUS:
        events = [build.event(eid, cameo, actor=a, target=t, date=d, **extra) for eid, cameo, a, t, d, extra in evs]
        store.add_article(build.record(aid, pub, events, outlet=outlet, url=f"https://{outlet.lower()}.example/{aid}"))
    return store


@pytest.mark.parametrize("filters,expected", [
    (dict(actor="PRK", cameo="150"), 6),                                  # 05-04, 05-09, 07-25, 07-31, 08-24, 10-31
    (dict(actor="PRK", cameo="150", since="2019-05-01", until="2019-10-31"), 6),
    (dict(actor="PRK", cameo="150", since="2019-05", until="2019-08"), 5),
    (dict(actor="PRK", cameo="150", since="2019-07-26"), 3),
    (dict(actor="PRK", cameo="15"), 6),
    (dict(actor="PRK", cameo="1"), 7),                                     # + the criticism (111)
    (dict(actor="prk", cameo="150", include_all=True), 8),                # + negated + hypothetical
    (dict(actor="North Korea"), 7),
    (dict(target="PRK"), 3),
    (dict(actor="USA", target="PRK"), 1),
    (dict(since="2019-09", until="2019-09"), 1),                          # the month-precise event
    (dict(cameo="14"), 1),
    (dict(actor="RUS"), 0),
])
def test_count(filled, filters, expected):
    assert Q.count_only(filled, **filters) == expected
    assert Q.count(filled, **filters)["count"] == expected


def test_count_lists_each_launch_once_with_all_its_articles(filled):
    res = Q.count(filled, actor="PRK", cameo="150", since="2019-05-01", until="2019-10-31")
    days = [r["day"] for r in res["events"]]
    assert days == ["2019-05-04", "2019-05-09", "2019-07-25", "2019-07-31", "2019-08-24", "2019-10-31"]
    by_day = {r["day"]: r for r in res["events"]}
    assert by_day["2019-05-04"]["articles"] == 2 and by_day["2019-05-04"]["conflicts"]["date"]
    assert by_day["2019-07-25"]["articles"] == 2 and by_day["2019-07-25"]["reports"] == 2
    assert by_day["2019-08-24"]["urls"] == ["https://ledger.example/p-0824", "https://wire.example/w-0824"]
    assert by_day["2019-10-31"]["evidence"]["rule"] == "test:rule"


def test_timeline_by_day(filled):
    rows = Q.timeline(filled, actor="PRK")
    assert [(r["day"], r["cameo"]) for r in rows] == [
        ("2019-05-04", "150"), ("2019-05-09", "150"), ("2019-07-25", "150"), ("2019-07-31", "150"),
        ("2019-08-24", "150"), ("2019-10-31", "111"), ("2019-10-31", "150")]
    assert rows[-1]["reports"] == 2 and rows[-1]["n_sources"] == 0
    either = Q.timeline(filled, either="PRK")
    assert len(either) == 10          # + USA→PRK (06-30), CHN→PRK (2019-09), JPN→PRK (11-01)


@pytest.mark.parametrize("article,status,held", [
    ("w-0824", "consistent", 5),       # 05-04, 05-09, 07-25, 07-31, 08-24
    ("p-0824", "inconsistent", 5),
    ("x-1031", "inconsistent", 6),     # claimed 7th; the record holds 6
])
def test_claims(filled, article, status, held):
    claims = {c["article"]: c for c in Q.claims(filled)}
    c = claims[article]
    assert (c["status"], c["held"]) == (status, held)
    assert f"the record holds {held} distinct launches" in c["check"] and c["check"].endswith(status)


# "Nth in a period" claims, each from an article of its own that joins a launch day already known
WINDOW_CLAIMS = [
    # (article, day, ordinal, period, mod, status)
    ("q-0509", "2019-05-09", 2, "P5D", None, "consistent"),             # 05-04, 05-09: 5 days
    ("q-0731", "2019-07-31", 2, "P1W", None, "consistent"),             # 07-25, 07-31: 6 days
    ("r-0731", "2019-07-31", 2, "P2D", None, "inconsistent"),           # 6 days, not 2
    ("s-0731", "2019-07-31", 3, "P2M", "MORE_THAN", "consistent"),      # 05-09 .. 07-31: 83 days > 2 months
    ("t-0731", "2019-07-31", 3, "P6M", "LESS_THAN", "inconsistent"),    # 4 launches in 6 months, not 3
    ("u-0509", "2019-05-09", 3, "P1M", None, "inconsistent"),           # only 2 launches up to 05-09
]


@pytest.mark.parametrize("article,day,n,period,mod,status", WINDOW_CLAIMS)
def test_claims_within_a_period(filled, build, article, day, n, period, mod, status):
    series = {"ordinal": n, "noun": "launch", "since": period, "since_mod": mod}
    filled.add_article(build.record(article, day, [build.event("v1", "150", date=day, series=series)],
                                    outlet="Claims", url=f"https://claims.example/{article}"))
    c = {c["article"]: c for c in Q.claims(filled)}[article]
    assert c["status"] == status, c["check"]
    assert c["check"].endswith(status) and humandate.render(period, mod) in c["check"] and period not in c["check"]
    if status == "consistent":
        assert len(c["events"]) == n and c["events"][-1]["date"].startswith(day)


def test_dyads_per_week(filled):
    rows = Q.dyads(filled)
    keys = [(r["week"], r["actor"], r["target"], r["events"]) for r in rows]
    assert ("2019-W26", "USA", "PRK", 1) in keys
    assert ("2019-W44", "PRK", "USA", 1) in keys and ("2019-W44", "JPN", "PRK", 1) in keys
    assert all(isinstance(r["goldstein"], float) for r in rows)
    assert Q.dyads(filled, since="2019-10-01") == [r for r in rows if Q.IMPRECISE > r["week"] >= "2019-W40"]


def test_dyads_place_an_event_only_in_a_period_its_date_allows(filled):
    weeks = {(r["week"], r["actor"], r["target"]): r["events"] for r in Q.dyads(filled)}
    assert weeks[(Q.IMPRECISE, "CHN", "PRK")] == 1                    # 2019-09: in no week
    assert not any(k[1:] == ("CHN", "PRK") and k[0] != Q.IMPRECISE for k in weeks)
    assert list(weeks)[-1][0] == Q.IMPRECISE                          # listed after the periods
    months = {(r["month"], r["actor"], r["target"]): r["events"] for r in Q.dyads(filled, by="month")}
    assert months[("2019-09", "CHN", "PRK")] == 1 and ("2019-06", "USA", "PRK") in months
    with pytest.raises(Q.QueryError):
        Q.dyads(filled, by="fortnight")


@pytest.mark.parametrize("first,last,by,period", [
    ("2019-10-31", "2019-10-31", "week", "2019-W44"),
    ("2019-10-31", "2019-10-31", "month", "2019-10"),
    ("2019-10-21", "2019-10-27", "week", "2019-W43"),     # a week value
    ("2019-09-30", "2019-10-06", "month", Q.IMPRECISE),   # a week across two months
    ("2019-09-01", "2019-09-30", "week", Q.IMPRECISE),    # a month is in no week
    ("2019-09-01", "2019-09-30", "month", "2019-09"),
    ("2000-01-01", "2000-12-31", "week", Q.IMPRECISE),    # a year: not 1999-W52
    ("2000-01-01", "2000-12-31", "month", Q.IMPRECISE),
    (None, None, "week", Q.IMPRECISE),
])
def test_period_of(first, last, by, period):
    assert Q.period_of(first, last, by) == period


def test_export_never_pads_a_coarse_date(filled):
    (month,) = Q.export(filled, cameo="042")                           # dated 2019-09 only
    assert (month["Day"], month["Month"], month["Year"], month["DatePrecision"]) == (None, 201909, 2019, "month")
    assert month["DateValue"] == "2019-09"
    day = Q.export(filled, actor="PRK", cameo="150")[0]
    assert (day["Day"], day["Month"], day["Year"], day["DatePrecision"]) == (20190504, 201905, 2019, "day")
    (ev,) = Q.events(filled, cameo="042")
    assert ev["day"] is None and ev["precision"] == "month" and ev["label"] == "visit"


def test_export_rows(filled):
    rows = Q.export(filled, actor="PRK", cameo="150")
    assert len(rows) == 6 and list(rows[0]) == Q.EXPORT_COLUMNS
    r = rows[0]
    assert r["Day"] == 20190504 and r["EventRootCode"] == "15" and r["QuadClass"] == 4
    assert r["GoldsteinScale"] == -7.2 and r["NumArticles"] == 2 and r["NumSources"] == 0


@pytest.mark.parametrize("bad", [dict(since="last May"), dict(until="2019-13"), dict(cameo="1a")])
def test_bad_query_arguments(filled, bad):
    with pytest.raises(Q.QueryError):
        Q.count(filled, **bad)


@pytest.mark.parametrize("n,word", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                                    (13, "13th"), (21, "21st"), (102, "102nd")])
def test_ordinal(n, word):
    assert Q.ordinal(n) == word


def test_joint_happenings_merge_and_answer_a_pair_in_either_order(store, build):
    """Talks reported as "US, North Korea hold talks" and as "North Korea, US hold talks" are one
    happening; a pair query finds it either way round, but not a one-way event of the other direction."""
    for aid, a, t, outlet in (("t-1", "USA", "PRK", "Wire"), ("t-2", "PRK", "USA", "Herald"), ("t-3", "PRK", "USA", "Ledger")):
        store.add_article(build.record(aid, "2019-10-05", [build.event("v1", "046", actor=a, target=t, date="2019-10-05"),
                                                          build.event("v2", "111", actor=a, target=t, date="2019-10-05")],
                                       outlet=outlet, url=f"https://{outlet.lower()}.example/{aid}"))
    talks = Q.count(store, cameo="046")
    assert talks["count"] == 1
    for actor, target in (("USA", "PRK"), ("PRK", "USA")):
        assert Q.count_only(store, actor=actor, target=target, cameo="046") == 1
    # criticism is one-way: PRK->USA (two articles) and USA->PRK (one) are different happenings
    assert Q.count_only(store, actor="PRK", target="USA", cameo="111") == 1
    assert Q.count_only(store, actor="USA", target="PRK", cameo="111") == 1
    assert Q.count_only(store, cameo="111") == 2


def test_a_narrowed_series_claim_is_reported_unchecked(filled, build):
    """"its fifth ICBM launch this year": the record counts CAMEO roots, not ICBMs."""
    series = {"ordinal": 2, "noun": "ICBM launch", "since": "2019", "since_mod": None}
    filled.add_article(build.record("i-0509", "2019-05-09", [build.event("v1", "150", date="2019-05-09", series=series)],
                                    outlet="Claims", url="https://claims.example/i-0509"))
    c = {c["article"]: c for c in Q.claims(filled)}["i-0509"]
    assert c["status"] == "unchecked" and "ICBM launch" in c["check"]


def test_a_first_since_claim_excludes_the_launch_of_its_day(filled, build):
    """"its first launch since July 25" on 07-31: the 07-25 launch is where the count starts after."""
    series = {"ordinal": 1, "noun": "launch", "since": "2019-07-25", "since_mod": "AFTER"}
    filled.add_article(build.record("f-0731", "2019-07-31", [build.event("v1", "150", date="2019-07-31", series=series)],
                                    outlet="Claims", url="https://claims.example/f-0731"))
    c = {c["article"]: c for c in Q.claims(filled)}["f-0731"]
    assert c["status"] == "consistent" and "from 26 Jul 2019" in c["check"], c["check"]
