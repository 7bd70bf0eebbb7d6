"""extract.org_names acronym_bodies: a name defined by its acronym in parentheses is a body."""
from types import SimpleNamespace

import pytest

from dateline.extract.org_names import acronym_bodies


def _make(s, e, code):
    return SimpleNamespace(start=s, end=e, kind="organization", form="pattern", code=code)


def _raw(text, word, kind, form="name", code=None):
    s = text.index(word)
    return SimpleNamespace(start=s, end=s + len(word), kind=kind, form=form, code=code)


@pytest.mark.parametrize("text,inner,name,code", [
    ("the watchdog group Citizens for Fair Rules in Boston (CFRB) sued", [("Boston", "place", "USA")],
     "Citizens for Fair Rules in Boston", None),
    ("the Kenya Tenants Union (KTU) said", [("Kenya", "country", "KEN")], "Kenya Tenants Union", "KEN"),
    ("a group called the Alliance of Rural Clinics (ARC) said", [], "Alliance of Rural Clinics", None),
])
def test_a_name_spelled_by_its_acronym_is_a_body(text, inner, name, code):
    raws = [_raw(text, w, k, code=c) for w, k, c in inner]
    got = [r for r in acronym_bodies(text, raws, _make) if r.kind == "organization"]
    assert [(text[r.start:r.end], r.code) for r in got] == [(name, code)]


@pytest.mark.parametrize("text", [
    "the Alliance of Rural Clinics (XYZ) said",          # the letters spell another acronym
    "Rural Clinics, Inc. and Partners (RCP) said",       # punctuation breaks the run
    "the talks (ARC) ended",                              # no capitalised name before it
])
def test_no_body_where_the_initials_do_not_spell_it(text):
    assert acronym_bodies(text, [], _make) == []


def test_a_person_inside_blocks_it():
    text = "the Jane Roe Foundation (JRF) said"
    person = _raw(text, "Jane Roe", "person")
    assert acronym_bodies(text, [person], _make) == [person]
