"""TimeML values as a person reads them, and their precision.

    render("2019-07-24TEV")         -> "evening of 24 Jul 2019"
    render("2019-W43")              -> "week of 21 Oct 2019"
    render("XXXX-WXX-5")            -> "a Friday (year unknown)"
    render("2019-10-31", "BEFORE")  -> "before 31 Oct 2019"
    render("P5D")                   -> "5 days"
    precision("2019-10")            -> "month"

Every word and template is in ``resources/human/dates.json``; this module only parses the TimeML
value grammar (dates, weeks, parts of day, seasons, quarters, halves, decades, references,
durations) and fills the templates. JSON output keeps the TimeML value; human output (tables,
text) shows ``render``. A value this module cannot read is shown as "an unclear date", never raw.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import re

from .resources import path

_DATE = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?"
                   r"(?:T(?P<t>(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?|MO|AF|EV|NI|DT))?"
                   r"(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_WEEK = re.compile(r"^(?P<y>\d{4}|XXXX)-W(?P<w>\d{2}|XX)(?:-(?P<d>[1-7]|WE))?(?:T(?P<t>MO|AF|EV|NI|DT))?$")
_PART = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<p>SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_YEAR = re.compile(r"^(?P<y>\d{2,4}|XXXX)$")
_DURATION = re.compile(r"^P(?P<date>(?:(?:\d+(?:\.\d+)?|X)(?:WE|[LCEYQMWD]))*)"
                       r"(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?$")
_DUR_PART = re.compile(r"(\d+(?:\.\d+)?|X)(WE|[LCEYQMWDHS])")


@functools.lru_cache(maxsize=1)
def table() -> dict:
    """The words and templates (resources/human/dates.json)."""
    return json.loads(path("human", "dates.json").read_text(encoding="utf-8"))


def _t(name: str, **kw) -> str:
    return table()["templates"][name].format(**kw)


def _day(y: int, m: int, d: int) -> str:
    return _t("day", d=d, month=table()["months"][m - 1], year=y)


def render(value: str | None, mod: str | None = None) -> str:
    """A TimeML value (DATE, TIME or DURATION) with its optional mod, in words."""
    if not value:
        return ""
    v = value.strip()
    text = duration(v) if _DURATION.match(v) or v == "P" else _point(v)
    if mod and mod in table()["mods"]:
        text = table()["mods"][mod].format(x=text)
    return text


def render_event(event: dict, mods: dict | None = None) -> str:
    """An event's date in words: with its time expression's mod (``mods``: timex id -> mod), else
    with the mod its ``date_from`` implies ("on or before 5 Mar 2021" for a date that is only the
    report's or publication day, "around ..." for the story's time); "" when undated."""
    mod = (mods or {}).get(event.get("date_timex")) or table()["date_from_mods"].get(event.get("date_from") or "")
    return render(event.get("date"), mod)


def _point(v: str) -> str:
    tb = table()
    if v in tb["refs"]:
        return tb["refs"][v]
    try:
        if m := _DATE.match(v):
            return _date(m)
        if m := _WEEK.match(v):
            return _week(m)
        if m := _PART.match(v):
            p = "FA" if m["p"] == "AU" else m["p"]
            kind = "season" if p in tb["seasons"] else "quarter" if p[0] == "Q" else "half"
            part = tb[kind + "s" if kind != "half" else "halves"][p]
            return _t("part_no_year", part=part) if m["y"] == "XXXX" else _t(kind, part=part, year=m["y"])
        if m := _YEAR.match(v):
            y = m["y"]
            return {4: lambda: _t("year", year=y), 3: lambda: _t("decade", year=y + "0"),
                    2: lambda: _t("century", year=y + "00")}[len(y)]() if y != "XXXX" else _t("year_unknown")
    except (ValueError, KeyError, IndexError):
        pass
    return _t("unclear")


def _date(m: re.Match) -> str:
    months = table()["months"]
    y, mo, d, t = m["y"], m["m"], m["d"], m["t"]
    if mo == "XX" and y != "XXXX":
        return _t("year", year=y)
    if mo == "XX":                          # no year, no month: "XXXX-XX-XXT22:00", "XXXX-XX"
        if t:
            return _t("time_no_day", hh=m["hh"], mm=m["mm"]) if m["hh"] else table()["parts_no_day"][t]
        return _t("day_unknown") if d else _t("month_unknown")
    if not d or d == "XX":
        return _t("month", month=months[int(mo) - 1], year=y) if y != "XXXX" else \
            _t("month_no_year", month=months[int(mo) - 1])
    if y == "XXXX":
        day = _t("day_no_year", d=int(d), month=months[int(mo) - 1])
    else:
        _dt.date(int(y), int(mo), int(d))           # a real day, or ValueError
        day = _day(int(y), int(mo), int(d))
    if not t:
        return day
    if m["hh"]:
        return _t("time", day=day, hh=m["hh"], mm=m["mm"])
    return table()["parts_of_day"][t].format(day=day)


def _week(m: re.Match) -> str:
    tb = table()
    y, w, d, t = m["y"], m["w"], m["d"], m["t"]
    if y == "XXXX" or w == "XX":
        if d and d != "WE":
            return _t("weekday_no_year", weekday=tb["weekdays"][int(d) - 1])
        return _t("weekend_unknown") if d == "WE" else _t("week_unknown")
    monday = _dt.date.fromisocalendar(int(y), int(w), 1)
    if d == "WE":
        sat = monday + _dt.timedelta(days=5)
        return _t("weekend", day=_day(sat.year, sat.month, sat.day))
    if d:
        day = monday + _dt.timedelta(days=int(d) - 1)
        text = _day(day.year, day.month, day.day)
        return tb["parts_of_day"][t].format(day=text) if t else text
    return _t("week", day=_day(monday.year, monday.month, monday.day))


def duration(value: str) -> str:
    """An ISO 8601 / TimeML duration in words: P5D "5 days", P1W "a week", PXY "years"."""
    m = _DURATION.match(value or "")
    if not m or not (m["date"] or m["time"]):
        return _t("unclear")
    parts = [(n, table()["units"][u]) for n, u in _DUR_PART.findall(m["date"] or "")]
    parts += [(n, table()["time_units"][u]) for n, u in _DUR_PART.findall(m["time"] or "")]
    words = []
    for n, (one, single, plural) in parts:
        if n == "X":
            words.append(_t("duration_some", unit=plural))
        elif float(n) == 1:
            words.append(one)
        else:
            words.append(_t("duration_n", n=n if "." in n else int(n), unit=plural))
    return " ".join(words)


# ------------------------------------------------------------------------------------- precision
def precision(value: str | None) -> str | None:
    """How precise a DATE/TIME value is: day (a day or finer), week, month, season, quarter, half,
    year, decade, century; None for a value with no place in time (no year, a reference, none)."""
    if not value:
        return None
    v = value.strip()
    if m := _DATE.match(v):
        if m["y"] == "XXXX":
            return None
        if m["m"] == "XX":
            return "year"
        return "day" if m["d"] and m["d"] != "XX" else "month"
    if m := _WEEK.match(v):
        if m["y"] == "XXXX" or m["w"] == "XX":
            return None
        return "day" if m["d"] and m["d"] != "WE" else "week"
    if m := _PART.match(v):
        p = m["p"]
        return None if m["y"] == "XXXX" else "quarter" if p[0] == "Q" else "half" if p[0] == "H" else "season"
    if m := _YEAR.match(v):
        return None if m["y"] == "XXXX" else {4: "year", 3: "decade", 2: "century"}[len(m["y"])]
    return None


def finer_or_equal(p: str | None, than: str) -> bool:
    """True when precision ``p`` is at least as fine as ``than`` (day is finer than week...)."""
    order = table()["precisions"]
    return p is not None and order.index(p) <= order.index(than)
