"""The one tokenizer: spaCy's English tokenizer (the statistical pipeline's own in the default
profile) with the project's exceptions as data: every abbreviation of ``resources/lang/en/
abbreviations.tsv`` whose ``token`` column says it keeps its period is one token with it ("Gen.",
"Calif.", "Sens."), where spaCy's own rules would cut it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lang

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokenizer import Tokenizer


def exceptions() -> list[str]:
    """The abbreviations, with their period, that must stay one token."""
    return [a + "." for a in lang.abbreviations(use="token")]


def add_exceptions(tokenizer: "Tokenizer") -> "Tokenizer":
    """Add a special case for each exception the tokenizer would cut (idempotent); returns it."""
    from spacy.attrs import ORTH

    for form in exceptions():
        if len(tokenizer(form)) != 1:
            tokenizer.add_special_case(form, [{ORTH: form}])
    return tokenizer
