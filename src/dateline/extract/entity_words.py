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
    # (the window given as pos and endpos: the tokens of the slice there, without the slice's copy)
    return _PREV_TOKEN.findall(text, max(0, pos - 80), pos)[-n:]


def _next_words(text: str, pos: int, n: int = 2) -> list[str]:
    return _NEXT_TOKEN.findall(text, pos, pos + 80)[:n]


def stance_before(text: str, pos: int) -> bool:
    """Is the name at ``pos`` joined to 'anti-' or 'pro-' ("anti-U.S. terrorism", "pro-Russian rebels"):
    a stance towards the state (regexes.json stance_before), never its owner?"""
    return regex("entities", "stance_before").search(text, max(0, pos - 6), pos) is not None
