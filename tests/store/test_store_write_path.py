"""What storing an article writes and reads stays the same as the store grows: an article's story names
are read with its reports (events.story_names, migration 13), a new report is written without a cluster
until merging has chosen one, and a cluster's score for a report is computed once while the cluster is
unchanged."""
from __future__ import annotations

import datetime as dt
import json

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.store import open_store, schema


def _story(build, i: int, day: dt.date, names: list[str], date: str | None = None, actor: str | None = "PRK") -> dict:
    ev = build.event("v1", cameo="150", actor=actor, date=date or day.isoformat())
    rec = build.record(f"s{i}", day.isoformat(), [ev], url=f"https://write.example/{i}")
    rec["entities"] = [{"id": f"e{k}", "name": n, "kind": "place"} for k, n in enumerate(names)]
    return rec


def _clusters(s) -> list[tuple]:
    return sorted((r["key"], r["cluster"]) for r in s.rows("SELECT e.key, e.cluster FROM events e"))


def test_each_event_holds_its_articles_story_names(store, build):
    store.add_article(_story(build, 1, dt.date(2019, 10, 1), ["Seoul", "Pyongyang"]))
    store.add_article(_story(build, 2, dt.date(2019, 10, 2), []))
    got = {r["n"]: json.loads(r["story_names"]) for r in store.rows(
        "SELECT a.n, e.story_names FROM events e JOIN articles a ON a.key = e.article_key")}
    assert sorted(got.values()) == [[], ["pyongyang", "seoul"]]
    assert all(r["story_names"] == r["names"] for r in store.rows(
        "SELECT e.story_names, a.story_names AS names FROM events e JOIN articles a ON a.key = e.article_key"))


def test_migration_13_fills_story_names_of_events_stored_before(store_url, build):
    s = open_store(store_url)
    for i in range(3):
        s.add_article(_story(build, i, dt.date(2019, 10, 1 + i), ["Seoul", "Pyongyang", f"Place {i}"]))
    with s.transaction():
        s._exec("ALTER TABLE events DROP COLUMN story_names")
        s._exec("DELETE FROM schema_version WHERE version >= 13")
    s.close()
    again = open_store(store_url)
    assert again.schema_version() == schema.latest(again.dialect)
    rows = again.rows("SELECT e.story_names, a.story_names AS names FROM events e JOIN articles a ON a.key = e.article_key")
    assert len(rows) == 3 and all(r["story_names"] == r["names"] is not None for r in rows)
    # a rolled-back version with the column kept is migrated again without an error
    with again.transaction():
        again._exec("DELETE FROM schema_version WHERE version >= 13")
    again.close()
    assert open_store(store_url).schema_version() == schema.latest(again.dialect)


def test_names_read_from_events_merge_as_names_of_the_records(store_url, build, tmp_path):
    """Reports read back from the store (a new connection: nothing in memory) merge by story exactly as
    reports merged in one connection: loosely dated reports agree by their articles' story names."""
    day = dt.date(2019, 10, 1)
    recs = [_story(build, i, day + dt.timedelta(days=i % 3), ["Seoul", "Pyongyang", "Tokyo"] if i % 2 else
                   ["Seoul", "Pyongyang", "Beijing"], date=None, actor=None) for i in range(8)]
    one = open_store(store_url)
    for r in recs:
        one.add_article(r)
    want = _clusters(one)
    one.close()
    other = open_store(str(tmp_path / "reopened.db"))
    for r in recs:
        other.close()
        other = open_store(str(tmp_path / "reopened.db"))       # each article merged by a fresh connection
        other.add_article(r)
    assert _clusters(other) == want
    other.close()


def test_no_report_is_left_without_a_cluster(store, build):
    day = dt.date(2019, 10, 1)
    for i in range(6):                      # later articles date reports back to the days of earlier ones
        rec = _story(build, i, day + dt.timedelta(days=i), ["Seoul", "Pyongyang"])
        rec["events"].append(build.event("v2", cameo="150", date=(day + dt.timedelta(days=i // 2)).isoformat()))
        store.add_article(rec)
    assert store.scalar("SELECT count(*) AS c FROM events WHERE cluster IS NULL") == 0
    assert store.scalar("SELECT count(*) AS c FROM events e WHERE NOT EXISTS "
                        "(SELECT 1 FROM clusters c WHERE c.id = e.cluster)") == 0


def test_a_clusters_score_for_a_report_is_kept_until_the_cluster_changes():
    from dateline.store.mergemem import ClusterSummary, MergeMemory
    from dateline.timeline import merge as M

    def rep(aid: str, day: str) -> M.Report:
        return M.Report(article_id=aid, event_id="v1", cameo="150", actor_code="PRK", date=day, published=day)

    summary = ClusterSummary([rep("a1", "2019-10-01"), rep("a2", "2019-10-01")])
    calls = []

    class Counting(MergeMemory):
        def agreement(self, a, b):          # asked only for an agreement not remembered yet
            calls.append(1)
            return super().agreement(a, b)

    z, agree = rep("a3", "2019-10-02"), Counting()
    first = summary.total(z, agree)
    assert first == summary.total(z, agree) == (2 * M.agreement(z, rep("a1", "2019-10-01")), 2,
                                                 min(r.order for r in summary.members))
    assert len(calls) == 1                  # one kind of report in the cluster, scored once for z


def _segments(s, table: str) -> int:
    return s.scalar(f"SELECT count(DISTINCT segid) AS n FROM {table}_idx")


def test_an_articles_rows_reach_each_full_text_index_as_one_segment(tmp_path, build):
    """SQLite's FTS5 index writes what one statement gave it as a segment of its own (merged again and
    again as the index grows): an article's reports and quotations are inserted in one statement each."""
    s = open_store(tmp_path / "fts.db")
    for i, n_events in enumerate((1, 4, 30)):          # 30 reports: two statements (23 rows each at most)
        evs = [build.event(f"v{k}", trigger=f"word{i}x{k}", sentence=(0, 12)) for k in range(n_events)]
        rec = build.record(f"f{i}", f"2019-10-0{i + 1}", evs, url=f"https://fts.example/{i}")
        rec["quotes"] = [{"id": f"q{k}", "text": f"quoted{i}x{k}", "speaker": {}, "start": 0, "end": 5}
                         for k in range(3)]
        before = {t: _segments(s, t) for t in ("articles_fts", "events_fts", "quotes_fts")}
        s.add_article(rec)
        grew = {t: _segments(s, t) - before[t] for t in before}
        assert grew == {"articles_fts": 1, "events_fts": 1 if n_events <= 23 else 2, "quotes_fts": 1}
        for k in range(n_events):                       # and the index finds every one of them
            assert s.scalar("SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH ?", (f'"word{i}x{k}"',)) == 1
        for k in range(3):
            assert s.scalar("SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH ?", (f'"quoted{i}x{k}"',)) == 1
    s.close()
