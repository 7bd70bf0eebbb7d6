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


def _after_closers(doc: "Doc", j: int, closers: frozenset[str]) -> int:
    """The first token after the closing marks attached to an end mark, a bracketed reference
    number ('[5]') and the spaces after them."""
    n = len(doc)
    while j < n and doc[j].text in closers and doc[j - 1].whitespace_ == "":
        j += 1
    while j < n and doc[j].is_space:
        j += 1
    while j + 2 < n and doc[j].text == "[" and doc[j + 1].text.isdigit() and doc[j + 2].text == "]":
        j += 3
        while j < n and doc[j].is_space:
            j += 1
    return j


def _starts(doc: "Doc") -> list[int]:
    """Token indexes where sentences start (the first non-space token included)."""
    m = _marks()
    n = len(doc)
    out = {next((t.i for t in doc if not t.is_space), n)}
    for i, tok in enumerate(doc):
        t = tok.text
        if tok.is_space:
            if t.count("\n") >= 2 and i + 1 < n:
                out.add(i + 1)
            continue
        end = t in m["end"] or (len(t) > 1 and t[-1] in m["final_chars"])
        abbr = not end and len(t) > 1 and t.endswith(".")
        if not (end or abbr) or t in m["glue"]:
            continue
        if i + 1 < n and tok.whitespace_ == "" and doc[i + 1].text[:1] in m["end_chars"]:
            continue                                # a run of end marks ends after its last one
        j = _after_closers(doc, i + 1, m["closer"])
        if j >= n:
            continue
        nxt = doc[j].text
        if nxt[:1].islower() or not (nxt[:1].isalnum() or nxt in m["opener"]):
            continue
        place_state = t in m["states"] and i > 0 and doc[i - 1].text == ","     # "in Dover, Del. Workers"
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
            prev = text[start:cut].rstrip()
            nxt = text[cut + 1:e].lstrip()
            if prev and nxt and (prev[-1] not in ",:-(" and (nxt[:1].isupper() or nxt[:1] in "\"“'‘")):
                fixed.append((start, start + len(prev)))
                start = cut + 1 + (len(text[cut + 1:e]) - len(nxt))
        if e > start:
            fixed.append((start, e))
    return fixed


def segment(doc: "Doc") -> list[tuple[int, int]]:
    """Sentence spans (start, end) as character offsets, in order, whitespace trimmed."""
    starts = _starts(doc)
    spans = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(doc)
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            spans.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
    return split_lines(text_of(doc), spans)


@functools.lru_cache(maxsize=1)
def _blank():
    import spacy

    from .tokenizer import add_exceptions

    nlp = spacy.blank("en")
    add_exceptions(nlp.tokenizer)
    return nlp


def split(text: str) -> list[tuple[int, int]]:
    """The segmentation of a text that has no Doc yet (tests, tools): spaCy's English tokenizer with
    the project's exceptions (huge runs cut as in the pipeline), then ``segment``."""
    from ..guard import make_doc

    return segment(make_doc(_blank(), text))
