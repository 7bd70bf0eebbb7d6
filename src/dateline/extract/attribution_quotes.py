"""Direct quotations: find the double quotation marks of a text and pair them.

Handles curly (“ ”), straight (") and typewriter-convention (`` '' and the NYT's '' ... '')
double quotes, guillemets, and quotes that run over several paragraphs (a paragraph that opens
a quote without closing it continues into the next paragraph when that one opens with a mark).
Single quotes are left alone (they nest inside double ones, and ’ is also an apostrophe).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# `` and '' before the single characters; a straight ' is never a double mark
# `` and '' before the single characters (the order of the alternation)
_MARKS = ("``", "''", '"', "“", "”", "«", "»", "„")
MARK = re.compile("|".join(map(re.escape, _MARKS)))
_MARK_CHARS = frozenset("".join(_MARKS))     # the characters of MARK's marks
_OPENERS = {"``", "“", "«", "„"}
_CLOSERS = {"”", "»"}
_BEFORE_OPEN = set(" \t\n\r([{—–-/\u00a0") | {""}
_AFTER_CLOSE = set(" \t\n\r.,;:!?)]}—–-\u00a0") | {""}


@dataclass
class QuoteGroup:
    """One quotation, possibly over several paragraphs: ``segments`` are the inner spans
    (without the marks), one per paragraph; ``start``/``end`` the outer span with the marks."""
    start: int
    end: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True
    single: bool = False    # single quotation marks (headlines only)

    @property
    def inner(self) -> tuple[int, int]:
        return self.segments[0][0], self.segments[-1][1]


def _direction(text: str, s: int, e: int, inside: bool) -> str:
    m = text[s:e]
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    can_open = before in _BEFORE_OPEN or before in "\"“'‘" or not before.isalnum()
    can_open = can_open and after not in " \t\n\r" and after != ""
    can_close = after in _AFTER_CLOSE or after in "'’\"”" or not after.isalnum()
    can_close = can_close and before not in " \t\n\r"
    if m in _OPENERS:
        # a curly opener used as a closer ("word“ ") by some sites
        return "close" if inside and can_close and not can_open else "open"
    if m in _CLOSERS:
        return "open" if not inside and can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "close" if inside else "open"


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """``MARK.finditer(text)``'s spans, found by str.find: the marks share no character with one
    another (backquotes, straight single quotes, one character each for the rest), so each one's
    leftmost non-overlapping occurrences are the scan's."""
    out = []
    for mark in _MARKS:
        n = len(mark)
        p = text.find(mark)
        while p >= 0:
            out.append((p, p + n))
            p = text.find(mark, p + n)
    out.sort()
    return out


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteGroup]:
    """Paired double quotes of ``text`` as QuoteGroups, in text order."""
    groups: list[QuoteGroup] = []
    pending: QuoteGroup | None = None   # a quote left open at the end of the previous paragraph
    found = _mark_spans(text)
    if not found:
        return groups
    found_starts = [s for s, _ in found]
    for pi, (ps, pe) in enumerate(paragraphs):
        if (ps > 0 and text[ps - 1] in _MARK_CHARS) or (pe < len(text) and text[pe] in _MARK_CHARS):
            marks = [(m.start(), m.end()) for m in MARK.finditer(text, ps, pe)]
        else:
            # no mark of the whole text's scan runs over the paragraph's edges: its marks are the
            # paragraph's own scan's
            marks = found[bisect.bisect_left(found_starts, ps):bisect.bisect_left(found_starts, pe)]
        cur: QuoteGroup | None = None
        seg_start = None
        k = 0
        if pending is not None:
            if marks and marks[0][0] == ps and _direction(text, *marks[0], False) == "open" \
                    and not _LABEL.match(text, marks[0][1]):   # a transcript's next speaker: a quote of its own
                cur, seg_start = pending, marks[0][1]
                k = 1
            pending = None
        for s, e in marks[k:]:
            d = _direction(text, s, e, cur is not None)
            if d == "open":
                if cur is not None:  # an opener inside an open quote: the first one was never closed
                    a, b = _strip(text, seg_start, s)
                    if b > a:
                        cur.segments.append((a, b))
                        cur.end, cur.closed = b, False
                        groups.append(cur)
                cur, seg_start = QuoteGroup(s, e), e
            elif cur is not None:
                a, b = _strip(text, seg_start, s)
                if b > a:
                    cur.segments.append((a, b))
                    cur.end, cur.closed = e, True
                    if not groups or groups[-1] is not cur:
                        groups.append(cur)
                cur = None
        if cur is not None:  # open at the paragraph end
            a, b = _strip(text, seg_start, pe)
            if b > a:
                cur.segments.append((a, b))
                cur.end, cur.closed = pe, False
                nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
                if nxt and MARK.match(text, nxt[0]) and \
                        _direction(text, nxt[0], MARK.match(text, nxt[0]).end(), False) == "open":
                    pending = cur
                if not groups or groups[-1] is not cur:
                    groups.append(cur)
    return groups


# a transcript's speaker label opening a paragraph's quotation ('"SMITH: ...')
_LABEL = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))[‘'](?=[\w$])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.!?,%])[’'](?![\w])")
HEADLINE_MAX_WORDS = 25


def _may_open(para: str) -> bool:
    """Does ``_SINGLE_OPEN.search(para)`` find a mark? Its matches start at a mark, so only the marks
    are tried (apostrophes inside words fail at once), not every position of the paragraph."""
    for mark in ("'", "‘"):
        p = para.find(mark)
        while p >= 0:
            if _SINGLE_OPEN.match(para, p):
                return True
            p = para.find(mark, p + 1)
    return False


def find_headline_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteGroup]:
    """Single-quoted quotations in short paragraphs with no double quotes (headlines and
    decks: ``Clinton calls it 'a disgrace'``, ``DNC issues ‘deep and sincere apology’``). An
    opening mark follows a space (or the line start) and precedes a word; the closing mark
    follows a word or punctuation and no word follows it; a possessive ``s’`` closes only when
    no other closing mark follows."""
    out: list[QuoteGroup] = []
    for ps, pe in paragraphs:
        para = text[ps:pe]
        if "'" not in para and "‘" not in para:
            continue        # no single mark to open a quotation
        if len(para.split(None, HEADLINE_MAX_WORDS)) > HEADLINE_MAX_WORDS:
            continue        # (the words are counted only up to one past the most a headline has)
        if not _may_open(para) or MARK.search(para):
            continue        # no mark that opens a quotation (apostrophes only), or double quotes
        pos = 0
        while True:
            m = _SINGLE_OPEN.search(para, pos)
            if not m:
                break
            closers = [c for c in _SINGLE_CLOSE.finditer(para, m.end())]
            if not closers:
                break
            c = next((c for c in closers if para[c.start() - 1] != "s"), closers[0])
            a, b = _strip(text, ps + m.end(), ps + c.start())
            if b > a:
                out.append(QuoteGroup(ps + m.start(), ps + c.end(), [(a, b)], True, True))
            pos = c.end()
    return out
