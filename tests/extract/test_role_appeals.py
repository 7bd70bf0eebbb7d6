"""Roles of appeals with no event of their own, groups named by a noun that names no party, and
who underwent a noun event named by a person's name before it: hand-built sentences, one row a case."""
import pytest

import dateline
from test_event_roles import _code, _event   # the role tests' helpers (tests/extract is on the path)


@pytest.mark.parametrize("text,root,actor,target", [
    # the appeal verb is no event of its own: its subject appeals to the party asked
    ("France encouraged Germany to sign the treaty on Monday.", "02", "FRA", "DEU"),
    ("The Japanese minister on Tuesday asked China to release the detained sailors.", "02", "JPN", "CHN"),
    # a passive appeal verb names no one who appeals
    ("Peru was encouraged to sign the accord on Monday.", "02", None, "PER"),
])
def test_the_subject_of_an_appeal_verb_appeals(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,target", [
    ("Police said the Smith shooting was not linked to the robbery.", "18", "Smith"),
    ("Reporters asked about the Jones investigation on Monday.", "09", "Jones"),
])
def test_a_name_before_a_noun_of_violence_underwent_it(text, root, target):
    e = _event(text, root)
    assert e.actor is None and e.target is not None and target in e.target.name


def test_a_possessive_pronoun_before_such_a_noun_did_it():
    e = _event("Police arrested John Smith on Monday. Prosecutors said his hacking of the bank lasted years.", "176")
    assert e.actor is not None and e.actor.name == "John Smith"


@pytest.mark.parametrize("text", [
    # a group noun that only modifies another noun, or has an indefinite article, is no party
    "U.S. senators met in Washington on Monday. A Texas senator was accused of taking illegal campaign "
    "donations from a foreign group. The senator criticized an all-out campaign against him.",
])
def test_a_group_noun_that_names_no_party(text):
    evs = dateline.analyze(text, published="2021-03-05").events
    assert not [e for e in evs if e.target is not None and e.target.name == "campaign"]
