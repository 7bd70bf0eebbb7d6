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
