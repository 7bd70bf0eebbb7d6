"""Text utilities shared by every stage: paragraphs, sentence splitting and a word tokenizer.

Sentences are the one segmentation of ``dateline.nlp.sentences`` (over spaCy's tokens), which
keeps news abbreviations ("Oct. 31", "U.S. officials", "Mr. Kim") inside the sentence; paragraph
breaks (blank lines) always end a sentence.
"""
from __future__ import annotations

import bisect
import re

_PARA = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (separated by blank lines), whitespace trimmed."""
    spans = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if m:
            pos = m.end()
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into ``text``, in order, never crossing a paragraph break: the one
    segmentation (``dateline.nlp.sentences``), over spaCy's tokens of the text."""
    from .nlp.sentences import split

    return split(text)


_TOKEN = re.compile(r"\w+(?:(?:[-'’.&]|(?<=\d):(?=\d))\w+)*|[^\w\s]")   # "2:55" is one token


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of text[start:end] as (start, end, string), offsets into text.

    An article's text is tokenized once: every stage that asks for the tokens of a stretch of it
    (a sentence, a clause, a window before a time) gets a slice of that one tokenization. Where a
    token of the whole text crosses ``start`` or ``end``, the stretch is tokenized on its own, as
    before (a regex run over text[start:end] finds exactly the tokens of the whole text inside it
    when none crosses its edges)."""
    n = len(text)
    end = n if end is None else end
    if not _CACHED_MIN <= n <= _CACHED_MAX or start < 0 or end > n or start >= end:
        return _scan(text, start, end)
    toks, starts, ends = _whole(text)
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, i)
    if (i > 0 and ends[i - 1] > start) or (j > 0 and ends[j - 1] > end):
        return _scan(text, start, end)        # a token of the whole text crosses an edge
    return toks[i:j]


_CACHED_MIN, _CACHED_MAX = 200, 5_000_000      # shorter texts are scanned directly
_LAST: list[tuple[str, list, list[int], list[int]]] = []     # the last articles' tokens (two at most)


def _scan(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _whole(text: str) -> tuple[list, list[int], list[int]]:
    """The tokens of the whole text, with their starts and ends, made once per article."""
    for t, toks, starts, ends in _LAST:
        if t is text:
            return toks, starts, ends
    toks = _scan(text, 0, len(text))
    entry = (text, toks, [a for a, _, _ in toks], [b for _, b, _ in toks])
    _LAST[:] = [entry] + _LAST[:1]
    return entry[1:]
