"""Places as data: the store's ``places`` table (one row per GeoNames record an event took place at)
and each event's ``location_geonameid``.

The record gives an event's location with its GeoNames record (``location.geo``, dateline.extract.
geocode); storing an article writes the id on its events and the record (name, ISO alpha-2 country,
first-level region, coordinates, feature class and code) once in ``places``. A happening's place in
the export is the record most of its reports name for the cluster's location (``cluster_place_sql``).
"""
from __future__ import annotations

import json

PLACE_COLUMNS = "geonameid, name, country, admin1, lat, lon, feature_class, feature_code"


def add_places(store, akey: str, record: dict) -> None:
    """Write the GeoNames records of an article's event locations (its events are stored already)."""
    for ev in record.get("events") or []:
        geo = (ev.get("location") or {}).get("geo")
        if not geo or not isinstance(geo.get("id"), int):
            continue
        store._exec(f"INSERT INTO places ({PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (geonameid) DO NOTHING",
                    (geo["id"], geo.get("name"), geo.get("country"), geo.get("admin1"), geo.get("lat"), geo.get("lon"),
                     geo.get("feature_class"), geo.get("feature_code")))
        store._exec("UPDATE events SET location_geonameid = ? WHERE key = ?", (geo["id"], f"{akey}:{ev.get('id')}"))


def backfill(store) -> None:
    """Fill the places of the articles stored before the places table existed (a migration step):
    records written before geocoding have no GeoNames records and stay without."""
    for a in store.rows("SELECT key, record FROM articles ORDER BY n"):
        try:
            rec = json.loads(a["record"] or "{}")
        except ValueError:
            continue
        add_places(store, a["key"], rec)


def cluster_place_sql(alias: str = "c") -> str:
    """SQL of the GeoNames id of a cluster's place: the one most of its reports at the cluster's
    location name (ties: the smaller id)."""
    return (f"(SELECT e.location_geonameid FROM events e WHERE e.cluster = {alias}.id "
            f"AND e.location_geonameid IS NOT NULL AND ({alias}.location IS NULL OR e.location_code = {alias}.location) "
            f"GROUP BY e.location_geonameid ORDER BY count(*) DESC, e.location_geonameid LIMIT 1)")


def cluster_geo(store, cids: list[str]) -> dict[str, dict]:
    """Cluster id -> the GeoNames record of its place (the record's ``geo`` shape), for those that have one."""
    out: dict[str, dict] = {}
    if store.schema_version() < 5:         # a store from before places (opened read-only): none known
        return out
    for i in range(0, len(cids), 500):
        chunk = cids[i:i + 500]
        rows = store.rows(f"SELECT c.id AS cid, p.* FROM clusters c JOIN places p ON p.geonameid = "
                          f"{cluster_place_sql('c')} WHERE c.id IN ({','.join('?' * len(chunk))})", chunk)
        for r in rows:
            out[r["cid"]] = {"id": r["geonameid"], "name": r["name"], "country": r["country"], "admin1": r["admin1"],
                             "lat": r["lat"], "lon": r["lon"], "feature_class": r["feature_class"],
                             "feature_code": r["feature_code"]}
    return out
