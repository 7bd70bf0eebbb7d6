"""Entity groups (extract.entity_groups): a person coded by the group they lead or belong to; hand-built
sentences."""
import pytest

import dateline


def _codes(text, kind=None):
    res = dateline.analyze(text, published="2021-03-05")
    return {e.name: e.code for e in res.entities if kind is None or e.kind == kind}



@pytest.mark.parametrize("text,name,code", [
    # the person's group ("led his team", "X's team") is one the article names with one body only
    ("A U.N. weapons inspection team resumed work in Peru on Friday. Jonas Kettering led his team to "
     "three sites, a spokesman said. Peru accused Kettering of spying.", "Jonas Kettering", "IGO"),
    ("An EU monitoring mission reached the border on Monday. Jonas Kettering's mission counted the trucks.",
     "Jonas Kettering", "IGO"),
    # two bodies name the same group noun: whose it is stays open
    ("A U.N. team and a Chinese team arrived on Monday. Jonas Kettering's team visited the site.",
     "Jonas Kettering", None),
    # no body names the group
    ("Jonas Kettering's team won the match in Lima on Sunday.", "Jonas Kettering", None),
    # a state before a clause about the group does not qualify it
    ("Peru called Jonas Kettering an American spy whose team had come to steal secrets. "
     "Jonas Kettering's team left on Monday.", "Jonas Kettering", None),
])
def test_a_person_belongs_to_the_body_of_their_group(text, name, code):
    assert _codes(text, "person").get(name) == code

