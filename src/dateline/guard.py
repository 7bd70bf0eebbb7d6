"""Bounded work on hostile text: a run of characters that would make one huge token is cut before
tokenization, offsets kept.

spaCy's tokenizer looks for prefixes and suffixes of a token by searching its whole remaining
string again after each cut, so a run of 10,000 quote marks (or any other unbroken string) costs
time quadratic in its length. ``make_doc`` tokenizes the text piece by piece, cutting every run of
non-space characters longer than MAX_TOKEN into pieces of PIECE characters that are one token each
(such a run is no language: it gets few tokens, and the parser's work stays small), and joins the
parts into one Doc over exactly the same text: every token's ``idx`` is its offset in the article.
Text without such a run is tokenized in one call, as before.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_TOKEN = 1000        # a run of non-space characters longer than this is cut ...
PIECE = 100             # ... into tokens of this many characters


@functools.lru_cache(maxsize=8)
def _long_run(max_token: int) -> re.Pattern:
    """A whole run of non-space characters longer than ``max_token`` (found by the regex engine
    from the start of each run only, so the text's ordinary words cost no Python step)."""
    return re.compile(r"(?<!\S)\S{%d,}" % (max_token + 1))


def segments(text: str, *, max_token: int = MAX_TOKEN, piece: int = PIECE) -> list[tuple[int, int, bool]]:
    """Consecutive (start, end, huge) segments covering the text: each run of non-space characters
    longer than ``max_token`` is cut into segments of ``piece`` characters (huge=True), the text
    between such runs is one segment (huge=False)."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for m in _long_run(max_token).finditer(text):
        a, b = m.span()
        if a > pos:
            out.append((pos, a, False))
        out.extend((i, min(i + piece, b), True) for i in range(a, b, piece))
        pos = b
    if pos < len(text) or not out:
        out.append((pos, len(text), False))
    return out


def make_doc(nlp: "Language", text: str) -> "Doc":
    """``nlp.make_doc(text)``, except that each piece of a huge run is one token of its own (no
    tokenizer work, few tokens for the parser); the Doc's text is exactly ``text``. The tokenizer is
    called directly: spaCy's nlp.max_length (1,000,000 characters, a guard for the parser's memory)
    does not apply, since only sentences are parsed (nlp.parse), and dateline accepts 10 MB."""
    from .nlp.tokenizer import prime

    segs = segments(text)
    if len(segs) == 1:
        prime(nlp.tokenizer, text)
        return nlp.tokenizer(text)
    from spacy.tokens import Doc

    docs = []
    for a, b, huge in segs:
        if huge:
            docs.append(Doc(nlp.vocab, words=[text[a:b]], spaces=[False]))
        else:
            prime(nlp.tokenizer, text[a:b])
            docs.append(nlp.tokenizer(text[a:b]))
    return Doc.from_docs(docs, ensure_whitespace=False)
