"""What a regular expression cannot match without: the words of its pattern every match contains,
and the characters a match can begin with.

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

import copy
import functools
import re
import string

try:
    from re import _compiler as _K, _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_compile as _K         # type: ignore[no-redef]
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
        # (an ASCII text: str.lower's own ASCII loop, which lowers A-Z only, as the table does)
        kept = _LAST[0] = (text, text.lower() if text.isascii() else text.translate(_ASCII_LOWER), None)
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
    return [frozenset(w.lower() for w in s) for s in _sequence(_parsed(rx.pattern, rx.flags))]


def _parsed(pattern: str, flags: int) -> tuple:
    """The items of the pattern's syntax tree, parsed once for every reading here (read, never changed)."""
    return tuple(_tree(pattern, flags))


# syntax trees of the patterns compiled by ``compiled`` (pattern, flags of the compiled pattern -> tree)
_TREES: dict[tuple[str, int], "_P.SubPattern"] = {}


def _tree(pattern: str, flags: int):
    """The syntax tree of a pattern: the one ``compiled`` kept, or parsed (and kept a while). Python's
    compiler only reads a tree, so one tree serves every compiling and reading here."""
    got = _TREES.get((pattern, flags))
    return got if got is not None else _parse(pattern, flags)


@functools.lru_cache(maxsize=256)
def _parse(pattern: str, flags: int):
    return _P.parse(pattern, flags)


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, its syntax tree kept for the readings here (``needed``,
    ``led``, ``core``), which then parse nothing again: a pattern parsed once at import
    instead of once per reading (parsing costs Python about twice what making the code does)."""
    flags = int(flags)
    tree = _P.parse(pattern, flags)
    try:
        rx = _from_tree(tree, flags, pattern)
    except (AttributeError, TypeError):             # pragma: no cover - another compiler's internals
        return re.compile(pattern, flags)
    _TREES[(pattern, rx.flags)] = tree
    return rx


def _from_tree(tree, flags: int, pattern: str | None = None, charset: list | None = None) -> re.Pattern:
    """The pattern compiled from its syntax tree (``re._compiler.compile`` less the parse), named
    ``pattern`` (its ``.pattern``; None for a tree made here); ``charset``: the compiled class of the
    characters a match can begin with (``_lead_charset``), named in the info block where the
    compiler's own names neither a prefix nor a first character."""
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    code = _K._code(tree, flags)
    if charset is not None and code[0] == _C.INFO and code[2] == 0 and code[3] > 0:
        # info block: INFO, its length, flags, least and most width, the class; the program's jumps
        # are relative, so the rest reads the same after a longer block
        info = [_C.INFO, 0, _C.SRE_INFO_CHARSET, code[3], code[4]] + charset
        info[1] = len(info) - 1
        code = info + code[code[1] + 1:]
    return _K._sre.compile(pattern, flags | tree.state.flags, code, tree.state.groups - 1,
                           groupindex, tuple(indexgroup))


def needed_alternatives(rx: re.Pattern, most: int = 4) -> list[list[frozenset[str]]]:
    """``needed`` for each branch of the pattern's outermost alternation (with what stands around it):
    every match holds one set of each of the lists for one of the branches at least. A stretch that
    meets none of the lists cannot hold a match; sharper than ``needed``, which keeps of each branch
    one set only. One list, ``needed(rx)``'s, for a pattern without such an alternation or with more
    than ``most`` branches (a list each would cost more tests than it saves)."""
    items = list(_parsed(rx.pattern, rx.flags))
    at = [k for k, (op, av) in enumerate(items) if _branches(op, av) is not None]
    if len(at) != 1 or len(_branches(*items[at[0]])) > most:
        return [needed(rx)]
    k = at[0]
    return [[frozenset(w.lower() for w in s) for s in _sequence(items[:k] + list(b) + items[k + 1:])]
            for b in _branches(*items[k])]


def _branches(op, av):
    """The branches of an alternation, also one inside a group of its own (None: no alternation)."""
    while op is _C.SUBPATTERN and len(av[-1]) == 1:
        op, av = av[-1][0]
    return av[1] if op is _C.BRANCH else None


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


def may_match_one(alternatives, low: str) -> bool:
    """``may_match`` for one of the lists of ``alternatives`` (``needed_alternatives``) at least."""
    for needs in alternatives:
        for words in needs:
            for w in words:
                if w in low:
                    break
            else:
                break
        else:
            return True
    return False


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


# the characters other than ASCII letters that IGNORECASE matches with an ASCII letter (Kelvin sign,
# long s, dotted capital I, dotless i)
_FOLD_KIN = "\u212a\u017f\u0130\u0131"


# the ASCII characters Unicode's \s matches and re.ASCII's does not (the information separators)
_UNICODE_ONLY_SPACE = "".join(c for c in map(chr, range(128)) if re.match(r"\s", c) and not re.match(r"\s", c, re.ASCII))


def ascii_fits(text: str) -> bool:
    """Whether the patterns ``as_ascii`` makes match on ``text`` exactly as their originals do: its
    characters are ASCII, none of them one that only Unicode's \\s counts as a space."""
    return text.isascii() and not any(c in text for c in _UNICODE_ONLY_SPACE)


def _ascii_kept(rx: re.Pattern) -> bool:
    """Whether ``rx`` may be compiled for ASCII texts: not where its own text holds a character that
    IGNORECASE matches with an ASCII letter (under re.ASCII it would match only itself)."""
    return not any(c in rx.pattern for c in _FOLD_KIN)


def led(rx: re.Pattern, ascii: bool = False) -> re.Pattern:
    """``rx`` with the characters a match can begin with named in its info block, as Python's compiler
    names them for a pattern that begins with a plain character class: the engine's search then skips
    in C over the positions that hold none of them instead of trying the pattern at each (the compiler
    names none for a pattern that begins with a lookaround or, under IGNORECASE, with a letter). The
    same matches, with the same groups; ``rx`` itself where the set cannot be told.
    ``ascii``: the pattern for ASCII texts only (``as_ascii``), led the same way where it can be."""
    tree, flags = _tree(rx.pattern, rx.flags), rx.flags
    ascii = ascii and _ascii_kept(rx)
    if ascii:
        tree, flags = as_ascii(tree, flags)
    charset = _lead_charset(tree, flags) if _leading_works() else None
    if charset is None and not ascii:
        return rx
    return _from_tree(tree, flags, rx.pattern, charset)


# patterns whose first characters _from_tree names, and a text to find them in: the check of _leading_works
_LEAD_PROBES = ((r"ab|ba", re.I), (r"k\w", re.I), (r"(?:x|yz)\d", 0), (r"[a-c]{2}", 0))   # (linear ones)
_LEAD_TEXT = "xx Ab aB ab-AB ba \u212a kb K1 yzx9 cab abc"


@functools.lru_cache(maxsize=1)
def _leading_works() -> bool:
    """Whether an info block written by ``_from_tree`` reads as this Python's engine expects (the
    block's layout is the compiler's own, not a public interface): patterns led so find what they
    find unled in a probe text. Checked once; where it fails, ``led`` and ``core`` name nothing."""
    try:
        for pattern, flags in _LEAD_PROBES:
            rx = re.compile(pattern, flags)
            tree = _P.parse(pattern, flags)
            charset = _lead_charset(tree, flags)
            got = _from_tree(tree, flags, pattern, charset)
            if charset is None or [m.span() for m in got.finditer(_LEAD_TEXT)] != \
                    [m.span() for m in rx.finditer(_LEAD_TEXT)]:
                return False
    except Exception:  # noqa: BLE001 - another compiler's internals: lead nothing
        return False
    return True


def as_ascii(tree, flags: int) -> tuple:
    """A str pattern's syntax tree and flags with re.ASCII in place of re.UNICODE: compiled so, the
    same matches, with the same groups, on a text that ``ascii_fits`` (there \\w, \\d, \\s, \\b and
    IGNORECASE read the same characters either way: ASCII characters only, no information separator,
    which only Unicode's \\s matches), found faster (a table look-up per character where the Unicode
    tests call functions: a case fold, a letter or digit test). Not for a pattern ``_ascii_kept`` refuses."""
    state = copy.copy(tree.state)
    state.flags = state.flags & ~_C.SRE_FLAG_UNICODE | _C.SRE_FLAG_ASCII
    return _P.SubPattern(state, list(tree)), flags & ~_C.SRE_FLAG_UNICODE | _C.SRE_FLAG_ASCII


def _lead_charset(tree, flags: int) -> list | None:
    """The compiled class of the characters a match of ``tree`` can begin with, under IGNORECASE each
    letter with every character the engine matches with it; None where that set cannot be told (a
    match that can begin without consuming, a negated class, a cased letter beyond ASCII ...)."""
    flags |= tree.state.flags
    chars: set = set()
    exact: set = set()
    try:
        if _first(list(tree), chars, exact, bool(flags & re.IGNORECASE)):
            return None
        for item in chars | exact:
            _class_item(item)                       # (raises _Unknown for what a class cannot hold)
    except _Unknown:
        return None
    items = chars | exact
    if chars:
        for op, av in chars:
            lo, hi = (av, av) if op is _C.LITERAL else av if op is _C.RANGE else (0, -1)
            if hi - lo > 0x7f:
                return None                         # (a wide range: not worth reading)
            for c in map(chr, range(lo, hi + 1)):
                if c.isascii():
                    items.update((_C.LITERAL, ord(k)) for k in _case_kin(c))
                elif c.lower() != c or c.upper() != c:
                    return None
    charset, _ = _K._optimize_charset(sorted(items, key=lambda it: (str(it[0]), it[1])))
    code: list = []
    _K._compile_charset(charset, flags, code)
    return code


@functools.lru_cache(maxsize=None)
def _case_kin(c: str) -> tuple[str, ...]:
    """The characters IGNORECASE matches with the ASCII character ``c`` (itself among them)."""
    return tuple(k for k in {c, c.lower(), c.upper(), *_FOLD_KIN} if re.fullmatch(re.escape(c), k, re.IGNORECASE))


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def core(rx: re.Pattern, least: int = 3, led: bool = False, ascii: bool = False) -> re.Pattern | None:
    """The pattern less its lead of optional parts (and zero-width assertions), compiled: every match
    of ``rx`` ends with a match of it, so a stretch where it finds nothing holds no match of ``rx``.
    None unless that lead has ``least`` optional parts that consume text at least: each of them is
    tried at every position where the engine tries ``rx``, and only then does a search for the core
    alone save more than it costs. None for a pattern with backreferences (to a group of the lead).
    ``led``: the core with the characters its matches begin with named in its info block (``led``);
    ``ascii``: the core for ASCII texts only (``as_ascii``)."""
    if _BACKREFERENCE.search(rx.pattern):
        return None
    tree = _tree(rx.pattern, rx.flags)
    items = tuple(tree)
    k = optional = 0
    for k, (op, av) in enumerate(items):
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue
        lo, hi = _width(op, av)
        if lo > 0:
            break
        optional += hi > 0
    else:
        return None
    if optional < least:
        return None
    kept, flags = _P.SubPattern(tree.state, list(tree)[k:]), rx.flags
    if ascii and _ascii_kept(rx):
        kept, flags = as_ascii(kept, flags)
    return _from_tree(kept, flags, charset=_lead_charset(kept, flags) if led and _leading_works() else None)


def _width(op, av) -> tuple[int, int]:
    """The least and most characters one item of a syntax tree matches."""
    return _P.SubPattern(_P.State(), [(op, av)]).getwidth()


class _Unknown(Exception):
    pass


_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
               _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W"}


def _class_item(item) -> str:
    op, av = item
    if op is _C.LITERAL:
        return re.escape(chr(av))
    if op is _C.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if op is _C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(op)


def _first(items, chars: set, exact: set | None = None, fold: bool = True) -> bool:
    """Add to ``chars`` the class items one of which the first character a match of ``items`` consumes
    matches; True if ``items`` can match without consuming one (then the caller's next items count).
    Zero-width assertions are passed over: leaving out a condition only widens the set. ``exact``: where
    given, the items read without IGNORECASE (``fold`` false: the pattern's, or a group's own flags)
    go there instead (they match their own characters only)."""
    into = chars if fold or exact is None else exact
    for op, av in items:
        if op is _C.LITERAL:
            into.add((op, av))
            return False
        if op is _C.IN:
            if any(o is _C.NEGATE for o, _ in av):
                raise _Unknown(op)
            into.update(av)
            return False
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue
        if op is _C.SUBPATTERN:
            inner = (fold or bool(av[1] & _C.SRE_FLAG_IGNORECASE)) and not av[2] & _C.SRE_FLAG_IGNORECASE
            if not _first(list(av[-1]), chars, exact, inner):
                return False
        elif op is _C.BRANCH:
            if not any([_first(list(b), chars, exact, fold) for b in av[1]]):     # (every branch adds its own)
                return False
        elif op in _REPEATS:
            if not _first(list(av[2]), chars, exact, fold) and av[0] > 0:
                return False
        else:
            raise _Unknown(op)
    return True


# ``lazy_rx(pattern)``: the pattern compiled at its first use and kept -- one C-level cache look-up a
# call instead of ``re.match``'s Python calls and look-up in re's own cache, and nothing compiled at
# import (for the expressions the timex handlers try on a few characters)
lazy_rx = functools.lru_cache(maxsize=None)(re.compile)
