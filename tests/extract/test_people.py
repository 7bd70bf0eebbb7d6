"""extract.people: the state a title and a surname name when no one with it is in office."""
import datetime as _dt
from types import SimpleNamespace

import pytest

from dateline.extract.people import phoenix_state


def _row(name, code, start, cameo="XXXGOV"):
    return SimpleNamespace(name=name, code=code, cameo=cameo, start=start)


_ROWS = {"Roe": (_row("Jane Roe", "AAA", _dt.date(2004, 4, 1)), _row("Jane Roe", "AAA", _dt.date(2009, 5, 1))),
         "Doe": (_row("John Doe", "BBB", _dt.date(1980, 1, 1)), _row("Ann Doe", "CCC", _dt.date(2010, 1, 1))),
         "Poe": (_row("Al Poe", "DDD", None),)}


@pytest.mark.parametrize("surname,published,expected", [
    ("Roe", _dt.date(2012, 1, 1), ("Jane Roe", "AAA")),      # governed before the day
    ("Roe", _dt.date(1998, 8, 18), None),                     # governed only after the day: no one then
    ("Doe", _dt.date(1998, 1, 1), ("John Doe", "BBB")),      # the later namesake is not yet one
    ("Doe", _dt.date(2012, 1, 1), None),                      # two states by then
    ("Poe", _dt.date(1998, 1, 1), ("Al Poe", "DDD")),        # a row with no dates stands for any day
    ("Roe", None, ("Jane Roe", "AAA")),                       # no day known: every row
    ("Roe", _dt.date(2003, 6, 1), ("Jane Roe", "AAA")),      # a role dated a little after the day still counts
])
def test_phoenix_state_counts_roles_held_by_the_day(surname, published, expected):
    assert phoenix_state(_ROWS, surname, published) == expected
