"""Time-expression rules: deictic day words, parts of the day and clock times."""
from __future__ import annotations

import datetime as _dt
import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import lazy_rx
from dateline.extract.timex_base import context_regex, L, registry, _Res, _Rule, WD
from dateline.extract.timex_context import _pick_year_md, _safe_date, _weekday_date
from dateline.extract.timex_values import date_to_value, value_start_date

# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_LOWER_LETTER = r"[a-z]"
_POSSESSIVE_NEXT_AT = r"['’]s\s+([a-z]+)"
_DIGIT_AT = r"\d"

RULES: list[_Rule] = []
rule = registry(RULES)
_DEADLINE_PREPS = L.rule_words("deadline_preps")
_AM_PM = L.rule_words("am_pm")
_PM_PARTS = L.rule_words("pm_parts")
_HIGH_BEFORE = context_regex("HIGH_BEFORE")


# --- deictic day words -------------------------------------------------------------------------
_DAYW = L.rule_values("deictic_days")


# a capitalised word (not a sentence start), an acronym, or a name's possessive right before "Today"
_NAME_BEFORE = re.compile(r"(?:(?<=[a-z0-9,;] )[A-Z][\w.&-]*|(?<![\w.])[A-Z]{2,})(?:['’]s)?\s+$")


def _title_today(m, text: str) -> bool:
    """Is "Today" (or "TODAY" in a line that is not all capitals) after a capitalised word, an acronym
    or a name's possessive part of a title?"""
    w = m.group("w")
    if m.group("pod") or w not in ("Today", "TODAY"):
        return False
    if w == "TODAY" and not lazy_rx(_LOWER_LETTER).search(text[max(0, m.start() - 40):m.start()]):
        return False     # "RALLY TODAY IN THE CAPITAL": a line in capitals
    return bool(_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()))


@rule("deictic_day", prio=6)
def _r_deictic_day(m, ctx):
    if m.group("w"):
        w = SPACE_RUN.sub(" ", m.group("w").lower())
        if _title_today(m, ctx.text):
            return None  # "USA Today", "USA TODAY's", "NBC's Today show": a title, not the day
        if w == "today" and not m.group("pod"):
            nxt = lazy_rx(_POSSESSIVE_NEXT_AT).match(ctx.text[m.end():m.end() + 30])
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


@rule("pod_ref", prio=7, accept=lambda m, text, ctx: m.span("span"))
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


@rule("pod_day", prio=7)
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


@rule("time", prio=8)
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
        if ap.startswith("p") or pp in _PM_PARTS:
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
        if ctx.prev_word(m.start()) in _DEADLINE_PREPS:
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
    if m.group("cw") and _HIGH_BEFORE.search(text[max(0, m.start() - 6):m.start()]):
        return None
    if m.group("h") and not m.group("mi"):
        # "5 a.m." needs the a.m./p.m.; "I am" is not a time
        ap = m.group("ap")
        if ap.lower() in ("am",) and not lazy_rx(_DIGIT_AT).match(m.group("h")):
            return None
        if ap.lower() in _AM_PM and ap.islower() and text[m.start("ap") - 1] == " ":
            # "3 am" is fine only when followed by a non-letter
            pass
    return m.span()


RULES[-1].accept = _acc_time
