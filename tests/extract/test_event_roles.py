"""Event roles (extract.event_roles): actor and target codes of hand-built sentences, one mechanism a row."""
import pytest

import dateline


def _event(text, root, published="2021-03-05"):
    evs = [e for e in dateline.analyze(text, published=published).events if e.cameo.startswith(root)]
    assert evs, f"no CAMEO {root} event in {text!r}"
    return evs[0]


def _code(ref):
    """The role's code; "-" for a role given with no code (a wrong role, not a missing one)."""
    return None if ref is None else ref.code or "-"


@pytest.mark.parametrize("text,root,actor,target", [
    # a place of no state is where, never whom: no target, and no guess from past it either
    ("The French navy is now patrolling the Persian Gulf alongside two Spanish ships.", "15", "FRA", None),
    ("The Italian navy patrolled the Adriatic Sea on Monday.", "15", "ITA", None),
    ("More than 500 Greek farmers rallied in Larissa against the new tax on Monday.", "14", "GRC", None),
])
def test_a_place_is_no_target(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)
