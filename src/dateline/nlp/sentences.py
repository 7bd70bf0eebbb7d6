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
from .extensions import text_of

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


def _after_closers(texts: list[str], glued: list[bool], space: list[bool], j: int, closers: frozenset[str]) -> int:
    """The first token after the closing marks attached to an end mark, a bracketed reference
    number ('[5]') and the spaces after them (the tokens' texts, whether each has no space after it,
    whether each is whitespace)."""
    n = len(texts)
    while j < n and texts[j] in closers and glued[j - 1]:
        j += 1
    while j < n and space[j]:
        j += 1
    while j + 2 < n and texts[j] == "[" and texts[j + 1].isdigit() and texts[j + 2] == "]":
        j += 3
        while j < n and space[j]:
            j += 1
    return j


def _starts_of(texts: list[str], glued: list[bool], space: list[bool], m: dict) -> list[int]:
    """Token indexes where sentences start (the first non-space token included), from the tokens'
    texts, whether each has no space after it and whether each is whitespace."""
    n = len(texts)
    out = {next((i for i in range(n) if not space[i]), n)}
    end_marks, final_chars, end_chars, glue = m["end"], m["final_chars"], m["end_chars"], m["glue"]
    last_chars = frozenset(x[-1:] for x in end_marks) | final_chars | {"."}    # what an end or abbreviation ends with
    for i, t in enumerate(texts):
        if space[i]:
            if t.count("\n") >= 2 and i + 1 < n:
                out.add(i + 1)
            continue
        if t[-1:] not in last_chars:
            continue                                # most words: no end mark, no abbreviation
        end = t in end_marks or (len(t) > 1 and t[-1] in final_chars)
        abbr = not end and len(t) > 1 and t.endswith(".")
        if not (end or abbr) or t in glue:
            continue
        if i + 1 < n and glued[i] and texts[i + 1][:1] in end_chars:
            continue                                # a run of end marks ends after its last one
        j = _after_closers(texts, glued, space, i + 1, m["closer"])
        if j >= n:
            continue
        nxt = texts[j]
        if nxt[:1].islower() or not (nxt[:1].isalnum() or nxt in m["opener"]):
            continue
        place_state = t in m["states"] and i > 0 and texts[i - 1] == ","     # "in Dover, Del. Workers"
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
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

    text = text_of(doc)
    # the tokens read once, as plain lists (no Token objects): offsets, lengths, space after, whitespace
    idx, lengths, after, is_space = (doc.to_array([IDX, LENGTH, SPACY, IS_SPACE]).T.tolist()
                                     if len(doc) else ([], [], [], []))
    texts = [text[a:a + n] for a, n in zip(idx, lengths)]
    glued = [not x for x in after]
    space = [bool(x) for x in is_space]
    starts = _starts_of(texts, glued, space, _marks())
    spans = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(doc)
        while b > a and space[b - 1]:
            b -= 1
        if b > a:
            spans.append((idx[a], idx[b - 1] + len(texts[b - 1])))
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
