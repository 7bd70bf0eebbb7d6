"""The one tokenizer: spaCy's English tokenizer (the statistical pipeline's own in the default
profile) with the project's exceptions as data: every abbreviation of ``resources/lang/en/
abbreviations.tsv`` whose ``token`` column says it keeps its period is one token with it ("Gen.",
"Calif.", "Sens."), where spaCy's own rules would cut it; and every mark of ``token_marks.tsv`` a
token of its own, where spaCy's rules leave it attached to a word.

``prime`` keeps spaCy's own cache of chunk tokenizations working: spaCy stops caching for the rest
of a text once one special case (an abbreviation, a contraction) has matched in it, so in news,
where "U.S." or "Mr." comes early, almost every chunk was split again by the affix rules; a chunk
tokenized alone first is cached, and the whole text then reads it from the cache (the same tokens)."""
from __future__ import annotations

import string
from typing import TYPE_CHECKING

from .. import lang

CACHE_SIZE = 100_000        # chunks whose tokenization a tokenizer keeps (spaCy's default: 10,000)
_PRIMED: dict[int, tuple["Tokenizer", set[str]]] = {}     # id(tokenizer) -> (it, the chunks it was given alone)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokenizer import Tokenizer


def exceptions() -> list[str]:
    """The abbreviations, with their period, that must stay one token."""
    return [a + "." for a in lang.abbreviations(use="token")]


def marks() -> list[str]:
    """The marks that are always a token of their own (``resources/lang/en/token_marks.tsv``)."""
    from ..resources import read_tsv

    return [r["mark"] for r in read_tsv("lang", "en", "token_marks.tsv")]


def add_exceptions(tokenizer: "Tokenizer") -> "Tokenizer":
    """Add a special case for each exception the tokenizer would cut, and the separate marks to its
    prefix, suffix and infix rules (idempotent); returns it."""
    from spacy.attrs import ORTH

    tokenizer.max_cache_size = max(tokenizer.max_cache_size, CACHE_SIZE)
    for form in exceptions():
        if len(tokenizer(form)) != 1:
            tokenizer.add_special_case(form, [{ORTH: form}])
    _add_marks(tokenizer)
    return tokenizer


def _add_marks(tokenizer: "Tokenizer") -> None:
    import re

    ms = marks()
    cls = "[" + "".join(re.escape(m) for m in ms) + "]"
    if len(tokenizer("a" + ms[0] + "a")) == 3:
        return                                  # added before
    # each rule's setter reloads every special case (thousands): with none held while the rules
    # change (as spaCy's own from_bytes does), they are loaded once, when they come back
    rules, tokenizer.rules = tokenizer.rules, {}
    for attr, extra in (("prefix_search", "^" + cls), ("suffix_search", cls + "$"), ("infix_finditer", cls)):
        rule = getattr(tokenizer, attr)
        pattern = rule.__self__.pattern if rule is not None else None
        joined = extra if not pattern else f"{extra}|{pattern}"
        compiled = re.compile(joined)
        setattr(tokenizer, attr, compiled.finditer if attr == "infix_finditer" else compiled.search)
    tokenizer.rules = rules


def prime(tokenizer: "Tokenizer", text: str) -> None:
    """Tokenize alone each whitespace-separated chunk of ``text`` that this tokenizer has not been given
    alone before (so that spaCy caches it), while its cache has room; the tokens of ``tokenizer(text)``
    do not change, only the time they take."""
    seen = _seen(tokenizer, make=True)
    if len(seen) >= tokenizer.max_cache_size:
        return                                  # the cache is full: a chunk alone would be split twice
    new = set(text.split())
    new -= seen
    plain, others = _plain_chunks(tokenizer, new)
    for k in range(0, len(plain), _BATCH):
        tokenizer(" ".join(plain[k:k + _BATCH]))
    for chunk in others:
        tokenizer(chunk)
    seen |= new


def _seen(tokenizer: "Tokenizer", make: bool = False) -> set[str] | None:
    """The chunks ``prime`` has given this tokenizer alone (kept with the tokenizer itself: another one
    made at a freed one's id starts afresh), an empty set made for it when ``make``."""
    kept = _PRIMED.get(id(tokenizer))
    if kept is None or kept[0] is not tokenizer:
        if not make:
            return None
        kept = _PRIMED[id(tokenizer)] = (tokenizer, set())
    return kept[1]


def primed(tokenizer: "Tokenizer") -> frozenset[str]:
    """The chunks ``prime`` has given this tokenizer alone so far."""
    return frozenset(_seen(tokenizer) or ())


def forget(tokenizer: "Tokenizer") -> None:
    """Empty the tokenizer's cache and what ``prime`` gave it: as freshly made (its tokens never
    change, only the time they take)."""
    tokenizer._flush_cache()
    _PRIMED.pop(id(tokenizer), None)


_BATCH = 64                 # plain chunks tokenized together (a call alone costs more than its chunk)
_EDGES = string.punctuation


def _plain_chunks(tokenizer: "Tokenizer", chunks: set[str]) -> tuple[list[str], list[str]]:
    """The chunks that are a word or number with at most punctuation at its edges and no special case
    of the tokenizer (these are cached as well in one text as alone: no special case is met there
    that would stop the caching), and the others. Where a plain chunk does meet a special case after
    all, only the caching of the chunks after it in its batch is lost, never a token."""
    rules = tokenizer.rules
    plain, others = [], []
    for chunk in chunks:
        core = chunk.strip(_EDGES)
        if core.isalnum() and chunk not in rules and core not in rules:
            plain.append(chunk)
        else:
            others.append(chunk)
    return plain, others
