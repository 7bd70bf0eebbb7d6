"""People and organisations converted from the PETRARCH2/Phoenix actor lists, as the gazetteer
loads them and the entity stage uses them (hand-made sentences; people chosen from the data)."""
import datetime as dt

import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.gazetteer import load
from dateline.text import split_sentences


def entity_of(text, surface, published=None):
    res = extract_entities(text, split_sentences(text), published=published)
    by_id = res.by_id()
    for m in res.mentions:
        if m.text == surface:
            e = by_id[m.entity]
            return e.name, m.code, e.source
    return None


@pytest.mark.parametrize("day,code", [
    (dt.date(2008, 3, 1), "SDN"),        # [SDNGOV 051101-100630]
    (dt.date(2012, 3, 1), "SSD"),        # [SSDGOV >110709]
    (dt.date(2010, 12, 1), "SDN"),       # between roles: the last national role before the day
])
def test_a_person_takes_the_state_of_the_role_in_force_on_the_day(day, code):
    name, got, source = entity_of("Deng Alor Kuol flew home on Sunday.", "Deng Alor Kuol", day)
    assert (name, got, source) == ("Deng Alor Kuol", code, "gazetteer:phoenix")


def test_an_international_role_in_force_gives_IGO_and_the_default_role_fills_the_gaps():
    text = "Wolfgang Schussel opened the meeting."
    assert entity_of(text, "Wolfgang Schussel", dt.date(1998, 9, 1))[1] == "IGO"   # [IGOEUREEC 980701-981231]
    assert entity_of(text, "Wolfgang Schussel", dt.date(2003, 1, 1))[1] == "AUT"   # [AUTGOV 000204-070111]
    assert entity_of(text, "Wolfgang Schussel", dt.date(1999, 3, 1))[1] == "AUT"   # default [AUTELI]


def test_without_a_date_the_latest_national_role_names_the_state():
    assert entity_of("Deng Alor Kuol flew home.", "Deng Alor Kuol")[1] == "SSD"


def test_the_surname_alone_names_a_phoenix_person_only_after_the_full_name():
    alone = extract_entities("Zhivkov spoke for an hour.", split_sentences("Zhivkov spoke for an hour."))
    assert not any(e.name == "Todor Zhivkov" for e in alone.entities)
    text = "Todor Zhivkov arrived in the capital. Zhivkov spoke for an hour."
    name, code, _ = entity_of(text, "Zhivkov", dt.date(1975, 5, 1))
    assert (name, code) == ("Todor Zhivkov", "BGR")


def test_the_hand_made_leaders_win_over_phoenix():
    name, code, source = entity_of("Leonid Kuchma spoke.", "Leonid Kuchma", dt.date(1998, 2, 27))
    assert (code, source) == ("UKR", "gazetteer:leader")
    g = load()
    assert all(e.form != "phoenix" for e in g.surface["Leonid Kuchma"])
    assert not any(ld.cameo for ld in g.leaders)          # Phoenix people never date an article


@pytest.mark.parametrize("text,surface,code", [
    ("The Organization of African Unity met in the capital.", "Organization of African Unity", "IGO"),
    ("Militants of the Basque Fatherland and Freedom group were held.", "Basque Fatherland and Freedom", "ESP"),
])
def test_phoenix_organisations_carry_their_codes(text, surface, code):
    name, got, source = entity_of(text, surface)
    assert (got, source) == (code, "gazetteer:org")


def test_the_european_community_is_an_igo():
    assert entity_of("The European Community lifted its ban.", "European Community")[1] == "IGO"


def test_imprecise_names_are_not_loaded():
    g = load()
    for form in ("James Smith", "K. Annan", "Abu Hussain", "Olive", "Lightning"):
        assert all(e.form not in ("phoenix", "org") or e.kind == "organization" and " " in form
                   for e in g.surface.get(form, [])), form
