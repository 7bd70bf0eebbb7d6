"""Places as data (dateline.store.places) and the export's ActionGeo_* columns, on a real SQLite file
and a real PostgreSQL server; hand-built records (made-up places and ids)."""
from __future__ import annotations

import json

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.store import open_store, schema
from dateline.timeline import queries as Q

RURITANIA = {"id": 9900001, "name": "Streslau", "country": "RU", "admin1": "RU.01", "lat": 50.5, "lon": 14.25,
             "feature_class": "P", "feature_code": "PPLC"}
OKLAHOMA = {"id": 9900002, "name": "Oklahoma", "country": "US", "admin1": "US.OK", "lat": 35.5, "lon": -97.5,
            "feature_class": "A", "feature_code": "ADM1"}


def _article(build, aid, day, geo, code="RUR", name="Streslau", cameo="150"):
    ev = build.event("v1", cameo, date=day, location={"name": name, "code": code, "geo": geo})
    return build.record(aid, day, [ev], url=f"https://wire.example/{aid}")


def test_event_locations_are_stored_with_their_geonames_record(store, build):
    store.add_article(_article(build, "a1", "2019-10-31", RURITANIA))
    store.add_article(_article(build, "a2", "2019-10-31", RURITANIA))        # the same place once
    assert store.rows("SELECT * FROM places") == [
        {"geonameid": 9900001, "name": "Streslau", "country": "RU", "admin1": "RU.01", "lat": 50.5, "lon": 14.25,
         "feature_class": "P", "feature_code": "PPLC"}]
    assert {r["location_geonameid"] for r in store.rows("SELECT location_geonameid FROM events")} == {9900001}


@pytest.mark.parametrize("geo,code,name,want", [
    (RURITANIA, "RUR", "Streslau", (4, "RU01", 50.5, 14.25, 9900001)),        # a world city
    (OKLAHOMA, "USA", "Oklahoma", (2, "USOK", 35.5, -97.5, 9900002)),          # a US state
    (None, "RUR", "Streslau", (None, None, None, None, None)),                 # a place that did not resolve
])
def test_export_action_geo_columns(store, build, geo, code, name, want):
    store.add_article(_article(build, "a1", "2019-10-31", geo, code=code, name=name))
    (row,) = Q.export(store)
    got = tuple(row[k] for k in ("ActionGeo_Type", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long",
                                 "ActionGeo_FeatureID"))
    assert got == want and row["ActionGeo_FullName"] == name and row["ActionGeo_CountryCode"] == code


@pytest.mark.parametrize("fcode,country,want", [("PCLI", "KP", 1), ("ADM1", "US", 2), ("PPL", "US", 3),
                                                ("PPLC", "KP", 4), ("ADM1", "KP", 5), ("CONT", None, None)])
def test_geo_type(fcode, country, want):
    assert Q.geo_type(fcode, country) == want


def test_migration_5_fills_places_of_articles_stored_before(store_url, build):
    s = open_store(store_url)
    s.add_article(_article(build, "a1", "2019-10-31", RURITANIA))
    undo = {5: ["DROP INDEX events_location_geonameid", "DROP TABLE places",
                "ALTER TABLE events DROP COLUMN location_geonameid"],
            6: ["ALTER TABLE articles DROP COLUMN story_names"],
            7: ["DROP TABLE cluster_aliases"],
            8: ["DROP INDEX events_family_precision_day"],
            9: ["DROP INDEX events_family_undated_pub"],
            10: ["DROP INDEX cluster_aliases_id"],
            11: ["DROP INDEX events_family_precision_day_covering",
                 "CREATE INDEX events_family_precision_day ON events(family, precision, day_first)"],
            12: ["DROP INDEX events_series", "CREATE INDEX events_series ON events(series_ordinal)",
                 "CREATE INDEX events_family_day ON events(family, day_first, day_last)",
                 "CREATE INDEX articles_content_hash ON articles(content_hash)",
                 "CREATE INDEX quotes_article ON quotes(article_key)",
                 "CREATE INDEX events_location_geonameid ON events(location_geonameid)",
                 "CREATE INDEX clusters_actor_day ON clusters(actor, day_first)",
                 "CREATE INDEX clusters_actor_root_day ON clusters(actor, root, day_first)"],
            13: ["ALTER TABLE events DROP COLUMN story_names"]}
    assert schema.latest(s.dialect) == max(undo), "a newer migration: undo it here too"
    with s.transaction():
        for v in sorted(undo, reverse=True):
            for stmt in undo[v]:
                s._exec(stmt)
        s._exec("DELETE FROM schema_version WHERE version >= 5")
    s.close()
    again = open_store(store_url)
    assert again.schema_version() == schema.latest(again.dialect)
    assert [r["ActionGeo_FeatureID"] for r in Q.export(again)] == [9900001]
    assert json.loads(again.rows("SELECT record FROM articles")[0]["record"])["events"][0]["location"]["geo"]
    again.close()
