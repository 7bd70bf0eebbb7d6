"""The state codes entities carry (extract.entity_codes, entity_context): whose body, person or group
a mention is, from its own words and roles, not from the state the story is about; hand-built sentences."""
import pytest

import dateline


def _code(text, surface, published="2021-03-05"):
    """(kind, code) of the entity with a mention of exactly this text."""
    res = dateline.analyze(text, published=published)
    return next(((e.kind, e.code) for e in res.entities for m in e.mentions if m.text == surface), None)


@pytest.mark.parametrize("text,surface,code", [
    # a state owns an international body's alias only by a possessive or a demonym right before it
    ("Moldova's Security Council met on Monday.", "Security Council", "MDA"),
    ("The Moldovan Security Council met on Monday.", "Moldovan Security Council", "MDA"),
    ("Chile will abide by the Security Council vote, officials said.", "Security Council", "IGO"),
    ("Jan Novak, a Czech envoy to the United Nations, spoke on Monday.", "the United Nations", "IGO"),
    # a name that says it is international stays international after a demonym
    ("Lawyers filed objections to a Bolivian World Court case.", "World Court", "IGO"),
])
def test_whose_body_an_international_name_is(text, surface, code):
    got = _code(text, surface)
    assert (got[1] if got else None) == code, got
