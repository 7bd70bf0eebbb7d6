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
import functools
import re

from dateline.extract import (
    timex_rules_dates, timex_rules_days, timex_rules_periods, timex_rules_relative, timex_rules_sets,
)
from dateline.extract.regex_literals import (
    ascii_fits, ascii_lowered, core, foldable, lazy_rx, led, may_match_one, needed_alternatives,
)
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
# one pass finds only the tokens that can trigger a rule: number tokens and the class words
# number tokens and class words: two passes, each of which Python's engine runs faster than one pass
# of both (the number pattern begins with a digit class, so the engine skips to the next digit); a
# class word is a token unless it ends where a number token ends ("s" of "1990s": the suffix of that
# token, which one pass of both would have taken). Without IGNORECASE over lower-cased text (the same
# spans, found faster), unless a character there folds onto an ASCII letter.
_NUMBER_TOKEN = r"\d\d*(?:[:/.,-]\d+)*(?:['’]?s\b|st\b|nd\b|rd\b|th\b)?"
_CLASS_WORDS_ALT = alt(_TOKEN_CLASSES)        # (made once: a prefix tree of a few hundred words)
_WORD_TOKEN = rf"(?<![A-Za-z]){_CLASS_WORDS_ALT}(?![A-Za-z])"
_NUMBERS = {False: re.compile(_NUMBER_TOKEN), True: re.compile(_NUMBER_TOKEN, re.I)}
# the same for an ASCII text read as bytes (the same spans: there \d and \b are ASCII, as the text is;
# the digit class then a bitmap the engine skips by, no Unicode digit test per character)
_NUMBERS_ASCII = re.compile(_NUMBER_TOKEN.replace("['’]", "[']").encode("ascii"))
# the class words of a lower-cased text led by the character before them (the text's start is read as
# one such character): with a class of non-letters first, the engine skips over the letters in C to
# the next such character instead of trying the lookbehind at each position. The same words: where
# the text has no upper-case ASCII letter, "no letter before" is "a character before that is no
# letter", and a match ends before a non-letter, which the next match may then lead with.
_WORD_LED = rf"[^a-z]({_CLASS_WORDS_ALT})(?![a-z])"      # (compiled at the first text not ASCII)
_LONGEST_WORD = max(map(len, _TOKEN_CLASSES))
# the same for an ASCII text, as bytes with every character but a-z made a space and a space put
# before: the engine then skips to the next space by a literal, not by testing a class at each byte
_WORD_SPACED = re.compile(rb" (" + _CLASS_WORDS_ALT.encode("ascii") + rb")(?![a-z])")
_LETTERS_KEPT = bytes(c if 0x61 <= c <= 0x7a else 0x20 for c in range(256))
# an ASCII text's whitespace (str.isspace) made a space, every other character an "x"
_SPACES_KEPT = bytes(0x20 if chr(c).isspace() else 0x78 for c in range(256))


@functools.lru_cache(maxsize=1)
def _folded_words() -> re.Pattern:
    """The class words of a text that holds a character that folds onto an ASCII letter (rare: made
    at the first such text)."""
    return re.compile(_WORD_TOKEN, re.I)


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


def _class_words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w, classes in _TOKEN_CLASSES.items():
        for c in classes:
            out.setdefault(c, []).append(w)
    return out


def _window_needs(rule: _Rule) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The lists of sets of words (regex_literals.needed_alternatives) of the rule's pattern one of
    which a window must meet for a match, less the sets every window of the rule meets already: a
    window holds a token of one of the rule's trigger classes, so a set that has a part of each word of
    those classes is met there (a number class says nothing). Each set shortest word first (the
    likeliest to be met). () where some list is always met (nothing to test)."""
    words = [w for c in _RULE_CLASSES[rule.name] for w in _CLASS_WORDS.get(c, [None])]
    alts = tuple(tuple(tuple(sorted(n, key=lambda w: (len(w), w))) for n in need
                       if None in words or not all(any(x in w for x in n) for w in words))
                 for need in needed_alternatives(rule.rx))
    return () if not all(alts) else alts


_CLASS_WORDS = _class_words()


@functools.lru_cache(maxsize=2)
def _plan(ascii: bool) -> tuple:
    """Per rule, in RULES order: the rule, its trigger classes, the words a window must hold
    (_window_needs), its pattern with the characters a match begins with named for the engine to skip
    to (regex_literals.led: the same matches), the core of its pattern that a window must hold where
    the lead is long (regex_literals.core) or None. ``ascii``: the patterns compiled for an ASCII text
    (regex_literals.as_ascii: the same matches there, found faster). Made at the first text of each
    kind (compiling them costs about as much as the tagging of a few texts)."""
    return tuple((r, _RULE_CLASSES[r.name], _window_needs(r), led(r.rx, ascii=ascii),
                  core(r.rx, led=True, ascii=ascii)) for r in RULES)


def _number_reach(tok: str, text: str, end: int) -> tuple[tuple[str, int, int], ...]:
    """The (class, left reach, right reach) of a number token ending at ``end``."""
    reach, timed = _number_classes(tok)
    if timed or not _AMPM_AFTER.match(text, end):
        return reach
    return reach + (("TIME",) + _WIN_BY_CLASS["TIME"],)


@functools.lru_cache(maxsize=4096)
def _number_classes(tok: str) -> tuple[tuple[tuple[str, int, int], ...], bool]:
    """The reach of a number token as far as the token itself tells (its text only, so kept per
    token), and whether that holds TIME already (else an "a.m." after it makes it a time)."""
    classes = []
    digits = _DIGITS.match(tok).group()
    if len(digits) == 4 and 1000 <= int(digits) <= 2099:
        classes.append("YEAR")
    elif len(digits) == 2 and tok.endswith("s"):
        classes.append("DECADE")
    if _NUMERIC_DATE.search(tok):
        classes.append("NUMDATE")
    timed = ":" in tok or "." in tok
    if timed:
        classes.append("TIME")
    return tuple((c,) + _WIN_BY_CLASS.get(c, (_WIN, _WIN)) for c in classes), timed


# per class word: its (class, left reach, right reach)
_WORD_REACH = {w: tuple((c,) + _WIN_BY_CLASS.get(c, (_WIN, _WIN)) for c in cs) for w, cs in _TOKEN_CLASSES.items()}


def _windows(text: str, fold: bool) -> dict[str, list[list[int]]]:
    """Merged text windows [start, end] around the tokens of each trigger class (``fold``: the text
    holds a character that folds onto an ASCII letter, regex_literals.foldable): those of the number
    tokens and those of the class words, merged again where a class has both."""
    low = text if fold else ascii_lowered(text)
    ascii = None if fold or not low.isascii() else low.encode("ascii")
    nums = [(m.start(), m.end()) for m in (_NUMBERS[fold].finditer(low) if ascii is None
                                           else _NUMBERS_ASCII.finditer(ascii))]
    # (the text's own case: "1990S" is no decade)
    blanks = None if ascii is None else ascii.translate(_SPACES_KEPT)
    spans = _class_windows(text, ((a, b, _number_reach(text[a:b], text, b)) for a, b in nums), blanks)
    ends = {b for _, b in nums}
    reach = _WORD_REACH.get
    if fold:
        found = [(m.start(), m.end(), m.group().lower()) for m in _folded_words().finditer(low)]
    elif ascii is not None:
        spaced = (b" " + ascii).translate(_LETTERS_KEPT)
        found = [(m.start(1) - 1, m.end() - 1, m.group(1).decode("ascii")) for m in _WORD_SPACED.finditer(spaced)]
    else:
        words_led = lazy_rx(_WORD_LED)
        found = [(m.start(1), m.end(), m.group(1)) for m in words_led.finditer(low)]
        # a word at the start (led by a space put before; the text's first characters are enough to
        # tell a word of the longest length and the character after it)
        first = words_led.match(" " + low[:_LONGEST_WORD + 1])
        if first is not None:
            found.insert(0, (0, first.end() - 1, first.group(1)))
    more = _class_windows(text, ((a, b, reach(w, ())) for a, b, w in found if b not in ends), blanks)
    for c, lst in more.items():
        spans[c] = _merged(sorted(spans[c] + lst)) if c in spans else lst
    return spans


def _class_windows(text: str, tokens, blanks: bytes | None = None) -> dict[str, list[list[int]]]:
    """Merged windows per class around ``tokens`` ((start, end, reach) in text order), each widened
    to whole words. ``blanks``: an ASCII text's bytes with its whitespace a space and every other
    character none (_SPACES_KEPT), where the ends of the words are found by bytes.find (in C) instead
    of a walk over the characters (the same ends: str.isspace and that table agree on ASCII)."""
    n = len(text)
    spans: dict[str, list[list[int]]] = {}
    for a, b, reach in tokens:
        for c, lw, rw in reach:
            s = a - lw
            e = b + rw
            if e >= n:
                e = n
            if blanks is not None:
                s = blanks.rfind(b" ", 0, s) + 1 if s > 0 else 0
                e = blanks.find(b" ", e)
                if e < 0:
                    e = n
            else:
                if s <= 0:
                    s = 0
                while s > 0 and not text[s - 1].isspace():
                    s -= 1
                while e < n and not text[e].isspace():
                    e += 1
            lst = spans.get(c)
            if lst is None:
                spans[c] = [[s, e]]
                continue
            last = lst[-1]
            if s <= last[1]:
                if e > last[1]:
                    last[1] = e
            else:
                lst.append([s, e])
    return spans


def _merged(windows: list) -> list[list[int]]:
    """Windows sorted by start, those that overlap or touch joined."""
    out: list[list[int]] = []
    for s, e in windows:
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def _rule_windows(wins: dict[str, list[tuple[int, int]]], classes: set[str]) -> list[tuple[int, int]]:
    if len(classes) == 1:
        return wins.get(next(iter(classes)), [])
    return [(s, e) for s, e in _merged(sorted(w for c in classes for w in wins.get(c, [])))]


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
    fold = foldable(text)
    wins = _windows(text, fold)
    # the words are looked for in the window of the text with its ASCII letters lower-cased: the same
    # ASCII runs as in the window lower-cased (str.lower makes ASCII letters only of the characters
    # that fold); not in a text that holds one of them
    low = ascii_lowered(text) if not fold else None
    by_classes: dict[frozenset, list[tuple[int, int, str]]] = {}   # the rules of one class set share windows
    seen: set[tuple[int, int, str]] = set()
    for r, classes, needs, rx, cx in _plan(ascii_fits(text)):
        rule_wins = by_classes.get(classes)
        if rule_wins is None:
            rule_wins = by_classes[classes] = [(s, e, low[s:e] if low is not None else "")
                                               for s, e in _rule_windows(wins, classes)]
        if low is None:
            needs = ()
        accept, prio, name = r.accept, r.prio, r.name
        for s, e, lw in rule_wins:
            if needs and not may_match_one(needs, lw):
                continue
            if cx is not None and cx.search(text, s, e) is None:
                continue
            for m in rx.finditer(text, s, e):
                a, b = span = m.span()
                if a == b:
                    continue
                if accept is not None:
                    span = accept(m, text, ctx)
                    if span is None:
                        continue
                    a, b = span[0], span[1]
                    if b <= a:
                        continue
                key = (a, b, name)
                if key in seen:
                    continue
                seen.add(key)
                cands.append((a, b, prio, r, m))
    return cands


def _fallback(ctx: _Ctx, s: int, e: int, failed: _Rule):
    best = None
    for r, _, _, rx, _ in _plan(ascii_fits(ctx.text)):     # (RULES in order, patterns led: regex_literals.led)
        if r is failed:
            continue
        for m in rx.finditer(ctx.text, s, e):
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
