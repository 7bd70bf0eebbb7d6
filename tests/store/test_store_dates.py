"""Event dates with a TimeML mod ("before 31 Oct 2019", "early Oct 2019") in the store, its queries,
its export and its tables (both stores)."""
from __future__ import annotations

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.cli_record import for_people
from dateline.store import open_store, schema
from dateline.timeline import queries as Q


def _rec(build, aid, date, mod, cameo="150", target="JPN"):
    ev = build.event("v1", cameo, date=date, target=target)
    ev["date_timex"] = "t1"
    rec = build.record(aid, "2019-11-01", [ev], url=f"https://x.example/{aid}")
    rec["timexes"] = [{"id": "t1", "start": 0, "end": 5, "text": "x", "type": "DATE", "value": date, "mod": mod,
                       "anchor": "dct", "rule": "test"}]
    return rec


# (date, mod, words in a table, precision, day, Month, Year, a week in dyads)
CASES = [
    ("2019-10-31", "BEFORE", "before 31 Oct 2019", None, None, None, None, Q.IMPRECISE),
    ("2019-10", "START", "early Oct 2019", "month", None, 201910, 2019, Q.IMPRECISE),
    ("2019-10-31", "APPROX", "around 31 Oct 2019", "day", "2019-10-31", 201910, 2019, "2019-W44"),
    ("2019-10-31", None, "31 Oct 2019", "day", "2019-10-31", 201910, 2019, "2019-W44"),
]


@pytest.mark.parametrize("date,mod,words,precision,day,month,year,week", CASES)
def test_a_date_mod_travels_to_rows_tables_export_and_periods(store, build, date, mod, words, precision, day, month,
                                                              year, week):
    store.add_article(_rec(build, "a", date, mod))
    (row,) = Q.events(store)
    assert (row["date"], row["date_mod"], row["precision"], row["day"]) == (date, mod, precision, day)
    assert for_people([row])[0]["when"] == words
    (ex,) = Q.export(store)
    assert (ex["Day"], ex["Month"], ex["Year"], ex["DateMod"], ex["DatePrecision"]) == (
        int(day.replace("-", "")) if day else None, month, year, mod, precision)
    (dy,) = Q.dyads(store)
    assert dy["week"] == week


def test_migration_4_fills_the_mods_of_stored_events(store_url, build):
    s = open_store(store_url)
    s.add_article(_rec(build, "a", "2019-10-31", "BEFORE"))
    with s.transaction():
        for stmt in ("DROP TABLE cluster_aliases",  # migration 7
                     "ALTER TABLE articles DROP COLUMN story_names",  # migration 6
                     "DROP INDEX IF EXISTS events_location_geonameid", "DROP TABLE places",
                          "ALTER TABLE events DROP COLUMN location_geonameid"):  # migration 5
            s._exec(stmt)
        for t in ("events", "clusters"):
            s._exec(f"ALTER TABLE {t} DROP COLUMN date_mod")
        s._exec("DELETE FROM schema_version WHERE version >= 4")
    s.close()
    again = open_store(store_url)
    assert again.schema_version() == schema.latest(again.dialect)
    (row,) = Q.events(again)
    assert row["date_mod"] == "BEFORE" and row["day"] is None
    again.close()


def test_a_report_without_the_mod_makes_the_cluster_plain(store, build):
    """One report says "before 31 Oct", another gives the day itself: the happening is on that day."""
    store.add_article(_rec(build, "a", "2019-10-31", "BEFORE"))
    plain = build.record("b", "2019-11-01", [build.event("v1", "150", date="2019-10-31", target="JPN")],
                         url="https://x.example/b")
    store.add_article(plain)
    (row,) = Q.events(store)
    assert row["reports"] == 2 and row["date_mod"] is None and row["day"] == "2019-10-31"
