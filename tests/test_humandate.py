"""dateline.humandate: TimeML values in words and their precision (tables of value -> text)."""
from __future__ import annotations

import pytest

from dateline import humandate as H


@pytest.mark.parametrize("value,mod,text", [
    ("2019-07-24", None, "24 Jul 2019"),
    ("2019-07-24TEV", None, "evening of 24 Jul 2019"),
    ("2019-05-09TAF", None, "afternoon of 9 May 2019"),
    ("2019-07-18TMO", None, "morning of 18 Jul 2019"),
    ("2019-07-18TNI", None, "night of 18 Jul 2019"),
    ("2019-10-31T16:35", None, "31 Oct 2019, 16:35"),
    ("2019-10-31T16:35:12", None, "31 Oct 2019, 16:35"),
    ("2019-10-31T16:35Z", None, "31 Oct 2019, 16:35"),
    ("2019-W43", None, "week of 21 Oct 2019"),
    ("2020-W01", None, "week of 30 Dec 2019"),
    ("2019-W43-WE", None, "weekend of 26 Oct 2019"),
    ("2019-W43-5", None, "25 Oct 2019"),
    ("XXXX-WXX-5", None, "a Friday (year unknown)"),
    ("XXXX-WXX-1", None, "a Monday (year unknown)"),
    ("XXXX-10-31", None, "31 Oct (year unknown)"),
    ("XXXX-10", None, "Oct (year unknown)"),
    ("2019-10-31", "BEFORE", "before 31 Oct 2019"),
    ("2019-10", None, "Oct 2019"),
    ("2019-10", "START", "early Oct 2019"),
    ("2019-10", "END", "late Oct 2019"),
    ("2019-10", "MID", "mid-Oct 2019"),
    ("2019", "APPROX", "around 2019"),
    ("1998", None, "1998"),
    ("199", None, "the 1990s"),
    ("19", None, "the 1900s"),
    ("2019-SU", None, "summer 2019"),
    ("2019-FA", None, "autumn 2019"),
    ("2019-Q3", None, "third quarter of 2019"),
    ("2019-H1", None, "first half of 2019"),
    ("XXXX", None, "an unknown year"),
    ("XXXX-SU", None, "a summer (year unknown)"),
    ("XXXX-Q2", None, "a second quarter (year unknown)"),
    ("XXXX-XX", None, "a month (date unknown)"),
    ("XXXX-XX-XX", None, "a day (date unknown)"),
    ("XXXX-XX-XXT22:00", None, "22:00 (date unknown)"),
    ("XXXX-XX-XXTMO", None, "a morning (date unknown)"),
    ("XXXX-WXX", None, "a week (date unknown)"),
    ("XXXX-WXX-WE", None, "a weekend (date unknown)"),
    ("2019-XX", None, "2019"),
    ("PAST_REF", None, "in the past"),
    ("PRESENT_REF", None, "now"),
    ("FUTURE_REF", None, "in the future"),
    ("P5D", None, "5 days"),
    ("P1W", None, "a week"),
    ("P1W", "MORE_THAN", "more than a week"),
    ("P2W", "LESS_THAN", "less than 2 weeks"),
    ("PXW", None, "weeks"),
    ("PXY", None, "years"),
    ("P1Y6M", None, "a year 6 months"),
    ("PT3H", None, "3 hours"),
    ("PT1H30M", None, "an hour 30 minutes"),
    ("P1E", None, "a decade"),
    ("P2.5Y", None, "2.5 years"),
    ("2019-02-30", None, "an unclear date"),     # no such day
    ("2019-13", None, "an unclear date"),
    ("garbage", None, "an unclear date"),
    ("P", None, "an unclear date"),
    ("", None, ""),
    (None, None, ""),
])
def test_render(value, mod, text):
    assert H.render(value, mod) == text


@pytest.mark.parametrize("value,precision", [
    ("2019-10-31", "day"), ("2019-10-31T16:35", "day"), ("2019-07-24TEV", "day"), ("2019-W43-5", "day"),
    ("2019-W43", "week"), ("2019-W43-WE", "week"), ("2019-10", "month"), ("2019-SU", "season"),
    ("2019-Q3", "quarter"), ("2019-H2", "half"), ("2019", "year"), ("199", "decade"), ("19", "century"),
    ("XXXX-WXX-5", None), ("XXXX-10-31", None), ("XXXX", None), ("XXXX-SU", None), ("XXXX-XX-XXT22:00", None), ("PAST_REF", None), ("P5D", None), (None, None), ("junk", None),
])
def test_precision(value, precision):
    assert H.precision(value) == precision


@pytest.mark.parametrize("p,than,ok", [
    ("day", "week", True), ("week", "week", True), ("month", "week", False), ("year", "month", False),
    ("week", "month", True), (None, "year", False),
])
def test_finer_or_equal(p, than, ok):
    assert H.finer_or_equal(p, than) is ok


def test_every_word_list_is_complete():
    tb = H.table()
    assert len(tb["months"]) == 12 and len(tb["weekdays"]) == 7
    assert set(tb["parts_of_day"]) == {"MO", "AF", "EV", "NI", "DT"}
    for group in ("units", "time_units"):
        assert all(len(v) == 3 for v in tb[group].values())


def test_the_word_file_states_its_sources_and_every_template_is_used():
    import re
    from pathlib import Path

    tb = H.table()
    assert tb["_source"].strip()
    code = Path(H.__file__).read_text(encoding="utf-8")
    unused = [k for k in tb["templates"] if not re.search(rf'"{k}"', code)]
    assert not unused, f"templates in resources/human/dates.json that humandate never uses: {unused}"


@pytest.mark.parametrize("event, mods, words", [
    ({"date": "2021-03-05", "date_from": "timex", "date_timex": "t1"}, {}, "5 Mar 2021"),
    ({"date": "2021-03-05", "date_from": "timex", "date_timex": "t1"}, {"t1": "BEFORE"}, "before 5 Mar 2021"),
    ({"date": "2021-03-05", "date_from": "publication"}, {}, "on or before 5 Mar 2021"),
    ({"date": "2021-03-05", "date_from": "report"}, {}, "on or before 5 Mar 2021"),
    ({"date": "2021-03", "date_from": "narrative"}, {}, "around Mar 2021"),
    ({"date": "2021-03-05", "date_from": "anchor"}, {}, "5 Mar 2021"),
    ({"date": None, "date_from": None}, {}, ""),
])
def test_an_event_date_says_when_it_is_only_a_bound(event, mods, words):
    assert H.render_event(event, mods) == words


def test_every_date_from_mod_is_a_known_mod():
    tb = H.table()
    assert set(tb["date_from_mods"].values()) <= set(tb["mods"])
