"""Modifiers that extend a resolved timex: "early", "the end of", "about", "or so", "the week of",
"the day before"."""
from __future__ import annotations

import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.regex_literals import compiled, foldable, led, may_match, needed
from dateline.extract.timex_base import context_regex, L
from dateline.extract.timex_values import date_to_value, parse_value, shift_units, value_start_date
from dateline.record import Timex



_POINT_PREFIX = context_regex("POINT_PREFIX")
_APPROX_POINT_WORDS = L.rule_words("approx_point_words")
_EARLIER_LATER = L.rule_words("earlier_later")
_APPROX_WORDS = L.rule_words("approx_words")
_DEICTIC_START = context_regex("DEICTIC_START")
_DET_START = context_regex("DET_START")
_MID_HYPHEN = context_regex("MID_HYPHEN")
_APPROX_PREFIX = compiled(rf"(?<![\w-])(?P<w>{L.re_approx})\s+$", re.I)
_APPROX_SUFFIX = re.compile(rf"\s+(?P<w>{L.re_approx_suffix})(?![\w-])", re.I)


_DAY_BEFORE_DATE = context_regex("DAY_BEFORE_DATE")
_WEEK_OF = context_regex("WEEK_OF")
# per pattern searched before a timex: the words it cannot match without (regex_literals.needed), and
# the pattern with its first characters named for the engine to skip to (regex_literals.led: the same matches)
_SEARCH = {rx: (needed(rx), led(rx))
           for rx in (_WEEK_OF, _DAY_BEFORE_DATE, _MID_HYPHEN, _POINT_PREFIX, _APPROX_PREFIX)}


def _find(rx: re.Pattern, before: str, low: str | None) -> re.Match | None:
    """``rx.search(before)``; None at once where ``low`` (``before`` lower-cased, None where it holds a
    character that folds onto an ASCII letter) lacks a word every match of ``rx`` holds."""
    needs, scan = _SEARCH[rx]
    if low is not None and not may_match(needs, low):
        return None
    return scan.search(before)


def _extend(tx: Timex, text: str, prev_end: int) -> None:
    """Attach preceding modifiers ("early", "the end of", "about", "more than") and "or so"."""
    lo = max(prev_end, tx.start - 40)
    before = text[lo:tx.start]
    low = None if foldable(before) else before.lower()
    wk = _find(_WEEK_OF, before, low) if tx.type == "DATE" else None
    if wk and (parse_value(tx.value) or {}).get("gran") == "day" and not tx.mod:
        d = value_start_date(tx.value)
        if d is not None:  # "the week of March 6": the week that day falls in
            tx.start = lo + wk.start()
            tx.value = date_to_value(d, "week")
            tx.text = text[tx.start:tx.end]
            return
    db = _find(_DAY_BEFORE_DATE, before, low) if tx.type == "DATE" else None
    if db and (parse_value(tx.value) or {}).get("gran") == "day" and not tx.mod:
        v = shift_units(tx.value, -1 if db.group("d").lower() == "before" else 1, "D")
        if v:  # "the day before last Tuesday", "the day after Christmas"
            tx.start = lo + db.start()
            tx.value = v
            tx.text = text[tx.start:tx.end]
            return
    if tx.type in ("DATE", "TIME"):
        m = _find(_MID_HYPHEN, before, low) or _find(_POINT_PREFIX, before, low)
        if m:
            w = SPACE_RUN.sub(" ", (m.groupdict().get("ph") or m.group("w")).lower())
            ok = True
            low = tx.text.lower()
            if w in _EARLIER_LATER and not _DEICTIC_START.match(low) \
                    and not L.weekday(tx.text.split()[0]):
                ok = False
            if w in _APPROX_POINT_WORDS:
                ok = tx.type == "TIME" or (parse_value(tx.value) or {}).get("gran") == "day"
                mod = "APPROX" if w in _APPROX_WORDS else ("AFTER" if "after" in w else "BEFORE")
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
        m = _find(_APPROX_PREFIX, before, low)
        if m and not _DET_START.match(tx.text):
            tx.start = lo + m.start()
            tx.mod = L.approx_mods.get(SPACE_RUN.sub(" ", m.group("w").lower()), tx.mod)
        ms = _APPROX_SUFFIX.match(text, tx.end)
        if ms:
            tx.end = ms.end()
            tx.mod = tx.mod or L.approx_suffix.get(SPACE_RUN.sub(" ", ms.group("w").lower()))
    tx.text = text[tx.start:tx.end]
