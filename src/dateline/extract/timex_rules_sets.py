"""Time-expression rules: holidays, sets ("every week", "weekly") and vague references ("now",
"the past")."""
from __future__ import annotations

import datetime as _dt
import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import lazy_rx
from dateline.extract.timex_base import context_regex, L, registry, _Res, _Rule
from dateline.extract.timex_context import _dur, _holiday_date, _num
from dateline.extract.timex_lexicon import alt
from dateline.extract.timex_rules_relative import _RATE_BEFORE
from dateline.extract.timex_values import date_to_value

# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_LOWER_NEXT_AT = r"\s+([a-z]+)"
_WORD_NEXT_AT = r"\s+([a-z'-]+)"

RULES: list[_Rule] = []
rule = registry(RULES)
_LAST_REL = L.rule_words("last_rel")
_NEXT_REL = L.rule_words("next_rel")
_FREQ_ADJECTIVES = L.rule_words("freq_adjectives")
_FREQ_ADJECTIVE_PREV = L.rule_words("freq_adjective_prev")
_EVERY_OTHER_WORDS = L.rule_words("every_other_words")
_AS_BEFORE = context_regex("AS_BEFORE")
_SEQUENCE_AFTER = context_regex("SEQUENCE_AFTER")


# --- holidays --------------------------------------------------------------------------------
@rule("holiday", prio=8)
def _r_holiday(m, ctx):
    name = SPACE_RUN.sub(" ", m.group("h"))
    rel = SPACE_RUN.sub(" ", (m.group("rel") or "").lower())
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
    if rel in _LAST_REL:
        pick = max((d for d in cands if d < dct), default=cands[0])
    elif rel in _NEXT_REL:
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
@rule("set_every", prio=7)
def _r_set_every(m, ctx):
    if m.group("unit"):
        unit = L.unit(m.group("unit"))
        n = _num(m.group("num")) if m.group("num") else 1
        if m.group("num") and n is None:
            n = None
        if m.group("other") and m.group("other").lower() in _EVERY_OTHER_WORDS:
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


_EVERY_LIST = context_regex("EVERY_LIST")


@rule("set_every_list", prio=7, accept=lambda m, text, ctx: m.span("span") if _EVERY_LIST.search(text, max(0, m.start("span") - 80),
                                                                     m.start("span")) else None)
def _r_set_every_list(m, ctx):
    """'every Monday and Thursday', 'each Monday, Wednesday and Friday': the listed days are a set too."""
    return _Res("SET", f"XXXX-WXX-{L.weekday(m.group('span'))}")


@rule("set_rate", prio=8, accept=lambda m, text, ctx: m.span("span"))
def _r_set_rate(m, ctx):
    u = m.group("unit")
    unit = L.unit(u)
    if unit is None or u.lower() != unit:
        return None
    return _Res("SET", _dur(1, unit))


@rule("set_freq", prio=5)
def _r_set_freq(m, ctx):
    w = m.group("w").lower()
    nxt = lazy_rx(_LOWER_NEXT_AT).match(ctx.text[m.end():m.end() + 20])
    prev = ctx.prev_word(m.start())
    if w in _FREQ_ADJECTIVES and nxt and prev in _FREQ_ADJECTIVE_PREV :
        return None  # adjective: "its quarterly dividend"
    if w == "daily" and prev == "average":
        return None
    if w in L.freq_untagged_prenominal and nxt and nxt.group(1) not in _FREQ_ADVERB_NEXT:
        return None  # "quarterly dividend", "monthly payments": a reporting-period adjective
    if w in L.freq_untagged_after_amount and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "rise 8% annually", "10,000 units annually": the rate of an amount
    return _Res("SET", L.freq_adverbs[w])


# words after a frequency word that show it is an adverb ("adjusted quarterly and ..."), not an adjective
_FREQ_ADVERB_NEXT = L.rule_words("freq_adverb_next")


# --- vague references ------------------------------------------------------------------------
def _acc_ref(m, text, ctx):
    w = SPACE_RUN.sub(" ", m.group("w").lower())
    if w in L.refs_ctx and w not in L.refs:
        lefts = L.refs_ctx[w]
        before = SPACE_RUN.sub(" ", text[max(0, m.start() - 30):m.start()].lower())
        if not any(before.rstrip().endswith(lc) for lc, _ in lefts):
            return None
    if w == "now":
        after = text[m.end():m.end() + 2]
        if after.startswith("-"):
            return None
    if w == "soon":
        if _AS_BEFORE.search(text[max(0, m.start() - 4):m.start()]) or \
                _SEQUENCE_AFTER.match(text[m.end():m.end() + 14]):
            return None
        if L.soon_past_untagged and _SOON_PAST.search(text, max(0, m.start() - 12), min(len(text), m.end() + 16)):
            return None  # "he was soon released": soon after a past event, not a FUTURE_REF
    return m.span()


_SOON_PAST = context_regex("SOON_PAST")


@rule("ref", prio=2, accept=_acc_ref)
def _r_ref(m, ctx):
    w = SPACE_RUN.sub(" ", m.group("w").lower())
    kind = L.refs.get(w)
    if w in L.refs_ctx:
        before = SPACE_RUN.sub(" ", ctx.text[max(0, m.start() - 30):m.start()].lower()).rstrip()
        for lc, k in L.refs_ctx[w]:
            if before.endswith(lc):
                kind = k
                break
    if kind is None:
        return None
    return _Res("DATE", kind, anchor="dct" if ctx.dct else "none")


_REF_ADJ_BAD_NEXT = L.rule_words("ref_adj_bad_next")


# adjectives tagged on their own ("current market conditions"); "recent" and "future" are mostly
# left untagged in TimeBank/AQUAINT (conventions.json)
_REF_ADJ_TAGGED = [w for w in L.rule_word_list("tagged_ref_adjectives") if w in L.ref_adjectives]


@rule("ref_adj", prio=1, REF_ADJ_TAGGED=alt(_REF_ADJ_TAGGED))
def _r_ref_adj(m, ctx):
    nxt = lazy_rx(_WORD_NEXT_AT).match(ctx.text[m.end():m.end() + 30])
    if nxt and nxt.group(1) in _REF_ADJ_BAD_NEXT and m.group("w").lower() == "current":
        return None
    return _Res("DATE", L.ref_adjectives[m.group("w").lower()], anchor="dct" if ctx.dct else "none")
