"""The one sentence segmentation, read from the article Doc's own tokens (no second tokenizer).

A sentence starts after an end mark ('.', '!', '?', an ellipsis; a run of them ends after its last),
past the closing quotes and brackets attached to it and a bracketed reference number ('[5]'),
when the next token begins with a capital, a digit or an opening quote or bracket; after a token
that ends with an abbreviation's period ('U.S.', 'p.m.') only when the next word is a capitalised
sentence starter ('The', 'He'), never after a title or other glued abbreviation ('Mr.', 'St.') nor
between a month abbreviation and a number ('Oct. 31'); after a state's abbreviation that follows a
place and a comma ('in Dover, Del. Workers') as after an end mark; and always at a blank line. A line with no
final punctuation followed by a capitalised line (a heading, a byline) is a sentence of its own.
The marks are data (``resources/lang/en/sentence_marks.tsv``, abbreviations from the one list).
``benchmarks/bench_sentences.py`` measures it against syntok, spaCy's sentencizer and the parser
on the UD English treebanks' boundaries.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .. import lang
from ..resources import read_tsv
from .extensions import text_of, token_array

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@functools.lru_cache(maxsize=1)
def _marks() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {"end": set(), "closer": set(), "opener": set(), "starter": set()}
    for row in read_tsv("lang", "en", "sentence_marks.tsv"):
        if row["role"] not in roles:
            raise ValueError(f"sentence_marks.tsv: unknown role {row['role']!r} for {row['token']!r}")
        roles[row["role"]].add(row["token"])
    out = {k: frozenset(v) for k, v in roles.items()}
    out["glue"] = frozenset(a + "." for a in lang.abbreviations(use="glue"))
    out["months"] = frozenset(a + "." for a in lang.abbreviations(kind="month"))
    out["states"] = frozenset(a + "." for a in lang.abbreviations(kind="state"))
    out["end_chars"] = frozenset(t for t in out["end"] if len(t) == 1)     # a run of them ends after its last
    out["final_chars"] = out["end_chars"] - {"."}    # end a longer token too ('Yes!'); a final '.' may be an abbreviation's
    return out


class _Tokens:
    """A Doc's tokens as plain lists read from its arrays (no Token objects): offsets, lengths,
    whether a space follows, whether the token is whitespace; a token's text is sliced on demand."""
    __slots__ = ("text", "idx", "lengths", "after", "space", "n")

    def __init__(self, text: str, idx: list[int], lengths: list[int], after: list[int], space: list[int]):
        self.text, self.idx, self.lengths, self.after, self.space = text, idx, lengths, after, space
        self.n = len(idx)

    def word(self, i: int) -> str:
        a = self.idx[i]
        return self.text[a:a + self.lengths[i]]


def _after_closers(tk: _Tokens, j: int, closers: frozenset[str]) -> int:
    """The first token after the closing marks attached to an end mark, a bracketed reference
    number ('[5]') and the spaces after them."""
    n, word, space = tk.n, tk.word, tk.space
    while j < n and word(j) in closers and not tk.after[j - 1]:
        j += 1
    while j < n and space[j]:
        j += 1
    while j + 2 < n and word(j) == "[" and word(j + 1).isdigit() and word(j + 2) == "]":
        j += 3
        while j < n and space[j]:
            j += 1
    return j


@functools.lru_cache(maxsize=1)
def _last_codes():
    """The code points of the characters an end mark or an abbreviation ends with."""
    import numpy

    m = _marks()
    chars = frozenset(x[-1:] for x in m["end"]) | m["final_chars"] | {"."}
    return numpy.array(sorted(ord(c) for c in chars if c), dtype=numpy.int64)


def _candidates(tk: _Tokens, arr) -> list[int]:
    """The tokens after which a sentence may start, in order: the whitespace tokens and the words
    whose last character ends an end mark or an abbreviation (``_last_codes``). Read from the text's
    code points at the tokens' last characters, so that no Python step is taken for the other words
    (most of them): exactly the tokens the per-token test would look at further."""
    import numpy

    if not tk.n:
        return []
    codes = numpy.frombuffer(tk.text.encode("utf-32-le"), dtype=numpy.uint32)
    last = codes[arr[:, 0] + arr[:, 1] - 1]
    return numpy.flatnonzero((arr[:, 3] != 0) | numpy.isin(last, _last_codes())).tolist()


def _starts_of(tk: _Tokens, cands: list[int], m: dict) -> list[int]:
    """Token indexes where sentences start (the first non-space token included), looking only at
    the candidate tokens (``_candidates``)."""
    n, word, space = tk.n, tk.word, tk.space
    out = {next((i for i in range(n) if not space[i]), n)}
    end_marks, final_chars, end_chars, glue = m["end"], m["final_chars"], m["end_chars"], m["glue"]
    for i in cands:
        t = word(i)
        if space[i]:
            if t.count("\n") >= 2 and i + 1 < n:
                out.add(i + 1)
            continue
        end = t in end_marks or (len(t) > 1 and t[-1] in final_chars)
        abbr = not end and len(t) > 1 and t.endswith(".")
        if not (end or abbr) or t in glue:
            continue
        if i + 1 < n and not tk.after[i] and word(i + 1)[:1] in end_chars:
            continue                                # a run of end marks ends after its last one
        j = _after_closers(tk, i + 1, m["closer"])
        if j >= n:
            continue
        nxt = word(j)
        if nxt[:1].islower() or not (nxt[:1].isalnum() or nxt in m["opener"]):
            continue
        place_state = t in m["states"] and i > 0 and word(i - 1) == ","     # "in Dover, Del. Workers"
        if abbr and not place_state and ((t in m["months"] and nxt[:1].isdigit()) or nxt.lower() not in m["starter"]):
            continue
        out.add(j)
    return sorted(i for i in out if i < n)


_NEWLINE = re.compile(r"\n")


def split_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line inside a sentence that ends with no final punctuation, comma or colon (a semicolon may
    end a heading) and is followed by a capitalised line (a heading, a byline) is split off as a
    sentence of its own."""
    fixed: list[tuple[int, int]] = []
    for s, e in spans:
        start = s
        for mt in _NEWLINE.finditer(text, s, e):
            cut = mt.start()
            p, q = cut, cut + 1         # the line's last character and the next line's first (no copies)
            while p > start and text[p - 1].isspace():
                p -= 1
            while q < e and text[q].isspace():
                q += 1
            if p > start and q < e and (text[p - 1] not in ",:-(" and (text[q].isupper() or text[q] in "\"“'‘")):
                fixed.append((start, p))
                start = q
        if e > start:
            fixed.append((start, e))
    return fixed


def segment(doc: "Doc") -> list[tuple[int, int]]:
    """Sentence spans (start, end) as character offsets, in order, whitespace trimmed."""
    text = text_of(doc)
    arr = token_array(doc)          # offsets, lengths, space after, whitespace: no Token objects made
    tk = _Tokens(text, *arr.T.tolist()) if len(doc) else _Tokens(text, [], [], [], [])
    marks = _marks()
    starts = _starts_of(tk, _candidates(tk, arr), marks)
    spans = []
    space = tk.space
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(doc)
        while b > a and space[b - 1]:
            b -= 1
        if b > a:
            spans.append((tk.idx[a], tk.idx[b - 1] + tk.lengths[b - 1]))
    return split_lines(text, spans)


@functools.lru_cache(maxsize=1)
def blank_nlp():
    """spaCy's blank English pipeline with the project's tokenizer exceptions: the tokenizer of a text
    that has no Doc of the pipeline (tests, tools, phrases)."""
    import spacy

    from .tokenizer import add_exceptions

    nlp = spacy.blank("en")
    add_exceptions(nlp.tokenizer)
    return nlp


def split(text: str) -> list[tuple[int, int]]:
    """The segmentation of a text that has no Doc yet (tests, tools): spaCy's English tokenizer with
    the project's exceptions (huge runs cut as in the pipeline), then ``segment``."""
    from ..guard import make_doc

    return segment(make_doc(blank_nlp(), text))
