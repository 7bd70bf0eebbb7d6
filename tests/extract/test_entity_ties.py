"""Ties of people to states (extract.entity_ties): a person the text links to another state does not
take the article's home state; an origin phrase gives the person that state. Hand-built sentences."""
import pytest

import dateline
from dateline.extract.entities import EntityResult
from dateline.extract.entity_context import join_surnames
from dateline.record import Entity, Mention, Span

# three U.S. bodies make the United States the article's home state
_HOME = " The FBI, the U.S. Army and the U.S. Navy worked on the case."


def _code(text, name):
    res = dateline.analyze(text + _HOME, published="2021-03-05")
    return next(e.code for e in res.entities if e.kind == "person" and e.name == name)


@pytest.mark.parametrize("text,name,code", [
    # no tie: the home state
    ("The FBI arrested Omar Haddad in Chicago.", "Omar Haddad", "USA"),
    ("The FBI arrested Omar Haddad, of Boston, in Chicago.", "Omar Haddad", "USA"),
    # an origin phrase: that state
    ("Prosecutors charged Khalid Mansour, 24, who fled last year to his native Tanzania.", "Khalid Mansour", "TZA"),
    ("The FBI arrested Omar Haddad, a Havana native, in Chicago.", "Omar Haddad", "CUB"),
    ("The FBI arrested Omar Haddad, who was born in Kenya, in Chicago.", "Omar Haddad", "KEN"),
    # a demonym or a place in apposition: a nationality, that state (not the home state)
    ("The FBI arrested Omar Haddad, of Havana, in Chicago.", "Omar Haddad", "CUB"),
    ("The FBI arrested Omar Haddad, a 31-year-old Yemeni, in Chicago.", "Omar Haddad", "YEM"),
    ("The FBI arrested Omar Haddad, a hotel clerk in Havana, in Chicago.", "Omar Haddad", "CUB"),
    # a relative or role placed in a town by a possessive apposition, or where the person lives
    ("The FBI questioned Omar Haddad, his cousin in Havana, in Chicago.", "Omar Haddad", "CUB"),
    ("The FBI questioned Omar Haddad, who lives in Havana, in Chicago.", "Omar Haddad", "CUB"),
    # a bare role of a state's body in apposition: that state; a clause is no apposition
    ("The FBI questioned Omar Haddad, head of Cuba's national assembly, in Chicago.", "Omar Haddad", "CUB"),
    ("The FBI questioned Omar Haddad, who spoke of Cuba, in Chicago.", "Omar Haddad", "USA"),
    # a title after a coded person's possessive: the person serves that state
    ("Putin's spokesman, Omar Haddad, spoke in Chicago.", "Omar Haddad", "RUS"),
    # a role held towards a state is no tie of nationality
    ("The FBI questioned Omar Haddad, the trade envoy to Cuba, in Chicago.", "Omar Haddad", None),
    # ties to two states: no guess
    ("The FBI arrested Omar Haddad, a 31-year-old Yemeni, who was born in Kenya.", "Omar Haddad", None),
    # a place named with a verb between is no tie ("Chicago police arrested X")
    ("Police in Boston said Kenya deported Omar Haddad in May.", "Omar Haddad", "USA"),
    # another person between: the origin may be theirs
    ("Omar Haddad met Peter Lindqvist, who was born in Kenya.", "Omar Haddad", "USA"),
    # another sentence: another person's origin
    ("The FBI arrested Omar Haddad in Chicago. His lawyer, born in Kenya, objected.", "Omar Haddad", "USA"),
])
def test_a_person_tied_to_another_state_keeps_no_home_state(text, name, code):
    assert _code(text, name) == code


@pytest.mark.parametrize("text,name,code", [
    # a demonym and a noun of a person before the name (a title or occupation gives the state: entity_context)
    ("The FBI said the Cuban boy Pablo Herrera was safe.", "Pablo Herrera", "CUB"),
    ("Police questioned Turkish suspect Mehmet Yilmaz on Friday.", "Mehmet Yilmaz", "TUR"),
    ("The FBI said Somali refugee Omar Haddad was safe.", "Omar Haddad", "SOM"),
    # a demonym before a verb: no tie
    ("Canadian officials confirmed that Omar Haddad was held.", "Omar Haddad", "USA"),
    ("Mexican police said Omar Haddad was held.", "Omar Haddad", "USA"),
])
def test_a_demonym_before_a_noun_of_a_person(text, name, code):
    assert _code(text, name) == code


def test_a_name_with_a_particle_opening_a_sentence_is_the_person_named_before():
    # "Police sought Saudi radical Omar bin Haddad. Bin Haddad denied it.": one person, the full name's state
    full = Entity("e1", "Omar bin Haddad", "person", "SAU", [Span(20, 35, "Omar bin Haddad")], source="model:ner")
    short = Entity("e2", "Bin Haddad", "person", None, [Span(37, 47, "Bin Haddad")], source="model:ner")
    res = EntityResult(entities=[full, short], mentions=[
        Mention(20, 35, "Omar bin Haddad", entity="e1", name=full.name, kind="person", code="SAU"),
        Mention(37, 47, "Bin Haddad", entity="e2", name=short.name, kind="person", code=None)])
    join_surnames(res)
    assert [(e.name, e.code, len(e.mentions)) for e in res.entities] == [("Omar bin Haddad", "SAU", 2)]
    assert {m.code for m in res.mentions} == {"SAU"}


@pytest.mark.parametrize("text,name,code", [
    # datelined in another state: a person tied to no state is the dateline state's where the story names
    # that state again (entity_local.code_people_by_foreign_dateline), one tied to the home state is the
    # home state's
    ("OTTAWA (AP) -- Police said Omar Haddad was seen in Toronto.", "Omar Haddad", "CAN"),
    ("OTTAWA (AP) -- Police said Omar Haddad, a U.S. fugitive, was seen in Toronto.", "Omar Haddad", "USA"),
])
def test_a_dateline_in_another_state(text, name, code):
    res = dateline.analyze(text + " The FBI, the U.S. Army, the U.S. Navy and the U.S. Coast Guard joined the search.",
                           published="2021-03-05")
    assert next(e.code for e in res.entities if e.kind == "person" and e.name == name) == code


@pytest.mark.parametrize("text,name,code", [
    # a role of an international body given with "as": the person acts for it
    ("The board on Monday named Hanna Lindqvist as its chief economist at the World Bank.", "Hanna Lindqvist", "IGO"),
    # a role of a state's body: no international tie, the home state
    ("The board on Monday named Hanna Lindqvist as its chief economist at the FBI.", "Hanna Lindqvist", "USA"),
])
def test_a_role_of_an_international_body(text, name, code):
    assert _code(text, name) == code


def _own_code(text, name):
    res = dateline.analyze(text, published="2021-03-05")
    return next((e.code for e in res.entities if e.kind == "person" and e.name == name), "absent")


@pytest.mark.parametrize("text,name,code", [
    # a title ending in "of (the)" before a state or body right before the name: that one's official
    ("Deputy Trade Minister of Ghana Kofi Mensah said the fair would open on Monday.", "Kofi Mensah", "GHA"),
    ("Chairman of the Peruvian Congress Luis Quispe said the bill passed.", "Luis Quispe", "PER"),
    ("Director of the U.S. National Security Agency (NSA) Tom Reddick said the lab was ready.",
     "Tom Reddick", "USA"),
    ("Secretary-General of the Arab League Ahmed Yusuf urged calm.", "Ahmed Yusuf", "IGO"),
])
def test_a_title_of_a_body_right_before_the_name(text, name, code):
    assert _own_code(text, name) == code


@pytest.mark.parametrize("text,name,code", [
    # a capitalised title the article also names with one state's possessive or demonym: that state's
    ("Officials met Ghana's trade minister on Monday. Later, Trade Minister Kofi Mensah said the fair "
     "would open.", "Kofi Mensah", "GHA"),
    ("The Ghanaian trade minister was late. Trade Minister Kofi Mensah said the fair would open.",
     "Kofi Mensah", "GHA"),
    # the title named with two states: whose it is stays open
    ("Ghana's trade minister met Togo's trade minister. Trade Minister Kofi Mensah said the fair would "
     "open.", "Kofi Mensah", None),
    # a title the article never names with a state
    ("Officials met Ghana's trade minister on Monday. Deputy Interior Minister Ama Owusu said she agreed.",
     "Ama Owusu", None),
])
def test_a_title_named_elsewhere_with_a_state(text, name, code):
    assert _own_code(text, name) == code


@pytest.mark.parametrize("text,name,code", [
    # going back to a state is going home: an origin
    ("The FBI said Pablo Herrera should go back to Cuba.", "Pablo Herrera", "CUB"),
    ("The FBI delayed Pablo Herrera's return to Cuba.", "Pablo Herrera", "CUB"),
    # a close relative named in apposition shares the person's state
    ("The FBI met Pablo Herrera, a Havana native. Pablo Herrera's mother, Ana Ruiz, stayed.", "Ana Ruiz", "CUB"),
    # a relative's own nationality wins
    ("The FBI met Pablo Herrera, a Havana native. Pablo Herrera's wife, Ana Ruiz, a 30-year-old Yemeni, stayed.",
     "Ana Ruiz", "YEM"),
])
def test_a_return_home_and_a_relatives_state(text, name, code):
    assert _code(text, name) == code


@pytest.mark.parametrize("text,code", [
    # a dictionary's person whose state a story naming other states never names is a namesake
    ("Manuel Gonzalez, a bus mechanic, spoke outside the courthouse in Miami.", "USA"),
])
def test_a_dictionary_namesake_takes_the_texts_state(text, code):
    assert _code(text, "Manuel Gonzalez") == code


def test_a_stance_towards_a_state_is_no_owner():
    res = dateline.analyze("Police in Kenya named the main sponsor of anti-U.S. attacks, Omar Haddad, on Friday.",
                           published="2021-03-05")
    assert next(e.code for e in res.entities if e.name == "Omar Haddad") != "USA"
