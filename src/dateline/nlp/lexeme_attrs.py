"""Faster, exact equivalents of some of spaCy's English lexeme attribute getters.

spaCy computes every attribute of a lexeme (``shape``, ``like_num``, ``like_url``, ``is_punct``...)
with a Python function when a word is first seen; in a backfill most tokens of an article are new
words, so these functions are a large part of the tokenizer's cost. Each function here returns
exactly what spaCy's own does for every string (tests compare them on tables and on generated
strings): it answers the common case (an ASCII string; a word without the character the attribute
needs) from tables derived at import time from ``unicodedata`` and spaCy's own word lists, and
hands any other string to spaCy's function. ``install`` puts them on a vocabulary in place of
spaCy's, attribute by attribute, only where the vocabulary holds spaCy's own English getter."""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Callable

from spacy.lang import lex_attrs as _base
from spacy.lang.en import lex_attrs as _en

if TYPE_CHECKING:  # pragma: no cover
    from spacy.vocab import Vocab

_ASCII = [chr(i) for i in range(128)]
_ASCII_PUNCT = "".join(c for c in _ASCII if unicodedata.category(c).startswith("P"))
_ASCII_CURRENCY = "".join(c for c in _ASCII if unicodedata.category(c) == "Sc")
# each ASCII byte's shape character (spaCy's: X, x, d or the character itself), as a bytes.translate table
_SHAPE_OF = bytes(ord(("X" if c.isupper() else "x") if c.isalpha() else "d" if c.isdigit() else c)
                  for c in _ASCII) + bytes(range(128, 256))
_SHAPES: dict[str, str] = {}     # a string of shape characters -> the shape (its runs cut to four): few
_SHAPES_MAX = 20_000
_NUMBER_WORDS = frozenset(_en._num_words) | frozenset(_en._ordinal_words)
_URL_SCHEMES = ("http://", "https://")


def is_ascii(text: str) -> bool:
    return text.isascii()


def is_punct(text: str) -> bool:
    if text.isascii():
        return not text.strip(_ASCII_PUNCT)     # empty once stripped: every character is punctuation
    return _base.is_punct(text)


def is_currency(text: str) -> bool:
    if text.isascii():
        return not text.strip(_ASCII_CURRENCY)
    return _base.is_currency(text)


def word_shape(text: str) -> str:
    if len(text) >= 100 or not text.isascii():
        return _base.word_shape(text)
    chars = text.encode("ascii").translate(_SHAPE_OF).decode("ascii")
    shape = _SHAPES.get(chars)
    if shape is None:
        shape = _runs_cut(chars)
        if len(_SHAPES) < _SHAPES_MAX:
            _SHAPES[chars] = shape
    return shape


def _runs_cut(chars: str) -> str:
    """``chars`` with each run of one character cut to its first four (spaCy's shape keeps four)."""
    out = []
    last, seq = "", 0
    for ch in chars:
        if ch == last:
            seq += 1
        else:
            last, seq = ch, 0
        if seq < 4:
            out.append(ch)
    return "".join(out)


def like_url(text: str) -> bool:
    if text and "." not in text:
        return text.startswith(_URL_SCHEMES)    # without a dot only a scheme makes it a URL
    return _base.like_url(text)


def like_email(text: str) -> bool:
    return "@" in text and _base.like_email(text)


def like_num(text: str) -> bool:
    if text.isalpha() and text.isascii():
        return text.lower() in _NUMBER_WORDS    # a plain word: only a number word is like a number
    return _en.like_num(text)


# spaCy's getter -> its equivalent here
EQUIVALENTS: dict[Callable, Callable] = {
    _base.is_ascii: is_ascii, _base.is_punct: is_punct, _base.is_currency: is_currency,
    _base.word_shape: word_shape, _base.like_url: like_url, _base.like_email: like_email,
    _en.like_num: like_num,
}


def install(vocab: "Vocab") -> "Vocab":
    """Replace, on ``vocab``, each of spaCy's getters that has an equivalent here; returns it."""
    getters = dict(vocab.lex_attr_getters or {})
    for attr, func in getters.items():
        fast = EQUIVALENTS.get(func)
        if fast is not None:
            getters[attr] = fast
    vocab.lex_attr_getters = getters
    return vocab
