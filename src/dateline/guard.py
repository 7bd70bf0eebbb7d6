"""Bounded work on hostile text: a run of characters that would make one huge token is cut before
tokenization, offsets kept.

spaCy's tokenizer looks for prefixes and suffixes of a token by searching its whole remaining
string again after each cut, so a run of 10,000 quote marks (or any other unbroken string) costs
time quadratic in its length. ``make_doc`` tokenizes the text piece by piece, cutting every run of
non-space characters longer than MAX_TOKEN into pieces of PIECE characters, and joins the pieces
into one Doc over exactly the same text: every token's ``idx`` is its offset in the article. Text
without such a run is tokenized in one call, as before.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_TOKEN = 1000        # a run of non-space characters longer than this is cut ...
PIECE = 100             # ... into pieces of this many characters (the tokenizer's cost per piece is tiny)

_RUN = re.compile(r"\S+")


def cut_points(text: str, *, max_token: int = MAX_TOKEN, piece: int = PIECE) -> list[int]:
    """Offsets at which the text is cut: inside each run of non-space characters longer than
    ``max_token``, every ``piece`` characters (never at the run's ends)."""
    cuts: list[int] = []
    for m in _RUN.finditer(text):
        a, b = m.span()
        if b - a > max_token:
            cuts.extend(range(a + piece, b, piece))
    return cuts


def spans(text: str, *, max_token: int = MAX_TOKEN, piece: int = PIECE) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering the text, cut at ``cut_points``."""
    bounds = [0, *cut_points(text, max_token=max_token, piece=piece), len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [(0, len(text))]


def make_doc(nlp: "Language", text: str) -> "Doc":
    """``nlp.make_doc(text)`` with huge tokens cut into pieces first; the Doc's text is ``text``."""
    parts = spans(text)
    if len(parts) == 1:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    return Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in parts], ensure_whitespace=False)
