"""Lookup structures of the entity stage: which mentions cover a position, start at one or lie
inside a span, and which person a bare surname stands for, found by masks, keys and bisection
instead of a scan over every mention of the article."""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict

from .regex_literals import ascii_lowered


def words_end(text: str, s: int, n: int) -> int:
    """The end of the run of n + 1 whitespace-separated words starting at s (``text[s:]`` is not
    copied)."""
    rx = _WORDS_END[n] if 0 <= n < len(_WORDS_END) else re.compile(r"\S+(?:\s+\S+){%d}" % n)
    return rx.match(text, s).end()


# words_end's expressions for the counts of words names and runs have (compiled once, not looked up
# in re's cache at each call)
_WORDS_END = [re.compile(r"\S+(?:\s+\S+){%d}" % n) for n in range(12)]


_RUN = re.compile(r"[A-Za-z]+")


class _WordRuns:
    """The maximal runs of ASCII letters (``[A-Za-z]+``) that are one of some words in any case, in
    text order, each returned as the match of ``[A-Za-z]+`` there in the text. The runs of the words of
    every set made so far are found together, by one scan of the text read now (_runs): the stage asks
    for several sets in the same text."""

    def __init__(self, words: list[str]) -> None:
        self.words = frozenset(words)
        if not self.words <= _ALL[0]:
            _ALL[0] = _ALL[0] | self.words
            _SCAN[0] = _scan(_ALL[0])

    def finditer(self, text: str):
        if not self.words:
            return
        words = self.words
        for start, word in _runs(text):
            if word in words:
                yield _RUN.match(text, start)


def _scan(words: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """The expressions that find the maximal runs of [a-z] that are one of ``words`` in a lower-cased
    text: one at its start, one after a character that is no letter (that character opens the
    expression, so the engine skips from one such character to the next rather than trying the
    words at every letter)."""
    tree = letter_tree(sorted(words))
    return re.compile(r"%s(?![a-z])" % tree), re.compile(r"[^a-z](%s)(?![a-z])" % tree)


_ALL: list[frozenset[str]] = [frozenset()]                 # the words of every _WordRuns made
_SCAN: list[tuple[re.Pattern, re.Pattern] | None] = [None]  # _scan(_ALL[0])
_FOUND: list[tuple] = [(None, None, [])]                   # the last text, its scan and its runs


def _runs(text: str) -> list[tuple[int, str]]:
    """(start, run lower-cased) of the runs of _ALL's words in ``text``, kept for the text read now."""
    kept = _FOUND[0]
    if kept[0] is not text or kept[1] is not _SCAN[0]:
        low, (first, after) = ascii_lowered(text), _SCAN[0]
        head = first.match(low)
        runs = [(0, head.group())] if head else []
        runs += [(m.start(1), m.group(1)) for m in after.finditer(low)]
        kept = _FOUND[0] = (text, _SCAN[0], runs)
    return kept[2]


def letter_tree(words: list[str]) -> str:
    """An expression that matches exactly ``words`` (lower-case letters), branching letter by letter."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [ch + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return emit(tree)


@functools.lru_cache(maxsize=8)
def letter_runs(words: frozenset[str]) -> _WordRuns:
    """The maximal runs of ASCII letters (``[A-Za-z]+``) whose lower-case form is one of ``words``, as
    ``letter_runs(words).finditer(text)`` (re.Match objects of ``[A-Za-z]+`` in text order)."""
    return _WordRuns([w for w in words if re.fullmatch("[a-z]+", w)])     # (no other is ever such a run)


# _ONES[n]: n claimed bytes, as a bytearray: a bytearray's slice takes another bytearray's bytes as
# they are, while a bytes value is first copied into a new bytearray (several times slower)
_ONES = [bytearray(b"\x01" * n) for n in range(256)]


def matches_at_words(rx: re.Pattern, text: str, words) -> list[re.Match]:
    """The matches of ``rx.finditer(text)`` that start where one of ``words`` stands, in text order, found
    there (``str.find``) instead of by a scan of the whole text. ``rx`` must be an expression whose
    match at a position depends on the text alone and never starts inside another of its matches (as
    one that follows no character a match holds): then finditer finds the match at each position
    where there is one."""
    at = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            at.add(i)
            i = text.find(w, i + 1)
    found = (rx.match(text, i) for i in sorted(at))
    return [m for m in found if m is not None]


# the last Cover made: (size, its spans, its mask, its points) as they were made (Cover.__init__)
_LAST: list[tuple] = [(-1, None, b"", [])]


class Cover:
    """Spans (start, end) over a text, as a mask of the characters they claim: is a stretch still
    free of them, is a position or a stretch covered (``start < b and a < end``)? Empty spans claim no
    character; they overlap only a stretch strictly around them."""

    def __init__(self, size: int, spans=()) -> None:
        self.spans = own = list(spans)
        last = _LAST[0]
        if last[0] == size and last[1] == own:
            # the spans of the last Cover made (the stage makes one of an article's mentions several
            # times over, often unchanged between steps): its mask and points, copied (the same
            # spans over the same size claim the same characters; a copy, as ``take`` changes them)
            self.mask, self.points = bytearray(last[2]), list(last[3])
            return
        self.mask = mask = bytearray(size + 1)
        self.points: list[int] = []
        self._fill(own)
        _LAST[0] = (size, own[:], bytes(mask), self.points[:])

    def _fill(self, own: list) -> None:
        mask, ones = self.mask, _ONES
        for a, b in own:        # (``take``, inlined: a Cover is made of many spans, often)
            if b > a:
                mask[a:b] = ones[b - a] if b - a < len(ones) else bytearray(b"\x01" * (b - a))
            else:
                bisect.insort(self.points, a)

    def take(self, a: int, b: int) -> None:
        """Claim [a, b)."""
        self.spans.append((a, b))
        if b > a:
            self.mask[a:b] = _ONES[b - a] if b - a < len(_ONES) else bytearray(b"\x01" * (b - a))
        else:
            bisect.insort(self.points, a)

    def free(self, a: int, b: int) -> bool:
        """Is no character of [a, b) claimed (empty spans claim none)?"""
        return self.mask.find(1, a, b) < 0

    def covers(self, pos: int) -> bool:
        """Is pos inside a (non-empty) span?"""
        return bool(self.mask[pos])

    def overlaps(self, a: int, b: int) -> bool:
        if b <= a:      # an empty span: only one span strictly around it overlaps it
            return any(s < b and a < e for s, e in self.spans)
        k = bisect.bisect_right(self.points, a)
        if k < len(self.points) and self.points[k] < b:
            return True
        return self.mask.find(1, a, b) >= 0


def by_start(items) -> dict[int, list]:
    """Items (with .start) by their start, each list in the items' order."""
    out: dict[int, list] = defaultdict(list)
    for x in items:
        out[x.start].append(x)
    return out


class Inside:
    """Items (with .start and .end, start <= end) that lie inside a span, in the items' order."""

    def __init__(self, items) -> None:
        self.items = list(items)
        self.order = sorted(range(len(self.items)), key=lambda k: self.items[k].start)
        self.starts = [self.items[k].start for k in self.order]

    def within(self, a: int, b: int) -> list:
        lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_right(self.starts, b)
        return [self.items[k] for k in sorted(self.order[lo:hi]) if self.items[k].end <= b]


class Named:
    """The people an article names with one surname, in order: the first of them named before a
    position (bisection over the running minimum of their starts), else the first of all."""

    def __init__(self, people=()) -> None:
        self.people: list = []
        self.low: list[int] = []
        for p in people:
            self.add(p)

    def add(self, p) -> None:
        self.people.append(p)
        self.low.append(min(self.low[-1], p.start) if self.low else p.start)

    def target(self, s: int):
        if not self.people:
            return None
        k = bisect.bisect_right(self.low, -s, key=lambda v: -v)
        return self.people[k] if k < len(self.people) else self.people[0]
