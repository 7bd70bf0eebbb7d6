import datetime as dt

import pytest

from dateline.extract.entities import extract_entities
from dateline.resources import read_tsv
from dateline.text import split_sentences


def ents(text, **kw):
    res = extract_entities(text, split_sentences(text), **kw)
    return res


def find(res, surface):
    """(kind, code, name) of the entity that has a mention with this exact text."""
    by_id = res.by_id()
    for m in res.mentions:
        if m.text == surface:
            e = by_id[m.entity]
            return e.kind, m.code, e.name
    return None


@pytest.mark.parametrize("text,surface,kind,code", [
    ("North Korea fired a missile.", "North Korea", "country", "PRK"),
    ("The DPRK said nothing.", "DPRK", "country", "PRK"),
    ("A North Korean diplomat left.", "North Korean", "country", "PRK"),
    ("Pyongyang rejected the offer.", "Pyongyang", "country", "PRK"),          # capital as metonym
    ("Seoul's attempt to talk failed.", "Seoul", "country", "KOR"),
    ("Washington wants a deal.", "Washington", "country", "USA"),
    ("He lives in Pyongyang with his family.", "Pyongyang", "place", "PRK"),   # the city
    ("TOKYO — The ministry said.", "TOKYO", "place", "JPN"),                   # a dateline is a place
    ("U.S. officials met Chinese officials.", "U.S.", "country", "USA"),
    ("Japan's Defense Ministry said so.", "Defense Ministry", "organization", "JPN"),
    ("South Korea's Joint Chiefs of Staff said so.", "Joint Chiefs of Staff", "organization", "KOR"),
    ("The United Nations Security Council met.", "United Nations Security Council", "organization", "IGO"),
    # an organisation's "of" complement belongs to its name; a demonym in it gives the state
    ("According to the Central Committee of Sudanese Doctors, five died.", "Central Committee of Sudanese Doctors",
     "organization", "SDN"),
    ("The Union of Concerned Scientists disagreed.", "Union of Concerned Scientists", "organization", None),
    # a country's name opening an organisation's name or in its complement gives the state;
    # "on" introduces a complement ("Commission on Human Rights") but not a date ("on Monday")
    ("Six died, according to the Kenya National Commission on Human Rights.",
     "Kenya National Commission on Human Rights", "organization", "KEN"),
    ("The Bank of Japan raised rates.", "Bank of Japan", "organization", "JPN"),
    ("The Pakistan Army said it killed five militants.", "Pakistan Army", "organization", "PAK"),
    ("The Election Commission on Monday published the results.", "Election Commission", "organization", None),
])
def test_gazetteer_entities(text, surface, kind, code):
    got = find(ents(text), surface)
    assert got is not None, f"{surface!r} not found"
    assert got[0] == kind
    assert got[1] == code


def test_contextual_alias_needs_its_state():
    assert find(ents("North Korea and the South met. The North said it would go."), "North") is not None
    assert find(ents("Talks in the North of England ended."), "North") is None


@pytest.mark.parametrize("text,name,code", [
    ("North Korean leader Kim Jong Un met troops. Later Kim left.", "Kim Jong Un", "PRK"),
    ("Laura Example, a senior analyst at the Example Institute, disagreed.", "Laura Example", None),
    ('"It is over," said Laura Example.', "Laura Example", None),
    ("Bo Example, a South Korean official, said talks were off.", "Bo Example", "KOR"),
    # a name in apposition to a role noun
    ("The United Nations envoy for Sudan, Carl Example, said he was alarmed.", "Carl Example", None),
    # a title of several words, after a demonym, before a name the gazetteer does not know
    ("Ruritanian Prime Minister Viktor Example vetoed the deal.", "Viktor Example", None),
    ("Hungarian Prime Minister Viktor Example vetoed the deal.", "Viktor Example", "HUN"),
    # Mc-, Mac-, O'- names are one word
    ("House Speaker Kevin McExample said no.", "Kevin McExample", None),
    ('"No," said Dana O\'Example.', "Dana O'Example", None),
])
def test_people(text, name, code):
    res = ents(text)
    people = {e.name: e for e in res.entities if e.kind == "person"}
    assert name in people
    assert people[name].code == code


def test_surname_coreference_prefers_the_earlier_full_name():
    text = ("North Korean leader Kim Jong Un sent a letter. Kim also wrote a poem.\n\n"
            "The Example Herald's Min Ji Kim in Seoul contributed to this report.")
    res = ents(text, bylines=["Min Ji Kim"])
    second = [m for m in res.mentions if m.text == "Kim" and m.start > 40][0]
    assert second.name == "Kim Jong Un" and second.code == "PRK"


def test_title_and_surname_through_terms_of_office():
    res = ents("President Moon welcomed the letter.", published=dt.date(2019, 10, 31))
    assert find(res, "Moon")[2] == "Moon Jae-in"


@pytest.mark.parametrize("fname", ["org_heads.tsv", "not_names.tsv", "surname_first.tsv"])
def test_entity_lexicons_load(fname):
    rows = read_tsv("entities", fname)
    words = [r["word"] for r in rows]
    assert words and len(words) == len(set(words))
    assert all(w == w.strip() and w for w in words)


def test_honorific_makes_a_person_over_a_place():
    res = ents("Mr. Rhodes said the plan was sound. Rhodes later left for Athens.")
    names = [(m.text, m.kind) for m in res.mentions]
    assert ("Rhodes", "person") in names
    assert ("Rhodes", "place") not in names


@pytest.mark.parametrize("text,expect", [
    ("Putin said the talks were useful.", "Vladimir Putin"),     # one official has that surname
    ("Charles said the talks were useful.", None),               # also a given name: not resolved
])
def test_bare_surnames(text, expect):
    people = [e.name for e in ents(text).entities if e.kind == "person"]
    assert (people[0] if people else None) == expect


def test_bare_surname_in_the_article_spelling_of_a_gazetteer_name():
    # the gazetteer spells Zelensky; the article "Zelenskiy", first in full, then alone
    res = ents("Ukrainian President Volodymyr Zelenskiy met envoys. Zelenskiy later left.",
               published=dt.date(2025, 6, 2))
    people = [m for m in res.mentions if m.kind == "person"]
    assert len(people) == 2 and len({m.entity for m in people}) == 1


def test_place_alias_inside_a_longer_name_is_not_that_place():
    res = ents("The tanker was hit in the Gulf of Aden. Ships avoid the Gulf.")
    gulfs = [m for m in res.mentions if m.name == "Persian Gulf"]
    assert len(gulfs) == 1 and gulfs[0].start > 40


def test_a_generic_organisation_takes_the_dateline_state_not_the_headline_state():
    text = ("North Korea fires ballistic missile\n\nSEOUL, Jan. 14 (Yonhap) -- North Korea fired a missile on "
            "Sunday. The missile flew 500 km, the Joint Chiefs of Staff said.")
    import dateline
    r = dateline.analyze(text, published="2024-01-14")
    jcs = next(e for e in r.entities if e.name == "Joint Chiefs of Staff")
    assert jcs.code == "KOR"


def test_a_surname_after_another_given_name_is_not_the_gazetteer_person():
    import dateline
    r = dateline.analyze("Senator John McCain and Conan O'Brien spoke on Tuesday.", published="2019-04-12")
    assert not any(e.name == "Robert O'Brien" for e in r.entities)


@pytest.mark.parametrize("published,code", [
    ("2016-05-01", "IGO"),     # President of the European Council then
    ("2023-10-16", None),      # out of that office; the gazetteer knows no national one
])
def test_a_leaders_state_is_the_office_held_on_the_publication_day(published, code):
    import dateline
    r = dateline.analyze("Donald Tusk said on Monday that Tusk would stay.", published=published)
    tusk = next(e for e in r.entities if e.name == "Donald Tusk")
    assert tusk.code == code


def test_before_any_office_a_person_takes_the_state_of_the_offices_to_come():
    from datetime import date

    from dateline.extract.gazetteer import Leader
    from dateline.extract.people import leader_codes_on

    class Raw:
        kind, code = "person", None
        leaders = [Leader("Ana Ruiz", "Ruiz", "PER", "president", ("President",),
                          date(2030, 7, 28), None)]

    r = Raw()
    leader_codes_on([r], date(2026, 1, 1))
    assert r.code == "PER"


def test_an_honorific_surname_is_the_person_named_in_full_before():
    res = ents("Prime Minister Tony Blair arrived in Ottawa. Mr. Blair met Canadian officials.",
               published=dt.date(2001, 5, 1))
    assert find(res, "Blair") == find(res, "Tony Blair")
    assert find(res, "Blair")[1] == "GBR"


@pytest.mark.parametrize("text,surface,code", [
    # most coded mentions are of one state: its people and bodies without a state of their own act there
    ("Senator Jane Holloway of Ohio criticised the White House on Monday. The United States Congress "
     "will vote in Washington. Holloway said the Ohio vote matters.", "Jane Holloway", "USA"),
    # no state dominates: nobody gets a guessed state
    ("Commissioner Karl Brennan met officials from France, Germany, Italy and Spain in Brussels.", "Karl Brennan",
     None),
])
def test_home_state_of_people_without_one(text, surface, code):
    from dateline.extract.entity_context import assign_home_state
    res = ents(text)
    assign_home_state(res)
    got = find(res, surface)
    assert got is not None and got[1] == code


@pytest.mark.parametrize("text,surface,name", [
    ("The Inter-American Court ruled on Monday. Chile welcomed the court's decision.", "the court",
     "Inter-American Court"),
    # "the council of elders" is another body
    ("The Security Council met. The council of elders did not.", "The council", None),
])
def test_a_definite_description_by_head_noun_is_the_organisation_named_before(text, surface, name):
    from dateline.extract.entity_context import add_definite_descriptions
    res = ents(text)
    add_definite_descriptions(text, res)
    got = next((m for m in res.mentions if m.text == surface), None)
    assert (got.name if got else None) == name


_HOME_USA = "The White House said on Monday that the United States Senate would vote in Washington. "


@pytest.mark.parametrize("tail,surface,code", [
    ("Prosecutors charged two men.", "Prosecutors", "USA"),
    # a state's adjective names that group's state
    ("Russian police left.", "police", "RUS"),
    # an armed group that is no state's force is coded by the state it acts in
    ("Gunmen fired at a bus near Denver.", "Gunmen", "USA"),
    ("Extremists have burned two churches in Ohio.", "Extremists", "USA"),
    # a candidate's campaign named alone acts for the state of the race
    ("The campaign sent buses of supporters to the rally in Ohio.", "campaign", "USA"),
    # ... but not one whose state an adjective names (the event rules read it)
    ("Syrian rebels shelled a base.", "rebels", None),
])
def test_an_agent_noun_alone_acts_for_the_home_state(tail, surface, code):
    from dateline.extract.entity_context import add_agent_mentions, assign_home_state
    text = _HOME_USA + tail
    res = ents(text)
    add_agent_mentions(text, res, assign_home_state(res))
    got = {m.text: m for m in res.mentions}.get(surface)
    assert (got.code if got else None) == code
    assert got is None or got.form == "agent" or code != "USA"


@pytest.mark.parametrize("text,name,code", [
    ("Karla Brennet, Ireland's envoy, met Chilean officials in Santiago.", "Karla Brennet", "IRL"),
    ("Ireland's envoy Karla Brennet met Chilean officials in Santiago.", "Karla Brennet", "IRL"),
    ("Irish Deputy Foreign Minister Karla Brennet met Chilean officials.", "Karla Brennet", "IRL"),
    ("The Irish foreign minister Karla Brennet met Chilean officials.", "Karla Brennet", "IRL"),
    ("Karla Brennet, the Irish minister for trade, met Chilean officials.", "Karla Brennet", "IRL"),
    ("Chilean voters admire Karla Brennet.", "Karla Brennet", None),
])
def test_a_persons_state_from_a_role_of_that_state(text, name, code):
    import dateline
    ents_ = dateline.analyze(text, published="2021-03-05").entities
    assert next((e.code for e in ents_ if e.name == name), None) == code


def test_a_title_and_surname_shared_by_officials_of_one_state_takes_that_state():
    """Between the terms of two presidents Bush nobody holds the office, but either is American."""
    import dateline
    ents_ = dateline.analyze("President Bush criticised the plan on Monday.", published="2000-01-01").entities
    bush = next(e for e in ents_ if "Bush" in e.name)
    assert bush.code == "USA" and bush.kind == "person"


@pytest.mark.parametrize("text,name,gender", [
    ("Ana Ruiz said she would stay in Lima.", "Ana Ruiz", "f"),
    ("Ms. Ruiz met the envoy on Monday.", "Ruiz", "f"),
    ("Luis Toro said on Monday that he would resign.", "Luis Toro", "m"),
    ("Luis Toro met Mr. Ruiz on Monday.", "Luis Toro", None),     # another person's honorific
])
def test_a_person_the_article_calls_he_or_she(text, name, gender):
    from dateline.nlp.build import analyze_doc
    res = analyze_doc(text, until="entities")._.entities      # the recogniser's names, then genders
    got = {m.gender for m in res.mentions if m.kind == "person" and name in (m.name or "")}
    assert got == {gender}, [(m.text, m.name, m.gender) for m in res.mentions]


def test_one_word_name_joins_the_one_person_named_in_full_with_it():
    from dateline.extract.entities import EntityResult
    from dateline.extract.entity_context import join_surnames
    from dateline.record import Entity, Mention, Span
    res = EntityResult(
        entities=[Entity("e1", "Ruiz", "person", None, [Span(0, 4, "Ruiz")]),
                  Entity("e2", "Ana Ruiz", "person", "PER", [Span(20, 28, "Ana Ruiz")]),
                  Entity("e3", "Toro", "person", None, [Span(40, 44, "Toro")]),
                  Entity("e4", "Luis Toro", "person", None, [Span(50, 59, "Luis Toro")]),
                  Entity("e5", "Eva Toro", "person", None, [Span(60, 68, "Eva Toro")])],
        mentions=[Mention(0, 4, "Ruiz", "e1", "Ruiz", "person"), Mention(20, 28, "Ana Ruiz", "e2", "Ana Ruiz",
                                                                         "person", "PER"),
                  Mention(40, 44, "Toro", "e3", "Toro", "person")])
    join_surnames(res)
    assert [e.id for e in res.entities] == ["e2", "e3", "e4", "e5"]      # two Toros: "Toro" stays open
    assert (res.mentions[0].entity, res.mentions[0].code) == ("e2", "PER")
    assert [s.start for s in res.entities[0].mentions] == [0, 20]


@pytest.mark.parametrize("text,code", [
    ("Demonstrators in Lima blocked a road on Monday.", "PER"),
    ("Police in Chile arrested the organisers.", "CHL"),
])
def test_a_group_noun_acts_for_the_place_it_is_in(text, code):
    import dateline
    evs = dateline.analyze(text, published="2021-03-05").events
    assert evs and evs[0].actor is not None and evs[0].actor.code == code


def test_a_bare_surname_shared_by_two_people_is_the_one_named_first():
    import dateline
    text = ("Ana Ruiz won the vote in Lima. Her father, Pablo Ruiz, was not there. "
            "On Friday Ruiz thanked her supporters.")
    r = dateline.analyze(text, published="2021-03-05")
    ruiz = next(e for e in r.entities if any(m.text == "Ruiz" for m in e.mentions))
    assert ruiz.name == "Ana Ruiz"


# ---------------------------------------------------------------- work grows linearly
def _titled_people(n):
    import random
    r = random.Random(6)
    states = ["Japan", "China", "France", "Brazil", "North Korea"]
    return " ".join(f"Mr. {r.choice(['Kim', 'Lee', 'Park', 'Olga'])} {r.choice(['Example', 'Sample', 'Stub'])} of the "
                    f"{r.choice(states)} Ministry of Defense met Dr. Lee in {r.choice(states)}, Kim said."
                    for _ in range(n))


def test_mention_look_ups_grow_linearly():
    """Honorifics, organisations, surnames and codes look mentions up by position and key, not by a
    scan over every mention (executed lines, not time)."""
    from dateline.extract import entities, entity_index
    from dateline.text import split_sentences
    from work_count import growth
    assert growth(_titled_people, lambda t: extract_entities(t, split_sentences(t)), entities, entity_index,
                  n=60) < 2.4


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_span_indexes_answer_as_scans(seed):
    import random
    from types import SimpleNamespace as NS
    from dateline.extract.entity_index import Cover, Inside, Named
    r = random.Random(seed)
    spans = [(s, s + r.randrange(0, 5)) for s in (r.randrange(100) for _ in range(30))]
    cover = Cover(110, spans)
    items = [NS(start=a, end=b) for a, b in spans]
    inside = Inside(items)
    named = Named()
    for k in range(200):
        a = r.randrange(100)
        b = a + r.randrange(0, 8)
        assert cover.overlaps(a, b) == any(s < b and a < e for s, e in spans)
        assert cover.covers(a) == any(s <= a < e for s, e in spans)
        assert cover.free(a, b) == (not any(max(s, a) < min(e, b) for s, e in spans))
        assert inside.within(a, b) == [x for x in items if a <= x.start and x.end <= b]
        named.add(items[k % len(items)])
        before = [p for p in named.people if p.start < a]
        assert named.target(a) is (before[0] if before else named.people[0])


@pytest.mark.parametrize("claimed,ask,free,overlaps", [
    ([(2, 5)], (4, 6), False, True),
    ([(2, 5)], (5, 8), True, False),
    ([(3, 3)], (2, 4), True, True),        # an empty span claims no character, lies inside [2, 4)
    ([(2, 5), (7, 7)], (6, 9), True, True),
    ([], (0, 3), True, False),
])
def test_cover_claims_characters(claimed, ask, free, overlaps):
    from dateline.extract.entity_index import Cover
    cover = Cover(10)
    for a, b in claimed:
        cover.take(a, b)
    assert (cover.free(*ask), cover.overlaps(*ask)) == (free, overlaps)


@pytest.mark.parametrize("text,surface,kind,code,name", [
    # a lower-case word that, capitalised, makes a longer gazetteer name is part of it
    ("Talks resumed in northern Ireland on Monday.", "northern Ireland", "place", "GBR", "Northern Ireland"),
    ("Troops moved into northern Iraq.", "Iraq", "country", "IRQ", "Iraq"),
    # an alias opening with "the" gives way to a longer name starting inside it
    ("Trade within the Commonwealth of Independent States grew.", "Commonwealth of Independent States",
     "organization", "IGO", "Commonwealth of Independent States"),
    ("Leaders of the Commonwealth met in London.", "the Commonwealth", "organization", "IGO",
     "Commonwealth of Nations"),
    # an acronym is named by the full name whose capitals spell it (one CAMEO code in Phoenix)
    ("The OAU sent envoys to the talks.", "OAU", "organization", "IGO", "Organization of African Unity"),
])
def test_alias_collisions_and_canonical_names(text, surface, kind, code, name):
    assert find(ents(text), surface) == (kind, code, name)


@pytest.mark.parametrize("text,published,expect", [
    # a title and a surname name the one Phoenix person in a government role on the day
    ("President Yeltsin met the envoys. Yeltsin then left.", dt.date(1998, 3, 1),
     ("person", "RUS", "Boris Yeltsin")),
    # no date, or out of office on the day: the one person with that surname who ever governed
    ("President Yeltsin met the envoys.", None, ("person", "RUS", "Boris Yeltsin")),
    ("President Yeltsin met the envoys.", dt.date(2005, 3, 1), ("person", "RUS", "Boris Yeltsin")),
    # no title: no office to look up
    ("Yeltsin met the envoys.", dt.date(2005, 3, 1), None),
])
def test_title_and_surname_through_phoenix_roles(text, published, expect):
    assert find(ents(text, published=published), "Yeltsin") == expect


def test_title_and_surname_of_people_governing_different_states_give_no_state():
    assert find(ents("Minister Rabbani met the envoys.", published=dt.date(2030, 1, 1)), "Rabbani") is None


@pytest.mark.parametrize("text,surface,kind,code,name", [
    # a longer name the gazetteer does not know, opened by a body it knows, is its own body with
    # the parent's state
    ("Homeland Security Investigations opened a case.", "Homeland Security Investigations", "organization",
     "USA", "Homeland Security Investigations"),
    ("The Senate Banking Committee met.", "Senate Banking Committee", "organization", "USA",
     "Senate Banking Committee"),
    # armed groups and parties with the state where they act (organizations.tsv)
    ("The IRA truce held.", "IRA", "organization", "GBR", "Irish Republican Army"),
    ("The RUC found a bomb.", "RUC", "organization", "GBR", "Royal Ulster Constabulary"),
])
def test_sub_bodies_and_coded_groups(text, surface, kind, code, name):
    assert find(ents(text), surface) == (kind, code, name)


@pytest.mark.parametrize("text,surface,kind,code,name", [
    # two bodies joined by "and" stay two
    ("The FBI and Justice Department inquiry ended.", "FBI", "organization", "USA",
     "Federal Bureau of Investigation"),
    # a police rank is a title, not part of the name
    ("Chief Superintendent Olwen Fitch said the road was closed.", "Olwen Fitch", "person", None, "Olwen Fitch"),
])
def test_joined_bodies_and_ranks(text, surface, kind, code, name):
    assert find(ents(text), surface) == (kind, code, name)


@pytest.mark.parametrize("text,surface,code,name", [
    # a state's possessive or adjective before an international body's alias: that state's own body
    ("Russia's Security Council met on Friday.", "Security Council", "RUS", "Security Council"),
    ("The Security Council met on Friday.", "Security Council", "IGO", "UN Security Council"),
    ("America's NATO allies met.", "NATO", "IGO", "NATO"),
    # an armed group with no state of its own takes the state named before it
    ("Fighters of Iraq's al-Qaeda attacked a base.", "al-Qaeda", "IRQ", "Al-Qaeda"),
    ("Al-Qaeda leaders met.", "Al-Qaeda", None, "Al-Qaeda"),
])
def test_a_states_own_body_and_branch(text, surface, code, name):
    assert find(ents(text), surface) == ("organization", code, name)


@pytest.mark.parametrize("text,surface,code", [
    # lower-case words ending in a body's head after a coded body name a body of its own
    ("He was questioned by the Senate banking committee on Tuesday.", "Senate banking committee", "USA"),
    ("The UN security council insists on access.", "UN security council", "IGO"),
    # no head noun, or a function word: the body alone
    ("The Senate voted and the council agreed.", "Senate", "USA"),
])
def test_lower_case_sub_bodies(text, surface, code):
    assert find(ents(text), surface) == ("organization", code, find(ents(text), surface)[2])
    assert find(ents(text), surface)[2] in (surface, "Senate")


@pytest.mark.parametrize("text,code", [
    # a state in the apposition qualifies the role as an adjective or a possessive
    ("Gorran Pell, a British diplomat, said so.", "GBR"),
    ("Gorran Pell, an adviser to Japan's premier, said so.", "JPN"),
    # a state the apposition's verb goes to is no role of it
    ("Gorran Pell, a former aide who went with her to Peru, said so.", None),
])
def test_a_state_in_an_apposition(text, code):
    assert find(ents(text), "Gorran Pell") == ("person", code, "Gorran Pell")


@pytest.mark.parametrize("text,surface,name", [
    # a run ending in a head with only a generic body inside, before the head, is one body
    ("Agents said Immigration and Customs Enforcement would act.", "Immigration and Customs Enforcement",
     "Immigration and Customs Enforcement"),
    # two bodies joined by "and" stay two
    ("The FBI and Justice Department inquiry ended.", "Justice Department", "Justice Ministry"),
])
def test_generic_bodies_inside_a_name(text, surface, name):
    assert find(ents(text), surface)[2] == name


@pytest.mark.parametrize("text", [
    "Dr. Ana de la Cruz met officials of the Bureau of Weights on Tuesday.",
    "McAllister and O'Neill spoke; J.R. Tolkes, Jr. and van Dijk did not. Sen. Al-Amin's aide said.",
    "the NATO summit and the Union of Concerned Engineers' report, 'Kim's climb' Ölund Éva",
])
def test_capital_led_scans_find_what_the_plain_patterns_find(text):
    import re

    from dateline.extract import entities as E
    from dateline.extract.regexes import source

    pairs = [(E._name_run(7), E._TITLED_NAME_RE), (source("entities", "org_run"), E._org_run()),
             (r"(?<![\w'’-])(?=(([A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*)(?:\s[A-Z][\w'’]*){0,2})(?![\w-]))", E._CAP_WORDS)]
    for plain, led in pairs:
        assert [(m.span(), m.groups()) for m in re.finditer(plain, text)] == \
            [(m.span(), m.groups()) for m in led.finditer(text)]


# name_token, org_run and _CAP_START as written before their first capital was read first
_PLAIN_TOKEN = r"(?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*|(?:[A-Z]\.){1,3})"
_PLAIN_ORG = (r"(?:The\s+)?(?:{t}|[A-Z]{{2,}})(?:\s+(?:of\s+(?:the\s+)?|on\s+|for\s+|and\s+)?(?:{t}|[A-Z]{{2,}}))*"
              .format(t=_PLAIN_TOKEN))


@pytest.mark.parametrize("text", [
    "McAllister, MacArthur, Mcdonald, Mac Lane, O'Neill, D’Souza, O'neill and Oates met Mc.",
    "The U.S. and The EU; THE Times, The X1, A.B.C.D. Smith and J. R. Tolkes-Lund's aide.",
    "The  Union of the Concerned and Free Engineers for Peace on Mars; Theo Lund, Ölund Éva.",
    "iPhone's ThE McD'Souza O’-Brien Jae-in Al-Amin W.Va. D.C. X.Y.Z.W. Q.",
])
def test_name_expressions_read_their_first_capital_first_and_match_as_written_plainly(text):
    import re

    from dateline.extract import entities as E
    from dateline.extract.regexes import source

    assert source("entities", "name_token").startswith("(?:[A-Z]")
    pairs = [(_PLAIN_TOKEN, re.compile(source("entities", "name_token"))), (_PLAIN_ORG, E._org_run()),
             (r"(?<![\w'’-])[A-Z][\w'’-]*", E._CAP_START)]
    for plain, led in pairs:
        assert [(m.span(), m.groups()) for m in re.finditer(plain, text)] == \
            [(m.span(), m.groups()) for m in led.finditer(text)]
        for i in range(len(text)):
            a, b = re.compile(plain).match(text, i), led.match(text, i)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("text,words", [
    ("Ms Varga's plan; Varga said. Varga- and Varga-Lund met Vargas.", {"Varga"}),
    ("Kim's climb, Kim's-, Kim'- and O'Dell-Kim. Dell met Kim Jong.", {"Kim", "O'Dell-Kim", "Dell"}),
    ("Al-Amin and Al spoke to Amin Al-Sayed's aide, Ölund Éva and Ol.", {"Al", "Al-Amin", "Amin", "Ölund"}),
])
def test_surname_runs_are_the_cap_word_matches_whose_first_word_is_known(text, words):
    from dateline.extract import entities as E

    def plain(own):
        return [m.span(1) for m in E._CAP_WORDS.finditer(text)
                if {m.group(2), m.group(2)[:-2]} & (words | own)]
    for own in (frozenset(), frozenset({"Lund", "Jong"})):
        assert [m.span(1) for m in E._surname_runs(text, frozenset(words), own)] == plain(own)
        assert plain(own)


@pytest.mark.parametrize("text,surface,code", [
    # a demonym joined to a second one by a hyphen names people of the second state
    ("Haitian-American groups marched on Monday.", "Haitian-American", "USA"),
    ("Turkish-Germans voted in large numbers.", "Turkish-Germans", "DEU"),
    # two demonyms joined by "and" keep their own states
    ("Haitian and American groups marched on Monday.", "Haitian", "HTI"),
])
def test_a_hyphenated_pair_of_demonyms_is_the_second_state(text, surface, code):
    got = find(ents(text), surface)
    assert got is not None and got[1] == code, got


@pytest.mark.parametrize("text,name,kind", [
    # a place's name right after a known first name is that person's surname, not the town
    ("The group will screen an advertisement featuring Emily Lyons, a nurse who was hurt.", "Emily Lyons", "person"),
    # a place after a word that is no first name stays the place
    ("The group will screen an advertisement filmed in Lyons on Monday.", "Lyon", "place"),
])
def test_a_place_after_a_first_name_is_a_surname(text, name, kind):
    res = extract_entities(text, split_sentences(text), published=dt.date(2021, 3, 5))
    assert (name, kind) in {(e.name, e.kind) for e in res.entities}
