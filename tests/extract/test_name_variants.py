"""Officials' names one letter off the gazetteer's (extract.name_variants); hand-built names and sentences."""
import pytest

import dateline
from dateline.extract.name_variants import one_edit, variant_code


@pytest.mark.parametrize("a,b,same", [
    ("Kowalski", "Kowalsky", True),       # a letter changed
    ("Kowalski", "Kowalsk", True),        # dropped
    ("Kowalski", "Kowallski", True),      # added
    ("Kowalski", "Kowlaski", True),       # two neighbours swapped
    ("Kowalski", "Kowalski", False),      # the same
    ("Kowalski", "Kowlsaki", False),      # two edits
])
def test_one_edit(a, b, same):
    assert one_edit(a, b) is same


@pytest.mark.parametrize("name,code", [
    ("Laurent Gbagboo", "CIV"),           # one letter more than a gazetteer person's surname
    ("Michael Gbagbo", None),             # another first name: nobody
    ("Laurent Gbag", None),               # too short to read as a misspelling
])
def test_variant_code(name, code):
    assert variant_code(name) == code


def test_a_titled_official_misspelt_takes_the_state():
    res = dateline.analyze("President Laurent Gbagboo rejected the offer on Monday.", published="2005-03-01")
    assert [(e.name, e.code) for e in res.entities if e.kind == "person"] == [("Laurent Gbagboo", "CIV")]


@pytest.mark.parametrize("text,published,name,code", [
    # a gazetteer person named with a middle initial added, whatever found the name
    ("Aides to former President Viktor F. Yanukovych met in Kiev.", "2016-08-02", "Viktor F. Yanukovych", "UKR"),
    # no gazetteer person without the initial: nothing guessed
    ("Aides to the consultant Harold Q. Winterbottom met in Kiev.", "2016-08-02", "Harold Q. Winterbottom", None),
    # popes are the Holy See's
    ("Pope Francis criticised the plan on Thursday.", "2016-02-20", "Pope Francis", "VAT"),
])
def test_people_named_with_initials_and_popes(text, published, name, code):
    rec = dateline.analyze(text, published=published)
    assert [e.code for e in rec.entities if e.name == name] == [code]


def test_a_person_known_by_a_variant_makes_no_home_state():
    # the foreign president coded through his initial does not give his state to the adviser
    text = ("Harold Winterbottom advised former President Viktor F. Yanukovych for years. Mr. Yanukovych "
            "thanked Mr. Winterbottom. Mr. Yanukovych paid Mr. Winterbottom. Ukraine lost Crimea.")
    rec = dateline.analyze(text, published="2016-08-02")
    assert [e.code for e in rec.entities if "Winterbottom" in e.name] == [None]
