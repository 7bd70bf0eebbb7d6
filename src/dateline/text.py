"""Text utilities shared by every stage: normalisation and sentence splitting.

Sentences come from syntok, which keeps news abbreviations ("Oct. 31", "U.S. officials",
"Mr. Kim") inside the sentence; paragraph breaks (blank lines) always end a sentence.
"""
from __future__ import annotations

import re

import syntok.segmenter as _segmenter

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
    """Sentence spans (start, end) into ``text``, in order, never crossing a paragraph break."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        chunk = text[ps:pe]
        for para in _segmenter.analyze(chunk):
            for sent in para:
                if not sent:
                    continue
                s = ps + sent[0].offset
                last = sent[-1]
                e = ps + last.offset + len(last.value)
                out.append((s, e))
    # syntok leaves single newlines inside sentences; a line that is a heading or byline
    # (no final punctuation, next line capitalised) is split off.
    fixed: list[tuple[int, int]] = []
    for s, e in out:
        start = s
        for m in re.finditer(r"\n", text[s:e]):
            cut = s + m.start()
            prev = text[start:cut].rstrip()
            nxt = text[cut + 1:e].lstrip()
            if prev and nxt and (prev[-1] not in ",;:-(" and (nxt[:1].isupper() or nxt[:1] in "\"“'‘")):
                fixed.append((start, start + len(prev)))
                start = cut + 1 + (len(text[cut + 1:e]) - len(nxt))
        if e > start:
            fixed.append((start, e))
    return fixed


_TOKEN = re.compile(r"\w+(?:(?:[-'’.&]|(?<=\d):(?=\d))\w+)*|[^\w\s]")   # "2:55" is one token


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of text[start:end] as (start, end, string), offsets into text."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
