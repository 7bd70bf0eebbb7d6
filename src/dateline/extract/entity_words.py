"""The entity stage's word lists (resources/entities) and the look at the words around a position."""
from __future__ import annotations

import functools
import re

from ..resources import read_tsv
from .regexes import regex, word_lists


def context_words(key: str) -> list[str]:
    """A list of resources/entities/context.json (each list there says what it is for)."""
    return word_lists("entities")[key]


def _lex(name: str) -> set[str]:
    return {r["word"] for r in read_tsv("entities", name)}


@functools.lru_cache(maxsize=1)
def _time_names() -> frozenset[str]:
    """Month and weekday names (the time stage's lexicon): "on Monday" is not a name's complement."""
    from .timexes import L
    return frozenset(set(L.months) | set(L.weekdays))


_PREV_TOKEN = re.compile(r"[\w'’.-]+|[,;:—–]")
_NEXT_TOKEN = re.compile(r"[\w'’-]+|[,;:.—–]")


def _prev_word(text: str, pos: int, n: int = 1) -> list[str]:
    """The last ``n`` tokens of the 80 characters before ``pos``. They are read first from a shorter
    window: its tokens are the longer window's but for the first, which may be cut, so that if it holds
    more than ``n`` tokens, its last ``n`` are the answer."""
    lo = max(0, pos - 80)
    near = _PREV_TOKEN.findall(text, max(lo, pos - 12 * n), pos)
    if len(near) > n or pos - 12 * n <= lo:
        return near[-n:]
    return _PREV_TOKEN.findall(text, lo, pos)[-n:]


def _next_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The first ``n`` tokens of the 80 characters from ``pos`` (read first from a shorter window, as
    in _prev_word: only its last token may be cut)."""
    near = _NEXT_TOKEN.findall(text, pos, min(pos + 80, pos + 12 * n))
    if len(near) > n or 12 * n >= 80:
        return near[:n]
    return _NEXT_TOKEN.findall(text, pos, pos + 80)[:n]


def stance_before(text: str, pos: int) -> bool:
    """Is the name at ``pos`` joined to 'anti-' or 'pro-' ("anti-U.S. terrorism", "pro-Russian rebels"):
    a stance towards the state (regexes.json stance_before), never its owner?"""
    return regex("entities", "stance_before").search(text, max(0, pos - 6), pos) is not None
