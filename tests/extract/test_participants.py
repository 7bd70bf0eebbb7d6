"""Participants inferred from the place (extract.participants)."""
import pytest

import dateline


@pytest.mark.parametrize("text,actor,target", [
    # actor-less unrest at a place: the place's people against their government
    ("Thousands of protesters rallied in Lagos on Monday.", "NGA", "NGA"),
    # a named target stays
    ("Students protested against the United States in Baghdad.", "IRQ", "USA"),
])
def test_unrest_takes_the_state_of_its_place(text, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith("14"))
    assert (e.actor.code, e.target.code) == (actor, target)


def test_other_roots_take_no_state_from_the_place():
    e = next(e for e in dateline.analyze("Gunmen attacked a bus in Lagos on Monday.",
                                         published="2021-03-05").events if e.cameo.startswith("1"))
    assert e.actor is None or e.actor.code is None


@pytest.mark.parametrize("text,code", [
    # a person attacking a person or a body in words criticises
    ("Senator Jane Holloway of Ohio attacked Governor Mark Reeves of Texas over the budget.", "111"),
    # states and armed men attack with force
    ("North Korea attacked South Korea on Monday.", "190"),
    ("Gunmen attacked a police station in Kabul.", "190"),
    # ... and a politician attacks the police in words too
    ("Senator Jane Holloway of Ohio attacked the police over the raid.", "111"),
    # a person's attack on a place, a building or people as a group is force, not words
    ("Militiamen attacked the hamlet's checkpoint on Friday.", "190"),
    ("Fighters loyal to the warlord attacked a village near the border.", "190"),
])
def test_the_sense_of_attack_follows_its_parties(text, code):
    evs = dateline.analyze(text, published="2021-03-05").events
    assert [e.cameo for e in evs if e.trigger.text == "attacked"] == [code]


@pytest.mark.parametrize("text,actor,trigger,target,unowned", [
    # a noun of attack is a verbal attack only when its doer is its possessor or its target a person
    ("Before the Lima attacks, Holloway seemed hopeful.", "Holloway", "attacks", None, True),
    ("Holloway's attacks on the plan continued.", "Holloway", "attacks", None, False),
    ("The attacks on Reeves by Holloway continued.", "Holloway", "attacks", "person", False),
])
def test_the_doer_of_an_attack_noun(text, actor, trigger, target, unowned):
    from types import SimpleNamespace as NS
    from dateline.extract.participants import _unowned_noun
    a = text.index(actor)
    c = NS(pattern=NS(pos="noun"), start=text.index(trigger), actor=NS(end=a + len(actor), kind="person"),
           target=None if target is None else NS(kind=target))
    assert _unowned_noun(c, text) == unowned


@pytest.mark.parametrize("text,code,actor,target", [
    # a state's forces clashing with protesters at home repress its people; protesters clashing riot
    ("Kenyan riot police clashed with demonstrators in Nairobi on Tuesday.", "175", "KEN", "KEN"),
    ("Protesters clashed with police in Nairobi on Tuesday.", "145", "KEN", "KEN"),
])
def test_clashes_by_their_parties(text, code, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == "clashed")
    assert (e.cameo, e.actor.code, e.target.code) == (code, actor, target)


@pytest.mark.parametrize("text,actor,target", [
    # the possessor of a noun of something done to someone undergoes it
    ("Chile mourned the Peruvian president's assassination.", None, "PER"),
    # ... unless an "of" names who underwent it
    ("Peru's expulsion of Chilean diplomats angered Santiago.", "PER", "CHL"),
])
def test_possessors_of_patient_nouns(text, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events
             if e.trigger.text in ("assassination", "expulsion"))
    assert ((e.actor.code if e.actor else None), (e.target.code if e.target else None)) == (actor, target)


@pytest.mark.parametrize("text,trigger,place,preps,moved", [
    # a place after a preposition of location is where, not whom
    ("Farmers blocked streets in Nairobi.", "blocked", "Nairobi", (), True),
    ("Police jailed him at the Capitol.", "jailed", "Capitol", (), True),
    # the pattern's own aim stays the target
    ("Rebels fired shells at Goma.", "fired", "Goma", ("at",), False),
    # a direct object is not a location
    ("The army shelled Kharkiv.", "shelled", "Kharkiv", (), False),
])
def test_a_place_is_a_location_not_a_target(text, trigger, place, preps, moved):
    from types import SimpleNamespace

    from dateline.extract.participants import places_are_locations
    from dateline.record import Mention
    a, p = text.index(trigger), text.index(place)
    m = Mention(p, p + len(place), place, entity=None, name=place, kind="place", code="XXX")
    c = SimpleNamespace(start=a, end=a + len(trigger), target=m, location=None,
                        pattern=SimpleNamespace(preps=frozenset(preps)))
    places_are_locations([c], text)
    assert (c.target is None) == moved
    assert (c.location == {"name": place, "code": "XXX"}) == moved


@pytest.mark.parametrize("text,root,actor,target", [
    # a state's adjective in a phrase of location is where, not whom
    ("Chile held talks in the Peruvian capital on Monday.", "04", "CHL", None),
    # ... but not in the pattern's own aim
    ("Chilean troops fired shells at Peruvian positions on Monday.", "19", "CHL", "PER"),
])
def test_a_state_adjective_of_location_is_no_target(text, root, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith(root))
    assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)


@pytest.mark.parametrize("text,actor,target", [
    # target-less unrest by a state's people is against its government, wherever it is
    ("Seven opposition parties in Peru have organized a general strike.", "PER", "PER"),
    # a body of no state has no state to be against
    ("Amnesty International staged a protest in London.", "NGO", None),
])
def test_unrest_by_a_states_people_targets_it(text, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith("14"))
    assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # repression at a place of the actor's own state targets its people, also where it is threatened
    ("Peruvian police imposed a curfew in Lima on Monday.", "17", "PER", "PER"),
    ("President Alan Garcia of Peru threatened to impose a curfew in Lima after the riots.", "13", "PER", "PER"),
    # ... but a seizure of property there acts on things, not on the people there
    ("Peruvian police seized a cache of rifles in Lima on Monday.", "17", "PER", None),
])
def test_repression_at_home_targets_the_state(text, root, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith(root))
    assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a visit's host is the state it takes place in, where no other counterpart is named
    ("The Danish king visited wounded soldiers in Estonia on Friday.", "04", "DNK", "EST"),
    # an occupation of land in a state is against that state
    ("Armenian forces still occupy a corridor in western Azerbaijan.", "19", "ARM", "AZE"),
    # never the actor's own state
    ("The Danish king visited wounded soldiers in Copenhagen on Friday.", "04", "DNK", None),
])
def test_a_visits_host_is_the_state_of_its_place(text, root, actor, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith(root))
    assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)


@pytest.mark.parametrize("text,trigger,actor,target,where", [
    # a state or a capital named right before a noun of a happening locates it
    ("Mourners gathered a week after the Kenya bombing.", "bombing", None, None, "KEN"),
    ("Delegates agreed at last month's Lisbon summit to invite Chile to the talks.", "invite", None, "CHL", None),
    # ... not when a complement names whom it was done to: the state before the noun acts
    ("The Russian bombing of Aleppo angered Turkey.", "bombing", "RUS", "SYR", None),
    ("The U.S. bombing of Serbia angered Russia.", "bombing", "USA", "SRB", None),
    # a state that tells where a place is, after the place and a comma, is no target
    ("The bomb killed eleven people in Lockerbie, Scotland.", "killed", None, None, "GBR"),
    ("Gunmen wounded four guards in Mombasa, Kenya, on Sunday.", "wounded", None, None, "KEN"),
])
def test_a_place_named_for_a_happening_is_no_party(text, trigger, actor, target, where):
    evs = [e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == trigger]
    assert evs
    for e in evs:
        assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)
        if where:
            assert e.location is None or e.location["code"] == where


@pytest.mark.parametrize("text,capital,kind", [
    ("Police searched homes after Friday's Nairobi bombing.", "Nairobi", "place"),
    ("Delegates agreed at last month's Lisbon summit to meet again.", "Lisbon", "place"),
    # a capital that speaks or acts stands for its government
    ("Nairobi condemned the raid on Friday.", "Nairobi", "country"),
])
def test_a_capital_before_a_noun_of_a_happening_is_its_place(text, capital, kind):
    rec = dateline.analyze(text, published="2021-03-05")
    assert [e.kind for e in rec.entities if capital in [m.text for m in e.mentions]] == [kind]


@pytest.mark.parametrize("text,root,target", [
    # a state by name right after "in" that no frame reached is where the act happened
    ("The rebels fought in Chad on Monday.", "19", None),
    ("Hundreds of fighters were wounded in Syria.", "18", None),
    # a state's name before a common noun owns the noun ("in the X embassy"): it stays the target
    ("Bombs exploded in the U.S. embassy in Nairobi.", "18", "USA"),
    # after a noun the phrase may be the noun's ("refugees in X"): it stays
    ("Aid agencies will provide food to refugees in Liberia.", "03", "LBR"),
])
def test_a_state_right_after_in_is_a_location(text, root, target):
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.cameo.startswith(root))
    assert (e.target.code if e.target else None) == target
