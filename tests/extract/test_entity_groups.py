"""Entity groups (extract.entity_groups): a person coded by the group they lead or belong to, and
communities acting as domestic groups; hand-built sentences."""
import pytest

import dateline


def _codes(text, kind=None):
    res = dateline.analyze(text, published="2021-03-05")
    return {e.name: e.code for e in res.entities if kind is None or e.kind == kind}


def _actors(text):
    res = dateline.analyze(text, published="2021-03-05")
    return [((ev.actor.name, ev.actor.code) if ev.actor else None,
             (ev.target.name, ev.target.code) if ev.target else None) for ev in res.events]


@pytest.mark.parametrize("text,name,code", [
    # the person's group ("led his team", "X's team") is one the article names with one body only
    ("A U.N. monitoring team began its survey in Peru on Friday. Jonas Kettering led his team to "
     "three sites, a spokesman said. Peru accused Kettering of spying.", "Jonas Kettering", "IGO"),
    ("An EU monitoring mission reached the border on Monday. Jonas Kettering's mission counted the trucks.",
     "Jonas Kettering", "IGO"),
    # two bodies name the same group noun: whose it is stays open
    ("A U.N. team and a Chinese team arrived on Monday. Jonas Kettering's team visited the site.",
     "Jonas Kettering", None),
    # no body names the group
    ("Jonas Kettering's team won the match in Lima on Sunday.", "Jonas Kettering", None),
    # a person leading a group that a body qualifies belongs to it
    ("U.N. inspectors led by Jonas Kettering visited three sites in Peru on Friday.", "Jonas Kettering", "IGO"),
    ("A Chilean team headed by Jonas Kettering visited three sites in Peru on Friday.", "Jonas Kettering", "CHL"),
    ("U.N. inspectors and reporters led by Jonas Kettering visited three sites in Peru.", "Jonas Kettering", None),
    # a state before a clause about the group does not qualify it
    ("Peru called Jonas Kettering an American spy whose team had come to steal secrets. "
     "Jonas Kettering's team left on Monday.", "Jonas Kettering", None),
])
def test_a_person_belongs_to_the_body_of_their_group(text, name, code):
    assert _codes(text, "person").get(name) == code


@pytest.mark.parametrize("text,actor,target", [
    # a community named in the plural, or its adjective on a group noun, is a domestic group of the
    # home state (a community of any state) or of the one state it lives in that the article names
    ("Police arrested six Protestants in Belfast, Northern Ireland, on Sunday.", ("Police", "GBR"),
     ("protestants", "GBR")),
    ("In Belfast, Northern Ireland, the Catholic minority demanded a settlement from British officials.",
     ("catholic minority", "GBR"), ("United Kingdom", "GBR")),
    ("The killing in Rwanda set off a rampage by Hutu security forces, who slaughtered Tutsis.",
     ("hutu security forces", "RWA"), ("tutsis", "RWA")),
    # a community of a few states: the one the article names, not the home state
    ("WASHINGTON - American officials in Washington said that Sunni insurgents attacked a U.S. convoy near "
     "Baghdad, Iraq, and the White House condemned the attack.", ("sunni insurgents", "IRQ"), ("United States", "USA")),
    # an adjective before no group noun names no group
    ("Extremists in Belfast, Northern Ireland, bombed two Protestant towns on Sunday.",
     ("extremists", "GBR"), None),
])
def test_a_community_is_a_domestic_group(text, actor, target):
    assert (actor, target) in _actors(text)


@pytest.mark.parametrize("text,place,code", [
    # a town the gazetteer does not list lies in the state of its GeoNames record, read in the
    # article's states
    ("Irish police found explosives in a shed in Dundalk on Sunday.", "Dundalk", "IRL"),
    # a large place of a state the article does not name is left alone (a word the recogniser took for
    # a place is often a large town somewhere)
    ("Workers in Toluca went on strike on Monday.", "Toluca", None),
    # a hamlet whose name is a surname does not code the person's name the recogniser took for a place
    ("Shares of Cineplex rose in Toronto, Canada, on Monday, Crowell said.", "Crowell", None),
    # an acronym the recogniser calls a place is no town
    ("Officials of the PRC met in Beijing on Sunday.", "PRC", None),
])
def test_a_place_takes_the_state_of_its_geonames_record(text, place, code):
    assert _codes(text, "place").get(place, code) == code


@pytest.mark.parametrize("text,actor", [
    # a state's adjective on a news medium's noun (agent_nouns.tsv) names the state that acts
    ("An official Peruvian newspaper called on Chileans to vote against the plan on Monday.", ("Peru", "PER")),
    ("The Chilean news agency accused Peru of spying on Tuesday.", ("Chile", "CHL")),
    # and still on a state's own organs, with their object kept
    ("Chilean rights groups accused the army of torture on Tuesday.", ("Chile", "CHL")),
])
def test_a_state_adjective_on_a_medium_names_the_actor(text, actor):
    assert actor in [a for a, _ in _actors(text)]
