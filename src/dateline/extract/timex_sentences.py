"""A light sentence splitter for the time tagger.

``tag_timexes`` needs sentence spans only as windows for its tense cues and for the reach of
anaphoric references, so when the caller passes none it uses this splitter instead of the full
one of :mod:`dateline.text` (syntok), which costs more than the tagging itself. It cuts after
``.``/``!``/``?`` (and closing quotes or brackets) followed by a capitalised word, unless the
word before the period is a known abbreviation ("Mr.", "Corp.", "Sept."), an initial or a dotted
initialism ("U.S.", "p.m."); paragraph breaks always cut, and so does a single line break after a
line without final punctuation when the next line is capitalised (headlines, bylines).
"""
from __future__ import annotations

import re

from dateline.extract.timex_lexicon import LEX

ABBREVIATIONS = LEX.sentence_abbreviations

_BOUNDARY = re.compile(
    r"(?<![.!?])(?P<p>[.!?]+)[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])"   # final punctuation before a capital
    r"|(?P<para>\n[ \t]*\n\s*)"                             # a paragraph break
    r"|(?<![,;:(\-])(?P<nl>\n)(?=[ \t]*[\"'“‘]?[A-Z])")     # a line break before a capital
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


def _is_abbreviation(text: str, pos: int) -> bool:
    """True when the period at ``pos`` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, pos - 12), pos)
    if not m:
        return False
    w = m.group(1)
    if len(w) == 1 and w.isupper():
        return True                     # an initial: "John F. Kennedy"
    if "." in w and _INITIALISM.fullmatch(w):
        return True                     # "U.S.", "a.m", "p.m"
    return w.lower() in ABBREVIATIONS


def light_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text``, whitespace trimmed, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        if m.group("p") is not None:
            if m.group("p") == "." and _is_abbreviation(text, m.start()):
                continue
            cut = m.end()
        elif m.group("nl") is not None:
            # a heading line: the line before has no final punctuation
            line_end = m.start()
            j = line_end
            while j > start and text[j - 1] in " \t":
                j -= 1
            if j == start or text[j - 1] in ".!?\"'”’)":
                continue
            cut = line_end
        else:
            cut = m.start()
        _add(text, start, cut, out)
        start = cut
    _add(text, start, n, out)
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
