"""Lookup structures of the events stage: what a candidate event needs from the attributions, time
expressions and earlier candidates of the article, found by bisection over sorted offsets or by
keys instead of a scan over everything, so that the stage's work grows with the article's length.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from functools import lru_cache

from .. import lang
from ..record import Mention, Timex
from ..resources import read_tsv
from .event_lexicon import _Cand, _ORDINALS, _same_day, grammar_words
from .regexes import source
from .trigger_senses import token_starting_at


class ReportIndex:
    """The attributions of an article, as ``(content start, content end, source start, source end,
    cue start)`` tuples, by the sentences their contents overlap and by their source starts."""

    def __init__(self, reported: list[tuple[int, int, int, int, int]], sentences) -> None:
        self.sent_starts = [a for a, _ in sentences]
        self.by_content: dict[int, list[tuple]] = defaultdict(list)
        for r in reported:
            if r[1] > r[0]:
                for n in range(self._sent_of(r[0]), self._sent_of(r[1] - 1) + 1):
                    self.by_content[n].append(r)
        self.by_source = sorted(reported, key=lambda r: r[2])
        self.source_starts = [r[2] for r in self.by_source]

    def _sent_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def sources_apart(self, start: int, end: int, sent_start: int) -> list[tuple[int, int]]:
        """The source spans that are not participants of an event at [start, end) in the sentence
        starting at ``sent_start``: the source of a content holding the event and named after it,
        and a source named in the sentence before the event (not the event's own cue)."""
        out = [(a, b) for cs, ce, a, b, _ in self.by_content.get(self._sent_of(start), ())
               if cs <= start < ce and a > end]
        lo = bisect.bisect_left(self.source_starts, sent_start)
        hi = bisect.bisect_left(self.source_starts, start)
        out += [(a, b) for cs, _, a, b, cue in self.by_source[lo:hi] if cs < a and b <= start and cue != start]
        return out


class TimexIndex:
    """The time expressions of an article by start and by end."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.timexes = timexes
        self.by_start = sorted(range(len(timexes)), key=lambda k: timexes[k].start)
        self.starts = [timexes[k].start for k in self.by_start]
        self.by_end = sorted(range(len(timexes)), key=lambda k: timexes[k].end)
        self.ends = [timexes[k].end for k in self.by_end]

    def starting_in(self, a: int, b: int) -> list[Timex]:
        """Those starting in [a, b), in the order of the list."""
        ks = self.by_start[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]
        return [self.timexes[k] for k in sorted(ks)]

    def ending_in(self, a: int, b: int) -> list[Timex]:
        """Those ending in (a, b], in the order of the list."""
        ks = self.by_end[bisect.bisect_right(self.ends, a):bisect.bisect_right(self.ends, b)]
        return [self.timexes[k] for k in sorted(ks)]


def by_sentence(cands: list[_Cand]) -> dict[int, list[_Cand]]:
    """Candidates by sentence, in their order."""
    out: dict[int, list[_Cand]] = defaultdict(list)
    for c in cands:
        out[c.sent].append(c)
    return out


def _day_key(v: str):
    """Two non-empty values have equal keys exactly when ``_same_day`` holds for them."""
    if len(v) >= 10 and v[:1].isdigit() and (len(v) == 10 or v[10] == "T"):
        return "day", v[:10]
    return "value", v


class MergeIndex:
    """The events kept so far by ``EventExtractor._merge``, under the keys a twin must share with a
    new report: (root, hypothetical, negated) and then one of the same day, a neighbouring
    sentence, the lede, or the same actor and code; and by trigger start, for the participle clause
    that tells more of another trigger's act (``mark_elaborations``, twins across roots of violence). Keys that change when a report is merged in
    are added again (an old entry stays: the full test runs on every candidate)."""

    def __init__(self) -> None:
        self.pos: dict[int, int] = {}         # id(event) -> position in the kept list
        self.kept: list[_Cand] = []
        self.lists: dict[tuple, list[int]] = defaultdict(list)

    @staticmethod
    def _group(c: _Cand) -> tuple:
        return c.pattern.code[:2], c.hypothetical, c.negated

    @staticmethod
    def _codes(c: _Cand) -> tuple:
        """Actor and target codes (None where there is none: ``_twins`` reads an empty one so)."""
        return (c.actor.code if c.actor is not None and c.actor.code else None,
                c.target.code if c.target is not None and c.target.code else None)

    def _keys(self, c: _Cand):
        g = self._group(c)
        ac, tc = self._codes(c)
        yield g + ("sent", c.sent)
        if c.sent <= 3:
            yield g + ("lede",)
        if c.date:
            yield g + ("day", _day_key(c.date))
            yield g + ("day", _day_key(c.date), ac, tc)
        if ac:
            yield g + ("actor", ac, c.pattern.code)
            yield g + ("actor", ac, c.pattern.code, tc)
        yield ("start", c.start)                 # (elaborations are twins across roots: by trigger)
        if c.elaborates is not None:
            yield ("elaborates", c.elaborates)

    def add(self, c: _Cand) -> None:
        self.pos[id(c)] = len(self.kept)
        self.kept.append(c)
        self.update(c)

    def update(self, c: _Cand) -> None:
        p = self.pos[id(c)]
        for key in self._keys(c):
            lst = self.lists[key]
            k = bisect.bisect_left(lst, p)
            if k == len(lst) or lst[k] != p:
                lst.insert(k, p)

    def candidates(self, c: _Cand):
        """The lists of positions an event matching ``c`` must be in (each in the kept order): with
        both codes known, only events whose codes are the same or missing."""
        g = self._group(c)
        ac, tc = self._codes(c)
        for n in (c.sent - 1, c.sent, c.sent + 1):
            yield self.lists.get(g + ("sent", n), ())
        if c.sent <= 3:
            yield self.lists.get(g + ("lede",), ())
        if c.date and ac and tc:
            for a in (ac, None):
                for t in (tc, None):
                    yield self.lists.get(g + ("day", _day_key(c.date), a, t), ())
        elif c.date:
            yield self.lists.get(g + ("day", _day_key(c.date)), ())
        if ac and tc:
            for t in (tc, None):
                yield self.lists.get(g + ("actor", ac, c.pattern.code, t), ())
        elif ac:
            yield self.lists.get(g + ("actor", ac, c.pattern.code), ())
        if c.elaborates is not None:
            yield self.lists.get(("start", c.elaborates), ())
        yield self.lists.get(("elaborates", c.start), ())

    def first(self, c: _Cand, fits) -> _Cand | None:
        """The earliest kept event ``o`` with ``fits(c, o)``."""
        best = None
        for lst in self.candidates(c):
            for p in lst:
                if best is not None and p >= best:
                    break
                if fits(c, self.kept[p]):
                    best = p
                    break
        return self.kept[best] if best is not None else None


def _party(m: Mention) -> str | None:
    return m.entity or (m.name or m.text or "").lower() or m.code


def _one_party(a: Mention, b: Mention) -> bool:
    """A state and someone acting for it ("South Korea", "Moon Jae-in") are one party by their code;
    two people or two bodies of one state are two."""
    if a.kind == "country" or b.kind == "country":
        return a.code == b.code
    return _party(a) == _party(b)


def same_parties(c: _Cand, o: _Cand) -> bool:
    """Reports in two sentences are of one happening only with the same participants: each role
    named on both sides by the same party; a role named on one side only, for the same kind of act
    (the 3-digit code: "launched missiles ... the missiles were fired from ...")."""
    for a, b in ((c.actor, o.actor), (c.target, o.target)):
        if a is not None and b is not None and not _one_party(a, b):
            return False
        if (a is None) != (b is None) and c.pattern.code[:3] != o.pattern.code[:3]:
            return False
    return True


@lru_cache(maxsize=1)
def _distinct_roots() -> frozenset[str]:
    """Roots whose codes are different acts across sentences too (cameo/distinct_codes.tsv)."""
    return frozenset(r["root"] for r in read_tsv("cameo", "distinct_codes.tsv"))


def twins(c: _Cand, o: _Cand) -> bool:
    """Is ``c`` another report of the happening ``o`` (same root, actor, target, day, place)?"""
    if o.hypothetical != c.hypothetical or o.negated != c.negated:
        return False
    if o.pattern.code[:2] != c.pattern.code[:2] and not (
            _elaboration(c, o) and {o.pattern.code[:2], c.pattern.code[:2]} <= _one_happening_roots()):
        return False    # ("the bomb exploded, killing 12": one happening of two roots of violence)
    if o.pattern.code[:3] != c.pattern.code[:3] and ((o.sent == c.sent and not _elaboration(c, o))
                                                     or c.pattern.code[:2] in _distinct_roots()):
        return False    # "the talks, mediated by Egypt": two kinds of happening in one sentence; two intents
    ac, oc = (c.actor.code if c.actor else None), (o.actor.code if o.actor else None)
    if ac and oc and ac != oc:
        return False
    tc, otc = (c.target.code if c.target else None), (o.target.code if o.target else None)
    if tc and otc and tc != otc:
        return False
    if c.location and o.location and c.location.get("name") != o.location.get("name"):
        return False    # one happening has one place: a protest in one city is not the riot in another
    if c.sent != o.sent and not (c.headline or o.headline) and not same_parties(c, o):
        return False
    if c.sent != o.sent and ((c.earlier and not c.date and o.date) or (o.earlier and not o.date and c.date)):
        return False    # an act told as before the story's time, of no known day, is no other sentence's dated act
    if not _same_day(c.date, o.date):
        if c.date and o.date:
            return False
        if c.sent != o.sent and (c.standing or o.standing) and not (c.headline or o.headline):
            return False    # a span or standing position ("since 1985 ... have killed") is no one day's report
        # an undated report far from the other merges only when the actor is named and equal,
        # or when one is the headline and the other in the lede (the first three sentences)
        lede = (c.headline or o.headline) and max(c.sent, o.sent) <= 3 \
            and c.pattern.code[:3] == o.pattern.code[:3]
        if abs(c.sent - o.sent) > 1 and not lede \
                and not (ac and ac == oc and c.pattern.code == o.pattern.code):
            return False
    return True


@lru_cache(maxsize=1)
def _one_happening_roots() -> frozenset[str]:
    return frozenset(grammar_words("one_happening_roots"))


def _elaboration(c: _Cand, o: _Cand) -> bool:
    return c.elaborates == o.start or o.elaborates == c.start


_SEQUENCE_MARKS = grammar_words("background_marks")


def mark_elaborations(cands: list[_Cand], parse) -> list[_Cand]:
    """A trigger heading a participle clause with no subject of its own that hangs on another trigger
    of the sentence ("X lashed out at Y, accusing them of Z") tells more of that trigger's act, not
    another happening: ``twins`` lets the two merge though their codes differ (of one root only).
    Returns ``cands``."""
    if parse is None or len(cands) < 2:
        return cands
    starts = {c.start for c in cands}
    adverbial, subjects = lang.dep_labels("adverbial_clause"), lang.dep_labels("any_nominal_subject")
    for c in cands:
        tok = token_starting_at(parse, c.start)
        if tok is None or tok.tag_ != "VBG" or tok.dep_ not in adverbial or tok.head.idx == c.start \
                or tok.head.idx not in starts or any(ch.dep_ in subjects for ch in tok.children) \
                or any(ch.lower_ in _SEQUENCE_MARKS for ch in tok.children if ch.i < tok.i):
            continue        # ("after meeting X", "before visiting Y": another happening, before or after it)
        c.elaborates = tok.head.idx
    return cands


class SeriesLookup:
    """What ``TimeRules._series`` reads for each series phrase, found by bisection: the sentence of
    an offset, the candidates (not hypothetical, still kept) of a range of sentences in the list's
    order, those starting in a range (dropped: ``gone``), and the time expressions by start."""

    def __init__(self, cands: list[_Cand], sentences, timexes: list[Timex]) -> None:
        self.sentences, self.index, self.gone = sentences, TimexIndex(timexes), set()
        self.sent_starts = [a for a, _ in sentences]
        self.sorted = all(a <= b for a, b in zip(self.sent_starts, self.sent_starts[1:])) and all(
            b <= a for (_, b), (a, _) in zip(sentences, sentences[1:]))
        self.pos = {id(c): n for n, c in enumerate(cands)}
        self.by_sent: dict = {}
        for c in cands:
            self.by_sent.setdefault(c.sent, []).append(c)
        self.by_start = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.by_start]

    def sentence(self, pos: int) -> int | None:
        if not self.sorted:
            return next((n for n, (a, b) in enumerate(self.sentences) if a <= pos < b), None)
        n = bisect.bisect_right(self.sent_starts, pos) - 1
        return n if n >= 0 and self.sentences[n][0] <= pos < self.sentences[n][1] else None

    def in_sentences(self, lo, hi) -> list[_Cand]:
        if lo is None:
            return [c for c in self.by_sent.get(None, ()) if id(c) not in self.gone and not c.hypothetical]
        found = [c for n in range(lo, hi) for c in self.by_sent.get(n, ()) if id(c) not in self.gone
                 and not c.hypothetical]
        return sorted(found, key=lambda c: self.pos[id(c)])

    def drop(self, a: int, b: int, keep: _Cand) -> None:
        for c in self.by_start[bisect.bisect_left(self.starts, a):bisect.bisect_right(self.starts, b)]:
            if c is not keep:
                self.gone.add(id(c))


@lru_cache(maxsize=1)
def series_pattern() -> "re.Pattern[str]":
    """An owner and an ordinal, in figures (group 1) or in words (group 2): regexes.json series_number
    or series_word and grammar.json ordinals, with the owner matched once for both (the same matches:
    after the owner and its spaces comes a digit or a lower-case letter, never both, so no owner that
    one branch takes can be passed over for the other's; one attempt per position instead of two)."""
    return re.compile(r"\b" + source("cameo", "series_owner") + r"\s+(?:" + source("cameo", "series_figures")
                      + "|(" + "|".join(_ORDINALS) + r")\b)")


def series_phrases(text: str):
    """``series_pattern().finditer(text)``, the same matches, with the expression tried only in windows
    around the places ``_series_places`` finds: an owner's last character, white space, and a digit or
    an ordinal's letters. A window runs from the owner's longest reach before that space to the
    ordinal's longest reach (its lookahead read included) after it, overlapping windows joined. Every
    match lies in the window of its ordinal; in a window the expression reads no character past its
    end for any match (an ordinal nearer the end than its reach is a place of the same window, which
    then ends past that reach), so each window's matches are the whole text's there."""
    places = _series_places()
    if places is None:      # (an owner expression whose ends and reach are not known: the plain scan)
        yield from series_pattern().finditer(text)
        return
    gaps, before, after = places
    rx, lo, hi = series_pattern(), None, None
    for g in gaps.finditer(text):
        a, q = g.span(1)
        if hi is not None and a - before <= hi:
            hi = q + after
            continue
        if hi is not None:
            yield from rx.finditer(text, lo, hi)
        lo, hi = max(0, a - before), q + after
    if hi is not None:
        yield from rx.finditer(text, lo, hi)


@lru_cache(maxsize=1)
def _series_places() -> "tuple[re.Pattern[str], int, int] | None":
    """The places a series phrase may stand (an owner's possible last character, its white space as
    group 1, a digit or an ordinal's letters next), the owner's longest match and the ordinal's
    longest reach; None where the owner expression's last characters or length are not fixed, or
    the figures do not open with a digit. (Read from the expressions' parse: ``re._parser``.)"""
    try:
        from re import _constants as K, _parser
        owner, figures = _parser.parse(source("cameo", "series_owner")), _parser.parse(source("cameo", "series_figures"))
    except (ImportError, re.error):
        return None
    ends, width = _last_chars(list(owner), K), owner.getwidth()[1]
    if not ends or width >= K.MAXREPEAT or owner.state.flags & re.I or figures.state.flags & re.I \
            or not _opens_with_digit(list(figures), K) or figures.getwidth()[1] >= K.MAXREPEAT:
        return None
    after = max(figures.getwidth()[1], *(len(w) for w in _ORDINALS)) + 1
    gaps = re.compile("[" + "".join(re.escape(ch) for ch in sorted(ends)) + r"](\s+)(?=\d|"
                      + "|".join(re.escape(w) for w in _ORDINALS) + ")")
    return gaps, width, after


def _last_chars(items, K) -> "set[str] | None":
    """The characters a match of the parsed expression ``items`` can end with, where every branch
    ends in a literal or a set of literals (case as written); None otherwise."""
    if not items:
        return None
    op, av = items[-1]
    if op is K.LITERAL:
        return {chr(av)}
    if op is K.IN and all(o is K.LITERAL for o, _ in av):
        return {chr(x) for _, x in av}
    if op is K.SUBPATTERN and not (av[1] & re.I):
        return _last_chars(list(av[3]), K)
    if op is K.BRANCH:
        sets = [_last_chars(list(b), K) for b in av[1]]
        return None if any(x is None for x in sets) else set().union(*sets)
    return None


def _opens_with_digit(items, K) -> bool:
    """Does every match of the parsed expression ``items`` open with a digit?"""
    if not items:
        return False
    op, av = items[0]
    if op is K.SUBPATTERN:
        return _opens_with_digit(list(av[3]), K)
    if op is K.MAX_REPEAT or op is K.MIN_REPEAT:
        return av[0] >= 1 and _opens_with_digit(list(av[2]), K)
    return op is K.IN and av == [(K.CATEGORY, K.CATEGORY_DIGIT)]
