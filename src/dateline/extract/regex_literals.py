"""What a regular expression cannot match without: the words of its pattern every match contains.

``needed(rx)`` reads the compiled pattern's syntax tree (Python's own parser) and returns sets of
ASCII strings, lower-cased, such that every match of ``rx`` holds, for each set, one of its strings
(a run of literal characters of the pattern, or one per branch of an alternation). A stretch of text
that lacks one of the sets cannot hold a match: ``may_match`` is that test, and a caller skips the
engine there. Only what is certain counts: optional parts, character classes, lookarounds and
backreferences require nothing.

Case: the strings are compared with the stretch lower-cased, which holds for a pattern compiled with
or without IGNORECASE, except for the four characters whose case folds onto an ASCII letter in the
engine but not under ``str.lower`` (Kelvin sign, long s, dotted and dotless i): ``foldable(text)``
tells a text holding one of them, where the test must not be used.
"""
from __future__ import annotations

import functools
import re
import string

try:
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C       # type: ignore[no-redef]
    import sre_parse as _P           # type: ignore[no-redef]

# the non-ASCII characters that IGNORECASE matches with an ASCII letter
_FOLDS = re.compile(r"(?=[^\x00-\x7f])(?i:[a-z])")
_REPEATS = tuple(op for op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) if op)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# the last text read: it, it with its ASCII letters lower-cased, whether it holds a folding character
_LAST: list[tuple[str, str, bool | None]] = [("", "", False)]


def ascii_lowered(text: str) -> str:
    """``text`` with its ASCII letters lower-cased (the same length, every other character kept), made
    once for the text the stages read now."""
    kept = _LAST[0]
    if kept[0] is not text:
        kept = _LAST[0] = (text, text.translate(_ASCII_LOWER), None)
    return kept[1]


def absent(rx: re.Pattern, text: str) -> bool:
    """Is a word that every match of ``rx`` contains missing from ``text`` (so that ``rx`` cannot match
    there)? False where it cannot be told (nothing needed, a folding character in the text)."""
    needs = _needed(rx)
    if not needs:
        return False
    low = ascii_lowered(text)
    kept = _LAST[0]
    if kept[2] is None:
        kept = _LAST[0] = (text, low, foldable(text))
    return not kept[2] and not may_match(needs, low)


@functools.lru_cache(maxsize=256)
def _needed(rx: re.Pattern) -> list[frozenset[str]]:
    return needed(rx)


def needed(rx: re.Pattern) -> list[frozenset[str]]:
    """The sets of strings (lower case) one of each of which every match of ``rx`` contains."""
    return [frozenset(w.lower() for w in s) for s in _sequence(list(_P.parse(rx.pattern, rx.flags)))]


def foldable(text: str) -> bool:
    """Does the text hold a character that IGNORECASE matches with an ASCII letter other than itself
    in either case (where ``may_match`` does not hold)?"""
    return not text.isascii() and _FOLDS.search("".join(set(text))) is not None     # (each character once)


def may_match(needs: list[frozenset[str]], low: str) -> bool:
    """Can a stretch, lower-cased ``low``, hold a match of the pattern that ``needs`` were read from?"""
    for words in needs:
        for w in words:
            if w in low:
                break
        else:
            return False
    return True


def _sequence(items) -> list[set[str]]:
    """The sets a sequence needs: those of its elements, each run of literal characters one string."""
    out: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append({"".join(run)})
            run = []
        out.extend(_element(op, av))
    if run:
        out.append({"".join(run)})
    return [s for s in out if all(w and w.isascii() for w in s)]


def _element(op, av) -> list[set[str]]:
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _C.BRANCH:          # one of the branches: each gives its best set, joined
        joined: set[str] = set()
        for branch in av[1]:
            sets = _sequence(list(branch))
            if not sets:
                return []
            joined |= max(sets, key=lambda s: min(map(len, s)) * 10 - len(s))
        return [joined]
    if op in _REPEATS:
        low, _, item = av
        return _sequence(list(item)) if low >= 1 else []
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return []
