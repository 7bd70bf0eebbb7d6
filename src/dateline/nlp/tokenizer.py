"""The one tokenizer: spaCy's English tokenizer (the statistical pipeline's own in the default
profile) with the project's exceptions as data: every abbreviation of ``resources/lang/en/
abbreviations.tsv`` whose ``token`` column says it keeps its period is one token with it ("Gen.",
"Calif.", "Sens."), where spaCy's own rules would cut it; and every mark of ``token_marks.tsv`` a
token of its own, where spaCy's rules leave it attached to a word."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lang

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
    for attr, extra in (("prefix_search", "^" + cls), ("suffix_search", cls + "$"), ("infix_finditer", cls)):
        rule = getattr(tokenizer, attr)
        pattern = rule.__self__.pattern if rule is not None else None
        joined = extra if not pattern else f"{extra}|{pattern}"
        compiled = re.compile(joined)
        setattr(tokenizer, attr, compiled.finditer if attr == "infix_finditer" else compiled.search)
