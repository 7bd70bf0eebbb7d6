"""The context a time-expression rule resolves in: sentences, tense cues, the DCT, the timexes
already resolved, and the helpers that pick a year, a weekday date or a holiday date."""
from __future__ import annotations

import bisect
import datetime as _dt
import re

from dateline.extract.timex_lexicon import SPACE_RUN
from dateline.extract.timex_base import context_regex, _GRAN_UNIT, L, _UNIT_CODE, _XVAL
from dateline.extract.timex_values import (
    GRANS, date_to_value, make_duration, safe_date, shift_units, value_start_date,
)
from dateline.record import Timex



_WORD = context_regex("WORD")
_PAST_REL = L.rule_words("past_rel")
_FUTURE_REL = L.rule_words("future_rel")
_FUTURE_AUX = L.rule_words("future_aux")


class _Done(list):
    """The timexes resolved so far, (Timex, parsed value or None), in text order, with the positions
    of those with a parsed value by granularity and of the named quarters, so that a look-back
    finds the last fitting one before a position by bisection instead of a walk over all of them.
    ``plain``: the index cannot answer (a start before the previous one's, an unknown granularity)
    and the look-backs walk as before."""

    def __init__(self) -> None:
        super().__init__()
        self.parsed: list[int] = []                     # positions with a parsed value
        self.by_gran: dict[str, list[int]] = {}
        self.quarters: list[int] = []                   # parsed quarters tagged by the quarter rule
        self.focal: dict[int, object] = {}              # quarters position -> nearest focal one at or before
        self.plain = False

    def append(self, item) -> None:
        tx, p = item
        if self and tx.start < self[-1][0].start or p is not None and p["gran"] not in GRANS:
            self.plain = True
        super().append(item)
        if p is not None:
            k = len(self) - 1
            self.parsed.append(k)
            self.by_gran.setdefault(p["gran"], []).append(k)
            if p["gran"] == "quarter" and tx.rule == "quarter":
                self.quarters.append(k)

    def last_before(self, positions: list[int], pos: int) -> int:
        """The index in ``positions`` of the last one whose timex starts before pos (-1: none)."""
        return bisect.bisect_left(positions, pos, key=lambda k: self[k][0].start) - 1


class _Ctx:
    def __init__(self, text: str, dct, sentences):
        self.text = text
        if isinstance(dct, _dt.datetime):
            self.dct = dct.date()
        else:
            self.dct = dct
        self.sents = sentences
        self.sstarts = [s for s, _ in sentences]
        self.done: _Done = _Done()
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
            ms = list(_WORD.finditer(self.text, s, e))     # (made by C-level maps: no frame per word)
            self._words[idx] = list(zip(map(re.Match.start, ms), map(str.lower, map(re.Match.group, ms))))
        return self._words[idx]

    def tense(self, start: int, end: int) -> int:
        """+1 future, -1 past, 0 unknown: the cue word nearest to [start, end) in its sentence."""
        idx = self.sent_index(start)
        ws = self.words(idx)
        i = bisect.bisect_left(ws, (start, ""))
        j = bisect.bisect_left(ws, (end, ""))
        weak = 0
        back = list(range(i - 1, max(-1, i - 13), -1))
        # "wrote that on Election Day he will vote": a complementizer before the time opens its clause,
        # whose own verb, after it, tells its tense before the reporting verb does
        cut = next((n for n, k in enumerate(back) if n and ws[k][1] in L.clause_complementizers), None)
        order = back + list(range(j, min(len(ws), j + 12))) if cut is None else \
            back[:cut] + list(range(j, min(len(ws), j + 12))) + back[cut:]
        for k in order:
            c = _cue(ws[k][1], ws[k + 1][1] if k + 1 < len(ws) else "")
            if c == 1 and k >= j and ws[k][1].endswith("ed"):
                c = -1  # "On Friday, the government planned to ...": a plan made then, not one for then
            if c < 0 and k > 0 and ws[k - 1][1] in _ADJ_BEFORE_ED and ws[k][1] not in L.past_cues:
                continue  # "a still unspecified date", "the planned merger": an adjective, not a past verb
            if c < 0:
                # a participle after a future auxiliary ("will be paid", "is to be completed")
                prev3 = [ws[q][1] for q in range(max(0, k - 3), k)]
                if any(x in _FUTURE_AUX for x in prev3) or prev3[-2:] == ["to", "be"]:
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
        if self.done.plain:
            for tx, p in reversed(self.done):
                if tx.start >= pos or p is None or p["gran"] != "quarter" or tx.rule != "quarter":
                    continue
                if self._focal(tx):
                    return tx.value, tx.id
        else:
            k = self._focal_at(self.done.last_before(self.done.quarters, pos))
            if k >= 0:
                tx = self.done[self.done.quarters[k]][0]
                return tx.value, tx.id
        return self.ref(pos, want="quarter", max_sents=max_sents)

    def _focal(self, tx: Timex) -> bool:
        """Can a named quarter be the one a report is about (not indefinite, not a forecast)?"""
        if _INDEFINITE_BEFORE.search(self.text, max(0, tx.start - 30), tx.start):
            return False
        nxt = shift_units(tx.value, 1, "Q") if self.dct is not None else None
        if nxt and (value_start_date(nxt) or self.dct) > self.dct:
            return False  # not over yet: a forecast ("into the fourth quarter"), not the report's period
        return True

    def _focal_at(self, k: int) -> int:
        """The last focal quarter at or before index k of done.quarters (-1: none); each answer is
        kept for every quarter passed (the test reads only the timex, which does not change)."""
        memo, passed = self.done.focal, []
        while k >= 0 and k not in memo and not self._focal(self.done[self.done.quarters[k]][0]):
            passed.append(k)
            k -= 1
        found = memo.get(k, k) if k >= 0 else -1
        for x in passed:
            memo[x] = found
        if k >= 0:
            memo[k] = found
        return found

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
        si = self.sent_index(pos)
        if not self.done.plain and (not min_gran or min_gran in GRANS):
            return self._ref_indexed(pos, si, min_gran, max_sents, want)
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
        return self._ref_default(want, max_sents)

    def _ref_default(self, want, max_sents) -> tuple[str | None, str]:
        if want or max_sents is not None:
            return None, "none"
        if self.dct is None:
            return None, "none"
        return date_to_value(self.dct, "day"), "dct"

    def _ref_indexed(self, pos: int, si: int, min_gran, max_sents, want) -> tuple[str | None, str]:
        """``ref`` by the granularity lists of done: the last fitting timex before pos, unless one
        with a parsed value farther back than max_sents comes first (where the walk stops)."""
        done = self.done
        if want:
            fits = not min_gran or want in GRANS and GRANS.index(want) >= GRANS.index(min_gran)
            lists = [done.by_gran.get(want, [])] if fits else []
        elif min_gran:
            lists = [done.by_gran.get(g, []) for g in GRANS[GRANS.index(min_gran):]]
        else:
            lists = [done.parsed]
        best = max((lst[k] for lst in lists if (k := done.last_before(lst, pos)) >= 0), default=-1)
        if best >= 0 and (max_sents is None or si - self.sent_index(done[best][0].start) <= max_sents):
            return done[best][0].value, done[best][0].id
        return self._ref_default(want, max_sents)


_ADJ_BEFORE_ED = L.rule_words("adj_before_ed")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
_INDEFINITE_BEFORE = context_regex("INDEFINITE_BEFORE")


# the first words of the two-word cues: a word (no space in it) and the next one make a cue of the
# list only where the word is one of these, so the pair is joined and looked up only then
_PAIR_FIRST = {c.split(" ")[0] for c in L.future_cues | L.past_cues if " " in c}


def _cue(w: str, nxt: str) -> int:
    if w == "next" and nxt == "to":
        return 0
    pair = f"{w} {nxt}" if w in _PAIR_FIRST else ""
    if w in L.future_cues or pair in L.future_cues:
        return 1
    if w in L.past_cues or pair in L.past_cues:
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
    if rel in _PAST_REL:
        return dct.year if m < dct.month else dct.year - 1
    if rel in _FUTURE_REL:
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


# how many days before the DCT the story's own day may lie for a future weekday to count from it
STORY_DAY_LAG = 3


def story_weekday(ctx: _Ctx, wd: int, pos: int) -> tuple[_dt.date, str] | None:
    """A weekday told in the future ("She will visit X on Thursday") after a story whose first day,
    named as a weekday, lies a few days before the DCT ("visited Y on Wednesday"; the story was
    written that day, published later): the first such weekday after that day, where it falls before
    the DCT (counted from the DCT it would be a week later, though told as the story's next day), and
    the id of that day's time expression (its anchor); None otherwise."""
    if ctx.dct is None:
        return None
    first = next((tx for tx, p in ctx.done if p is not None and p["gran"] == "day"), None)
    if first is None or first.start >= pos or first.rule != "weekday" or first.anchor != "dct":
        return None
    day = value_start_date(first.value)
    if day is None or not 0 < (ctx.dct - day).days <= STORY_DAY_LAG:
        return None
    d = _weekday_date(ctx, wd, 2, day)
    return (d, first.id) if d is not None and d < ctx.dct else None


def _holiday_date(name: str, year: int) -> _dt.date | None:
    name = SPACE_RUN.sub(" ", name)
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
