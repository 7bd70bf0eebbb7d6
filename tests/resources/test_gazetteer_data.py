"""Validation of the gazetteer data files in src/dateline/resources/gazetteer/.

Checks the exact TSV format the readers rely on: header row, column count, no stray
whitespace, code formats, ISO 3166-1 coverage, date ranges, uniqueness and
cross-file referential integrity.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parents[2] / "src" / "dateline" / "resources" / "gazetteer"

HEADERS = {
    "countries.tsv": ["code", "name", "aliases", "adjectives", "capital", "capital_aliases", "contextual_aliases"],
    "leaders.tsv": ["name", "aliases", "surname", "code", "role", "titles", "start", "end"],
    "organizations.tsv": ["name", "aliases", "code", "category", "generic"],
    "places.tsv": ["name", "aliases", "code", "type"],
    "roles.tsv": ["word", "category", "person"],
}

# ISO 3166-1 officially assigned alpha-3 codes (249), plus XKX (Kosovo, user-assigned).
ISO3166_ALPHA3 = frozenset(
    """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS
    BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV
    CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
    GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN
    IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE
    LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS
    MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK
    PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR
    SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY
    USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
    """.split()
)
EXTRA_CODES = frozenset({"XKX"})

CODE_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ORG_CATEGORIES = {
    "igo", "ministry", "military", "agency", "news", "party", "government",
    "legislature", "court", "ngo", "company", "armed_group",
}
PLACE_TYPES = {"city", "region", "landmark", "sea", "border"}
ROLE_CATEGORIES = {"government", "military", "diplomat", "expert", "media", "legal", "civil", "political"}


def read_tsv(name: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Return (header, rows, line numbers) of a gazetteer TSV, skipping '#' comment lines."""
    path = GAZ / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(i, line) for i, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    parsed = list(reader)
    header, rows = parsed[0], parsed[1:]
    return header, rows, [i for i, _ in lines[1:]]


def as_dicts(name: str) -> list[dict[str, str]]:
    header, rows, _ = read_tsv(name)
    return [dict(zip(header, row)) for row in rows]


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    return {r["code"] for r in as_dicts("countries.tsv")}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_exists_and_starts_with_comments(name):
    path = GAZ / name
    assert path.is_file(), path
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#"), f"{name}: expected a comment block at the top"
    text = path.read_text(encoding="utf-8")
    assert "SOURCES" in text.split("\n" + "\t".join(HEADERS[name]) + "\n")[0], f"{name}: no SOURCES in header comments"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_shape(name):
    header, rows, lines = read_tsv(name)
    assert header == HEADERS[name]
    assert rows, f"{name}: no data rows"
    for row, line in zip(rows, lines):
        assert len(row) == len(header), f"{name}:{line}: {len(row)} columns, expected {len(header)}: {row}"
        for cell in row:
            assert cell == cell.strip(), f"{name}:{line}: leading/trailing space in {cell!r}"
            assert not (cell.startswith('"') and cell.endswith('"') and len(cell) > 1), f"{name}:{line}: quoted cell {cell!r}"
            if cell:
                for part in cell.split("|"):
                    assert part and part == part.strip(), f"{name}:{line}: empty or padded '|' item in {cell!r}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_duplicate_rows(name):
    _, rows, _ = read_tsv(name)
    dup = [r for r, n in Counter(tuple(r) for r in rows).items() if n > 1]
    assert not dup, f"{name}: duplicate rows {dup[:5]}"


def test_countries_cover_iso3166():
    rows = as_dicts("countries.tsv")
    codes = [r["code"] for r in rows]
    assert len(rows) >= 249
    assert len(codes) == len(set(codes)), [c for c, n in Counter(codes).items() if n > 1]
    for c in codes:
        assert CODE_RE.match(c), c
    missing = ISO3166_ALPHA3 - set(codes)
    assert not missing, f"missing ISO 3166-1 codes: {sorted(missing)}"
    extra = set(codes) - ISO3166_ALPHA3 - EXTRA_CODES
    assert not extra, f"unknown codes: {sorted(extra)}"
    assert {"XKX", "PSE"} <= set(codes)
    for r in rows:
        assert r["name"], r


def test_country_key_names():
    by_code = {r["code"]: r for r in as_dicts("countries.tsv")}
    assert by_code["PRK"]["name"] == "North Korea"
    assert by_code["KOR"]["name"] == "South Korea"
    assert by_code["USA"]["name"] == "United States"
    assert "DPRK" in by_code["PRK"]["aliases"].split("|")
    assert "the North" in by_code["PRK"]["contextual_aliases"].split("|")
    assert "U.S." in by_code["USA"]["aliases"].split("|")
    assert "U.S." not in by_code["USA"]["adjectives"].split("|")


def test_leaders(country_codes):
    rows = as_dicts("leaders.tsv")
    keys = Counter()
    for r in rows:
        assert r["name"] and r["surname"] and r["role"] and r["titles"], r
        assert r["code"] == "IGO" or r["code"] in country_codes, r
        assert DATE_RE.match(r["start"]), r
        start = dt.date.fromisoformat(r["start"])
        if r["end"]:
            assert DATE_RE.match(r["end"]), r
            end = dt.date.fromisoformat(r["end"])
            assert start <= end, r
        keys[(r["name"], r["code"], r["role"], r["start"])] += 1
    dup = [k for k, n in keys.items() if n > 1]
    assert not dup, dup


def test_leaders_no_overlapping_terms_same_person_office():
    rows = as_dicts("leaders.tsv")
    by_key: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = {}
    for r in rows:
        start = dt.date.fromisoformat(r["start"])
        end = dt.date.fromisoformat(r["end"]) if r["end"] else dt.date.max
        by_key.setdefault((r["name"], r["code"], r["role"]), []).append((start, end))
    for key, spans in by_key.items():
        spans.sort()
        for (s1, e1), (s2, _e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"overlapping terms for {key}: {spans}"


def test_known_terms():
    rows = as_dicts("leaders.tsv")
    trump = sorted((r["start"], r["end"]) for r in rows if r["name"] == "Donald Trump" and r["role"] == "president")
    assert trump == [("2017-01-20", "2021-01-20"), ("2025-01-20", "")]
    abe = sorted(r["start"] for r in rows if r["name"] == "Shinzo Abe" and r["role"] == "prime minister")
    assert abe == ["2006-09-26", "2012-12-26"]
    assert any(r["name"] == "Kim Jong Un" and r["code"] == "PRK" and r["end"] == "" for r in rows)


def test_organizations(country_codes):
    rows = as_dicts("organizations.tsv")
    for r in rows:
        assert r["category"] in ORG_CATEGORIES, r
        assert r["generic"] in {"0", "1"}, r
        if r["generic"] == "1":
            assert r["code"] == "", r
        if r["code"]:
            assert r["code"] in ("IGO", "NGO") or (CODE_RE.match(r["code"]) and r["code"] in country_codes), r
    names = Counter(r["name"] for r in rows)
    assert not [n for n, c in names.items() if c > 1]
    assert len(rows) >= 250


def test_places(country_codes):
    rows = as_dicts("places.tsv")
    for r in rows:
        assert r["type"] in PLACE_TYPES, r
        if r["code"]:
            assert CODE_RE.match(r["code"]) and r["code"] in country_codes, r
        if r["type"] == "sea":
            assert r["code"] == "", r
    keys = Counter((r["name"], r["code"]) for r in rows)
    assert not [k for k, n in keys.items() if n > 1]
    # every capital in countries.tsv is a city in places.tsv with the same code
    cities = {(r["name"], r["code"]) for r in rows if r["type"] == "city"}
    for c in as_dicts("countries.tsv"):
        if c["capital"]:
            assert (c["capital"], c["code"]) in cities, c


def test_roles():
    rows = as_dicts("roles.tsv")
    for r in rows:
        assert r["category"] in ROLE_CATEGORIES, r
        assert r["person"] in {"0", "1"}, r
        assert r["word"], r
    words = Counter(r["word"] for r in rows)
    assert not [w for w, n in words.items() if n > 1]


def test_sources_md():
    text = (GAZ / "SOURCES.md").read_text(encoding="utf-8")
    for name in HEADERS:
        assert name in text
