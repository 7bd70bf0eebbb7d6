"""Time-expression rules: quarters, halves, seasons and weekdays."""
from __future__ import annotations

import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import lazy_rx
from dateline.extract.timex_base import context_regex, _E, L, registry, _Res, _Rule
from dateline.extract.timex_context import _weekday_date, story_weekday
from dateline.extract.timex_rules_dates import _spoken_year_value
from dateline.extract.timex_values import date_to_value, parse_value, shift_units, value_start_date

# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_NAME_FOLLOW_AT = rf"\s+(?-i:{L.re_name_follow}){_E}"
_LAST_WORD = r"(\w+)\s*$"
_POSSESSIVE_AT = r"['’]s\s"

RULES: list[_Rule] = []
rule = registry(RULES)
_LAST_REL = L.rule_words("last_rel")
_WEEKDAY_ANAPHORIC_REL = L.rule_words("weekday_anaphoric_rel")
_WEEKDAY_PAST_REL = L.rule_words("weekday_past_rel")
_QUARTER_CUE_PREPS = L.rule_words("quarter_cue_preps")
_NEXT_REL = L.rule_words("next_rel")
_WEEKDAY_NEXT_REL = L.rule_words("weekday_next_rel")
_QUARTER_ORDINAL_ADJS = L.rule_words("quarter_ordinal_adjs")
_YEAR_AGO_ADJS = L.rule_words("year_ago_adjs")
_QUARTER_REL_CUE_PREPS = L.rule_words("quarter_rel_cue_preps")
_COMING_REL = L.rule_words("coming_rel")
_SAME_REL = L.rule_words("same_rel")
_PERIOD_ADJECTIVES = context_regex("PERIOD_ADJECTIVES")
_OF_NOT_YEAR = context_regex("OF_NOT_YEAR")


# --- quarters and halves ---------------------------------------------------------------------
_QORD = L.rule_values("quarter_ordinals")


@rule("quarter", prio=7)
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


@rule("half_of_year", prio=8)
def _r_half_of_year(m, ctx):
    # "the last half of 1989" -> 1989-H2, "the first two quarters of 1990" -> 1990-H1
    w = m.group("w").lower()
    if w == "second" and m.group("u").lower() != "half":
        return None
    h = 1 if w == "first" else 2
    return _Res("DATE", f"{int(m.group('y')):04d}-H{h}")


@rule("quarter_rel", prio=4)
def _r_quarter_rel(m, ctx):
    det = m.group("det").lower()
    adjs = _PERIOD_ADJECTIVES.findall(m.group().lower())
    unit = m.group("unit").lower()
    if any(a in _QUARTER_ORDINAL_ADJS for a in adjs):
        return None
    yearago = any(a in _YEAR_AGO_ADJS for a in adjs)
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
            if _OF_NOT_YEAR.match(text[m.end():m.end() + 12]):
                return None
            prev = ctx.prev_word(m.start("rel"))
            if prev not in _QUARTER_REL_CUE_PREPS:
                return None
            return m.span()
        if prev not in _QUARTER_CUE_PREPS:
            return None
    return m.span()


@rule("season", prio=5, accept=_acc_season)
def _r_season(m, ctx):
    code = L.seasons[m.group("s").lower()]
    rel = SPACE_RUN.sub(" ", (m.group("rel") or "").lower())
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
    if rel in _LAST_REL:
        p = same_year if same_year < pos_cur else same_year - 4
    elif rel in _NEXT_REL:
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
_WD_BAD_PREV = L.rule_words("weekday_bad_prev")


def _acc_weekday(m, text, ctx):
    after = text[m.end():m.end() + 30]
    if lazy_rx(_NAME_FOLLOW_AT).match(after):
        return None
    prevm = lazy_rx(_LAST_WORD).search(text[max(0, m.start() - 20):m.start()])
    if prevm and prevm.group(1).lower() in _WD_BAD_PREV and prevm.group(1)[0].isupper():
        return None
    return m.span()


@rule("weekday", prio=5, accept=_acc_weekday)
def _r_weekday(m, ctx):
    wd = L.weekday(m.group("wd"))
    pod = L.parts.get(m.group("pod").lower()) if m.group("pod") else None
    if m.group("pl") or (m.group("pod") and m.group("pod").lower().endswith("s") and not m.group("rel")):
        # "Mondays", "Tuesday nights": a recurring day
        return _Res("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    rel = SPACE_RUN.sub(" ", (m.group("rel") or "").lower())
    anchor = "dct"
    base = None
    if rel in _WEEKDAY_ANAPHORIC_REL:
        v, anchor = ctx.ref(m.start(), min_gran="day")
        base = value_start_date(v) if v else None
        if base is None:
            base = ctx.dct
    if ctx.dct is None and base is None:
        return _Res("DATE", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), anchor="none")
    if rel in _WEEKDAY_PAST_REL:
        d = _weekday_date(ctx, wd, -2, base)
    elif rel in _WEEKDAY_NEXT_REL:
        d = _weekday_date(ctx, wd, 2, base)
    elif rel in _COMING_REL:
        d = _weekday_date(ctx, wd, 1, base)
    elif rel in _SAME_REL:
        d = _weekday_date(ctx, wd, 1, base)
    elif rel == "this":
        t = ctx.tense(m.start(), m.end())
        d = _weekday_date(ctx, wd, -1 if t < 0 else 1, base)
    else:
        t = ctx.tense(m.start(), m.end())
        if lazy_rx(_POSSESSIVE_AT).match(ctx.text[m.end():m.end() + 3]) and not m.group("pod"):
            t = -1   # "Wednesday's ruling": an event already reported
        d = _weekday_date(ctx, wd, 1 if t > 0 else -1, base)
        story = story_weekday(ctx, wd, m.start()) if t > 0 and base is None else None
        if story is not None:
            d, anchor = story     # "will visit X on Thursday" after the story's own day
    v = date_to_value(d, "day")
    if pod:
        return _Res("TIME", f"{v}T{pod}", anchor=anchor)
    return _Res("DATE", v, anchor=anchor)
