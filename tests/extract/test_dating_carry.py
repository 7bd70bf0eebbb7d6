"""Whose day the story last named is (extract.dating_carry): a day carries to a later undated act of the
doer of what it dates, not to another doer's act nor from a clause told in the present. Hand-built
sentences; published on a Friday."""
import pytest

import dateline


def event(text, trigger, published="2021-03-05"):     # a Friday
    return next(e for e in dateline.analyze(text, published=published).events if e.trigger.text == trigger)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the doer of the dated act goes on: the day carries
    ("Ghana's president arrived in Lome on Wednesday. She met Togo's president.", "met", "2021-03-03",
     "narrative"),
    ("Ghana's army shelled Lome on Wednesday. Ghana's army also attacked Kara.", "attacked", "2021-03-03",
     "narrative"),
    # another doer's reaction is another happening: the publication day bounds it
    ("Ghana's army shelled Lome on Wednesday. Togo's president criticized Ghana.", "criticized", "2021-03-05",
     "publication"),
    # a day of a clause told in the present or future dates no past act after it
    ("Ghana's president said she hoped that, whatever happens today, the talks go on. She arrived in Lome "
     "later.", "arrived", "2021-03-05", "publication"),
])
def test_a_day_carries_to_its_doers_later_acts(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,date,date_from", [
    # an intention a report tells is of the report's day ...
    ("The Accra daily said on Sunday that Ghana wants to reopen the border talks.", "2021-02-28", "report"),
    # ... not one in a relative clause on a noun: the time of what the noun names, not given
    ("The Accra daily said on Sunday that Togo's remarks were a reply to signals from Ghana that it wants to "
     "reopen the border talks.", None, None),
])
def test_a_report_dates_no_intention_told_of_a_noun(text, date, date_from):
    e = event(text, "reopen")
    assert (e.date, e.date_from) == (date, date_from)
