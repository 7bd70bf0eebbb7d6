"""Time-expression rules: "two weeks ago", durations, DCT-relative and anaphoric units, "the end of
the year", "a year earlier", "the day before"."""
from __future__ import annotations

import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import lazy_rx
from dateline.extract.timex_base import context_regex, _GRAN_UNIT, L, registry, _Res, _Rule, _UNIT_CODE, _XVAL
from dateline.extract.timex_context import _dur, _num, _unit_gran
from dateline.extract.timex_values import (
    date_to_value, GRANS, make_duration, parse_value, shift_units, shift_value, truncate, value_start_date,
)

# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_PUNCT_AT = r"\s*[,.;]"
_CLAUSE_END_AT = r"[ \t]*(?:[,.;:)]|$)"
_NUMBER_START_AT = r"\d|[a-z]+-"
_POSSESSIVE_AT = r"['’]s\b"
_PHRASE_END_AT = r"\s*[,.;:)\"”]|\s*$"

RULES: list[_Rule] = []
rule = registry(RULES)
_DCT_RELATIVE_WORDS = L.rule_words("dct_relative_words")
_RELATIVE_WORDS = L.rule_words("relative_words")
_DAY_PARTS = L.rule_words("day_parts")
_DURATION_ONLY_WORDS = L.rule_words("duration_only_words")
_SPAN_PREPS = L.rule_words("span_preps")
_PAST_WORDS = L.rule_words("past_words")
_FUTURE_WORDS = L.rule_words("future_words")
_EARLIER_LATER = L.rule_words("earlier_later")
_ONE_WORDS = L.rule_words("one_words")
_INDEFINITE_ARTICLES = L.rule_words("indefinite_articles")
_RATE_WORDS = L.rule_words("rate_words")
_THE_COMING_REL = L.rule_words("the_coming_rel")
_BEFORE_EARLIER = L.rule_words("before_earlier")
_THAT_SAME_REL = L.rule_words("that_same_rel")
_THAT_THE = L.rule_words("that_the")
_BEFORE_AFTER = L.rule_words("before_after")
_CLAUSE_AFTER = context_regex("CLAUSE_AFTER")
_OLD_AFTER = context_regex("OLD_AFTER")
_OF_AFTER = context_regex("OF_AFTER")
_QUARTER_NOUN_AFTER = context_regex("QUARTER_NOUN_AFTER")
_MOD_DROP = context_regex("MOD_DROP")


# --- "two weeks ago", "a year earlier", "four days after ..." ----------------------------------
@rule("ago", prio=9)
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
    pre = SPACE_RUN.sub(" ", m.group("pre").strip().lower())
    mod = L.approx_mods.get(pre) if pre else None
    if d in _DURATION_ONLY_WORDS or (d in _EARLIER_LATER and (_followed_by_clause(m, ctx) or _short_later(m))):
        # "four days after X": the duration only
        if n is None and nums is None:
            return None
        return _Res("DURATION", _dur(n, unit), mod=mod)
    if n is None:
        if d in _PAST_WORDS:
            return _Res("DATE", "PAST_REF", mod=mod, anchor="dct")
        return _Res("DATE", "FUTURE_REF", mod=mod, anchor="dct")
    sign = 1 if d in _FUTURE_WORDS else -1
    gran = _unit_gran(unit)
    if gran in ("hour", "minute", "second"):
        gran = "day"
    if gran == "decade" or gran == "century" or gran == "millennium":
        gran = "year"
    amount, code = _ago_amount(n, unit)
    if isinstance(amount, float):
        if not amount.is_integer():
            return _Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
        amount = int(amount)
    dur = make_duration(amount, code)
    found = _ago_base(m, ctx, d, unit, n, gran)
    if found is None:
        return _Res("DATE", _XVAL[gran], mod=mod, anchor="none")
    base, anchor = found
    out = shift_value(base, dur, sign)
    if out is None:
        out = base
    return _Res("DATE", out, mod=mod, anchor=anchor, noref=(unit == "year" and n == 1 and anchor != "dct"))


def _ago_amount(n, unit: str):
    """The shift of "n units ago" as (amount, duration code); clock units shift whole days (0)."""
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
    return amount, code


def _ago_base(m, ctx, d: str, unit: str, n, gran: str):
    """What "n units ago/earlier" counts from, truncated to the granularity: the DCT (or, for "a
    year ago" in a report on a period, that period), else the previous timex; (base, anchor) or
    None when there is nothing to count from."""
    if d in _DCT_RELATIVE_WORDS:
        if ctx.dct is None:
            return None
        base, anchor = ctx.dctv(gran), "dct"
        # "a year ago" in a report on a quarter/month: the same period a year before
        if unit == "year" and n == 1:
            v, a = _period_ref(ctx, m.start())
            if v:
                base, anchor = v, a
        return base, anchor
    if unit == "year" and n == 1:
        v, anchor = _period_ref(ctx, m.start())
        if v is None:
            v, anchor = ctx.ref(m.start(), min_gran="month", max_sents=3)
            if v is None and ctx.dct is not None:
                v, anchor = ctx.dctv("year"), "dct"
    else:
        v, anchor = ctx.ref(m.start())
    if v is None:
        return None
    p = parse_value(v)
    if GRANS.index(p["gran"]) >= GRANS.index(gran) and not (unit == "year" and p["gran"] in ("quarter", "half", "month")):
        return truncate(v, gran), anchor
    return v, anchor


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
    return bool(_CLAUSE_AFTER.match(nxt))


def _short_later(m) -> bool:
    """ "three days later", "a few hours earlier": with a unit shorter than a month the duration
    alone is the timex (conventions.json); "a year earlier" stays an anaphoric point."""
    return (m.group("dir").lower() in _EARLIER_LATER and m.group("num") is not None
            and L.unit(m.group("unit")) in L.short_later_units)


def _acc_ago(m, text, ctx):
    d = m.group("dir").lower()
    if d in _RELATIVE_WORDS:
        if _short_later(m):
            return m.start(), m.end("unit")
        if d in _DURATION_ONLY_WORDS or _followed_by_clause(m, ctx):
            if d == "on" and not lazy_rx(_PUNCT_AT).match(text[m.end():m.end() + 3]):
                return None
            if d in _BEFORE_AFTER and lazy_rx(_CLAUSE_END_AT).match(text[m.end():m.end() + 3]):
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
    if _OLD_AFTER.match(after):
        return None
    if unit == "second" and u == "second" and nums in _ONE_WORDS:
        return None
    if unit in ("second",) and not lazy_rx(_NUMBER_START_AT).match(nums) and u == "second":
        return None
    if nums in _INDEFINITE_ARTICLES and m.group("the"):
        return None
    if nums in _RATE_WORDS and _RATE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None   # a rate of an amount: "$5 million a year", "700 seats a week"

    if unit == "quarter" and (_OF_AFTER.match(after) or "-" in m.group("sep")
                              and not _QUARTER_NOUN_AFTER.match(after)):
        return None   # "three-quarters of", "more than a quarter of": fractions
    return m.span()


_RATE_BEFORE = re.compile(rf"(?:\d%?|%|(?<![\w-])(?:{L.re_numword}|{L.re_amount}))(?:\s+[A-Za-z-]+)?\s+$", re.I)


@rule("duration", prio=4, accept=_acc_duration)
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
    low = SPACE_RUN.sub(" ", nums.lower())
    if low in ("a couple of", "a couple", "couple of"):
        mod = "APPROX"
    if n is None and low not in [v.lower() for v in L.vague] and low not in L.articles:
        return None
    if low in ("some",) and not m.group("unit").lower().endswith("s"):
        return None
    if low in _INDEFINITE_ARTICLES and m.group("long"):
        return None  # "a day-long meeting": the article belongs to the noun (rule unit_long)
    if low in _INDEFINITE_ARTICLES and m.group("unit").lower() != unit \
            and m.group("unit").lower().endswith("s"):
        return None  # "a years-long slump": the article belongs to the noun
    if n is not None and n > 10000:
        return None
    return _Res("DURATION", _dur(n, unit), mod=mod)


@rule("unit_long", prio=3)
def _r_unit_long(m, ctx):
    """"a day-long meeting" (P1D), "a decades-long battle" (PXY)."""
    unit = L.unit(m.group("unit"))
    if unit not in _UNIT_CODE:
        return None
    plural = m.group("unit").lower() != unit and m.group("unit").lower().endswith("s")
    return _Res("DURATION", _dur(None if plural else 1, unit))


@rule("duration_vague", prio=2, accept=lambda m, text, ctx: (m.start("unit") if not m.group("adj") else m.start("adj") - 4, m.end()))
def _r_duration_vague(m, ctx):
    return _Res("DURATION", _dur(None, L.unit(m.group("unit"))))


@rule("recent_units", prio=3)
def _r_recent_units(m, ctx):
    unit = L.unit(m.group("unit"))
    return _Res("DURATION", _dur(None, unit))


# --- DCT-relative and anaphoric units ----------------------------------------------------------
_REL_OFF = L.rule_values("deictic_offsets")
_ANA_OFF = L.rule_values("anaphoric_offsets")


@rule("rel_unit", prio=6)
def _r_rel_unit(m, ctx):
    rel = SPACE_RUN.sub(" ", m.group("rel").lower())
    unit = m.group("unit").lower()
    raw = m.group()
    if raw[0].isupper() and m.group("unit")[0].isupper():
        ss, _ = ctx.sent_span(m.start())
        if ctx.text[ss:m.start()].strip(" \"'“‘") or ctx.text[m.start() - 1:m.start()] in "\"“'‘":
            return None  # a Title Case name mid-sentence ("This Week")
    is_pod = unit in _DAY_PARTS
    if rel == "the":
        if unit == "weekend":
            return _weekend(ctx, m, 0)
        return None
    if rel in _ANA_OFF:
        off = _ANA_OFF[rel]
        gran = "day" if (unit == "day" or is_pod) else ("week" if unit == "weekend" else unit)
        v, anchor = ctx.ref(m.start(), min_gran=gran if gran != "week" else "week")
        if rel in _THAT_SAME_REL and unit == "day" and anchor == "dct":
            return None   # "trades made that day": no day to refer back to (a generic day)
        if v is None:
            if ctx.dct is None:
                return _Res("DATE", _XVAL[gran], anchor="none")
            v, anchor = date_to_value(ctx.dct, "day"), "dct"
        if rel == "the next" and unit in ("year", "month", "week") and _after_prep(ctx, m.start(), _SPAN_PREPS):
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
    if rel == "last" and unit == "year" and ctx.dct is not None and not lazy_rx(_POSSESSIVE_AT).match(ctx.text[m.end():m.end() + 2]):
        # "compared with $3 million last year" in a report on a quarter: that quarter a year before
        before = ctx.text[max(0, m.start() - 90):m.start()]
        if _COMPARED_AMOUNT.search(before):
            v, a = _period_ref(ctx, m.start())
            if v and parse_value(v)["gran"] == "quarter":
                return _Res("DATE", shift_units(v, -1, "Y"), anchor=a, noref=True)
    if rel in ("the past", "the last") and _after_prep(ctx, m.start(), ("over", "during", "for", "throughout", "within", "in")) and unit != "year":
        return _Res("DURATION", _dur(1, unit))
    if rel in _THE_COMING_REL and _after_prep(ctx, m.start(), ("over", "during", "for", "throughout", "within", "in")):
        return _Res("DURATION", _dur(1, unit))
    return _Res("DATE", ctx.rel(unit, off), anchor="dct" if ctx.dct else "none")


# "compared with $3 million last year", "from a loss of $2.1 million, or 5 cents a share, last year":
# only right after a compared amount is "last year" the report's period a year before (conventions.json)
_COMPARED_AMOUNT = context_regex("COMPARED_AMOUNT")


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


@rule("mod_unit", prio=7)
def _r_mod_unit(m, ctx):
    if m.group("mod"):
        modw = SPACE_RUN.sub(" ", m.group("mod").lower())
        modw = _MOD_DROP.sub("", modw)
        rel = m.group("rel").lower()
        unit = m.group("unit").lower()
        if modw in ("rest of", "remainder of", "balance of"):
            return None
        key = modw if modw in L.point_mods else ("the " + modw if "the " + modw in L.point_mods else modw.replace(" of", ""))
        mod = L.point_mods.get(key) or L.point_mods.get(modw.replace(" of", ""))
        if unit == "day":
            if rel in _THAT_THE:
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


@rule("year_ago_adj", prio=3)
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
@rule("day_before", prio=7)
def _r_day_before(m, ctx):
    u = m.group("u").lower()
    d = m.group("d").lower()
    sign = -1 if d in _BEFORE_EARLIER else 1
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
    if lazy_rx(_PHRASE_END_AT).match(text[m.end():m.end() + 3]):
        return m.span()
    return None


RULES[-1].accept = _acc_day_before
