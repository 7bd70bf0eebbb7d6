"""Text utilities shared by every stage: paragraphs, sentence splitting and a word tokenizer.

Sentences are the one segmentation of ``dateline.nlp.sentences`` (over spaCy's tokens), which
keeps news abbreviations ("Oct. 31", "U.S. officials", "Mr. Kim") inside the sentence; paragraph
breaks (blank lines) always end a sentence.
"""
from __future__ import annotations

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


_TOKEN = re.compile(r"\w+(?:(?:[-'’.&]|(?<=\d):(?=\d))\w+)*|[^\w\s]")   # "2:55" is one token


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of text[start:end] as (start, end, string), offsets into text."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
