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

from dateline.extract import (
    timex_rules_dates, timex_rules_days, timex_rules_periods, timex_rules_relative, timex_rules_sets,
)
from dateline.extract.regex_literals import ascii_lowered, foldable, may_match, needed
from dateline.extract.timex_base import context_regex, L, _Rule
from dateline.extract.timex_context import _Ctx
from dateline.extract.timex_lexicon import alt
from dateline.extract.timex_modifiers import _extend
from dateline.extract.timex_rules_sets import _REF_ADJ_TAGGED
from dateline.extract.timex_sentences import light_sentences
from dateline.extract.timex_values import make_duration, parse_duration_value, parse_value, shift_value, truncate
from dateline.isodate import iso_date
from dateline.record import Timex

__all__ = ["tag_timexes", "shift_value", "parse_duration_value", "make_duration", "truncate"]

# every rule, in a fixed order (ties between candidates keep it)
RULES = (timex_rules_dates.RULES + timex_rules_periods.RULES + timex_rules_days.RULES
         + timex_rules_relative.RULES + timex_rules_sets.RULES)

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
    extra = L.rule_values("trigger_words")
    add(list(L.unit_forms) + extra["UNIT"], "UNIT")
    add(list(L.parts) + list(L.clock_words) + extra["PART"], "PART")
    add(extra["DEIXIS"], "DEIXIS")
    add([_last_word(p) for p in list(L.refs) + list(L.refs_ctx)], "REF")
    add(_REF_ADJ_TAGGED, "REFADJ")
    add(L.freq_adverbs, "FREQ")
    add([_last_word(h) for h in L.holidays], "HOL")
    add(L.seasons, "SEASON")
    add(list(L.decade_words), "DECADE")
    add(extra["SPOKEN"], "SPOKEN")
    add(extra["Q"], "Q")
    return tc


_TOKEN_CLASSES = _build_token_classes()
_NEEDS = {r.name: needed(r.rx) for r in RULES}      # the words each rule's pattern cannot match without
# one pass finds only the tokens that can trigger a rule: number tokens and the class words
_TRIGGER = re.compile(r"\d+(?:[:/.,-]\d+)*(?:['’]?s\b|st\b|nd\b|rd\b|th\b)?"
                      rf"|(?<![A-Za-z]){alt(_TOKEN_CLASSES)}(?![A-Za-z])", re.I)
_TRIGGER_LOWER = re.compile(_TRIGGER.pattern)         # the same, case-sensitive: over lower-cased text
_AMPM_AFTER = context_regex("AMPM_AFTER")
_DIGITS = re.compile(r"\d+")
_NUMERIC_DATE = re.compile(r"\d[/-]\d")

_RULE_CLASSES = {k: frozenset(v) for k, v in {
    "date_mdy": {"MONTH"}, "date_dmy": {"MONTH"}, "date_md_coord": {"MONTH"}, "month_year": {"MONTH"}, "month": {"MONTH"},
    "date_numeric": {"NUMDATE"}, "year": {"YEAR"}, "year_prefix": {"YEAR"}, "year_period": {"YEAR"}, "the_year": {"UNIT"},
    "spoken_year": {"SPOKEN", "DECADE"}, "decade": {"YEAR", "DECADE"}, "century": {"UNIT"},
    "quarter": {"UNIT", "Q"}, "quarter_rel": {"UNIT"}, "half_of_year": {"UNIT"}, "season": {"SEASON"}, "weekday": {"WD"},
    "deictic_day": {"DEIXIS", "PART"}, "pod_day": {"PART"}, "pod_ref": {"PART"}, "time": {"TIME", "PART"},
    "ago": {"UNIT"}, "duration": {"UNIT"}, "duration_vague": {"UNIT"}, "unit_long": {"UNIT"}, "recent_units": {"UNIT"},
    "rel_unit": {"UNIT", "PART"}, "mod_unit": {"UNIT"}, "year_ago_adj": {"UNIT"}, "day_before": {"UNIT"},
    "holiday": {"HOL"}, "set_every": {"UNIT", "WD", "MONTH", "SEASON", "PART"}, "set_every_list": {"WD"}, "set_rate": {"UNIT"},
    "set_freq": {"FREQ"}, "ref": {"REF"}, "ref_adj": {"REFADJ"},
}.items()}


def _trigger_tokens(text: str):
    """The matches of _TRIGGER in ``text``: found without IGNORECASE in the text with its ASCII letters
    lower-cased (the same spans, found faster), unless a character there folds onto an ASCII letter."""
    if foldable(text):
        return _TRIGGER.finditer(text)
    return _TRIGGER_LOWER.finditer(ascii_lowered(text))


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged text windows around the tokens of each trigger class."""
    n = len(text)
    spans: dict[str, list[list[int]]] = {}
    for m in _trigger_tokens(text):
        tok = text[m.start():m.end()]
        if tok[0].isdigit():
            classes = set()
            digits = _DIGITS.match(tok).group()
            if len(digits) == 4 and 1000 <= int(digits) <= 2099:
                classes.add("YEAR")
            elif len(digits) == 2 and tok.endswith("s"):
                classes.add("DECADE")
            if _NUMERIC_DATE.search(tok):
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


class _Taken:
    """Disjoint non-empty spans, kept sorted: does a span overlap one of them? One bisect, one
    comparison (the span starting last before its end is the only one that can reach into it)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e) - 1
        return k >= 0 and self.ends[k] > s

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_left(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


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
    cands = _candidates(text, ctx)
    # overlap resolution: longest span first, then priority, then earliest
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    chosen: list[tuple] = []
    taken = _Taken()
    for c in cands:
        if taken.overlaps(c[0], c[1]):
            continue
        chosen.append(c)
        taken.add(c[0], c[1])
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


def _candidates(text: str, ctx: _Ctx) -> list[tuple]:
    """Every rule's matches in the windows of its trigger classes, as (start, end, prio, rule, match),
    each (span, rule) once. A window that lacks a word the rule's pattern cannot match without
    (regex_literals) is not searched."""
    cands = []
    wins = _windows(text)
    by_classes: dict[frozenset, list[tuple[int, int]]] = {}      # the rules of one class set share windows
    seen: set[tuple[int, int, str]] = set()
    lowered: dict[tuple[int, int], str] | None = None if foldable(text) else {}
    for r in RULES:
        classes = _RULE_CLASSES[r.name]
        rule_wins = by_classes.get(classes)
        if rule_wins is None:
            rule_wins = by_classes[classes] = _rule_windows(wins, classes)
        needs = _NEEDS[r.name] if lowered is not None else None
        for s, e in rule_wins:
            if needs:
                low = lowered.get((s, e))
                if low is None:
                    low = lowered[(s, e)] = text[s:e].lower()
                if not may_match(needs, low):
                    continue
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
    return cands


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
