"""Groups coded by where they act or whose members they gather (extract.entity_local), and group nouns
acting for the home state (extract.entity_context add_agent_mentions); hand-built sentences."""
import pytest

import dateline


def _actors(text):
    res = dateline.analyze(text, published="2021-03-05")
    return [((ev.actor.name, ev.actor.code) if ev.actor else None,
             (ev.target.name, ev.target.code) if ev.target else None) for ev in res.events]


_LEAD = "BELFAST, Northern Ireland (AP) - Irish and British leaders met on Friday. "


@pytest.mark.parametrize("text,actor", [
    # police whose state is only the article's default act in the town of another state their sentence names
    (_LEAD + "Police found 500 pounds of explosives on Sunday in a barn near Dundalk. "
     "They arrested three men after the raid.", ("Police", "IRL")),
    (_LEAD + "Police arrested three men in Dundalk on Sunday.", ("Police", "IRL")),
    # police who report: the place is the report's, they keep the default
    (_LEAD + "Police said on Sunday that the bomb was built in a barn near Dundalk. They arrested three men.",
     ("Police", "GBR")),
    # a town of the home state leaves them the home state's
    (_LEAD + "Police arrested three men in Belfast on Sunday.", ("Police", "GBR")),
    # a state named before them says whose they are, whatever the town
    (_LEAD + "British police arrested three men near Dundalk on Sunday.", ("United Kingdom", "GBR")),
])
def test_local_police_act_for_the_state_of_their_town(text, actor):
    assert actor in [a for a, _ in _actors(text)]


@pytest.mark.parametrize("text,actor", [
    # a state named right after the body with "in" is where it is, whatever else its sentence names
    ("DAR ES SALAAM, Tanzania (AP) - Tanzania expelled five men on Monday. On Sunday, police in the Comoros "
     "archipelago raided two homes of a man who had lived in Sudan.", ("Police", "COM")),
    # the government of the day, in a sentence opened by the capital it sits in
    ("LIMA, Peru (AP) - Peru's president met Peruvian farmers on Monday. The government accused Peruvian "
     "farmers of lying. In Santiago, the government criticized the plan.", ("Government", "CHL")),
])
def test_a_body_acts_for_the_state_where_its_sentence_sets_it(text, actor):
    assert actor in [a for a, _ in _actors(text)]


@pytest.mark.parametrize("text,actor", [
    # officials of an organisation's member states act for the intergovernmental body the article names
    ("NAIROBI, Kenya (AP) - The African Union opened its summit on Monday. Foreign ministers of "
     "member states agreed to investigate the killings.", ("ministers", "IGO")),
    ("The Arab League met in Cairo. Envoys from the 22 member countries condemned the raid on Tuesday.",
     ("envoys", "IGO")),
])
def test_officials_of_member_states_act_for_the_body(text, actor):
    assert actor in [a for a, _ in _actors(text)]


def test_member_states_without_a_named_body_stay_uncoded():
    text = "Envoys from member countries condemned the raid on Tuesday."
    assert all(a is None or a[1] != "IGO" for a, _ in _actors(text))


_US = "WASHINGTON (AP) - President Obama met Senate leaders at the White House on Monday. "


@pytest.mark.parametrize("text,pair", [
    # group nouns named alone act for the home state
    (_US + "Advocacy groups warned on Tuesday that the administration had lost its leverage.",
     (("groups", "USA"), ("administration", "USA"))),
    # groups of a cause, advocates and the backers of a candidate are the home state's civil society
    (_US + "Several advocates sued the airline on Tuesday.", (("advocates", "USA"), None)),
    (_US + "Several labor organizations condemned the plan on Tuesday.", (("organizations", "USA"), None)),
    (_US + "Progressives denounced the budget deal on Tuesday.", (("progressives", "USA"), None)),
    # exiles act where they are said to live, not for the state they come from
    (_US + "Venezuelan exiles living in Miami denounced the vote on Tuesday.", (("exiles", "USA"), None)),
    # a body named after a leader is the leader's state's
    (_US + "Obama said on Tuesday that the Putin government threatened Ukraine.", (("Government", "RUS"), ("Ukraine", "UKR"))),
    (_US + "Families sued the airline on Tuesday.", (("families", "USA"), None)),
    (_US + "Investors sued the developer on Tuesday.", (("investors", "USA"), None)),
])
def test_home_groups_act_for_the_home_state(text, pair):
    assert pair in _actors(text)


@pytest.mark.parametrize("text,actor,target", [
    # the political groups of the home state's contest, named alone, act (or are acted on) for it
    (_US + "Delegates pledged their votes to the governor on Tuesday.", ("delegates", "USA"), None),
    (_US + "Both candidates attacked the new tariff plan on Tuesday.", ("candidates", "USA"), None),
    (_US + "Conservatives denounced the spending bill on Tuesday.", ("conservatives", "USA"), None),
    (_US + "The senator urged supporters to stay calm on Tuesday.", None, ("supporters", "USA")),
])
def test_political_groups_act_for_the_home_state(text, actor, target):
    pairs = _actors(text)
    assert any((actor is None or a == actor) and (target is None or t == target) for a, t in pairs), pairs


@pytest.mark.parametrize("text", [
    # a word before the group that says it comes from elsewhere leaves it uncoded
    _US + "Foreign investors criticized the Treasury on Tuesday.",
    _US + "Overseas families sued the airline on Tuesday.",
    # "of" after them makes them the group of whoever follows, not the home state's
    _US + "Families of the passengers sued the airline on Tuesday.",
    # groups named by an armed cause fight where the story does not say
    _US + "Terrorist groups attacked the convoy on Tuesday.",
    # people from elsewhere named by their noun alone are a group of no state
    _US + "Wealthy foreigners criticized the Treasury on Tuesday.",
])
def test_outsiders_are_not_the_home_state(text):
    assert all(a is None or a[0] not in ("investors", "families", "foreigners", "groups") or a[1] is None
               for a, _ in _actors(text))


@pytest.mark.parametrize("text,pair", [
    # the group of outsiders is the participant, with no state, not a state named after it
    ("MOSCOW (AP) - Russia's parliament met on Monday. Russian police arrested two foreigners near Kazakhstan.",
     (("Russia", "RUS"), ("foreigners", None))),
    (_US + "Foreign investors criticized the Treasury on Tuesday.", (("investors", None), ("Finance Ministry", "USA"))),
])
def test_outsiders_take_part_with_no_state(text, pair):
    assert pair in _actors(text)


# a story filed from a state that holds a large share of its coded mentions, though another is named more
_FILED = ("MIAMI (AP) - The Cuban boy stayed in Miami on Monday. Cuba wants the Cuban boy back, Cuba said. "
          "Havana and Cuba's president asked for him, and Cuban state media agreed. The United States said "
          "it would decide. Florida's governor and Washington were silent. ")


@pytest.mark.parametrize("text,pair", [
    # its groups named alone act for the state where the story is filed
    (_FILED + "Federal officials criticized the relatives on Tuesday.", ("officials", "USA")),
    # a group the sentence places elsewhere keeps that place's state
    (_FILED + "Police in Havana arrested three men on Tuesday.", ("Police", "CUB")),
])
def test_the_dateline_state_with_a_large_share_is_home(text, pair):
    assert pair in [a for a, _ in _actors(text)]




@pytest.mark.parametrize("text,pair", [
    # people of a body or state named right after "of"/"from" act for it
    (_US + "Members of Congress criticized the plan on Tuesday.", (("members", "USA"), None)),
    ("CAIRO (AP) - Officials from the Iranian Foreign Ministry criticized Egypt on Tuesday.",
     (("officials", "IRN"), ("Egypt", "EGY"))),
    ("BAGHDAD (AP) - Residents of Basra protested against the government on Sunday.",
     (("residents", "IRQ"), ("Government", "IRQ"))),
])
def test_members_of_a_body_act_for_it(text, pair):
    assert pair in _actors(text)


def test_members_of_two_states_are_neither_one_s():
    text = "Envoys from Iran and Iraq condemned the raid on Tuesday."
    assert all(a is None or a[0] != "envoys" for a, _ in _actors(text))


def test_a_recognised_body_named_like_a_place_of_the_article_is_that_place():
    from dateline.extract.entities import EntityResult
    from dateline.extract.entity_local import places_named_as_bodies
    from dateline.record import Entity, Mention, Span
    town = Entity(id="e1", name="Lurgan", kind="place", code="GBR", source="model:ner+geonames",
                  mentions=[Span(0, 6, "Lurgan")])
    body = Entity(id="e2", name="Lurgan", kind="organization", code=None, source="model:ner",
                  mentions=[Span(30, 36, "Lurgan")])
    res = EntityResult(entities=[town, body], mentions=[
        Mention(0, 6, "Lurgan", entity="e1", name="Lurgan", kind="place", code="GBR"),
        Mention(30, 36, "Lurgan", entity="e2", name="Lurgan", kind="organization")])
    places_named_as_bodies(res)
    assert (body.kind, body.code) == ("place", "GBR")
    assert [(m.kind, m.code) for m in res.mentions] == [("place", "GBR"), ("place", "GBR")]


@pytest.mark.parametrize("text,name,code", [
    # with no home state, an official titled with no state is the dateline state's
    ("WELLINGTON, New Zealand (AP) - American jets hit sites in Sudan and Afghanistan, the U.S. "
     "said. Foreign Minister Rangi Tamaki said the strikes were justified.", "Rangi Tamaki", "NZL"),
    # no dateline: nothing is guessed
    ("The United States struck sites in Sudan and Afghanistan, the U.S. said. Foreign Minister Rangi "
     "Tamaki said the strikes were justified.", "Rangi Tamaki", None),
    # a state in the title still says whose official it is
    ("WELLINGTON, New Zealand (AP) - American jets hit sites in Sudan and Afghanistan, the U.S. "
     "said. Sudanese Foreign Minister Rangi Tamaki condemned the strikes.", "Rangi Tamaki", "SDN"),
])
def test_a_titled_official_is_the_dateline_state_s(text, name, code):
    res = dateline.analyze(text, published="1998-08-21")
    assert {e.name: e.code for e in res.entities if e.kind == "person"}.get(name) == code


@pytest.mark.parametrize("text,place,code", [
    # a state's name before a group's noun qualifies the group: no region of the place before the comma
    ("WASHINGTON (AP) - After the raids in West Africa, U.S. troops struck two camps on Thursday.",
     "West Africa", None),
    ("A rally in Springfield, Ill., drew crowds on Monday.", "Springfield", "USA"),
])
def test_a_region_after_a_place_is_no_group_s_qualifier(text, place, code):
    res = dateline.analyze(text, published="1998-08-21")
    assert {e.name: e.code for e in res.entities if e.kind == "place"}.get(place, code) == code


def test_a_president_is_not_guessed_the_dateline_state():
    text = ("WELLINGTON, New Zealand (AP) - American jets hit sites in Sudan and Afghanistan, the U.S. "
            "said. President Rangi Tamaki said the strikes were justified.")
    res = dateline.analyze(text, published="1998-08-21")
    assert {e.name: e.code for e in res.entities if e.kind == "person"}.get("Rangi Tamaki") is None


@pytest.mark.parametrize("text,has_forces", [
    # a generic body's word before a noun of a body of several states is an adjective: no state's forces
    ("BRUSSELS (AP) - NATO agreed to admit Poland on Wednesday. The western military alliance invited "
     "Poland to join in 1997.", False),
    ("BRUSSELS (AP) - NATO agreed to admit Poland on Wednesday. The military fired on a crowd.", True),
])
def test_a_generic_body_word_as_an_adjective_names_no_body(text, has_forces):
    res = dateline.analyze(text, published="1999-02-10")
    assert any(e.name == "Armed Forces" for e in res.entities) == has_forces


@pytest.mark.parametrize("name,acronyms", [
    ("U.S. Immigration and Naturalization Service", {"UINS", "INS"}),
    ("Federal Emergency Management Agency", {"FEMA", "EMA"}),
    ("World Court", {"WC"}),
])
def test_the_acronyms_a_body_s_name_makes(name, acronyms):
    from dateline.extract.entity_local import _initials
    assert _initials(name) == acronyms


def test_an_acronym_alone_takes_the_state_of_the_body_it_abbreviates():
    from dateline.extract.entities import EntityResult
    from dateline.extract.entity_local import code_acronyms_of_named
    from dateline.record import Entity, Span
    body = Entity(id="e1", name="Federal Emergency Management Agency", kind="organization", code="USA",
                  source="pattern:org-head", mentions=[Span(0, 35, "Federal Emergency Management Agency")])
    acr = Entity(id="e2", name="FEMA", kind="organization", code=None, source="model:ner",
                 mentions=[Span(50, 54, "FEMA")])
    other = Entity(id="e3", name="ZZQ", kind="organization", code=None, source="model:ner",
                   mentions=[Span(60, 63, "ZZQ")])
    code_acronyms_of_named(EntityResult(entities=[body, acr, other]))
    assert (acr.code, other.code) == ("USA", None)


@pytest.mark.parametrize("text,code", [
    # a state's bare name qualifies a generic body only with no conjunction, preposition or verb between
    ("WASHINGTON (AP) - Senators said the plan of strikes in Chad and Mali and training local ground "
     "forces would fail.", "USA"),
    # "its" points back to the state before it
    ("ROME (AP) - Canada is expanding its military role on the northern frontier.", "CAN"),
    ("CAIRO (AP) - Egypt's army moved on Monday.", "EGY"),
])
def test_the_state_of_a_generic_body_named_before_it(text, code):
    res = dateline.analyze(text, published="2015-12-07")
    bodies = {e.code for e in res.entities if e.name in ("Army", "Armed Forces")}
    assert bodies == {code}


@pytest.mark.parametrize("text,trigger,actor", [
    # people named by a town before their noun act, for the town's state; the town stays a place
    ("The Tampa relatives appealed the ruling on Monday.", "appealed", ("relatives", "USA")),
    ("Lyon residents protested against the new tax.", "protested", ("residents", "FRA")),
    # a name after the noun is the person who acts
    ("Tampa teenager Jane Roe appealed the ruling on Monday.", "appealed", ("Jane Roe", None)),
])
def test_people_named_by_their_town(text, trigger, actor):
    evs = [e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == trigger]
    assert [(e.actor.name, e.actor.code) for e in evs] == [actor]


@pytest.mark.parametrize("text,pair", [
    # a bare acronym of a coded body named in full before is that body, acting with its state
    ("Ghana's National Farmers Council met in Accra with the Ghana Army. Later the NFC agreed to sell "
     "grain to Togo.", (("National Farmers Council", "GHA"), ("Togo", "TGO"))),
])
def test_a_bare_acronym_is_the_coded_body_it_abbreviates(text, pair):
    assert pair in _actors(text)


def test_an_acronym_of_two_bodies_is_neither():
    text = ("Ghana's National Farmers Council and Nigeria's National Fishing Commission met in Accra. "
            "Later the NFC agreed to sell grain to Togo.")
    assert all(a is None or a[0] not in ("National Farmers Council", "National Fishing Commission")
               for a, t in _actors(text) if t == ("Togo", "TGO"))


_HAVANA = "\n\nHAVANA (AP) --\n\n"
_US_STORY = ("Marisol Quintero said on Monday that she would write to the U.S. Congress again. "
             "The U.S. State Department and the U.S. Senate gave no answer, and Washington stayed silent. ")


@pytest.mark.parametrize("text,code", [
    # a story datelined abroad but mostly about the home state: a person tied to no state is the dateline's
    (_HAVANA + _US_STORY + "Many in Cuba watched the case.", "CUB"),
    # the dateline's state named nowhere else: its town may be a namesake, the person keeps none
    (_HAVANA + _US_STORY, None),
    # a person the text ties to a state keeps that tie
    (_HAVANA + _US_STORY.replace("Marisol Quintero", "Marisol Quintero, an American lawyer,")
     + "Many in Cuba watched the case.", "USA"),
])
def test_untied_people_of_a_foreign_datelined_story_take_the_datelines_state(text, code):
    res = dateline.analyze(text, published="2021-03-05")
    assert [e.code for e in res.entities if e.name == "Marisol Quintero"] == [code]


def test_officials_of_several_other_states_take_no_home_state():
    # "the ministers of <states>": the home state's default is no guess for officials of others
    text = ("WASHINGTON (AP) - The FBI, the U.S. Army and the U.S. Navy met. Ministers of Poland and Hungary "
            "condemned the raid on Tuesday.")
    assert ("Ministers", "USA") not in [a for a, _ in _actors(text)]


@pytest.mark.parametrize("text,actor,coded", [
    # no home state: a person tied to no state, in a story whose body names the dateline's state again
    # and more than any other, is of the dateline's state
    ("MIAMI (AP) - Cuba and Venezuela signed a pact in Caracas, Cuba said. In Miami and across Florida, "
     "Rosa Delgado criticized the pact on Monday.", "Rosa Delgado", True),
    # a story filed where other states' affairs lead: no guess
    ("MIAMI (AP) - Cuba and Venezuela signed a pact in Caracas, Cuba said. In Havana, Cuba, Rosa Delgado "
     "criticized the pact in Florida on Monday.", "Rosa Delgado", False),
])
def test_a_stranger_in_a_story_with_no_home_state_is_of_the_dateline_state(text, actor, coded):
    assert ((actor, "USA") in [a for a, _ in _actors(text)]) == coded


_KENYA = "NAIROBI, Kenya (AP) - Kenyan police shot a teenager in Nairobi on Monday. Kenya's minister spoke. "


@pytest.mark.parametrize("text,pair", [
    # a relative named by kin alone after someone unnamed acts for the home state
    (_KENYA + "The boy's father accused the police of murder.", ("father", "KEN")),
    (_KENYA + "The victims' relatives criticized the police on Tuesday.", ("relatives", "KEN")),
    # where the text places them, that place's state
    (_KENYA + "The victims' relatives in Kampala criticized the police on Tuesday.", ("relatives", "UGA")),
    # after a coded person, for that person's state
    ("MIAMI (AP) - Elian Gonzalez, a Cuban boy, stayed in Miami. Elian's father accused the relatives "
     "of kidnapping.", ("father", "CUB")),
])
def test_kin_act_for_whose_kin_they_are(text, pair):
    assert pair in [a for a, _ in _actors(text)]


@pytest.mark.parametrize("text", [
    # after a pronoun, or with their own name after them, no group of kin
    _KENYA + "His father accused the police of murder.",
    _KENYA + "The boy's father Jonas Kettering accused the police of murder.",
])
def test_kin_after_a_pronoun_or_before_a_name_are_no_group(text):
    assert all(a is None or a[0] != "father" for a, _ in _actors(text))
