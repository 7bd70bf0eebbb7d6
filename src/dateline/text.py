"""Text utilities shared by every stage: paragraphs, sentences and words, both over the article's
one tokenization (the spaCy Doc's tokens).

Sentences are the one segmentation of ``dateline.nlp.sentences`` (over spaCy's tokens), which
keeps news abbreviations ("Oct. 31", "U.S. officials", "Mr. Kim") inside the sentence; paragraph
breaks (blank lines) always end a sentence.
"""
from __future__ import annotations

import bisect
import functools
import re

_PARA = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (separated by blank lines), whitespace trimmed."""
    spans = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if m:
            pos = m.end()
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into ``text``, in order, never crossing a paragraph break: the one
    segmentation (``dateline.nlp.sentences``), over spaCy's tokens of the text."""
    from .nlp.sentences import split

    return split(text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The words of text[start:end] as (start, end, string), offsets into text.

    Words are spans of the article's one tokenization, the spaCy Doc's tokens (``use_doc``), joined
    where ``resources/lang/en/word_joiners.tsv`` says two tokens written together are one word
    ("Korea's", "al-Qaida", "didn't"). A text with no Doc (a phrase, a test) is tokenized once
    with the project's tokenizer. A word that crosses ``start`` or ``end`` is cut at the edge."""
    n = len(text)
    end = n if end is None else min(end, n)
    start = max(start, 0)
    if start >= end:
        return []
    toks, starts, ends = _whole(text)
    i = bisect.bisect_right(ends, start)         # the first word that ends after start
    j = bisect.bisect_left(starts, end, i)       # the first word that starts at or after end
    out = toks[i:j]
    if out and (out[0][0] < start or out[-1][1] > end):
        out = [(max(a, start), min(b, end), text[max(a, start):min(b, end)]) for a, b, _ in out]
    return out


_LAST: list[tuple[str, list, list[int], list[int]]] = []     # the last articles' words (two at most)


def use_doc(doc, text: str | None = None) -> None:
    """Make ``doc``'s tokens the tokenization of its text (``text``: the string object the stages
    are given, when it is not ``doc.text``) for every later ``tokenize`` of that text."""
    text = doc.text if text is None else text
    _keep(text, _join(text, [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]))


def _keep(text: str, toks: list[tuple[int, int, str]]) -> tuple[list, list[int], list[int]]:
    entry = (text, toks, [a for a, _, _ in toks], [b for _, b, _ in toks])
    _LAST[:] = [entry] + [e for e in _LAST if e[0] is not text][:1]
    return entry[1:]


def _whole(text: str) -> tuple[list, list[int], list[int]]:
    """The words of the whole text: its Doc's (``use_doc``), else made once from the tokenizer."""
    for t, toks, starts, ends in _LAST:
        if t is text:
            return toks, starts, ends
    doc = _tokenizer()(text)
    return _keep(text, _join(text, [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]))


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's English tokenizer with the project's exceptions (the rules-only profile's)."""
    import spacy

    from .nlp.tokenizer import add_exceptions

    return add_exceptions(spacy.blank("en").tokenizer)


@functools.lru_cache(maxsize=1)
def _joiners() -> dict[str, tuple[str, str]]:
    from .resources import read_tsv

    return {("" if r["joiner"] == "(none)" else r["joiner"]): (r["left"], r["right"])
            for r in read_tsv("lang", "en", "word_joiners.tsv")}


def _fits(ch: str, kind: str) -> bool:
    return ch.isdigit() if kind == "digit" else (ch.isalnum() or ch == "_")


def _join(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Words from token spans: a token written against the word before it is joined to it when
    the joiners table allows (directly, or through a one-character joiner token)."""
    joins = _joiners()
    out: list[list[int]] = []
    k, n = 0, len(spans)
    while k < n:
        a, b = spans[k]
        if out and out[-1][1] == a:
            last = text[out[-1][1] - 1]
            rule = joins.get("")
            if rule and _fits(last, rule[0]) and _fits(text[a], rule[1]):
                out[-1][1] = b
                k += 1
                continue
            rule = joins.get(text[a]) if b == a + 1 else None
            if rule and k + 1 < n and spans[k + 1][0] == b and _fits(last, rule[0]) and _fits(text[b], rule[1]):
                out[-1][1] = spans[k + 1][1]
                k += 2
                continue
            if text[a] in joins and b > a + 1 and _fits(last, joins[text[a]][0]) and _fits(text[a + 1], joins[text[a]][1]):
                out[-1][1] = b                  # a token that starts with its joiner: "'s", "-led"
                k += 1
                continue
        out.append([a, b])
        k += 1
    return [(a, b, text[a:b]) for a, b in out]
