"""Time-expression rules: explicit calendar dates, months, years, decades and centuries."""
from __future__ import annotations

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import lazy_rx
from dateline.extract.timex_base import context_regex, DAYNUM, L, registry, _Res, _Rule
from dateline.extract.timex_context import _dur, _pick_year_md, _pick_year_month, _safe_date, _year_of
from dateline.extract.timex_values import parse_value

# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_DAYNUM_AT = rf"\s*{DAYNUM}"
_LOWER_WORD_AT = r"\s+(?-i:[a-z]{3,})\b"
_CAP_WORD_AT = r"\s+(?-i:([A-Z][a-z]+))"
_CAPITAL_NEXT_AT = r"\s+(?-i:[A-Z][a-z]+)"
_NEXT_WORD_AT = r"\s+(\w+)"
_NOT_YEAR_BEFORE = r"[$#£€¥]\s*$|\d[,.]?$|[A-Za-z]$|[A-Za-z]-$"
_LOWER_NEXT_AT = r"\s+([a-z]+)"

RULES: list[_Rule] = []
rule = registry(RULES)
_THE_YEAR_PREPS = L.rule_words("the_year_preps")
_APPROX_PREV_NOT_AMOUNT = L.rule_words("approx_prev_not_amount")
_COUNTED_NOUNS = L.rule_words("counted_nouns")
_WHOLE_ENTIRE = L.rule_words("whole_entire")
_THE_START = context_regex("THE_START")
_THE_END = context_regex("THE_END")
_SPOKEN_TWO_THOUSAND = context_regex("SPOKEN_TWO_THOUSAND")
_SPOKEN_CENTURY_YEAR = context_regex("SPOKEN_CENTURY_YEAR")
_MAY_AS_VERB = context_regex("MAY_AS_VERB")
_MID_HYPHEN_BEFORE = context_regex("MID_HYPHEN_BEFORE")
_YEAR_NOT_BEFORE = context_regex("YEAR_NOT_BEFORE")
_YEAR_NOT_UNIT_AFTER = context_regex("YEAR_NOT_UNIT_AFTER")
_PERIOD_ENDED_AFTER = context_regex("PERIOD_ENDED_AFTER")


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


@rule("date_mdy", prio=10)
def _r_date_mdy(m, ctx):
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("day"))
    year = _year_of(m.group("year")) if m.group("year") else None
    if year is None and (co := _COORD_YEAR.match(ctx.text, m.end())):
        year = int(co.group("y"))   # "March 3 and 4, 2018"
    return _md_value(ctx, m, mon, day, year)


_COORD_YEAR = context_regex("COORD_YEAR")


def _acc_mdy(m, text, ctx):
    # trailing separators are not part of the span when no year follows
    s, e = m.span()
    while e > s and text[e - 1] in " ,\t\n":
        e -= 1
    return s, e


RULES[-1].accept = _acc_mdy


@rule("date_dmy", prio=9)
def _r_date_dmy(m, ctx):
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("day"))
    if day is None:
        return None
    year = _year_of(m.group("year")) if m.group("year") else None
    return _md_value(ctx, m, mon, day, year)


def _acc_dmy(m, text, ctx):
    day = m.group("day")
    if not day[0].isdigit() and not _THE_START.match(m.group()[: len(m.group()) - len(m.group().lstrip())] + m.group()):
        # ordinal words need "the" ("the fifth of May")
        if not _THE_END.search(m.group()[: m.start("day") - m.start()]):
            return None
    return m.span()


RULES[-1].accept = _acc_dmy


@rule("date_md_coord", prio=9, accept=lambda m, text, ctx: (m.start("d2"), m.end()))
def _r_date_md_coord(m, ctx):
    # "on April 24 and 25": the second day of the same month
    mon = L.month(m.group("mon"))
    day = L.ordinal(m.group("d2"))
    d1 = L.ordinal(m.group("d1"))
    if day is None or d1 is None or day <= d1:
        return None
    year = _year_of(m.group("year")) if m.group("year") else None
    return _md_value(ctx, m, mon, day, year)


@rule("date_numeric", prio=10)
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




def _spoken_year_value(s: str) -> int | None:
    s = SPACE_RUN.sub(" ", s.strip().lower())
    m = _SPOKEN_TWO_THOUSAND.match(s)
    if m:
        r = L.number(m.group(1)) if m.group(1) else 0
        return 2000 + r if r is not None and r < 100 else None
    m = _SPOKEN_CENTURY_YEAR.match(s)
    if m:
        r = L.number(m.group(2))
        if r is not None and 10 <= r < 100:
            return {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m.group(1)] + r
    return None


@rule("month_year", prio=8)
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


_MONTH_CUES = L.rule_words("month_cues")


_DETERMINERS = L.rule_words("determiners")
_NOT_NOUN_AFTER_MONTH = "|".join(L.rule_word_list("not_noun_after_month"))
_NOT_NOUN_AT = rf"\s+(?:{_NOT_NOUN_AFTER_MONTH})\b"


def _acc_month(m, text, ctx):
    mon = m.group("mon")
    s = m.start()
    rel = m.group("rel")
    nxt = text[m.end(): m.end() + 20]
    if rel:
        if lazy_rx(_DAYNUM_AT).match(nxt):
            return None   # "last Oct. 23": the date (date_mdy), not the month
        return m.span()
    prev = ctx.prev_word(s)
    if s > 0 and text[s - 1] == "-" and text[max(0, s - 4):s].lower() == "mid-":
        return m.span()
    if mon in L.month_ambiguous or mon.rstrip(".") != mon or len(mon) <= 4:
        prenominal = prev in _DETERMINERS and mon[:1].isupper() and mon.rstrip(".") == mon \
            and lazy_rx(_LOWER_WORD_AT).match(nxt) and not lazy_rx(_NOT_NOUN_AT).match(nxt)
        if prev not in _MONTH_CUES and not prenominal:  # "under a June agreement" is a date
            return None
        if mon in ("May", "MAY") and _MAY_AS_VERB.match(nxt):
            return None
        nm = lazy_rx(_CAP_WORD_AT).match(nxt)
        if nm and L.month(nm.group(1)) is None and L.weekday(nm.group(1)) is None:
            return None   # a given name: "Jan Kavan", "April Smith"
    else:
        # a capitalised month after a determiner-less capitalised word is likely a name part
        if lazy_rx(_CAPITAL_NEXT_AT).match(nxt) and prev not in _MONTH_CUES:
            nw = lazy_rx(_NEXT_WORD_AT).match(nxt).group(1)
            if L.month(nw) is None and nw not in ("The", "A"):
                return None
    return m.span()


@rule("month", prio=5, accept=_acc_month)
def _r_month(m, ctx):
    mon = L.month(m.group("mon"))
    rel = (m.group("rel") or "").lower()
    rel = SPACE_RUN.sub(" ", rel)
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
_YEAR_BAD_PREV = L.rule_words("year_bad_prev")
_APPROX_PREV = L.rule_words("approx_prev")
_YEAR_CUES = L.rule_words("year_cues")


def _acc_year(m, text, ctx):
    s, e = m.span("year")
    y = int(m.group("year"))
    before = text[max(0, s - 3):s]
    if lazy_rx(_NOT_YEAR_BEFORE).search(before) and not m.group("fis") \
            and not _MID_HYPHEN_BEFORE.search(before + "") and not _MID_HYPHEN_BEFORE.search(text[max(0, s - 6):s]):
        return None
    after = text[e:e + 16]
    if _YEAR_NOT_BEFORE.match(after) or \
            _YEAR_NOT_UNIT_AFTER.match(after):
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
    nxt = lazy_rx(_LOWER_NEXT_AT).match(after)
    if nxt and prev in _APPROX_PREV and prev not in _APPROX_PREV_NOT_AMOUNT and nxt.group(1).endswith("s"):
        return None
    if nxt and nxt.group(1) in _COUNTED_NOUNS:
        return None
    return m.span()


@rule("year_prefix", prio=3)
def _r_year_prefix(m, ctx):
    """"post-1959 politics", "pre-2008 levels": the year, before or after it."""
    return _Res("DATE", m.group("year"), mod="BEFORE" if m.group("p").lower() == "pre" else "AFTER")


@rule("year", prio=3, accept=_acc_year)
def _r_year(m, ctx):
    y = int(m.group("year"))
    mod = None
    if m.group("suf"):
        suf = SPACE_RUN.sub(" ", m.group("suf").strip().lower())
        mod = L.approx_suffix.get(suf)
    return _Res("DATE", f"{y:04d}", mod=mod)


_SPOKEN_CENT = L.rule_values("spoken_centuries")


@rule("spoken_year", prio=4)
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


@rule("year_period", prio=7)
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


@rule("the_year", prio=2)
def _r_the_year(m, ctx):
    nxt = ctx.text[m.end():m.end() + 12]
    if _PERIOD_ENDED_AFTER.match(nxt):
        return _Res("DURATION", "P1Y")
    prev = ctx.prev_word(m.start())
    if prev not in _THE_YEAR_PREPS:
        return None
    if prev == "over" or (m.group("adj") or "").strip().lower() in _WHOLE_ENTIRE:
        return None
    v, a = ctx.ref(m.start(), min_gran="year", max_sents=1)
    if v and a != "dct" and parse_value(v)["gran"] == "year":
        return _Res("DATE", v, anchor=a)
    if ctx.dct is None:
        return _Res("DATE", "XXXX", anchor="none")
    return _Res("DATE", ctx.rel("year", 0), anchor="dct")


@rule("decade", prio=6)
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


@rule("century", prio=6)
def _r_century(m, ctx):
    if m.group("u"):
        rel = SPACE_RUN.sub(" ", m.group("rel").lower())
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
