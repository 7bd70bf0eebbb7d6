"""Time-expression tagger and normaliser (TimeML TIMEX3) for English news.

    tag_timexes(text, dct, *, sentences=None) -> list[Timex]

A rule engine over regular expressions compiled once at import. Vocabulary (month and weekday
names, number words, units, seasons, parts of day, modifiers, vague references, holidays,
frequency words, tense cues, time zones) comes from ``dateline/resources/time/*.json`` through
:mod:`dateline.extract.timex_lexicon`; value arithmetic lives in
:mod:`dateline.extract.timex_values` (``shift_value``, ``parse_duration_value`` are re-exported here).

Pipeline: every rule proposes candidate spans; overlapping candidates are resolved (longest span
first, then rule priority); the survivors are normalised in text order, so that anaphoric
expressions ("the next day", "a year earlier", "the quarter") can use the previously resolved
timexes; deictic ones ("yesterday", "last week", "two weeks ago") use the document creation time
(DCT); bare weekdays, months and month-days use the tense of their sentence. Finally generic
modifiers ("early", "the end of", "about", "more than", "or so") extend the spans and set ``mod``.

Values follow TimeML/TimeBank practice: ``2019-10-31``, ``2019-W43``, ``2019-Q3``, ``2019-SU``,
``199`` (the 1990s), ``2019-10-30TEV``, ``2019-10-31T16:35``, ``P4D``, ``PT3H``, ``PXY``,
``PRESENT_REF``; with no DCT, deictic values are left underspecified (``XXXX-10-31``, ``XXXX``).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from dateline.isodate import iso_date
from dateline.record import Timex
from dateline.extract.timex_lexicon import LEX, alt
from dateline.extract.timex_sentences import light_sentences
from dateline.extract.timex_values import (
    date_to_value, make_duration, parse_duration_value, parse_value, safe_date, shift_units, shift_value,
    truncate, value_start_date,
)

__all__ = ["tag_timexes", "shift_value", "parse_duration_value", "make_duration", "truncate"]

L = LEX

# ---------------------------------------------------------------------------------------------
# regex building blocks
# ---------------------------------------------------------------------------------------------
_B = r"(?<![\w'’-])"        # left word boundary (also not after a hyphen or apostrophe)
_BM = r"(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-)|(?<![\w'’-]))"  # same, but "mid-" may precede
_E = r"(?![\w’-])"          # right word boundary
MONTH = rf"(?-i:{L.re_month})(?![A-Za-z])"
WD = rf"(?-i:{L.re_weekday})"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!,\d)(?![:.]\d)"
ORDW = L.re_ordinal
YEAR4 = r"(?:1\d\d\d|20\d\d)(?!\d)(?!,\d)(?!\.\d)"
NUMD = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+1/2|½)?"
NUM = rf"(?:{NUMD}|{L.re_numword}(?:\s+and\s+a\s+half)?)"
VAGUE = L.re_vague
UNIT = rf"{L.re_unit}"
QUAL = L.re_qual
ZONE = rf"(?-i:{L.re_zone})(?![A-Za-z])"
PART = L.re_part
SEASON = L.re_season
AMPM = r"(?:[ap]\.\s?m\.?|[ap]m(?![a-z])|(?-i:[AP]M)(?![A-Za-z]))"

_UNIT_CODE = {"second": "S", "minute": "TM", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
              "decade": "E", "century": "C", "millennium": "L"}
_GRAN_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "decade": "E",
              "century": "C", "hour": "H", "minute": "TM", "partofday": "D", "millennium": "L"}
_XVAL = {"millennium": "X", "century": "XX", "decade": "XXX", "year": "XXXX", "half": "XXXX-HX",
         "quarter": "XXXX-QX", "season": "XXXX-XX", "month": "XXXX-XX", "week": "XXXX-WXX",
         "day": "XXXX-XX-XX", "partofday": "XXXX-XX-XX", "hour": "XXXX-XX-XXTXX", "minute": "XXXX-XX-XXTXX:XX"}
_SEASON_IDX = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
_PODS = {"MO", "AF", "EV", "NI", "DT"}

# ---------------------------------------------------------------------------------------------
# context
# ---------------------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")


@dataclass
class _Res:
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    noref: bool = False      # derived by shifting another timex back a year: not a reference point


class _Ctx:
    def __init__(self, text: str, dct, sentences):
        self.text = text
        if isinstance(dct, _dt.datetime):
            self.dct = dct.date()
        else:
            self.dct = dct
        self.sents = sentences
        self.sstarts = [s for s, _ in sentences]
        self.done: list[tuple[Timex, dict | None]] = []
        self._words: dict[int, list[tuple[int, str]]] = {}

    # sentences and tense -------------------------------------------------------------------
    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sstarts, pos) - 1)

    def sent_span(self, pos: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        return self.sents[self.sent_index(pos)]

    def words(self, idx: int) -> list[tuple[int, str]]:
        if idx not in self._words:
            s, e = self.sents[idx] if self.sents else (0, len(self.text))
            self._words[idx] = [(m.start(), m.group().lower()) for m in _WORD.finditer(self.text, s, e)]
        return self._words[idx]

    def tense(self, start: int, end: int) -> int:
        """+1 future, -1 past, 0 unknown: the cue word nearest to [start, end) in its sentence."""
        idx = self.sent_index(start)
        ws = self.words(idx)
        i = bisect.bisect_left(ws, (start, ""))
        j = bisect.bisect_left(ws, (end, ""))
        weak = 0
        for k in list(range(i - 1, max(-1, i - 13), -1)) + list(range(j, min(len(ws), j + 12))):
            c = _cue(ws[k][1], ws[k + 1][1] if k + 1 < len(ws) else "")
            if c == 1 and k >= j and ws[k][1].endswith("ed"):
                c = -1  # "On Friday, the government planned to ...": a plan made then, not one for then
            if c < 0 and k > 0 and ws[k - 1][1] in _ADJ_BEFORE_ED and ws[k][1] not in L.past_cues:
                continue  # "a still unspecified date", "the planned merger": an adjective, not a past verb
            if c < 0:
                # a participle after a future auxiliary ("will be paid", "is to be completed")
                prev3 = [ws[q][1] for q in range(max(0, k - 3), k)]
                if any(x in ("will", "'ll", "shall", "would", "wo", "won't") for x in prev3) or prev3[-2:] == ["to", "be"]:
                    return 1
                if prev3 and prev3[-1] in ("to",):
                    continue
            if c == 2:
                weak = weak or 1
                continue
            if c > 0 and k >= 2 and ws[k - 2][1] == "had" and ws[k - 1][1] == "been":
                return -1   # "had been due to expire Friday": a plan in the past
            if c:
                return c
        if not weak:
            # nothing near: the first clear cue farther on in the sentence ("In January, a week after
            # the 25th anniversary of the decision, a bomb exploded")
            for k in range(min(len(ws), j + 12), len(ws)):
                c = _cue(ws[k][1], ws[k + 1][1] if k + 1 < len(ws) else "")
                if c in (1, -1):
                    return c
        return weak

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return m.group(1).lower() if m else ""

    def focal_quarter(self, pos: int, max_sents: int | None = None) -> tuple[str | None, str]:
        """The quarter a report is about: the latest explicitly named quarter before ``pos``
        ("third-quarter net income rose ...") that is not an indefinite mention ("after a flat
        second quarter", "a fourth-quarter charge"); else the most recent quarter.

        Anaphoric "the quarter", "the latest period", "the year-ago quarter" and comparisons
        ("from $5 million a year earlier") refer to it."""
        for tx, p in reversed(self.done):
            if tx.start >= pos or p is None or p["gran"] != "quarter" or tx.rule != "quarter":
                continue
            if _INDEFINITE_BEFORE.search(self.text, max(0, tx.start - 30), tx.start):
                continue
            nxt = shift_units(tx.value, 1, "Q") if self.dct is not None else None
            if nxt and (value_start_date(nxt) or self.dct) > self.dct:
                continue  # not over yet: a forecast ("into the fourth quarter"), not the report's period
            return tx.value, tx.id
        return self.ref(pos, want="quarter", max_sents=max_sents)

    def duration_since(self, pos: int, since: int) -> bool:
        """True when a duration was tagged in [since, pos) (e.g. "in the first nine months")."""
        return any(since <= tx.start < pos and tx.type == "DURATION" for tx, _ in self.done[-4:])

    # values ----------------------------------------------------------------------------------
    def dctv(self, gran: str) -> str:
        if self.dct is None:
            return _XVAL.get(gran, "XXXX-XX-XX")
        return date_to_value(self.dct, gran)

    def rel(self, gran: str, n: int) -> str:
        """DCT at ``gran`` shifted by n units of that granularity."""
        base = self.dctv(gran)
        if self.dct is None or n == 0:
            return base
        if gran == "half":
            return shift_units(base, 6 * n, "M") or base
        if gran == "season":
            return shift_units(base, 3 * n, "M") or base
        return shift_units(base, n, _GRAN_UNIT[gran]) or base

    def ref(self, pos: int, min_gran: str | None = None, max_sents: int | None = None,
            want: str | None = None) -> tuple[str | None, str]:
        """The most recent resolved concrete date before ``pos`` (value, anchor), or the DCT.

        ``min_gran``: the value must be at least that fine (e.g. "day"); ``want``: exactly that
        granularity; ``max_sents``: only that many sentences back.
        """
        from dateline.extract.timex_values import GRANS
        si = self.sent_index(pos)
        for tx, p in reversed(self.done):
            if tx.start >= pos or p is None:
                continue
            if max_sents is not None and si - self.sent_index(tx.start) > max_sents:
                break
            g = p["gran"]
            if want and g != want:
                continue
            if min_gran and GRANS.index(g) < GRANS.index(min_gran):
                continue
            return tx.value, tx.id
        if want or max_sents is not None:
            return None, "none"
        if self.dct is None:
            return None, "none"
        return date_to_value(self.dct, "day"), "dct"


_ADJ_BEFORE_ED = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "still",
                  "newly", "so-called"}
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an)\s+(?:[\w-]+\s+)?$", re.I)


def _cue(w: str, nxt: str) -> int:
    if w == "next" and nxt == "to":
        return 0
    if w in L.future_cues or f"{w} {nxt}" in L.future_cues:
        return 1
    if w in L.past_cues or f"{w} {nxt}" in L.past_cues:
        return -1
    if len(w) > 4 and w.endswith("ed") and w not in L.ed_exceptions:
        return -1
    if w in L.present_cues:
        return 2   # weak: present tense with a day name usually announces a schedule
    return 0


# ---------------------------------------------------------------------------------------------
# resolution helpers
# ---------------------------------------------------------------------------------------------
def _year_of(y: str) -> int:
    y = y.strip().lstrip("'’")
    v = int(y)
    if len(y) == 2:
        v += 1900 if v >= 30 else 2000
    return v


_safe_date = safe_date


def _pick_year_md(ctx: _Ctx, m: int, d: int, tense: int) -> int | None:
    """Year for a month-day without a year.

    The tense of the sentence picks the last (past) or next (future) such date when it lies
    within about nine months (ten for a past date: "the fiscal year ended Jan. 31" in late
    October) of the DCT; otherwise, and without a tense cue, the date closest to
    the DCT wins (news mostly speaks of the recent past and the near future).
    """
    dct = ctx.dct
    if dct is None:
        return None
    cands = [(y, _safe_date(y, m, d)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    cands = [(y, x) for y, x in cands if x]
    if not cands:
        return dct.year
    if tense < 0:
        past = [(y, x) for y, x in cands if x <= dct]
        if past:
            y, x = max(past, key=lambda t: t[1])
            if (dct - x).days <= 300:
                return y
    if tense > 0:
        fut = [(y, x) for y, x in cands if x >= dct]
        if fut:
            y, x = min(fut, key=lambda t: t[1])
            if (x - dct).days <= 270:
                return y
    return min(cands, key=lambda t: abs((t[1] - dct).days))[0]


def _pick_year_month(ctx: _Ctx, m: int, tense: int, rel: str = "") -> int | None:
    """Year for a bare month name: "last"/"next" are strict, tense picks the last/next such
    month (the current month counts) within nine months, else the closest (ties and near-ties,
    up to two months, go to the past)."""
    dct = ctx.dct
    if dct is None:
        return None
    if rel in ("last", "this past", "past"):
        return dct.year if m < dct.month else dct.year - 1
    if rel in ("next", "this coming", "coming"):
        return dct.year if m > dct.month else dct.year + 1
    if rel == "this":
        return dct.year
    back = (dct.month - m) % 12      # months since the last such month
    fwd = (m - dct.month) % 12       # months until the next one
    if tense < 0 and back <= 9:
        return dct.year if m <= dct.month else dct.year - 1
    if tense > 0 and fwd <= 9:
        return dct.year if m >= dct.month else dct.year + 1
    if back <= fwd + 2:   # no cue: news mostly reports the past; the future wins only when much nearer
        return dct.year if m <= dct.month else dct.year - 1
    return dct.year if m >= dct.month else dct.year + 1


def _weekday_date(ctx: _Ctx, wd: int, direction: int, base: _dt.date | None = None) -> _dt.date | None:
    """direction -1: most recent <= base; +1: next >= base; -2: strictly before; +2: strictly after."""
    base = base or ctx.dct
    if base is None:
        return None
    cur = base.isoweekday()
    if direction in (-1, -2):
        back = (cur - wd) % 7
        if back == 0 and direction == -2:
            back = 7
        return base - _dt.timedelta(days=back)
    fwd = (wd - cur) % 7
    if fwd == 0 and direction == 2:
        fwd = 7
    return base + _dt.timedelta(days=fwd)


def _holiday_date(name: str, year: int) -> _dt.date | None:
    name = re.sub(r"\s+", " ", name)
    if name in L.hol_fixed:
        mm, dd = map(int, L.hol_fixed[name].split("-"))
        return _safe_date(year, mm, dd)
    if name in L.hol_nth:
        spec = L.hol_nth[name]
        mon, wd, n = spec[0], spec[1], spec[2]
        off = spec[3] if len(spec) > 3 else 0
        if n > 0:
            first = _dt.date(year, mon, 1)
            d = first + _dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            last = _dt.date(year, mon + 1, 1) - _dt.timedelta(days=1) if mon < 12 else _dt.date(year, 12, 31)
            d = last - _dt.timedelta(days=(last.isoweekday() - wd) % 7)
        return d + _dt.timedelta(days=off)
    if name in L.hol_easter:
        return _easter(year) + _dt.timedelta(days=L.hol_easter[name])
    if name in L.hol_election:
        first = _dt.date(year, 11, 1)
        monday = first + _dt.timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + _dt.timedelta(days=1)
    return None


def _easter(y: int) -> _dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return _dt.date(y, month, day + 1)


def _num(s: str | None):
    if s is None:
        return None
    return L.number(s)


def _dur(n, unit_name: str) -> str:
    code = _UNIT_CODE[unit_name]
    factor = L.units.get(unit_name, {}).get("factor", 1)
    if unit_name == "weekend":
        return make_duration(None if n is None else 2 * n, "D")
    if n is not None:
        n = n * factor
    if code == "E" and n is not None:
        return make_duration(n * 10, "Y")
    if code == "C" and n is not None:
        return make_duration(n * 100, "Y")
    return make_duration(n, code)


def _unit_gran(unit_name: str) -> str:
    return L.units.get(unit_name, {}).get("gran", "day")


# ---------------------------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------------------------
class _Rule:
    __slots__ = ("name", "rx", "handler", "prio", "accept")

    def __init__(self, name, pattern, handler, prio=0, accept=None, flags=re.I):
        self.name = name
        self.rx = re.compile(pattern, flags)
        self.handler = handler
        self.prio = prio
        self.accept = accept


RULES: list[_Rule] = []


def rule(name, pattern, prio=0, accept=None):
    def deco(fn):
        RULES.append(_Rule(name, pattern, fn, prio, accept))
        return fn
    return deco


# --- explicit calendar dates -----------------------------------------------------------------
def _md_value(ctx, m, mon: int, day: int, year: int | None, wd: int | None = None) -> _Res | None:
    if not 1 <= day <= 31:
        return None
    if year is None:
        if ctx.dct is None:
            return _Res("DATE", f"XXXX-{mon:02d}-{day:02d}", anchor="none")
        rel = ctx.prev_word(m.start())
        t = -1 if rel == "last" else (1 if rel == "next" else ctx.tense(m.start(), m.end()))
        year = _pick_year_md(ctx, mon, day, t)
        anchor = "dct"
    else:
        anchor = None
    if _safe_date(year, mon, day) is None:
        return None
    return _Res("DATE", f"{year:04d}-{mon:02d}-{day:02d}", anchor=anchor)


@rule("date_mdy", rf"{_B}(?:(?P<wd>{WD})(?:'s)?\s*,?\s+(?:the\s+)?)?(?P<mon>{MONTH})\s*(?P<day>{DAYNUM}|{ORDW}{_E})"
      rf"(?:\s*,\s*|\s+)?(?P<year>{YEAR4}|'\d\d(?!\d))?", prio=10)
def _r_date_mdy(m, ctx):
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("day"))
    year = _year_of(m.group("year")) if m.group("year") else None
    if year is None and (co := _COORD_YEAR.match(ctx.text, m.end())):
        year = int(co.group("y"))   # "March 3 and 4, 2018"
    return _md_value(ctx, m, mon, day, year)


_COORD_YEAR = re.compile(rf"\s*(?:and|or|&)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*,\s*(?P<y>{YEAR4})")


def _acc_mdy(m, text, ctx):
    # trailing separators are not part of the span when no year follows
    s, e = m.span()
    while e > s and text[e - 1] in " ,\t\n":
        e -= 1
    return s, e


RULES[-1].accept = _acc_mdy


@rule("date_dmy", rf"{_B}(?:(?P<wd>{WD})\s*,?\s+)?(?:the\s+)?(?P<day>{DAYNUM}|{ORDW})(?:\s+of)?\s+(?P<mon>{MONTH})"
      rf"(?:\s*,?\s*(?P<year>{YEAR4}))?", prio=9)
def _r_date_dmy(m, ctx):
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("day"))
    if day is None:
        return None
    year = _year_of(m.group("year")) if m.group("year") else None
    return _md_value(ctx, m, mon, day, year)


def _acc_dmy(m, text, ctx):
    day = m.group("day")
    if not day[0].isdigit() and not re.match(r"(?i)the\s", m.group()[: len(m.group()) - len(m.group().lstrip())] + m.group()):
        # ordinal words need "the" ("the fifth of May")
        if not re.search(r"(?i)\bthe\s+$", m.group()[: m.start("day") - m.start()]):
            return None
    return m.span()


RULES[-1].accept = _acc_dmy


@rule("date_md_coord", rf"{_B}(?P<mon>{MONTH})\s*(?P<d1>{DAYNUM})\s+(?:and|or|&)\s+(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
      rf"(?![\d%])(?!,\d)(?![.:]\d)(?!\s*(?:percent|per\s+cent|million|billion|[ap]\.?m\b|p\.m|a\.m))(?:\s*,\s*(?P<year>{YEAR4}))?",
      prio=9, accept=lambda m, text, ctx: (m.start("d2"), m.end()))
def _r_date_md_coord(m, ctx):
    # "on April 24 and 25": the second day of the same month
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("d2"))
    d1 = L.ordinal(m.group("d1"))
    if day is None or d1 is None or day <= d1:
        return None
    year = _year_of(m.group("year")) if m.group("year") else None
    return _md_value(ctx, m, mon, day, year)


@rule("date_numeric", r"(?<![\d/.])(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
      r"|(?<![\d-])(?P<iy>(?:1[89]|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
      r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])", prio=10)
def _r_date_numeric(m, ctx):
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = _year_of(m.group("y")), int(m.group("a")), int(m.group("b"))
    if _safe_date(y, mo, d) is None:
        return None
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    if m.group("hh"):
        return _Res("TIME", f"{v}T{m.group('hh')}:{m.group('mi')}")
    return _Res("DATE", v)


_SPOKEN_YEAR = rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:{L.re_numword})|two\s+thousand(?:\s+(?:and\s+)?(?:{L.re_numword}))?)"


def _spoken_year_value(s: str) -> int | None:
    s = re.sub(r"\s+", " ", s.strip().lower())
    m = re.match(r"two thousand(?: (?:and )?(.+))?$", s)
    if m:
        r = L.number(m.group(1)) if m.group(1) else 0
        return 2000 + r if r is not None and r < 100 else None
    m = re.match(r"(nineteen|eighteen|twenty)[\s-]+(.+)$", s)
    if m:
        r = L.number(m.group(2))
        if r is not None and 10 <= r < 100:
            return {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m.group(1)] + r
    return None


@rule("month_year", rf"{_B}(?P<mon>{MONTH})(?:\s+of|\s*,)?\s+(?P<year>{YEAR4}|'\d\d(?!\d)|{_SPOKEN_YEAR}(?![\w-]))"
      rf"|{_B}(?P<mon2>{MONTH})\s+(?P<rel>this|last|next)\s+year{_E}", prio=8)
def _r_month_year(m, ctx):
    if m.group("mon"):
        mon = L.month(m.group("mon"))
        ys = m.group("year")
        y = _year_of(ys) if ys[0] in "0123456789'’" else _spoken_year_value(ys)
        if y is None:
            return None
        return _Res("DATE", f"{y:04d}-{mon:02d}")
    mon = L.month(m.group("mon2"))
    off = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    y = ctx.rel("year", off)
    return _Res("DATE", f"{y}-{mon:02d}", anchor="dct")


_MONTH_CUES = {"in", "since", "until", "till", "by", "of", "from", "through", "to", "during", "before", "after",
               "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that", "throughout",
               "until", "around", "about", "circa", "for", "on", "than", "beginning", "end", "middle", "start",
               "past", "coming", "same", "each", "every", "into", "starting", "ending", "late", "early"}


_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"}
_NOT_NOUN_AFTER_MONTH = "be|have|not|also|well|still|never|and|or|but|to|of|in|on|at|by|for|with|is|was|will|would|could|said|says"


def _acc_month(m, text, ctx):
    mon = m.group("mon")
    s = m.start()
    rel = m.group("rel")
    nxt = text[m.end(): m.end() + 20]
    if rel:
        if re.match(rf"\s*{DAYNUM}", nxt):
            return None   # "last Oct. 23": the date (date_mdy), not the month
        return m.span()
    prev = ctx.prev_word(s)
    if s > 0 and text[s - 1] == "-" and text[max(0, s - 4):s].lower() == "mid-":
        return m.span()
    if mon in L.month_ambiguous or mon.rstrip(".") != mon or len(mon) <= 4:
        prenominal = prev in _DETERMINERS and mon[:1].isupper() and mon.rstrip(".") == mon \
            and re.match(r"\s+(?-i:[a-z]{3,})\b", nxt) and not re.match(rf"\s+(?:{_NOT_NOUN_AFTER_MONTH})\b", nxt)
        if prev not in _MONTH_CUES and not prenominal:  # "under a June agreement" is a date
            return None
        if mon in ("May", "MAY") and re.match(r"\s+(?:be|have|not|also|well|still|never|I|we|you|he|she|they|it)\b", nxt):
            return None
        nm = re.match(r"\s+(?-i:([A-Z][a-z]+))", nxt)
        if nm and L.month(nm.group(1)) is None and L.weekday(nm.group(1)) is None:
            return None   # a given name: "Jan Kavan", "April Smith"
    else:
        # a capitalised month after a determiner-less capitalised word is likely a name part
        if re.match(r"\s+(?-i:[A-Z][a-z]+)", nxt) and prev not in _MONTH_CUES:
            nw = re.match(r"\s+(\w+)", nxt).group(1)
            if L.month(nw) is None and nw not in ("The", "A"):
                return None
    return m.span()


@rule("month", rf"{_BM}(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<mon>{MONTH})", prio=5,
      accept=_acc_month)
def _r_month(m, ctx):
    mon = L.month(m.group("mon"))
    rel = (m.group("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if ctx.dct is None:
        return _Res("DATE", f"XXXX-{mon:02d}", anchor="none")
    # a year mentioned earlier in the same sentence anchors the month
    if not rel:
        v, a = ctx.ref(m.start(), max_sents=0)
        if v and (p := parse_value(v)) and p["gran"] in ("year",):
            return _Res("DATE", f"{p['y']:04d}-{mon:02d}", anchor=a)
    t = ctx.tense(m.start(), m.end())
    if ctx.prev_word(m.start()) == "since":
        t = -1
    y = _pick_year_month(ctx, mon, t, rel)
    return _Res("DATE", f"{y:04d}-{mon:02d}", anchor="dct")


# --- years, decades, centuries -----------------------------------------------------------------
_YEAR_BAD_PREV = {"no", "number", "flight", "resolution", "route", "highway", "room", "suite", "boeing", "model",
                  "article", "chapter", "page", "pp", "section", "rule", "bill", "item", "form", "code", "interstate",
                  "class", "channel", "vol", "volume", "issue", "version", "at", "plan", "paragraph", "exhibit",
                  "rs", "cms", "ip", "ch", "type"}
_APPROX_PREV = {"about", "around", "nearly", "some", "over", "than", "approximately", "almost", "roughly", "only",
                "just", "another", "additional", "all", "of", "the", "those", "these", "least", "to", "and", "by",
                "up", "below", "above", "under", "within", "totaling", "totalling", "estimated", "lost", "gained",
                "fell", "rose", "climbed", "dropped", "down", "at", "with", "had", "has", "have", "employs"}
_YEAR_CUES = {"in", "since", "until", "till", "by", "from", "to", "between", "and", "through", "year", "circa",
              "before", "after", "during", "early", "late", "mid", "of", "fiscal", "around", "about", "c", "ad",
              "bc", "or", "summer", "spring", "winter", "autumn", "fall", "the"}


def _acc_year(m, text, ctx):
    s, e = m.span("year")
    y = int(m.group("year"))
    before = text[max(0, s - 3):s]
    if re.search(r"[$#£€¥]\s*$|\d[,.]?$|[A-Za-z]$|[A-Za-z]-$", before) and not m.group("fis") \
            and not re.search(r"(?i)(?:mid|early|late)-$", before + "") and not re.search(r"(?i)(?:mid|early|late)-$", text[max(0, s - 6):s]):
        return None
    after = text[e:e + 16]
    if re.match(r"(?:[A-Za-z0-9]|\.\d|,\d|:\d|/\d|-(?:year|month|day|week|hour))", after) or \
            re.match(r"\s*(?:%|percent|per\s*cent|GMT|UTC|hours\b|hrs\b|local\s+time|[ap]\.?m\b)", after):
        return None
    prev = ctx.prev_word(s)
    if m.group("fis"):
        return m.span()
    if prev in _YEAR_BAD_PREV:
        return None
    if y < 1900 and prev not in _YEAR_CUES:
        return None
    if y > (ctx.dct.year + 30 if ctx.dct else 2060):
        if prev not in _YEAR_CUES:
            return None
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and prev in _APPROX_PREV and prev not in ("the", "of", "in", "by", "to", "and") and nxt.group(1).endswith("s"):
        return None
    if nxt and nxt.group(1) in ("people", "troops", "soldiers", "workers", "employees", "jobs", "men", "women",
                                "children", "units", "shares", "points", "cars", "homes", "votes", "tons",
                                "barrels", "miles", "feet", "meters", "acres", "students", "members", "copies",
                                "residents", "refugees", "dead", "police", "officers", "civilians", "deaths",
                                "cases", "patients", "passengers", "delegates", "pages", "words"):
        return None
    return m.span()


@rule("year_prefix", rf"{_B}(?P<p>pre|post)-(?P<year>{YEAR4}){_E}", prio=3)
def _r_year_prefix(m, ctx):
    """"post-1959 politics", "pre-2008 levels": the year, before or after it."""
    return _Res("DATE", m.group("year"), mod="BEFORE" if m.group("p").lower() == "pre" else "AFTER")


@rule("year", rf"(?:(?P<fis>(?:(?:fiscal|calendar|financial|tax|model|school|academic|marketing|crop)(?:\s+year)?|the\s+year|(?-i:FY))\s*)"
      rf"|{_BM})(?P<year>{YEAR4})(?:'s)?(?P<suf>\s+(?:or\s+later|or\s+earlier|and\s+beyond|and\s+after))?", prio=3, accept=_acc_year)
def _r_year(m, ctx):
    y = int(m.group("year"))
    mod = None
    if m.group("suf"):
        suf = re.sub(r"\s+", " ", m.group("suf").strip().lower())
        mod = L.approx_suffix.get(suf)
    return _Res("DATE", f"{y:04d}", mod=mod)


_SPOKEN_CENT = {"nineteen": 19, "eighteen": 18, "twenty": 20, "seventeen": 17}


@rule("spoken_year", rf"{_B}(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen|seventeen|twenty)[\s-]+(?P<r>{L.re_numword}|hundred)"
      rf"|(?P<tt>two\s+thousand)(?:\s+(?:and\s+)?(?P<r2>{L.re_numword}))?){_E}", prio=4)
def _r_spoken_year(m, ctx):
    if m.group("tt"):
        r = L.number(m.group("r2")) if m.group("r2") else 0
        if r is None or r >= 100 or (r == 0 and not m.group().lower().startswith("the year")):
            return None
        return _Res("DATE", f"{2000 + r:04d}")
    r = m.group("r").lower()
    v = 0 if r == "hundred" else L.number(r)
    if v is None or v < 10 or v >= 100:
        return None
    return _Res("DATE", f"{_SPOKEN_CENT[m.group('c').lower()] * 100 + v:04d}")


@rule("year_period", rf"{_B}the\s+(?P<y>{YEAR4})\s+(?P<u>period|quarter|fiscal\s+year|year|season)(?![\w-])", prio=7)
def _r_year_period(m, ctx):
    y = int(m.group("y"))
    u = m.group("u").lower()
    if u == "period" and ctx.duration_since(m.start(), ctx.sent_span(m.start())[0]):
        return _Res("DATE", f"{y:04d}")   # "in the first nine months ... the 1988 period"
    if u in ("period", "quarter"):
        v, a = ctx.focal_quarter(m.start(), max_sents=4)
        if v:
            return _Res("DATE", f"{y:04d}{v[4:]}", anchor=a, noref=not v.startswith(f"{y:04d}"))
    return _Res("DATE", f"{y:04d}")


@rule("the_year", rf"{_B}the\s+(?P<adj>(?:full|fiscal|calendar|whole|entire)\s+)?year{_E}(?!-)(?!\s+(?:earlier|ago|before|after|later|of\s+the)\b)", prio=2)
def _r_the_year(m, ctx):
    nxt = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to\s+(?:date|[A-Z]))", nxt):
        return _Res("DURATION", "P1Y")
    prev = ctx.prev_word(m.start())
    if prev not in ("for", "of", "in", "during", "through", "throughout", "over"):
        return None
    if prev == "over" or (m.group("adj") or "").strip().lower() in ("whole", "entire"):
        return None
    v, a = ctx.ref(m.start(), min_gran="year", max_sents=1)
    if v and a != "dct" and parse_value(v)["gran"] == "year":
        return _Res("DATE", v, anchor=a)
    if ctx.dct is None:
        return _Res("DATE", "XXXX", anchor="none")
    return _Res("DATE", ctx.rel("year", 0), anchor="dct")


@rule("decade", rf"{_B}(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late|middle)[\s-]+|(?P<mid2>mid-))?"
      rf"(?:(?P<dec>(?:1\d|20)\d0)'?s|['’](?P<dec2>\d0)'?s|(?P<decw>{L.re_decade_word})){_E}", prio=6)
def _r_decade(m, ctx):
    if m.group("dec"):
        d = int(m.group("dec")) // 10
    elif m.group("dec2"):
        v = int(m.group("dec2"))
        d = (190 if v >= 20 else 200) + v // 10
    else:
        if not m.group("the"):
            return None
        d = 190 + L.decade_words[m.group("decw").lower()]
    mod = None
    if m.group("mod"):
        mod = L.point_mods.get(m.group("mod").lower())
    elif m.group("mid2"):
        mod = "MID"
    return _Res("DATE", f"{d:03d}", mod=mod)


@rule("century", rf"{_B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[\s-]+century{_E}"
      rf"|{_B}(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+current|the\s+next)\s+(?P<u>century|decade|millennium){_E}", prio=6)
def _r_century(m, ctx):
    if m.group("u"):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        u = m.group("u").lower()
        gran = {"century": "century", "decade": "decade", "millennium": "millennium"}[u]
        if rel in ("the past", "the last", "the previous", "the next"):
            return _Res("DURATION", _dur(1, u))
        off = {"this": 0, "the current": 0, "last": -1, "next": 1}[rel]
        return _Res("DATE", ctx.rel(gran, off), anchor="dct")
    n = L.ordinal(m.group("ord"))
    if not n or n > 30:
        return None
    mod = L.point_mods.get(m.group("mod").lower()) if m.group("mod") else None
    return _Res("DATE", f"{n - 1:02d}", mod=mod)


# --- quarters and halves ---------------------------------------------------------------------
_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}


@rule("quarter", rf"{_B}(?:(?P<det>the|this|that|its|their|a|an|his|her|our)\s+)?"
      rf"(?:(?P<ypre>{YEAR4}(?:'s)?|(?:this|last|next)\s+year's|year-(?:earlier|ago)|comparable|corresponding|same|fiscal|calendar)[\s-]+)?"
      rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)(?P<sep>[\s-]+)(?:fiscal[\s-]+)?(?P<unit>quarter|half|quarters)(?![\w-])"
      rf"(?:\s+(?:of|in|for|ended|ending)\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<ypost>{YEAR4})|(?P<rpost>this|last|next)\s+year|the\s+(?:fiscal\s+)?year))?"
      rf"|{_B}(?P<qq>Q[1-4])(?:\s+(?P<qy>{YEAR4}))?{_E}", prio=7)
def _r_quarter(m, ctx):
    if m.group("qq"):
        q = int(m.group("qq")[1])
        y = int(m.group("qy")) if m.group("qy") else None
        unit = "quarter"
        ypre = None
    else:
        q = _QORD[m.group("ord").lower()]
        unit = m.group("unit").lower().rstrip("s")
        y = int(m.group("ypost")) if m.group("ypost") else None
        ypre = (m.group("ypre") or "").lower()
        if y is None and ypre[:4].isdigit():
            y = int(ypre[:4])
        if m.group("unit").lower() == "quarters":
            return _Res("SET", f"XXXX-Q{q}") if m.group("det") is None else None
    if unit == "half" and q > 2:
        return None
    code = "Q" if unit == "quarter" else "H"
    if y is not None:
        return _Res("DATE", f"{y:04d}-{code}{q}")
    if ctx.dct is None:
        return _Res("DATE", f"XXXX-{code}{q}", anchor="none")
    rp = (m.group("rpost") or "").lower() if not m.group("qq") else ""
    anchor = "dct"
    if "this" in ypre or rp == "this":
        y = ctx.dct.year
    elif "last" in ypre or rp == "last":
        y = ctx.dct.year - 1
    elif "next" in ypre or rp == "next":
        y = ctx.dct.year + 1
    elif ypre.startswith("year-"):
        v, anchor = ctx.ref(m.start(), min_gran="year", max_sents=3)
        base = int(v[:4]) if v else ctx.dct.year
        y = base - 1
    else:
        y = ctx.dct.year
        cur = (ctx.dct.month - 1) // 3 + 1 if code == "Q" else (1 if ctx.dct.month <= 6 else 2)
        t = ctx.tense(m.start(), m.end())
        if q > cur and t < 0:
            y -= 1
    return _Res("DATE", f"{y:04d}-{code}{q}", anchor=anchor)


def _acc_quarter(m, text, ctx):
    # "the third-quarter results": the adjective only (TimeBank spans)
    if m.group("ord") and "-" in (m.group("sep") or "") and m.group("det") and not m.group("ypre"):
        return m.start("ord"), m.end()
    return m.span()


RULES[-1].accept = _acc_quarter


@rule("half_of_year", rf"{_B}(?:the\s+)?(?P<w>last|latter|first|second)\s+(?P<u>half|two\s+quarters)\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{YEAR4}){_E}", prio=8)
def _r_half_of_year(m, ctx):
    # "the last half of 1989" -> 1989-H2, "the first two quarters of 1990" -> 1990-H1
    w = m.group("w").lower()
    if w == "second" and m.group("u").lower() != "half":
        return None
    h = 1 if w == "first" else 2
    return _Res("DATE", f"{int(m.group('y')):04d}-H{h}")


@rule("quarter_rel", rf"{_B}(?P<det>the|this|that|last|next|its|their)\s+(?:(?P<adj>latest|current|previous|prior|preceding|same|year-earlier|year-ago|comparable|corresponding|most\s+recent|just-ended|just\s+ended|recent|past|fiscal|fourth|first|second|third)[\s-]+)*"
      rf"(?P<unit>quarter|period){_E}", prio=4)
def _r_quarter_rel(m, ctx):
    det = m.group("det").lower()
    adjs = re.findall(r"latest|current|previous|prior|preceding|same|year-earlier|year-ago|comparable|corresponding|recent|just|past|fiscal|first|second|third|fourth",
                      m.group().lower())
    unit = m.group("unit").lower()
    if any(a in ("first", "second", "third", "fourth") for a in adjs):
        return None
    yearago = any(a in ("year-earlier", "year-ago", "comparable", "corresponding") for a in adjs)
    if unit == "period" and not (yearago or "latest" in adjs or "same" in adjs):
        return None
    if ctx.dct is None:
        return _Res("DATE", "XXXX-QX", anchor="none")
    refq, a = ctx.focal_quarter(m.start())
    if yearago:
        if refq:
            return _Res("DATE", shift_units(refq, -1, "Y"), anchor=a, noref=True)
        v, a = ctx.ref(m.start(), max_sents=2)
        if v and parse_value(v)["gran"] in ("half", "month", "year"):
            return _Res("DATE", shift_units(v, -1, "Y"), anchor=a, noref=True)
        return _Res("DATE", shift_units(ctx.rel("quarter", -1), -1, "Y"), anchor="dct", noref=True)
    if unit == "period" and not refq and "latest" not in adjs:
        return None
    if det == "last" or "previous" in adjs or "prior" in adjs or "preceding" in adjs or "past" in adjs:
        return _Res("DATE", ctx.rel("quarter", -1), anchor="dct")
    if det == "next":
        return _Res("DATE", ctx.rel("quarter", 1), anchor="dct")
    if "current" in adjs or det == "this":
        return _Res("DATE", ctx.rel("quarter", 0), anchor="dct")
    if refq:
        return _Res("DATE", refq, anchor=a)
    return _Res("DATE", ctx.rel("quarter", -1), anchor="dct")


# --- seasons ---------------------------------------------------------------------------------
def _acc_season(m, text, ctx):
    s = m.group("s").lower()
    rel = (m.group("rel") or "").lower()
    if m.group("year") or (rel and rel != "the"):
        return m.span()
    if s in L.season_ambiguous:
        prev = ctx.prev_word(m.start())
        if rel == "the":
            if re.match(r"\s+of\s+(?!(?:19|20)\d\d)", text[m.end():m.end() + 12]):
                return None
            prev = ctx.prev_word(m.start("rel"))
            if prev not in ("in", "during", "since", "until", "by", "through", "this", "last", "next", "over",
                            "before", "after", "throughout", "for", "till"):
                return None
            return m.span()
        if prev not in ("in", "during", "since", "until", "by", "through", "this", "last", "next", "throughout", "till"):
            return None
    return m.span()


@rule("season", rf"{_B}(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|early|late|mid|the\s+early|the\s+late|the\s+mid)[\s-]+)?"
      rf"(?P<s>{SEASON}){_E}(?:\s+(?:of\s+)?(?P<year>{YEAR4}|{_SPOKEN_YEAR}(?![\w-])))?", prio=5, accept=_acc_season)
def _r_season(m, ctx):
    code = L.seasons[m.group("s").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    mod = None
    for w in ("early", "late", "mid"):
        if rel.endswith(w):
            mod = L.point_mods[w]
            rel = rel[: -len(w)].strip()
    if m.group("year"):
        ys = m.group("year")
        y = int(ys) if ys.isdigit() else _spoken_year_value(ys)
        if y is not None:
            return _Res("DATE", f"{y:04d}-{code}", mod=mod)
    if ctx.dct is None:
        return _Res("DATE", f"XXXX-{code}", mod=mod, anchor="none")
    d = ctx.dct
    cur_y = d.year if d.month >= 3 else d.year - 1  # winter of Y spans Dec Y - Feb Y+1
    cur_i = {12: 0, 1: 0, 2: 0}.get(d.month, 1 if d.month <= 5 else 2 if d.month <= 8 else 3)
    order = ["SP", "SU", "FA", "WI"]
    ci = order.index(["WI", "SP", "SU", "FA"][cur_i])
    si = order.index(code)
    if d.month == 12:
        cur_y = d.year
    pos_cur = cur_y * 4 + ci
    same_year = cur_y * 4 + si
    if rel in ("last", "this past"):
        p = same_year if same_year < pos_cur else same_year - 4
    elif rel in ("next", "this coming"):
        p = same_year if same_year > pos_cur else same_year + 4
    elif rel == "this":
        p = same_year
    else:
        t = ctx.tense(m.start(), m.end())
        if t < 0:
            p = same_year if same_year <= pos_cur else same_year - 4
        elif t > 0:
            p = same_year if same_year >= pos_cur else same_year + 4
        else:
            p = same_year
    return _Res("DATE", f"{p // 4:04d}-{order[p % 4]}", mod=mod, anchor="dct")


# --- weekdays --------------------------------------------------------------------------------
_WD_BAD_PREV = {"black", "bloody", "super", "good", "easter", "ash", "palm", "cyber", "holy", "maundy", "shrove",
                "fat", "blue", "manic", "whit", "low", "giving"}


def _acc_weekday(m, text, ctx):
    after = text[m.end():m.end() + 30]
    if re.match(rf"\s+(?-i:{L.re_name_follow}){_E}", after):
        return None
    prevm = re.search(r"(\w+)\s*$", text[max(0, m.start() - 20):m.start()])
    if prevm and prevm.group(1).lower() in _WD_BAD_PREV and prevm.group(1)[0].isupper():
        return None
    return m.span()


@rule("weekday", rf"{_B}(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous|the\s+following|the\s+next|that|the\s+same)\s+)?"
      rf"(?P<wd>{WD})(?P<pl>s)?(?![a-z])(?:(?:'s)?\s+(?P<pod>{PART}){_E})?", prio=5, accept=_acc_weekday)
def _r_weekday(m, ctx):
    wd = L.weekday(m.group("wd"))
    pod = L.parts.get(m.group("pod").lower()) if m.group("pod") else None
    if m.group("pl") or (m.group("pod") and m.group("pod").lower().endswith("s") and not m.group("rel")):
        # "Mondays", "Tuesday nights": a recurring day
        return _Res("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    anchor = "dct"
    base = None
    if rel in ("the previous", "the following", "the next", "that", "the same"):
        v, anchor = ctx.ref(m.start(), min_gran="day")
        base = value_start_date(v) if v else None
        if base is None:
            base = ctx.dct
    if ctx.dct is None and base is None:
        return _Res("DATE", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), anchor="none")
    if rel in ("last", "this past", "past", "the previous"):
        d = _weekday_date(ctx, wd, -2, base)
    elif rel in ("next", "the following", "the next"):
        d = _weekday_date(ctx, wd, 2, base)
    elif rel in ("this coming", "coming"):
        d = _weekday_date(ctx, wd, 1, base)
    elif rel in ("that", "the same"):
        d = _weekday_date(ctx, wd, 1, base)
    elif rel == "this":
        t = ctx.tense(m.start(), m.end())
        d = _weekday_date(ctx, wd, -1 if t < 0 else 1, base)
    else:
        t = ctx.tense(m.start(), m.end())
        if re.match(r"['’]s\s", ctx.text[m.end():m.end() + 3]) and not m.group("pod"):
            t = -1   # "Wednesday's ruling": an event already reported
        d = _weekday_date(ctx, wd, 1 if t > 0 else -1, base)
    v = date_to_value(d, "day")
    if pod:
        return _Res("TIME", f"{v}T{pod}", anchor=anchor)
    return _Res("DATE", v, anchor=anchor)


# --- deictic day words -------------------------------------------------------------------------
_DAYW = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
         "the day after tomorrow": 2, "overnight": 0}


# a capitalised word (not a sentence start), an acronym, or a name's possessive right before "Today"
_NAME_BEFORE = re.compile(r"(?:(?<=[a-z0-9,;] )[A-Z][\w.&-]*|(?<![\w.])[A-Z]{2,})(?:['’]s)?\s+$")


@rule("deictic_day", rf"{_B}(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|overnight)"
      rf"(?:\s+(?P<pod>{PART}))?{_E}"
      rf"|{_B}(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod2>{PART}){_E}", prio=6)
def _r_deictic_day(m, ctx):
    if m.group("w"):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if m.group("w") == "Today" and not m.group("pod") and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None  # "USA Today", "NBC's Today show": a title, not the day
        if w == "today" and not m.group("pod"):
            nxt = re.match(r"['’]s\s+([a-z]+)", ctx.text[m.end():m.end() + 30])
            if nxt and nxt.group(1) in L.generic_today_nouns:
                return None  # "today's world": the present era, left untagged
        off = _DAYW[w]
        pod = L.parts.get(m.group("pod").lower()) if m.group("pod") else None
        if w == "tonight":
            pod = pod or "NI"
        if w == "overnight":
            pod = "NI"
            if ctx.tense(m.start(), m.end()) < 0:
                off = -1
                # in a report on an earlier day ("Friday ... overnight losses"), the night before that day
                rv, ra = ctx.ref(m.start(), min_gran="day", max_sents=3)
                rd = value_start_date(rv) if rv and ra != "dct" else None
                if rd is not None and ctx.dct is not None and rd < ctx.dct:
                    v = date_to_value(rd - _dt.timedelta(days=1), "day")
                    return _Res("TIME", f"{v}TNI", anchor=ra)
    else:
        rel = m.group("rel").lower()
        pod = L.parts[m.group("pod2").lower()]
        off = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
        if rel == "last" and pod not in ("NI", "EV"):
            return None
    if ctx.dct is None:
        if off == 0 and not pod:
            return _Res("DATE", "PRESENT_REF", anchor="none")
        return _Res("DATE" if not pod else "TIME", "XXXX-XX-XX" + (f"T{pod}" if pod else ""), anchor="none")
    v = date_to_value(ctx.dct + _dt.timedelta(days=off), "day")
    if pod:
        if m.group("w") and m.group("w").lower() == "tonight" and not m.group("pod"):
            return _Res("TIME", f"{v}TNI", anchor="dct")
        return _Res("TIME", f"{v}T{pod}", anchor="dct")
    return _Res("DATE", v, anchor="dct")


@rule("pod_ref", rf"{_B}(?:in|by|during|until|since)\s+(?P<span>(?:the\s+)?(?:(?:early|late)\s+|mid[\s-]?)?(?P<pod>morning|afternoon|evening))(?![\w-])"
      rf"(?!\s+(?:of|after|before|hours|edition|editions|papers?|news|session|sessions|show|rush|prayers?|star|light)\b)",
      prio=7, accept=lambda m, text, ctx: m.span("span"))
def _r_pod_ref(m, ctx):
    # "Dealers bought in the morning", "By mid afternoon, ...": a part of the day under discussion
    pod = L.parts[m.group("pod").lower()]
    v, a = ctx.ref(m.start(), min_gran="day", max_sents=2)
    d = value_start_date(v) if v and a != "dct" else None
    if d is None:
        if ctx.dct is None:
            return _Res("TIME", f"XXXX-XX-XXT{pod}", anchor="none")
        d, a = ctx.dct, "dct"
    return _Res("TIME", f"{date_to_value(d, 'day')}T{pod}", anchor=a)


@rule("pod_day", rf"{_B}(?P<pod>{PART})\s+(?:(?P<dd>today|yesterday|tomorrow)|(?P<wd>{WD}))(?![\w-])", prio=7)
def _r_pod_day(m, ctx):
    pod = L.parts[m.group("pod").lower()]
    if m.group("dd"):
        if ctx.dct is None:
            return _Res("TIME", f"XXXX-XX-XXT{pod}", anchor="none")
        d = ctx.dct + _dt.timedelta(days=_DAYW[m.group("dd").lower()])
    else:
        t = ctx.tense(m.start(), m.end())
        d = _weekday_date(ctx, L.weekday(m.group("wd")), 1 if t > 0 else -1)
        if d is None:
            return _Res("TIME", f"XXXX-WXX-{L.weekday(m.group('wd'))}T{pod}", anchor="none")
    return _Res("TIME", f"{date_to_value(d, 'day')}T{pod}", anchor="dct")


# --- clock times -------------------------------------------------------------------------------
_DAYEXPR = rf"(?P<dwd>{WD})(?![a-z])|(?P<dday>today|tonight|yesterday|tomorrow){_E}|(?P<dmon>{MONTH})\s*(?P<dmd>{DAYNUM})(?:\s*,\s*(?P<dy>{YEAR4}))?"


@rule("time", rf"{_B}(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})"
      rf"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:{ZONE}|hours|hrs|local|GMT|UTC))"
      rf"|(?P<cw>{L.re_clock}){_E}"
      rf"|(?P<ho>\d{{1,2}}|{L.re_numword})\s+o['’]clock"
      rf"|(?P<hm>\d{{1,2}}|{L.re_numword})\s+in\s+the\s+(?P<pp>morning|afternoon|evening))"
      rf"(?:\s+(?P<zone>{ZONE}|local\s+time))?"
      rf"(?:\s*,?\s+(?:{_DAYEXPR}))?", prio=8)
def _r_time(m, ctx):
    if m.group("cw"):
        hm = L.clock_words[m.group("cw").lower()]
        hh, mi = map(int, hm.split(":"))
    elif m.group("h24") is not None:
        hh, mi = int(m.group("h24")), int(m.group("mi24"))
    else:
        hs = m.group("h") or m.group("ho") or m.group("hm")
        hh = int(hs) if hs.isdigit() else L.number(hs)
        if hh is None or not 0 <= hh <= 12:
            return None
        mi = int(m.group("mi")) if m.group("mi") else 0
        ap = (m.group("ap") or "").lower()
        pp = (m.group("pp") or "").lower()
        if ap.startswith("p") or pp in ("afternoon", "evening"):
            if hh < 12:
                hh += 12
        elif (ap.startswith("a") or pp == "morning") and hh == 12:
            hh = 0
    # the day
    day = None
    anchor = "dct"
    paren = _PAREN_DAY.match(ctx.text, m.end()) if not (m.group("dwd") or m.group("dday") or m.group("dmon")) else None
    if paren:
        # "10:35 a.m. (0735 GMT) Friday": the day named after a parenthetical gloss
        wd = L.weekday(paren.group("wd") or paren.group("wd2"))
        t = ctx.tense(m.start(), paren.end())
        day = _weekday_date(ctx, wd, 1 if t > 0 else -1)
    elif m.group("dwd"):
        wd = L.weekday(m.group("dwd"))
        t = ctx.tense(m.start(), m.end())
        if ctx.prev_word(m.start()) in ("until", "till", "by"):
            t = 1   # a deadline: "until 9 a.m. Tuesday"
        day = _weekday_date(ctx, wd, 1 if t > 0 else -1)
    elif m.group("dday"):
        w = m.group("dday").lower()
        day = ctx.dct + _dt.timedelta(days=_DAYW[w]) if ctx.dct else None
    elif m.group("dmon"):
        mon = L.month(m.group("dmon"))
        d = L.ordinal(m.group("dmd"))
        if m.group("dy"):
            y = int(m.group("dy"))
        else:
            y = _pick_year_md(ctx, mon, d, ctx.tense(m.start(), m.end())) if ctx.dct else None
        day = _safe_date(y, mon, d) if y else None
        if y is None:
            return _Res("TIME", f"XXXX-{mon:02d}-{d:02d}T{hh:02d}:{mi:02d}", anchor="none")
    else:
        # the last day mentioned in the sentence, else the DCT
        v, a = ctx.ref(m.start(), min_gran="day", max_sents=0)
        if v:
            day, anchor = value_start_date(v), a
        else:
            day = ctx.dct
    if day is None:
        return _Res("TIME", f"XXXX-XX-XXT{hh:02d}:{mi:02d}", anchor="none")
    return _Res("TIME", f"{date_to_value(day, 'day')}T{hh:02d}:{mi:02d}", anchor=anchor)


_PAREN_DAY = re.compile(rf"\s*\((?:[^()\n]{{1,30}}\)\s*,?\s*(?P<wd>{WD})(?![a-z])|[^()\n]{{0,30}}?(?P<wd2>{WD})\))")


def _acc_time(m, text, ctx):
    if m.group("cw") and re.search(r"(?i)\bhigh\s+$", text[max(0, m.start() - 6):m.start()]):
        return None
    if m.group("h") and not m.group("mi"):
        # "5 a.m." needs the a.m./p.m.; "I am" is not a time
        ap = m.group("ap")
        if ap.lower() in ("am",) and not re.match(r"\d", m.group("h")):
            return None
        if ap.lower() in ("am", "pm") and ap.islower() and text[m.start("ap") - 1] == " ":
            # "3 am" is fine only when followed by a non-letter
            pass
    return m.span()


RULES[-1].accept = _acc_time


# --- "two weeks ago", "a year earlier", "four days after ..." ----------------------------------
@rule("ago", rf"{_B}(?P<pre>(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|just|only|over|barely|at\s+least)\s+)?)"
      rf"(?P<num>{NUM}|{VAGUE})?(?:\s+|-)?(?:{QUAL}\s+)?(?P<unit>{UNIT})(?P<gap>\s+(?:or\s+so\s+)?)(?P<dir>ago|earlier|later|before|after|hence|from\s+now|back|previously|prior(?!\s+to)|on){_E}", prio=9)
def _r_ago(m, ctx):
    unit = L.unit(m.group("unit"))
    if unit is None:
        return None
    nums = m.group("num")
    d = m.group("dir").lower()
    plural = m.group("unit").lower() != unit
    if nums is None:
        if not plural:
            return None
        n = None
    else:
        n = _num(nums)
    pre = re.sub(r"\s+", " ", m.group("pre").strip().lower())
    mod = L.approx_mods.get(pre) if pre else None
    if d in ("before", "after", "on") or (d in ("earlier", "later") and (_followed_by_clause(m, ctx) or _short_later(m))):
        # "four days after X": the duration only
        if n is None and nums is None:
            return None
        return _Res("DURATION", _dur(n, unit), mod=mod)
    if n is None:
        if d in ("ago", "back", "earlier", "previously"):
            return _Res("DATE", "PAST_REF", mod=mod, anchor="dct")
        return _Res("DATE", "FUTURE_REF", mod=mod, anchor="dct")
    sign = 1 if d in ("later", "hence", "from now", "on") else -1
    gran = _unit_gran(unit)
    if gran in ("hour", "minute", "second"):
        gran = "day"
    if gran == "decade" or gran == "century" or gran == "millennium":
        gran = "year"
    amount = n * L.units[unit].get("factor", 1) if isinstance(n, (int, float)) else n
    if unit == "decade":
        amount, code = n * 10, "Y"
    elif unit == "century":
        amount, code = n * 100, "Y"
    elif unit == "weekend":
        amount, code = n, "W"
    else:
        code = _UNIT_CODE[unit]
    if code in ("H", "TM", "S"):
        amount, code = 0, "D"
    if isinstance(amount, float):
        if not amount.is_integer():
            return _Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
        amount = int(amount)
    dur = make_duration(amount, code)
    if d in ("ago", "back", "hence", "from now"):
        base = ctx.dctv(gran)
        anchor = "dct"
        if ctx.dct is None:
            return _Res("DATE", _XVAL[gran], mod=mod, anchor="none")
        # "a year ago" in a report on a quarter/month: the same period a year before
        if unit == "year" and n == 1:
            v, a = _period_ref(ctx, m.start())
            if v:
                base, anchor = v, a
    else:
        v, anchor = (None, "none")
        if unit == "year" and n == 1:
            v, anchor = _period_ref(ctx, m.start())
            if v is None:
                v, anchor = ctx.ref(m.start(), min_gran="month", max_sents=3)
                if v is None and ctx.dct is not None:
                    v, anchor = ctx.dctv("year"), "dct"
        else:
            v, anchor = ctx.ref(m.start())
        if v is None:
            return _Res("DATE", _XVAL[gran], mod=mod, anchor="none")
        p = parse_value(v)
        from dateline.extract.timex_values import GRANS
        if GRANS.index(p["gran"]) >= GRANS.index(gran) and not (unit == "year" and p["gran"] in ("quarter", "half", "month")):
            base = truncate(v, gran)
        else:
            base = v
    out = shift_value(base, dur, sign)
    if out is None:
        out = base
    return _Res("DATE", out, mod=mod, anchor=anchor, noref=(unit == "year" and n == 1 and anchor != "dct"))


_PERIOD_STEP = {"year": (1, "Y"), "half": (6, "M"), "quarter": (1, "Q"), "month": (1, "M"), "week": (1, "W"),
                "day": (1, "D")}


def _ended_year_before(ctx, v: str) -> bool:
    """True when the period ``v`` ended more than nine months before the DCT: a comparison
    period of a report ("the 1988 period", "last year"), not the one it is about."""
    p = parse_value(v)
    if not p or ctx.dct is None or p["gran"] not in _PERIOD_STEP:
        return False
    n, code = _PERIOD_STEP[p["gran"]]
    nxt = shift_units(v, n, code)
    end = value_start_date(nxt) if nxt else None
    return end is not None and (ctx.dct - end).days > 270


def _period_ref(ctx, pos):
    """An explicit quarter/half/month mentioned in the last few sentences (earnings-report style
    "from $5 million a year earlier" compares with the same period a year before); none when
    the sentence speaks of a span ("in the first nine months, ... a year earlier": the year)."""
    if ctx.duration_since(pos, ctx.sent_span(pos)[0]):
        return None, "none"
    for want, reach in (("quarter", 4), ("half", 3), ("month", 1)):
        if want == "quarter":
            v, a = ctx.focal_quarter(pos, max_sents=reach)
        else:
            v, a = ctx.ref(pos, want=want, max_sents=reach)
        if v and not _ended_year_before(ctx, v):
            return v, a
    return None, "none"


def _followed_by_clause(m, ctx) -> bool:
    nxt = ctx.text[m.end():m.end() + 20]
    return bool(re.match(r"\s+(?:than\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|[A-Z])", nxt))


def _short_later(m) -> bool:
    """ "three days later", "a few hours earlier": with a unit shorter than a month the duration
    alone is the timex (conventions.json); "a year earlier" stays an anaphoric point."""
    return (m.group("dir").lower() in ("earlier", "later") and m.group("num") is not None
            and L.unit(m.group("unit")) in L.short_later_units)


def _acc_ago(m, text, ctx):
    d = m.group("dir").lower()
    if d in ("before", "after", "on", "earlier", "later"):
        if _short_later(m):
            return m.start(), m.end("unit")
        if d in ("before", "after", "on") or _followed_by_clause(m, ctx):
            if d == "on" and not re.match(r"\s*[,.;]", text[m.end():m.end() + 3]):
                return None
            if d in ("before", "after") and re.match(r"[ \t]*(?:[,.;:)]|$)", text[m.end():m.end() + 3]):
                return m.span()  # "two days before." -> anaphoric date
            if m.group("num") is None:
                return None
            return m.start(), m.end("unit")
    return m.span()


RULES[-1].accept = _acc_ago


# --- durations -----------------------------------------------------------------------------
def _acc_duration(m, text, ctx):
    unit = L.unit(m.group("unit"))
    if unit is None:
        return None
    u = m.group("unit").lower()
    nums = (m.group("num") or "").lower()
    after = text[m.end():m.end() + 12]
    # ages: "a 45-year-old", "45 years old"
    if re.match(r"[\s-]+old\b", after):
        return None
    if unit == "second" and u == "second" and nums in ("a", "one", "the"):
        return None
    if unit in ("second",) and not re.match(r"\d|[a-z]+-", nums) and u == "second":
        return None
    if nums in ("a", "an") and m.group("the"):
        return None
    if nums in ("a", "an", "per") and _RATE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None   # a rate of an amount: "$5 million a year", "700 seats a week"

    if unit == "quarter" and (re.match(r"\s+of\b", after) or "-" in m.group("sep")
                              and not re.match(r"\s+(?:period|term|span|stretch|run|low|high|decline|drop|rise|gain|loss|profit)", after)):
        return None   # "three-quarters of", "more than a quarter of": fractions
    return m.span()


_RATE_BEFORE = re.compile(rf"(?:\d%?|%|(?<![\w-])(?:{L.re_numword}|{L.re_amount}))(?:\s+[A-Za-z-]+)?\s+$", re.I)


@rule("duration", rf"{_B}(?P<the>(?:the|these|those|its|their|his|her|our)\s+(?:(?P<adj>past|last|next|first|final|previous|coming|following|latest|ensuing|initial|remaining|preceding|prior|same|intervening|subsequent|better\s+part\s+of\s+the|entire|whole|full|last\s+several|past\s+several)\s+)?)?"
      rf"(?:(?P<num0>{NUMD}|{L.re_numword})(?:\s*(?:to|or|–)\s*|-(?=\d)))?"
      rf"(?P<num>{NUM}|{VAGUE})(?P<sep>\s+|-)(?:(?:{QUAL})[\s-]+)?(?P<unit>{UNIT})(?![\w’])(?P<long>-long)?(?P<half>\s+and\s+a\s+half)?", prio=4, accept=_acc_duration)
def _r_duration(m, ctx):
    unit = L.unit(m.group("unit"))
    nums = m.group("num")
    n = _num(nums)
    mod = None
    if m.group("num0") is not None:
        n0 = _num(m.group("num0"))
        if n0 is None or n is None or n0 >= n:
            return None
        n = n0
    if m.group("half") and n is not None:
        n = n + 0.5
    low = re.sub(r"\s+", " ", nums.lower())
    if low in ("a couple of", "a couple", "couple of"):
        mod = "APPROX"
    if n is None and low not in [v.lower() for v in L.vague] and low not in L.articles:
        return None
    if low in ("some",) and not m.group("unit").lower().endswith("s"):
        return None
    if low in ("a", "an") and m.group("long"):
        return None  # "a day-long meeting": the article belongs to the noun (rule unit_long)
    if low in ("a", "an") and m.group("unit").lower() != unit \
            and m.group("unit").lower().endswith("s"):
        return None  # "a years-long slump": the article belongs to the noun
    if n is not None and n > 10000:
        return None
    return _Res("DURATION", _dur(n, unit), mod=mod)


@rule("unit_long", rf"{_B}(?P<unit>{UNIT})-long{_E}", prio=3)
def _r_unit_long(m, ctx):
    """"a day-long meeting" (P1D), "a decades-long battle" (PXY)."""
    unit = L.unit(m.group("unit"))
    if unit not in _UNIT_CODE:
        return None
    plural = m.group("unit").lower() != unit and m.group("unit").lower().endswith("s")
    return _Res("DURATION", _dur(None if plural else 1, unit))


@rule("duration_vague", rf"{_B}(?P<pre>(?:for|in|over|within|after|take|takes|took|taking|lasting|spent|spend|spending)\s+(?:the\s+(?P<adj>past|last|next|coming|previous|following)\s+)?)"
      rf"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries){_E}(?!\s+(?:ago|of\s+\w+ing|earlier|later|old))", prio=2,
      accept=lambda m, text, ctx: (m.start("unit") if not m.group("adj") else m.start("adj") - 4, m.end()))
def _r_duration_vague(m, ctx):
    return _Res("DURATION", _dur(None, L.unit(m.group("unit"))))


@rule("recent_units", rf"{_B}(?:(?P<the>the)\s+)?(?P<adj>recent|coming|past\s+few|next\s+few|last\s+few|upcoming|ensuing|intervening|following)\s+(?P<unit>days|weeks|months|years|decades|quarters|hours){_E}", prio=3)
def _r_recent_units(m, ctx):
    adj = m.group("adj").lower()
    unit = L.unit(m.group("unit"))
    return _Res("DURATION", _dur(None, unit))


# --- DCT-relative and anaphoric units ----------------------------------------------------------
_REL_OFF = {"this": 0, "the current": 0, "the present": 0, "current": 0, "last": -1, "the past": -1, "this past": -1,
            "past": -1, "the last": -1, "next": 1, "the coming": 1, "this coming": 1, "coming": 1, "the new": 0,
            "the latest": -1, "the most recent": -1, "the upcoming": 1}
_ANA_OFF = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1, "the preceding": -1,
            "that": 0, "the same": 0, "later that": 0, "earlier that": 0, "that same": 0, "the very same": 0}


@rule("rel_unit", rf"{_B}(?P<rel>this\s+past|this\s+coming|the\s+current|the\s+present|the\s+past|the\s+last|the\s+coming|the\s+new|the\s+latest|the\s+most\s+recent|the\s+upcoming|"
      rf"the\s+next|the\s+following|the\s+previous|the\s+prior|the\s+preceding|that\s+same|the\s+very\s+same|the\s+same|later\s+that|earlier\s+that|"
      rf"this|last|next|that|past|coming|current|the)\s+(?:(?:fiscal|calendar|financial|school|academic|model|budget)\s+)?"
      rf"(?P<unit>week|weekend|month|year|day|morning|afternoon|evening|night){_E}(?!-)(?!\s+(?:old|earlier|ago|later)\b)", prio=6)
def _r_rel_unit(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    raw = m.group()
    if raw[0].isupper() and m.group("unit")[0].isupper():
        ss, _ = ctx.sent_span(m.start())
        if ctx.text[ss:m.start()].strip(" \"'“‘") or ctx.text[m.start() - 1:m.start()] in "\"“'‘":
            return None  # a Title Case name mid-sentence ("This Week")
    is_pod = unit in ("morning", "afternoon", "evening", "night")
    if rel == "the":
        if unit == "weekend":
            return _weekend(ctx, m, 0)
        return None
    if rel in _ANA_OFF:
        off = _ANA_OFF[rel]
        gran = "day" if (unit == "day" or is_pod) else ("week" if unit == "weekend" else unit)
        v, anchor = ctx.ref(m.start(), min_gran=gran if gran != "week" else "week")
        if rel in ("that", "that same", "the very same") and unit == "day" and anchor == "dct":
            return None   # "trades made that day": no day to refer back to (a generic day)
        if v is None:
            if ctx.dct is None:
                return _Res("DATE", _XVAL[gran], anchor="none")
            v, anchor = date_to_value(ctx.dct, "day"), "dct"
        if rel == "the next" and unit in ("year", "month", "week") and _after_prep(ctx, m.start(), ("over", "in", "during", "within", "for", "throughout")):
            return _Res("DURATION", _dur(1, unit))
        base = truncate(v, gran)
        out = shift_units(base, off, _GRAN_UNIT[gran]) if off else base
        if out is None:
            return None
        mod = "START" if rel == "earlier that" else ("END" if rel == "later that" else None)
        if unit == "weekend":
            out = out.split("-WE")[0] + "-WE"
        if is_pod:
            return _Res("TIME", f"{out}T{L.parts[unit]}", mod=mod, anchor=anchor)
        return _Res("DATE", out, mod=mod, anchor=anchor)
    if rel not in _REL_OFF:
        return None
    off = _REL_OFF[rel]
    if unit in ("day",) or is_pod:
        return None
    if unit == "weekend":
        return _weekend(ctx, m, off)
    if rel == "last" and unit == "year" and ctx.dct is not None and not re.match(r"['’]s\b", ctx.text[m.end():m.end() + 2]):
        # "compared with $3 million last year" in a report on a quarter: that quarter a year before
        before = ctx.text[max(0, m.start() - 90):m.start()]
        if _COMPARED_AMOUNT.search(before):
            v, a = _period_ref(ctx, m.start())
            if v and parse_value(v)["gran"] == "quarter":
                return _Res("DATE", shift_units(v, -1, "Y"), anchor=a, noref=True)
    if rel in ("the past", "the last") and _after_prep(ctx, m.start(), ("over", "during", "for", "throughout", "within", "in")) and unit != "year":
        return _Res("DURATION", _dur(1, unit))
    if rel in ("the coming", "coming") and _after_prep(ctx, m.start(), ("over", "during", "for", "throughout", "within", "in")):
        return _Res("DURATION", _dur(1, unit))
    return _Res("DATE", ctx.rel(unit, off), anchor="dct" if ctx.dct else "none")


# "compared with $3 million last year", "from a loss of $2.1 million, or 5 cents a share, last year":
# only right after a compared amount is "last year" the report's period a year before (conventions.json)
_COMPARED_AMOUNT = re.compile(
    r"(?:\bcompared\s+with|\bfrom|\bversus|\bvs\.)\s+(?:(?:a|an)\s+)?(?:[a-z-]+\s+){0,3}?(?:of\s+)?"
    r"(?:[A-Z]{0,2}[$#£€]\s?)\d[\d,.]*(?:\s+(?:million|billion))?(?:,\s+or\s+[^,.;]{1,30}?\s+a\s+share,?)?\s+$")


def _after_prep(ctx, pos, preps) -> bool:
    return ctx.prev_word(pos) in preps


def _weekend(ctx, m, off) -> _Res:
    if ctx.dct is None:
        return _Res("DATE", "XXXX-WXX-WE", anchor="none")
    wd = ctx.dct.isoweekday()
    if off == 0:
        t = ctx.tense(m.start(), m.end())
        if wd >= 6:
            week = ctx.rel("week", 0)
        elif t > 0:
            week = ctx.rel("week", 0)
        else:
            week = ctx.rel("week", -1)
    else:
        week = ctx.rel("week", off)
    return _Res("DATE", f"{week}-WE", anchor="dct")


# "the end of the year", "early next year", "earlier this month", "end-of-year", "year-end"
_MODP = r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|early\s+part|first\s+part|last\s+part|tail\s+end|remainder|rest|balance|dawn)\s+of|early|late|mid|earlier|later|middle)"


@rule("mod_unit", rf"{_B}(?P<mod>{_MODP})[\s-]+(?P<rel>this|last|next|the|that)\s+(?:(?:fiscal|calendar|current)\s+)?(?P<unit>week|month|year|quarter|decade|century|day){_E}"
      rf"|{_B}(?P<u1>year|month|week|quarter|decade)(?:-end|\s+end|['’]s\s+end){_E}"
      rf"|{_B}end[\s-]of[\s-](?:the[\s-])?(?P<u2>year|month|week|quarter|decade|day){_E}"
      rf"|{_B}(?P<u3>mid-?(?:year|month|week|decade|century)){_E}", prio=7)
def _r_mod_unit(m, ctx):
    if m.group("mod"):
        modw = re.sub(r"\s+", " ", m.group("mod").lower())
        modw = re.sub(r"^the |very ", "", modw)
        rel = m.group("rel").lower()
        unit = m.group("unit").lower()
        if modw in ("rest of", "remainder of", "balance of"):
            return None
        key = modw if modw in L.point_mods else ("the " + modw if "the " + modw in L.point_mods else modw.replace(" of", ""))
        mod = L.point_mods.get(key) or L.point_mods.get(modw.replace(" of", ""))
        if unit == "day":
            if rel in ("that", "the"):
                v, anchor = ctx.ref(m.start(), min_gran="day")
                if v is None:
                    return _Res("DATE", "XXXX-XX-XX", mod=mod, anchor="none")
                return _Res("DATE", truncate(v, "day"), mod=mod, anchor=anchor)
            return None
        if rel == "that":
            v, anchor = ctx.ref(m.start(), min_gran=unit)
            if v is None:
                return _Res("DATE", _XVAL[unit], mod=mod, anchor="none")
            val = truncate(v, unit)
        else:
            off = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
            val, anchor = ctx.rel(unit, off), "dct"
        if modw in ("first half of", "second half of") and unit == "year" and not val.startswith("X"):
            return _Res("DATE", f"{val}-H{1 if modw.startswith('first') else 2}", anchor=anchor)
        return _Res("DATE", val, mod=mod, anchor=anchor)
    if m.group("u3"):
        unit = m.group("u3").lower().replace("mid", "").lstrip("-")
        return _Res("DATE", ctx.rel(unit, 0), mod="MID", anchor="dct")
    unit = (m.group("u1") or m.group("u2")).lower()
    if unit == "day":
        return _Res("DATE", ctx.dctv("day"), mod="END", anchor="dct")
    return _Res("DATE", ctx.rel(unit, 0), mod="END", anchor="dct")


@rule("year_ago_adj", rf"{_B}(?P<det>the\s+|a\s+)?(?P<w>year-(?:earlier|ago)|year\s+earlier|prior-year|year-before)(?=\s+[a-z])(?!\s+(?:than|to)\b)"
      rf"(?P<noun>\s+(?:period|quarter|month|months))?", prio=3)
def _r_year_ago_adj(m, ctx):
    if m.group("noun") and m.group("noun").strip().lower() == "months":
        return None
    # "in the year-ago quarter. The year-ago results ...": the year-ago period just named
    si = ctx.sent_index(m.start())
    for tx, _ in reversed(ctx.done):
        if tx.start >= m.start():
            continue
        if ctx.sent_index(tx.start) < si - 1:
            break
        pv = parse_value(tx.value) if tx.type == "DATE" else None
        if pv and pv["gran"] in ("quarter", "half") and _ended_year_before(ctx, tx.value):
            return _Res("DATE", tx.value, anchor=tx.id, noref=True)
        break
    v, a = ctx.ref(m.start(), max_sents=3)
    p = parse_value(v) if v else None
    if p and p["gran"] in ("quarter", "half", "month", "year") and a != "dct":
        if _ended_year_before(ctx, v):
            return _Res("DATE", v, anchor=a, noref=True)   # already the year-ago period
        return _Res("DATE", shift_units(v, -1, "Y"), anchor=a, noref=True)
    if ctx.dct is None:
        return _Res("DATE", "XXXX", anchor="none")
    return _Res("DATE", ctx.rel("year", -1), anchor="dct", noref=True)


def _acc_year_ago(m, text, ctx):
    if m.group("noun") and m.group("det"):
        return m.span()
    return m.span("w")


RULES[-1].accept = _acc_year_ago


# --- the day before / after, a day later ------------------------------------------------------
@rule("day_before", rf"{_B}the\s+(?P<u>day|night|week|month|year)\s+(?P<d>before|after|earlier|later)(?![\w-])(?!\s+(?:yesterday|tomorrow))", prio=7)
def _r_day_before(m, ctx):
    u = m.group("u").lower()
    d = m.group("d").lower()
    sign = -1 if d in ("before", "earlier") else 1
    gran = "day" if u in ("day", "night") else u
    v, anchor = ctx.ref(m.start(), min_gran=gran)
    if v is None:
        return _Res("DATE", _XVAL[gran], anchor="none")
    out = shift_units(truncate(v, gran), sign, _GRAN_UNIT[gran])
    if out is None:
        return None
    if u == "night":
        return _Res("TIME", out + "TNI", anchor=anchor)
    return _Res("DATE", out, anchor=anchor)


def _acc_day_before(m, text, ctx):
    # "the day before the vote": the day is anchored on an event; keep "the day before" as a date only
    # at the end of a clause
    if re.match(r"\s*[,.;:)\"”]|\s*$", text[m.end():m.end() + 3]):
        return m.span()
    return None


RULES[-1].accept = _acc_day_before


# --- holidays --------------------------------------------------------------------------------
@rule("holiday", rf"{_B}(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<h>(?-i:{L.re_holiday})){_E}(?:\s+(?P<unit>week|weekend){_E})?(?:\s*,?\s*(?P<year>{YEAR4}))?", prio=8)
def _r_holiday(m, ctx):
    name = re.sub(r"\s+", " ", m.group("h"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    unit = (m.group("unit") or "").lower()

    def value(d: _dt.date) -> str:  # "Easter week": the week (or weekend) the holiday falls in
        if not unit:
            return date_to_value(d, "day")
        return date_to_value(d, "week") + ("-WE" if unit == "weekend" else "")

    if m.group("year"):
        d = _holiday_date(name, int(m.group("year")))
        return _Res("DATE", value(d)) if d else None
    if ctx.dct is None:
        if unit:
            return _Res("DATE", "XXXX-WXX" + ("-WE" if unit == "weekend" else ""), anchor="none")
        if name in L.hol_fixed:
            return _Res("DATE", "XXXX-" + L.hol_fixed[name], anchor="none")
        return _Res("DATE", "XXXX-XX-XX", anchor="none")
    cands = [d for d in (_holiday_date(name, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)) if d]
    if not cands:
        return None
    dct = ctx.dct
    if unit:  # a week that has begun is not in the future: compare the holiday with the end of this week
        dct = dct + _dt.timedelta(days=6 - dct.weekday())
    if rel in ("last", "this past"):
        pick = max((d for d in cands if d < dct), default=cands[0])
    elif rel in ("next", "this coming"):
        pick = min((d for d in cands if d > dct), default=cands[-1])
    else:
        t = ctx.tense(m.start(), m.end())
        if t < 0:
            pick = max((d for d in cands if d <= dct), default=cands[0])
        elif t > 0:
            pick = min((d for d in cands if d >= dct), default=cands[-1])
        else:
            pick = min(cands, key=lambda d: abs((d - dct).days))
    return _Res("DATE", value(pick), anchor="dct")


# --- sets ------------------------------------------------------------------------------------
@rule("set_every", rf"{_B}(?P<q>every|each)\s+(?:(?P<other>other|single|second)\s+)?(?:(?P<num>{NUM}|few|couple\s+of)\s+)?"
      rf"(?:(?P<unit>{UNIT})|(?P<wd>{WD})|(?P<mon>{MONTH})|(?P<s>{SEASON})|(?P<pod>{PART})){_E}", prio=7)
def _r_set_every(m, ctx):
    if m.group("unit"):
        unit = L.unit(m.group("unit"))
        n = _num(m.group("num")) if m.group("num") else 1
        if m.group("num") and n is None:
            n = None
        if m.group("other") and m.group("other").lower() in ("other", "second"):
            n = 2
        if unit == "weekend":
            return _Res("SET", "XXXX-WXX-WE")
        return _Res("SET", _dur(n, unit))
    if m.group("num"):
        return None
    if m.group("wd"):
        return _Res("SET", f"XXXX-WXX-{L.weekday(m.group('wd'))}")
    if m.group("mon"):
        return _Res("SET", f"XXXX-{L.month(m.group('mon')):02d}")
    if m.group("s"):
        return _Res("SET", f"XXXX-{L.seasons[m.group('s').lower()]}")
    return _Res("SET", f"XXXX-XX-XXT{L.parts[m.group('pod').lower()]}")


_EVERY_LIST = re.compile(rf"\b(?:every|each)\s+{WD}(?:\s*,\s*{WD})*\s*,?\s*(?:(?:and|or)\s+)?$", re.I)


@rule("set_every_list", rf"(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)(?P<span>{WD}){_E}", prio=7,
      accept=lambda m, text, ctx: m.span("span") if _EVERY_LIST.search(text, max(0, m.start("span") - 80),
                                                                     m.start("span")) else None)
def _r_set_every_list(m, ctx):
    """'every Monday and Thursday', 'each Monday, Wednesday and Friday': the listed days are a set too."""
    return _Res("SET", f"XXXX-WXX-{L.weekday(m.group('span'))}")


@rule("set_rate", rf"{_B}(?:{L.re_rate_head})\s+(?P<span>(?:a|an|per)\s+(?P<unit>{UNIT}))(?![\w-])(?!\s+(?:ago|earlier|later|after|before|old|or)\b)",
      prio=8, accept=lambda m, text, ctx: m.span("span"))
def _r_set_rate(m, ctx):
    u = m.group("unit")
    unit = L.unit(u)
    if unit is None or u.lower() != unit:
        return None
    return _Res("SET", _dur(1, unit))


@rule("set_freq", rf"{_B}(?P<w>{L.re_freq}){_E}", prio=5)
def _r_set_freq(m, ctx):
    w = m.group("w").lower()
    nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end():m.end() + 20])
    prev = ctx.prev_word(m.start())
    if w in ("quarterly", "monthly", "annually", "yearly", "weekly") and nxt and prev in ("a", "an", "the", "its", "their", "his", "her", "our", "first", "initial", "regular", "average") :
        return None  # adjective: "its quarterly dividend"
    if w == "daily" and prev == "average":
        return None
    if w in L.freq_untagged_prenominal and nxt and nxt.group(1) not in _FREQ_ADVERB_NEXT:
        return None  # "quarterly dividend", "monthly payments": a reporting-period adjective
    if w in L.freq_untagged_after_amount and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "rise 8% annually", "10,000 units annually": the rate of an amount
    return _Res("SET", L.freq_adverbs[w])


# words after a frequency word that show it is an adverb ("adjusted quarterly and ..."), not an adjective
_FREQ_ADVERB_NEXT = {"and", "or", "but", "to", "in", "for", "by", "on", "at", "from", "since", "through", "until",
                     "with", "as", "the", "a", "an", "if", "when", "while", "because", "so", "than", "thereafter",
                     "instead", "rather", "is", "are", "was", "were", "will", "would", "after", "before"}


# --- vague references ------------------------------------------------------------------------
def _acc_ref(m, text, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w in L.refs_ctx and w not in L.refs:
        lefts = L.refs_ctx[w]
        before = re.sub(r"\s+", " ", text[max(0, m.start() - 30):m.start()].lower())
        if not any(before.rstrip().endswith(lc) for lc, _ in lefts):
            return None
    if w == "now":
        after = text[m.end():m.end() + 2]
        if after.startswith("-"):
            return None
    if w == "soon":
        if re.search(r"(?i)\bas\s+$", text[max(0, m.start() - 4):m.start()]) or \
                re.match(r"\s+(?:after|before|thereafter|afterwards?)\b", text[m.end():m.end() + 14]):
            return None
        if L.soon_past_untagged and _SOON_PAST.search(text, max(0, m.start() - 12), min(len(text), m.end() + 16)):
            return None  # "he was soon released": soon after a past event, not a FUTURE_REF
    return m.span()


_SOON_PAST = re.compile(r"(?i)(?<![\w-])(?:was|were|had|that)\s+soon\s+(?:[a-z]+ed|became|began|came|went|grew|fell|rose|found|gave|made|took|left|got|saw|became)(?![\w-])")


@rule("ref", rf"{_B}(?P<w>{L.re_refs}){_E}", prio=2, accept=_acc_ref)
def _r_ref(m, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    kind = L.refs.get(w)
    if w in L.refs_ctx:
        before = re.sub(r"\s+", " ", ctx.text[max(0, m.start() - 30):m.start()].lower()).rstrip()
        for lc, k in L.refs_ctx[w]:
            if before.endswith(lc):
                kind = k
                break
    if kind is None:
        return None
    return _Res("DATE", kind, anchor="dct" if ctx.dct else "none")


_REF_ADJ_BAD_NEXT = {"account", "accounts", "affairs", "events", "account's", "dollars", "prices", "price",
                     "law", "laws", "rules", "regime", "system", "policy", "policies", "leadership",
                     "president", "government", "administration", "chairman", "members", "owner", "owners",
                     "version", "level", "levels", "rate", "rates", "generation", "generations", "issue", "issues",
                     "edition", "contract", "contracts", "management", "market", "status", "form", "situation",
                     "crisis", "conflict", "talks", "round", "state", "model", "plan", "plans", "setup", "trend"}


# adjectives tagged on their own ("current market conditions"); "recent" and "future" are mostly
# left untagged in TimeBank/AQUAINT (conventions.json)
_REF_ADJ_TAGGED = [w for w in ("current", "recent") if w in L.ref_adjectives]


@rule("ref_adj", rf"{_B}(?P<w>{alt(_REF_ADJ_TAGGED)})(?=\s+[a-z])", prio=1)
def _r_ref_adj(m, ctx):
    nxt = re.match(r"\s+([a-z'-]+)", ctx.text[m.end():m.end() + 30])
    if nxt and nxt.group(1) in _REF_ADJ_BAD_NEXT and m.group("w").lower() == "current":
        return None
    return _Res("DATE", L.ref_adjectives[m.group("w").lower()], anchor="dct" if ctx.dct else "none")


# ---------------------------------------------------------------------------------------------
# modifiers that extend a resolved timex
# ---------------------------------------------------------------------------------------------
_POINT_PREFIX = re.compile(
    r"(?:(?P<ph>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|latter\s+part|early\s+part|first\s+part|last\s+part|tail\s+end|dawn|height)\s+of)"
    r"|(?P<w>early|late|mid|middle|earlier|later|around|about|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after|just\s+before))"
    r"(?P<sep>[\s-]+)$", re.I)
_MID_HYPHEN = re.compile(r"(?<![\w-])(?P<w>mid|late|early)-$", re.I)
_APPROX_PREFIX = re.compile(rf"(?<![\w-])(?P<w>{L.re_approx})\s+$", re.I)
_APPROX_SUFFIX = re.compile(rf"\s+(?P<w>{L.re_approx_suffix})(?![\w-])", re.I)


_DAY_BEFORE_DATE = re.compile(r"(?<![\w-])(?:the\s+)?day\s+(?P<d>before|after)\s+$", re.I)
_WEEK_OF = re.compile(r"(?<![\w-])(?:the\s+)?week\s+of\s+$", re.I)


def _extend(tx: Timex, text: str, prev_end: int) -> None:
    """Attach preceding modifiers ("early", "the end of", "about", "more than") and "or so"."""
    lo = max(prev_end, tx.start - 40)
    before = text[lo:tx.start]
    wk = _WEEK_OF.search(before) if tx.type == "DATE" else None
    if wk and (parse_value(tx.value) or {}).get("gran") == "day" and not tx.mod:
        d = value_start_date(tx.value)
        if d is not None:  # "the week of March 6": the week that day falls in
            tx.start = lo + wk.start()
            tx.value = date_to_value(d, "week")
            tx.text = text[tx.start:tx.end]
            return
    db = _DAY_BEFORE_DATE.search(before) if tx.type == "DATE" else None
    if db and (parse_value(tx.value) or {}).get("gran") == "day" and not tx.mod:
        v = shift_units(tx.value, -1 if db.group("d").lower() == "before" else 1, "D")
        if v:  # "the day before last Tuesday", "the day after Christmas"
            tx.start = lo + db.start()
            tx.value = v
            tx.text = text[tx.start:tx.end]
            return
    if tx.type in ("DATE", "TIME"):
        m = _MID_HYPHEN.search(before) or _POINT_PREFIX.search(before)
        if m:
            w = re.sub(r"\s+", " ", (m.groupdict().get("ph") or m.group("w")).lower())
            ok = True
            low = tx.text.lower()
            if w in ("earlier", "later") and not re.match(r"(?:this|that|today|tonight|yesterday|tomorrow|in|last|next)\b", low) \
                    and not L.weekday(tx.text.split()[0]):
                ok = False
            if w in ("around", "about", "approximately", "roughly", "shortly after", "shortly before", "just after", "just before"):
                ok = tx.type == "TIME" or (parse_value(tx.value) or {}).get("gran") == "day"
                mod = "APPROX" if w in ("around", "about", "approximately", "roughly") else ("AFTER" if "after" in w else "BEFORE")
            else:
                key = w if w in L.point_mods else ("the " + w if "the " + w in L.point_mods else w)
                mod = L.point_mods.get(key) or L.point_mods.get(w.replace("the ", "")) or \
                    ("START" if w.startswith(("earl", "the beginning", "beginning", "the start", "start", "the dawn", "dawn", "the turn", "turn", "the early", "the first"))
                     else "END" if ("end" in w or "late" in w or "close" in w or "last part" in w) else "MID")
            if tx.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or tx.mod:
                ok = False
            if ok:
                tx.start = lo + m.start()
                tx.mod = mod
    elif tx.type == "DURATION":
        m = _APPROX_PREFIX.search(before)
        if m and not re.match(r"(?i)(?:the|these|those)\b", tx.text):
            tx.start = lo + m.start()
            tx.mod = L.approx_mods.get(re.sub(r"\s+", " ", m.group("w").lower()), tx.mod)
        ms = _APPROX_SUFFIX.match(text, tx.end)
        if ms:
            tx.end = ms.end()
            tx.mod = tx.mod or L.approx_suffix.get(re.sub(r"\s+", " ", ms.group("w").lower()))
    tx.text = text[tx.start:tx.end]


# ---------------------------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------------------------
# Prefilter. Each rule only runs inside windows around the tokens that can anchor it (a month
# name, a unit word, a year-like number ...), found with one cheap tokenising pass.
_WIN = 50
# (left, right) reach of the window around a trigger token, per class
_WIN_BY_CLASS = {"UNIT": (40, 25), "TIME": (12, 45), "MONTH": (30, 25), "YEAR": (30, 25), "WD": (25, 25),
                 "PART": (30, 25), "REF": (30, 8), "REFADJ": (5, 20), "FREQ": (5, 15), "DEIXIS": (25, 25)}


def _last_word(phrase: str) -> str:
    return re.findall(r"[a-z]+", phrase.lower())[-1]


def _build_token_classes() -> dict[str, set[str]]:
    tc: dict[str, set[str]] = {}

    def add(words, cls):
        for w in words:
            for t in re.findall(r"[a-z]+", w.lower()):
                tc.setdefault(t, set()).add(cls)

    add(L.months, "MONTH")
    add(list(L.weekday_full) + [w + "s" for w in L.weekday_full], "WD")
    add(list(L.unit_forms) + ["annum", "period", "half"], "UNIT")
    add(list(L.parts) + list(L.clock_words) + ["clock"], "PART")
    add(["today", "tonight", "yesterday", "tomorrow", "overnight"], "DEIXIS")
    add([_last_word(p) for p in list(L.refs) + list(L.refs_ctx)], "REF")
    add(_REF_ADJ_TAGGED, "REFADJ")
    add(L.freq_adverbs, "FREQ")
    add([_last_word(h) for h in L.holidays], "HOL")
    add(L.seasons, "SEASON")
    add(list(L.decade_words), "DECADE")
    add(["nineteen", "eighteen", "seventeen", "thousand"], "SPOKEN")
    add(["q"], "Q")
    return tc


_TOKEN_CLASSES = _build_token_classes()
# one pass finds only the tokens that can trigger a rule: number tokens and the class words
_TRIGGER = re.compile(r"\d+(?:[:/.,-]\d+)*(?:['’]?s\b|st\b|nd\b|rd\b|th\b)?"
                      rf"|(?<![A-Za-z]){alt(_TOKEN_CLASSES)}(?![A-Za-z])", re.I)
_AMPM_AFTER = re.compile(r"\s*(?:[ap]\.?\s?m\b|[AP]M\b|o['’]clock|in\s+the\s+(?:morning|afternoon|evening))", re.I)

_RULE_CLASSES = {
    "date_mdy": {"MONTH"}, "date_dmy": {"MONTH"}, "date_md_coord": {"MONTH"}, "month_year": {"MONTH"}, "month": {"MONTH"},
    "date_numeric": {"NUMDATE"}, "year": {"YEAR"}, "year_prefix": {"YEAR"}, "year_period": {"YEAR"}, "the_year": {"UNIT"},
    "spoken_year": {"SPOKEN", "DECADE"}, "decade": {"YEAR", "DECADE"}, "century": {"UNIT"},
    "quarter": {"UNIT", "Q"}, "quarter_rel": {"UNIT"}, "half_of_year": {"UNIT"}, "season": {"SEASON"}, "weekday": {"WD"},
    "deictic_day": {"DEIXIS", "PART"}, "pod_day": {"PART"}, "pod_ref": {"PART"}, "time": {"TIME", "PART"},
    "ago": {"UNIT"}, "duration": {"UNIT"}, "duration_vague": {"UNIT"}, "unit_long": {"UNIT"}, "recent_units": {"UNIT"},
    "rel_unit": {"UNIT", "PART"}, "mod_unit": {"UNIT"}, "year_ago_adj": {"UNIT"}, "day_before": {"UNIT"},
    "holiday": {"HOL"}, "set_every": {"UNIT", "WD", "MONTH", "SEASON", "PART"}, "set_every_list": {"WD"}, "set_rate": {"UNIT"},
    "set_freq": {"FREQ"}, "ref": {"REF"}, "ref_adj": {"REFADJ"},
}


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged text windows around the tokens of each trigger class."""
    n = len(text)
    spans: dict[str, list[list[int]]] = {}
    for m in _TRIGGER.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            classes = set()
            digits = re.match(r"\d+", tok).group()
            if len(digits) == 4 and 1000 <= int(digits) <= 2099:
                classes.add("YEAR")
            elif len(digits) == 2 and tok.endswith("s"):
                classes.add("DECADE")
            if re.search(r"\d[/-]\d", tok):
                classes.add("NUMDATE")
            if ":" in tok or "." in tok or _AMPM_AFTER.match(text, m.end()):
                classes.add("TIME")
            if not classes:
                continue
        else:
            classes = _TOKEN_CLASSES.get(tok.lower())
            if not classes:
                continue
        for c in classes:
            lw, rw = _WIN_BY_CLASS.get(c, (_WIN, _WIN))
            s = max(0, m.start() - lw)
            e = min(n, m.end() + rw)
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            while e < n and not text[e].isspace():
                e += 1
            lst = spans.setdefault(c, [])
            if lst and s <= lst[-1][1]:
                if e > lst[-1][1]:
                    lst[-1][1] = e
            else:
                lst.append([s, e])
    return {c: [(a, b) for a, b in v] for c, v in spans.items()}


def _rule_windows(wins: dict[str, list[tuple[int, int]]], classes: set[str]) -> list[tuple[int, int]]:
    if len(classes) == 1:
        return wins.get(next(iter(classes)), [])
    allw = sorted(w for c in classes for w in wins.get(c, []))
    out: list[list[int]] = []
    for s, e in allw:
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _to_date(dct):
    return iso_date(dct) if isinstance(dct, str) else dct


def tag_timexes(text: str, dct: _dt.date | _dt.datetime | None, *,
                sentences: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Tag and normalise the time expressions of ``text`` (TimeML TIMEX3 conventions).

    ``dct``: the document creation time (publication date) that deictic expressions are
    resolved against; None leaves them underspecified (``XXXX-10-31``). ``sentences``: sentence
    spans (the pipeline passes ``dateline.text.split_sentences(text)``; when None the tagger's
    own light splitter, :func:`~dateline.extract.timex_sentences.light_sentences`, is used),
    for tense cues and for the reach of anaphoric references. Returns :class:`~dateline.record.Timex` records in text order
    with ids ``t1``, ``t2``, ...; ``start``/``end`` are character offsets into ``text``.
    """
    if not text:
        return []
    if sentences is None:
        sentences = light_sentences(text)
    ctx = _Ctx(text, _to_date(dct), sorted(sentences))
    cands = []
    wins = _windows(text)
    seen: set[tuple[int, int, str]] = set()
    for r in RULES:
        for s, e in _rule_windows(wins, _RULE_CLASSES[r.name]):
            for m in r.rx.finditer(text, s, e):
                if m.end() == m.start():
                    continue
                span = m.span()
                if r.accept is not None:
                    span = r.accept(m, text, ctx)
                    if span is None:
                        continue
                if span[1] <= span[0]:
                    continue
                key = (span[0], span[1], r.name)
                if key in seen:
                    continue
                seen.add(key)
                cands.append((span[0], span[1], r.prio, r, m))
    # overlap resolution: longest span first, then priority, then earliest
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    chosen: list[tuple] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if any(c[0] < te and ts < c[1] for ts, te in taken):
            continue
        chosen.append(c)
        taken.append((c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    out: list[Timex] = []
    prev_end = 0
    for s, e, _, r, m in chosen:
        try:
            res = r.handler(m, ctx)
        except (ValueError, OverflowError, KeyError, TypeError, AttributeError, IndexError):
            res = None  # a rule that cannot normalise (odd DCT, impossible date) proposes nothing
        if res is None or not res.value:
            # a rejected long candidate may hide a shorter valid one: rerun the rules on the span
            res2 = _fallback(ctx, s, e, r)
            if res2 is None:
                continue
            s, e, r, res = res2
        tx = Timex(id=f"t{len(out) + 1}", start=s, end=e, text=text[s:e], type=res.type, value=res.value, mod=res.mod,
                   anchor=res.anchor or ("none" if ctx.dct is None else None), rule=r.name)
        _extend(tx, text, prev_end)
        if tx.anchor is None:
            tx.anchor = "none"
        prev_end = tx.end
        p = parse_value(tx.value) if tx.type in ("DATE", "TIME") and not res.noref else None
        ctx.done.append((tx, p))
        out.append(tx)
    return out


def _fallback(ctx: _Ctx, s: int, e: int, failed: _Rule):
    best = None
    for r in RULES:
        if r is failed:
            continue
        for m in r.rx.finditer(ctx.text, s, e):
            span = m.span()
            if r.accept is not None:
                span = r.accept(m, ctx.text, ctx)
                if span is None:
                    continue
            if span[1] <= span[0] or span[0] < s or span[1] > e:
                continue
            if best is None or (span[1] - span[0], r.prio) > (best[1] - best[0], best[2].prio):
                best = (span[0], span[1], r, m)
    if best is None:
        return None
    try:
        res = best[2].handler(best[3], ctx)
    except (ValueError, OverflowError, KeyError, TypeError, AttributeError, IndexError):
        return None
    if res is None or not res.value:
        return None
    return best[0], best[1], best[2], res
