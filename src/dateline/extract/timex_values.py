"""TimeML (TIMEX3) value arithmetic: parsing, truncating and shifting ISO-8601-like values.

Values handled (TimeML 1.2.1):

=================  ==========================  ==============
granularity        example                     notes
=================  ==========================  ==============
``millennium``     ``2``                       1 digit
``century``        ``20``                      2 digits (1900s)
``decade``         ``201``                     3 digits (2010s)
``year``           ``2019``
``half``           ``2019-H2``
``quarter``        ``2019-Q3``
``season``         ``2019-SU``                 SP SU FA WI
``month``          ``2019-10``
``week``           ``2019-W43``                also ``2019-W43-WE`` (weekend)
``day``            ``2019-10-31``
``partofday``      ``2019-10-31TEV``           MO AF EV NI DT
``hour``           ``2019-10-31T16``
``minute``         ``2019-10-31T16:35``        also with ``:SS`` (``second``)
=================  ==========================  ==============

Durations: ``P4D``, ``P2Y6M``, ``PT3H``, ``PT1M30S``, ``P1E`` (decade), ``P1C`` (century),
``P1L`` (millennium), ``P1Q`` (quarter), ``PXY`` (unknown number of years).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re

__all__ = [
    "GRANS", "parse_value", "granularity", "date_to_value", "truncate", "shift_value",
    "shift_units", "parse_duration_value", "make_duration", "value_year", "value_start_date",
]

# coarse -> fine
GRANS = ["millennium", "century", "decade", "year", "half", "quarter", "season", "month", "week",
         "day", "partofday", "hour", "minute", "second"]
_RANK = {g: i for i, g in enumerate(GRANS)}

_V = re.compile(
    r"^(?:(?P<mill>\d)|(?P<cent>\d\d)|(?P<dec>\d{3})|(?P<y>\d{4})"
    r"(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|(?P<s>SP|SU|FA|WI)|W(?P<w>\d{1,2})(?:-(?P<we>WE)|-(?P<wd>[1-7]))?"
    r"|(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:(?P<pod>MO|AF|EV|NI|DT)|(?P<hh>\d\d)(?::(?P<mi>\d\d)(?::(?P<ss>\d\d))?)?))?)?))?)$")


def parse_value(value: str) -> dict | None:
    """Parse a TimeML date/time value into a dict with ``gran`` and integer fields, or None.

    Values with ``X`` placeholders, ``PRESENT_REF`` and the like give None.
    """
    try:
        return _parse_value(value)
    except (ValueError, OverflowError):
        return None


def _parse_value(value: str) -> dict | None:
    if not value:
        return None
    m = _V.match(value)
    if not m:
        return None
    g = m.groupdict()
    if g["mill"]:
        return {"gran": "millennium", "n": int(g["mill"])}
    if g["cent"]:
        return {"gran": "century", "n": int(g["cent"])}
    if g["dec"]:
        return {"gran": "decade", "n": int(g["dec"])}
    y = int(g["y"])
    if g["h"]:
        return {"gran": "half", "y": y, "h": int(g["h"])}
    if g["q"]:
        return {"gran": "quarter", "y": y, "q": int(g["q"])}
    if g["s"]:
        return {"gran": "season", "y": y, "s": g["s"]}
    if g["w"]:
        w = int(g["w"])
        try:
            _dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        out = {"gran": "week", "y": y, "w": w}
        if g["we"]:
            out["we"] = True
        if g["wd"]:
            d = _dt.date.fromisocalendar(y, w, int(g["wd"]))
            return {"gran": "day", "date": d}
        return out
    if g["m"]:
        mo = int(g["m"])
        if not 1 <= mo <= 12:
            return None
        if not g["d"]:
            return {"gran": "month", "y": y, "m": mo}
        try:
            d = _dt.date(y, mo, int(g["d"]))
        except ValueError:
            return None
        if g["pod"]:
            return {"gran": "partofday", "date": d, "pod": g["pod"]}
        if g["hh"] is not None:
            hh = int(g["hh"])
            mi = int(g["mi"]) if g["mi"] else 0
            ss = int(g["ss"]) if g["ss"] else 0
            gran = "second" if g["ss"] else "minute" if g["mi"] else "hour"
            if hh == 24:
                base = _dt.datetime(d.year, d.month, d.day) + _dt.timedelta(days=1)
            else:
                if hh > 23:
                    return None
                base = _dt.datetime(d.year, d.month, d.day, hh)
            return {"gran": gran, "dt": base + _dt.timedelta(minutes=mi, seconds=ss), "h24": hh == 24}
        return {"gran": "day", "date": d}
    return {"gran": "year", "y": y}


def granularity(value: str) -> str | None:
    """Granularity name of a value ("day", "week", ...) or None when it is not a concrete date."""
    p = parse_value(value)
    return p["gran"] if p else None


def _season_of(month: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")


def date_to_value(d: _dt.date | _dt.datetime, gran: str) -> str:
    """Format a date (or datetime) at a granularity: date_to_value(date(2019,10,31), "week") == "2019-W44"."""
    if gran in ("hour", "minute", "second") and not isinstance(d, _dt.datetime):
        d = _dt.datetime(d.year, d.month, d.day)
    y = d.year
    if gran == "millennium":
        return f"{y // 1000}"
    if gran == "century":
        return f"{y // 100:02d}"
    if gran == "decade":
        return f"{y // 10:03d}"
    if gran == "year":
        return f"{y:04d}"
    if gran == "half":
        return f"{y:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "quarter":
        return f"{y:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "season":
        return f"{y:04d}-{_season_of(d.month)}"
    if gran == "month":
        return f"{y:04d}-{d.month:02d}"
    if gran == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if gran in ("day", "partofday"):
        return f"{y:04d}-{d.month:02d}-{d.day:02d}"
    if gran == "hour":
        return f"{y:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}"
    if gran == "minute":
        return f"{y:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}"
    return f"{y:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}"


def value_start_date(value: str) -> _dt.date | None:
    """First day covered by a value (None when not a concrete date)."""
    p = parse_value(value)
    if not p:
        return None
    g = p["gran"]
    if g == "millennium":
        return _dt.date(max(1, p["n"] * 1000), 1, 1)
    if g == "century":
        return _dt.date(max(1, p["n"] * 100), 1, 1)
    if g == "decade":
        return _dt.date(max(1, p["n"] * 10), 1, 1)
    if g == "year":
        return _dt.date(p["y"], 1, 1)
    if g == "half":
        return _dt.date(p["y"], 1 if p["h"] == 1 else 7, 1)
    if g == "quarter":
        return _dt.date(p["y"], 3 * p["q"] - 2, 1)
    if g == "season":
        return _dt.date(p["y"], {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[p["s"]], 1)
    if g == "month":
        return _dt.date(p["y"], p["m"], 1)
    if g == "week":
        return _dt.date.fromisocalendar(p["y"], p["w"], 6 if p.get("we") else 1)
    if g in ("day", "partofday"):
        return p["date"]
    return p["dt"].date()


def value_year(value: str) -> int | None:
    """The calendar year of a value of year granularity or finer (None otherwise)."""
    p = parse_value(value)
    if not p or _RANK[p["gran"]] < _RANK["year"]:
        return None
    d = value_start_date(value)
    if p["gran"] == "week":
        return p["y"]
    return d.year if d else None


def truncate(value: str, gran: str) -> str | None:
    """Coarsen a value to ``gran`` (``truncate("2019-10-31", "week") == "2019-W44"``).

    Returns the value unchanged when it is already at ``gran`` or coarser, None when it is not a date.
    """
    p = parse_value(value)
    if not p:
        return None
    if _RANK[p["gran"]] <= _RANK[gran]:
        return value
    if p["gran"] in ("hour", "minute", "second"):
        return date_to_value(p["dt"], gran)
    if p["gran"] == "week" and gran in ("month", "quarter", "half", "season", "year"):
        d = _dt.date.fromisocalendar(p["y"], p["w"], 4)  # Thursday decides (ISO rule)
        return date_to_value(d, gran)
    if p["gran"] == "week":
        return date_to_value(_dt.date(p["y"], 7, 1), gran)
    if p["gran"] == "season":
        if gran == "year":
            return f"{p['y']:04d}"
        return date_to_value(_dt.date(p["y"], 1, 1), gran)
    d = value_start_date(value)
    return date_to_value(d, gran) if d else None


_DUR = re.compile(r"^P(?:(?P<date>(?:(?:\d+(?:\.\d+)?|X)[YMWDQECL])+))?(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?$")
_PART = re.compile(r"(\d+(?:\.\d+)?|X)([A-Z])")


def parse_duration_value(duration: str) -> dict[str, float] | None:
    """Parse a TimeML duration into unit amounts.

    Keys: ``Y M W D Q E C L`` for date units and ``H TM S`` for time units (``TM`` = minutes).
    ``parse_duration_value("P2Y6M") == {"Y": 2, "M": 6}``; ``"PT1H30M"`` -> ``{"H": 1, "TM": 30}``.
    Vague amounts (``PXY``) give ``{"Y": None}``; anything unparsable gives None.
    """
    if not duration:
        return None
    m = _DUR.match(duration)
    if not m or not (m.group("date") or m.group("time")):
        return None
    out: dict[str, float] = {}
    for part, is_time in ((m.group("date"), False), (m.group("time"), True)):
        if not part:
            continue
        for num, unit in _PART.findall(part):
            key = "TM" if (is_time and unit == "M") else unit
            out[key] = None if num == "X" else (float(num) if "." in num else int(num))
    return out


# approximate days per unit (a month 30.44, a year 365.25 days): for comparing spans, not calendars
_UNIT_DAYS = {"Y": 365.25, "M": 30.44, "W": 7, "D": 1, "Q": 91.31, "E": 3652.5, "C": 36525, "L": 365250,
              "H": 1 / 24, "TM": 1 / 1440, "S": 1 / 86400}


def duration_days(duration: str | None) -> float | None:
    """A TimeML duration in (approximate) days: "P1W" -> 7, "P2M" -> 60.88; None when vague or unparsable."""
    parts = parse_duration_value(duration or "")
    if not parts or any(v is None for v in parts.values()):
        return None
    return sum(v * _UNIT_DAYS[k] for k, v in parts.items())


def make_duration(n, unit: str) -> str:
    """Build a duration value: make_duration(3, "H") == "PT3H"; make_duration(None, "Y") == "PXY".

    ``unit`` is one of Y M W D Q E C L (date units) or H TM S (time units, TM = minutes);
    ``n`` may be a float (2.5 years -> "P2Y6M", 1.5 hours -> "PT1H30M").
    """
    time = unit in ("H", "TM", "S")
    u = "M" if unit == "TM" else unit
    if n is None:
        return f"PT{'X'}{u}" if time else f"PX{u}"
    if isinstance(n, float) and not n.is_integer():
        whole = int(n)
        frac = n - whole
        sub = {"Y": (12, "M"), "H": (60, "M"), "TM": (60, "S"), "D": (24, "H"), "M": (None, None),
               "W": (7, "D")}.get(unit, (None, None))
        if sub[0]:
            rest = round(frac * sub[0])
            if unit == "D":
                return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
            if time:
                return f"PT{whole}{u}{rest}{sub[1]}" if whole else f"PT{rest}{sub[1]}"
            return f"P{whole}{u}{rest}{sub[1]}" if whole else f"P{rest}{sub[1]}"
        n = round(n, 1)
        return f"PT{n}{u}" if time else f"P{n}{u}"
    n = int(n)
    return f"PT{n}{u}" if time else f"P{n}{u}"


def _add_months(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    if y < 1 or y > 9999:
        raise OverflowError
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))


def shift_units(value: str, n: int, unit: str) -> str | None:
    """Shift a value by ``n`` units (``unit`` as in :func:`parse_duration_value`); see :func:`shift_value`."""
    sign = 1 if n >= 0 else -1
    return shift_value(value, make_duration(abs(n), unit), sign)


def shift_value(value: str, duration: str, sign: int) -> str | None:
    """Move a TimeML date value by a duration, keeping the value's granularity.

    ``sign`` is +1 (later) or -1 (earlier).

    >>> shift_value("2019-10-31", "P4D", -1)
    '2019-10-27'
    >>> shift_value("2019-W44", "P2W", -1)
    '2019-W42'
    >>> shift_value("2019-10", "P1Y", -1)
    '2018-10'
    >>> shift_value("2019-Q1", "P1Q", -1)
    '2018-Q4'

    Day and finer values shift by any unit (months clamp the day: 2019-03-31 - P1M = 2019-02-28).
    Week values shift by weeks or days; month/quarter/half/season/year values by whole months
    (a quarter by multiples of 3 months, a year by multiples of 12, ...); decades by multiples of
    10 years, centuries of 100. Returns None when the value is not a concrete date (``XXXX-10``,
    ``PRESENT_REF``), when the duration is vague (``PXD``) or unparsable, or when the duration is
    finer than the value's granularity and does not divide into it (``2019`` shifted by ``P3D``).
    """
    p = parse_value(value)
    parts = _duration_parts(duration)
    if not p or parts is None:
        return None
    months, days, secs = parts
    s = 1 if sign >= 0 else -1
    g = p["gran"]
    try:
        if g in ("hour", "minute", "second"):
            return _shift_clock(p, s, months, days, secs)
        if secs and g not in ("day", "partofday"):
            return None
        if g in ("day", "partofday"):
            return _shift_day(p, s, months, days, secs)
        if g == "week":
            return _shift_week(p, s, months, days)
        if days:
            return None
        return _shift_calendar(p, s, months)
    except (OverflowError, ValueError):
        return None


def _duration_parts(duration: str) -> tuple[int, int, int] | None:
    """A concrete duration as (months, days, seconds); None if vague, fractional or unparsable."""
    dur = parse_duration_value(duration)
    if dur is None or any(v is None for v in dur.values()):
        return None
    if any(isinstance(v, float) and not v.is_integer() for v in dur.values()):
        return None
    dur = {k: int(v) for k, v in dur.items()}
    years = dur.get("Y", 0) + 10 * dur.get("E", 0) + 100 * dur.get("C", 0) + 1000 * dur.get("L", 0)
    months = dur.get("M", 0) + 3 * dur.get("Q", 0) + 12 * years
    days = dur.get("D", 0) + 7 * dur.get("W", 0)
    secs = 3600 * dur.get("H", 0) + 60 * dur.get("TM", 0) + dur.get("S", 0)
    return months, days, secs


def _shift_clock(p: dict, s: int, months: int, days: int, secs: int) -> str | None:
    """Shift an hour, minute or second value (a 24:00 hour stays written T24)."""
    g = p["gran"]
    dt = p["dt"]
    if months:
        dt = _dt.datetime.combine(_add_months(dt.date(), s * months), dt.time())
    dt = dt + _dt.timedelta(days=s * days, seconds=s * secs)
    if p.get("h24") and g == "hour" and not secs:
        return date_to_value(dt - _dt.timedelta(days=1), "day") + "T24"
    return date_to_value(dt, g)


def _shift_day(p: dict, s: int, months: int, days: int, secs: int) -> str | None:
    """Shift a day or part-of-day value (seconds only in whole days)."""
    d = p["date"]
    if secs:
        if secs % 86400:
            return None
        days += secs // 86400
    if months:
        d = _add_months(d, s * months)
    d = d + _dt.timedelta(days=s * days)
    out = date_to_value(d, "day")
    return out + "T" + p["pod"] if p["gran"] == "partofday" else out


def _shift_week(p: dict, s: int, months: int, days: int) -> str | None:
    """Shift a week (or weekend) value by days, weeks or whole years (the same ISO week number
    in another year, clamped to 52)."""
    if months:
        if months % 12:
            return None
        y = p["y"] + s * months // 12
        w = min(p["w"], _dt.date(y, 12, 28).isocalendar()[1])
        d = _dt.date.fromisocalendar(y, w, 1) + _dt.timedelta(days=s * days)
    else:
        d = _dt.date.fromisocalendar(p["y"], p["w"], 1) + _dt.timedelta(days=s * days)
    out = date_to_value(d, "week")
    return out + "-WE" if p.get("we") else out


def _shift_calendar(p: dict, s: int, months: int) -> str | None:
    """Shift a month, quarter, half, season, year, decade, century or millennium value by whole
    months that divide into its granularity."""
    g = p["gran"]
    if g == "month":
        return date_to_value(_add_months(_dt.date(p["y"], p["m"], 1), s * months), "month")
    if g == "quarter":
        if months % 3:
            return None
        return date_to_value(_add_months(_dt.date(p["y"], 3 * p["q"] - 2, 1), s * months), "quarter")
    if g == "half":
        if months % 6:
            return None
        return date_to_value(_add_months(_dt.date(p["y"], 6 * p["h"] - 5, 1), s * months), "half")
    if g == "season":
        if months % 3:
            return None
        order = ["WI", "SP", "SU", "FA"]
        idx = p["y"] * 4 + order.index(p["s"]) + s * months // 3
        return f"{idx // 4:04d}-{order[idx % 4]}"
    if g == "year":
        if months % 12:
            return None
        y = p["y"] + s * months // 12
        return f"{y:04d}" if 0 <= y <= 9999 else None
    per = {"decade": (120, "03d"), "century": (1200, "02d"), "millennium": (12000, "")}.get(g)
    if per is None or months % per[0]:
        return None
    return format(p["n"] + s * months // per[0], per[1])


def safe_date(y: int, m: int, d: int) -> _dt.date | None:
    """The date, or None where it does not exist (Feb. 30)."""
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None
