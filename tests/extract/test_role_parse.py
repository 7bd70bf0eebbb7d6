"""Roles from the parse (extract.role_parse): pronouns of actors and targets in hand-built sentences."""
import pytest

from test_event_roles import _code, _event      # the first event of a root in a sentence, a role's code


@pytest.mark.parametrize("text,root,actor,target", [
    # an object pronoun that is not its clause's subject: the party named in the sentence before
    ("Kenyan President William Ruto spoke in Nairobi on Monday. Ugandan President Yoweri Museveni accused "
     "him of lying.", "112", "UGA", "KEN"),
])
def test_an_object_pronoun_from_the_sentence_before(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


def test_a_plural_object_pronoun_is_no_single_person():
    e = _event("Kenyan President William Ruto spoke in Nairobi on Monday. Ugandan President Yoweri Museveni "
               "accused them of lying.", "112")
    assert _code(e.target) != "KEN"


@pytest.mark.parametrize("text,root,actor", [
    # a pronoun subject right after a speech verb is that verb's named subject, not a party before it
    ("Peru's government rejected the plan on Monday after Chilean officials said they would boycott the talks.",
     "125", "CHL"),
    ("Bolivia criticized Peru on Monday after Chilean officials said they would boycott the talks.", "125", "CHL"),
])
def test_a_reported_pronoun_is_its_speaker(text, root, actor):
    assert _code(_event(text, root).actor) == actor
