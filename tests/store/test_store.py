"""The store interface, on a real SQLite file and on a real PostgreSQL server (same tests)."""
from __future__ import annotations

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline import __version__
from dateline.store import StoreError, dedup_key, normalize_url, open_store
from dateline.store import schema
from dateline.timeline import queries as Q


def test_schema_is_migrated_once(store, store_url):
    assert store.schema_version() == schema.latest(store.dialect)
    store.close()
    again = open_store(store_url)
    assert again.schema_version() == schema.latest(again.dialect)
    assert again.scalar("SELECT count(*) AS n FROM schema_version") == schema.latest(again.dialect)
    again.close()


def test_newer_schema_is_refused(store, store_url):
    with store.transaction():
        store._exec("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (999, "later"))
    store.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)


def test_same_article_twice_is_stored_once(store, build):
    rec = build.record("a1", "2019-10-31", [build.event("v1", date="2019-10-31")])
    first = store.add_article(rec)
    second = store.add_article(rec)
    assert first.stored and not second.stored
    assert store.counts() == {"articles": 1, "events": 1, "clusters": 1, "failures": 0}


def test_dedup_by_url_else_by_normalised_text(store, build):
    e = [build.event("v1", date="2019-10-31")]
    store.add_article(build.record("x", "2019-10-31", e, url="https://News.example/a/1/?utm_source=feed#top"))
    assert not store.add_article(build.record("y", "2019-10-31", e, url="http://news.example/a/1")).stored
    store.add_article(build.record("z", "2019-10-31", e, text="North Korea  fired\na missile."))
    assert not store.add_article(build.record("w", "2019-10-31", e, text="north korea fired a MISSILE.")).stored
    assert store.counts()["articles"] == 2


def test_reports_of_one_launch_from_three_outlets_are_one_event(store, build):
    # a Seoul report (local date), a Washington report (the day before, local time), a vague one
    store.add_article(build.record("seoul", "2019-10-31", [build.event("v1", date="2019-10-31T16:35",
                                                                          sources=["JCS"])], outlet="A"))
    store.add_article(build.record("dc", "2019-10-31", [build.event("v1", date="2019-10-31", target="JPN",
                                                                       sources=["Japan"])], outlet="B"))
    store.add_article(build.record("tokyo", "2019-11-01", [build.event("v1", date="2019-11-01")], outlet="C"))
    # a different launch, three weeks earlier
    store.add_article(build.record("early", "2019-10-02", [build.event("v1", date="2019-10-02")]))
    rows = Q.events(store, actor="PRK", cameo="150")
    assert len(rows) == 2
    late = rows[-1]
    assert late["articles"] == 3 and late["reports"] == 3
    assert late["day"] == "2019-10-31"
    assert late["conflicts"]["date"] == {"2019-10-31T16:35": 1, "2019-10-31": 1, "2019-11-01": 1}
    assert late["sources"] == ["JCS", "Japan"]


def test_different_actors_or_families_stay_apart(store, build):
    store.add_article(build.record("a", "2019-10-31", [build.event("v1", date="2019-10-31")]))
    store.add_article(build.record("b", "2019-10-31", [build.event("v1", actor="KOR", date="2019-10-31")]))
    store.add_article(build.record("c", "2019-10-31", [build.event("v1", cameo="141", actor="JPN", target="PRK",
                                                                      date="2019-10-31")]))
    assert store.counts()["clusters"] == 3


def test_negated_and_hypothetical_events_are_kept_but_not_counted(store, build):
    store.add_article(build.record("a", "2019-10-31", [
        build.event("v1", date="2019-10-31"),
        build.event("v2", date="2019-10-30", negated=True),
        build.event("v3", date="2019-11-02", hypothetical=True)]))
    assert store.counts()["clusters"] == 3
    assert Q.count_only(store, actor="PRK", cameo="150") == 1
    assert Q.count_only(store, actor="PRK", cameo="150", include_all=True) == 3


def test_everything_keeps_its_provenance(store, build):
    text = "SEOUL — North Korea fired two missiles on Thursday, officials said."
    rec = build.record("prov", "2019-10-31", [build.event("v1", date="2019-10-31", start=text.index("fired"), end=text.index("fired") + 5,
                                                          sentence=(8, len(text)))], text=text)
    res = store.add_article(rec, source="folder/prov.txt")
    row = store.rows("SELECT * FROM events")[0]
    assert row["article_key"] == res.key and row["event_id"] == "v1"
    assert text[row["trigger_start"]:row["trigger_end"]] == "fired"
    assert row["sentence_text"] == text[8:]
    assert row["rule"] == "test:rule" and row["version"] == __version__ and row["component"]
    art = store.article("prov")
    assert art["source"] == "folder/prov.txt" and art["version"] == __version__
    assert art["record_id"] == "prov" and '"schema": "dateline/article@1"' in art["record"]


def test_an_article_is_all_or_nothing(store, build, monkeypatch):
    store.add_article(build.record("ok", "2019-10-31", [build.event("v1", date="2019-10-31")]))

    def boom(cid):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_refresh_cluster", boom)
    with pytest.raises(RuntimeError):
        store.add_article(build.record("bad", "2019-10-02", [build.event("v1", date="2019-10-02"),
                                                             build.event("v2", date="2019-10-03")]))
    monkeypatch.undo()
    assert store.counts() == {"articles": 1, "events": 1, "clusters": 1, "failures": 0}
    assert store.add_article(build.record("bad", "2019-10-02", [build.event("v1", date="2019-10-02")])).stored


def test_failure_rows_are_one_per_input(store):
    for _ in range(2):
        store.add_failure(source="in/bad.txt", item_id="bad", code="binary", message="in/bad.txt: binary")
    store.add_failure(source="in/batch.jsonl", item_id=None, code="bad_json", message="in/batch.jsonl:3: not JSON")
    fails = store.failures()
    assert [(f["source"], f["code"]) for f in fails] == [("in/bad.txt", "binary"), ("in/batch.jsonl", "bad_json")]


def test_full_text_search(store, build):
    t1 = "North Korea fired two ballistic missiles into the sea."
    t2 = "Japan protested to North Korea through diplomatic channels."
    store.add_article(build.record("m", "2019-10-31", [build.event("v1", date="2019-10-31", sentence=(0, len(t1)))],
                                   text=t1))
    store.add_article(build.record("p", "2019-11-01", [build.event("v1", cameo="141", actor="JPN", target="PRK",
                                                                      date="2019-11-01", trigger="protested",
                                                                      sentence=(0, len(t2)))], text=t2))
    assert [r["cameo"] for r in Q.events(store, text="missile")] == ["150"]      # stemmed: missiles
    assert [r["cameo"] for r in Q.events(store, text="diplomatic channels")] == ["141"]
    assert Q.events(store, text='"sea" (') and Q.events(store, text="nothing-like-this") == []
    assert len(Q.events(store, text="korea", text_in="article")) == 2


def test_normalize_url():
    assert normalize_url("HTTPS://Example.com:443/a/b/?utm_medium=x&id=3#frag") == "http://example.com/a/b?id=3"
    assert dedup_key(url=None, text="A  b") == dedup_key(url=None, text="a b")
    assert dedup_key(url="", text="x").startswith("sha1:")


def test_unknown_store_url():
    with pytest.raises(StoreError, match="unknown kind of store"):
        open_store("mysql://x")
