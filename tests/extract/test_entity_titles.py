"""The state a person's role gives them (extract.entity_titles) and the title before a surname
(extract.entities): offices of a city or region, titles of several words; hand-built sentences."""
import pytest

import dateline

_OPENING = "WASHINGTON (AP) - The president met his aides on Monday. "


def _people(text, published="2021-03-05"):
    res = dateline.analyze(text, published=published)
    return {e.name: e.code for e in res.entities if e.kind == "person"}


@pytest.mark.parametrize("text,name,code", [
    # the office of a city or region: the place's state, not the article's
    (_OPENING + "Toronto Mayor Jonas Kettering rejected the offer.", "Jonas Kettering", "CAN"),
    (_OPENING + "Toronto's mayor Jonas Kettering rejected the offer.", "Jonas Kettering", "CAN"),
    (_OPENING + "Jonas Kettering was elected as mayor of Lyon last week. Kettering rejected the offer.",
     "Jonas Kettering", "FRA"),
    (_OPENING + "Jonas Kettering served as governor of Ontario for a decade.", "Jonas Kettering", "CAN"),
    # a role that is no office of the place gives nothing from it
    (_OPENING + "Jonas Kettering was elected as chairman of a club in Lyon.", "Jonas Kettering", None),
    (_OPENING + "Jonas Kettering, a lawyer at a firm, spoke after the Lyon mayor.", "Jonas Kettering", None),
])
def test_the_office_of_a_place(text, name, code):
    assert _people(text).get(name, "absent") == code


@pytest.mark.parametrize("text,name,code", [
    # a title of several words before a surname names the one who held it, in office that day or not
    (_OPENING + "When the war ended, Prime Minister Koizumi flew to Seoul.", "Koizumi", "JPN"),
    (_OPENING + "Vice President Biden flew to Seoul.", "Joe Biden", "USA"),
])
def test_a_title_of_several_words_before_a_surname(text, name, code):
    assert _people(text, published="2016-03-05").get(name, "absent") == code
