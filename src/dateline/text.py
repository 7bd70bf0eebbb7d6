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
from itertools import compress

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
    ("Korea's", "al-Qaida", "didn't"). A text with no Doc (a phrase, a test) is tokenized once, as
    ``nlp.sentences.split`` tokenizes it (huge runs cut). A word that crosses ``start`` or ``end`` is
    cut at the edge."""
    return _stretch(text, start, end)[0]


def tokenize_lower(text: str, start: int = 0, end: int | None = None) -> tuple[list[tuple[int, int, str]], list[str]]:
    """``tokenize(text, start, end)`` and its words lower-cased (a slice of the whole text's
    lower-case words, made once per text)."""
    out, words, i, j = _stretch(text, start, end)
    if not out:
        return out, []
    low = (words.low or words.lower())[i:j]
    if out[0] is not words.toks[i]:             # a word cut at an edge
        low[0] = out[0][2].lower()
    if out[-1] is not words.toks[j - 1]:
        low[-1] = out[-1][2].lower()
    return out, low


def _stretch(text: str, start: int, end: int | None) -> tuple[list[tuple[int, int, str]], "_Words | None", int, int]:
    """The words of text[start:end] (``tokenize``), with the whole text's words and the stretch's
    first and past-last indexes into them."""
    n = len(text)
    if end is None or end > n:
        end = n
    if start < 0:
        start = 0
    if start >= end:
        return [], None, 0, 0
    kept = _DOCS[0] if _DOCS else None
    words = kept[1] if kept is not None and kept[0] is text else _whole(text)     # the article's, mostly
    i = bisect.bisect_right(words.ends, start)          # the first word that ends after start
    j = bisect.bisect_left(words.starts, end, i)        # the first word that starts at or after end
    out = words.toks[i:j]
    if out:     # only the first word can start before start, only the last end after end: cut them
        a, b, _ = out[0]
        if a < start or b > end:
            out[0] = (max(a, start), min(b, end), text[max(a, start):min(b, end)])
        a, b, _ = out[-1]
        if a < start or b > end:
            out[-1] = (max(a, start), min(b, end), text[max(a, start):min(b, end)])
    return out, words, i, j


def word_table(text: str) -> tuple[list[tuple[int, int, str]], list[int], list[int], list[str]]:
    """The words of the whole text (``tokenize(text)``), their starts, their ends and their lower-case
    forms: the kept lists themselves, shared by every caller (to read, never to change)."""
    words = _whole(text)
    return words.toks, words.starts, words.ends, words.lower()


class _Words:
    """The words of one text, their offsets and (made on first use) their lower-case forms."""
    __slots__ = ("toks", "starts", "ends", "low")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.toks = list(zip(starts, ends, [text[a:b] for a, b in zip(starts, ends)]))
        self.starts = starts
        self.ends = ends
        self.low: list[str] | None = None

    def lower(self) -> list[str]:
        if self.low is None:
            self.low = [w.lower() for _, _, w in self.toks]
        return self.low


_DOCS: list[tuple[str, _Words]] = []     # the last articles' words, from their Docs (two at most)
# the words of texts with no Doc (a timex's phrase, a test's sentence), by value: the tokenizer gives
# equal strings equal words; the oldest go first past _OTHERS_CHARS characters in all. Kept apart
# from _DOCS, so that looking up phrases never pushes the article out of it (which made every later
# look-up of the article tokenize it again)
_OTHERS: dict[str, _Words] = {}
_OTHERS_CHARS = 200_000
_OTHERS_SIZE = [0]                      # the characters of the texts kept in _OTHERS


_WORDS_KEY = "dateline.words"


def use_doc(doc, text: str | None = None) -> None:
    """Make ``doc``'s tokens the tokenization of its text (``text``: the string object the stages
    are given, when it is not ``doc.text``) for every later ``tokenize`` of that text."""
    text = doc.text if text is None else text
    kept = doc.user_data.get(_WORDS_KEY)
    if kept is None or kept[0] is not text:       # made once per Doc; a batch of articles takes turns
        kept = doc.user_data[_WORDS_KEY] = (text, _Words(text, *_join(text, *_spans(doc))))
    _DOCS[:] = [kept] + [e for e in _DOCS if e[0] is not text][:1]


def _spans(doc) -> tuple[list[int], list[int], list[int]]:
    """The starts and ends of the Doc's tokens that are not whitespace, and the indexes (into them)
    of the tokens written against the one before, read from its arrays (``token_array``: no Token
    objects made, no Python step per token)."""
    import numpy

    from .nlp.extensions import token_array

    if not len(doc):
        return [], [], []
    arr = token_array(doc)
    words = arr[arr[:, 3] == 0]
    starts, ends = words[:, 0], words[:, 0] + words[:, 1]
    return starts.tolist(), ends.tolist(), (numpy.flatnonzero(starts[1:] == ends[:-1]) + 1).tolist()


def _whole(text: str) -> _Words:
    """The words of the whole text: its Doc's (``use_doc``), else made once from the tokenizer."""
    for t, words in _DOCS:
        if t is text:
            return words
    kept = _OTHERS.get(text)
    if kept is None:
        from .guard import make_doc
        from .nlp.sentences import blank_nlp

        kept = _Words(text, *_join(text, *_spans(make_doc(blank_nlp(), text))))   # huge runs cut as in new_doc
        _OTHERS_SIZE[0] += len(text)
        while _OTHERS and _OTHERS_SIZE[0] > _OTHERS_CHARS:
            oldest = next(iter(_OTHERS))
            _OTHERS_SIZE[0] -= len(oldest)
            del _OTHERS[oldest]
        _OTHERS[text] = kept
    return kept


@functools.lru_cache(maxsize=1)
def _joiners() -> tuple[tuple[str, str, str], ...]:
    from .resources import read_tsv

    return tuple(("" if r["joiner"] == "(none)" else r["joiner"], r["left"], r["right"])
                 for r in read_tsv("lang", "en", "word_joiners.tsv"))


@functools.lru_cache(maxsize=1)
def _joiner_starts() -> frozenset[str]:
    return frozenset(j[0] for j, _, _ in _joiners() if j)


def positions(words: list[str], wanted, start: int = 0, stop: int | None = None) -> list[int]:
    """The indexes, from ``start`` up to ``stop``, of the words that are in ``wanted`` (a set), in order:
    read by built-in maps, with no Python step per word."""
    stop = len(words) if stop is None else stop
    return list(compress(range(start, stop), map(wanted.__contains__, words[start:stop])))


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str expression: a character that is alphanumeric, or '_'."""
    return ch.isalnum() or ch == "_"


def _fits(text: str, word: tuple[int, int], kind: str, joiner: str) -> bool:
    """Whether the word before a joiner (its span) is of the table's ``left`` kind."""
    last = text[word[1] - 1]
    if kind == "digit":
        return last.isdigit()
    if kind == "plural":
        return last in "sS" and word[1] - word[0] > 1
    if kind == "same":
        return word[1] - word[0] == len(joiner) and text.startswith(joiner, word[0])    # a pair, no more
    return is_word_char(last)


def _opens(text: str, pos: int, kind: str) -> bool:
    """Whether the character at ``pos`` (after a joiner) is of the table's ``right`` kind."""
    if kind == "space":
        return pos >= len(text) or text[pos].isspace()
    if pos >= len(text):
        return False
    return text[pos].isdigit() if kind == "digit" else is_word_char(text[pos])


def _joined(text: str, word: tuple[int, int], starts: list[int], ends: list[int], k: int) -> int:
    """How many tokens from token k on (``starts``, ``ends``: the tokens' offsets) join the word
    before them (0: none)."""
    a, b = starts[k], ends[k]
    first = text[a]
    if first not in _joiner_starts() and not (is_word_char(first) and is_word_char(text[word[1] - 1])):
        return 0                                # the common case: punctuation after a word ("said,")
    for joiner, left, right in _joiners():
        if not joiner:
            if _fits(text, word, left, joiner) and _opens(text, a, right):
                return 1
        elif text[a:b] == joiner:
            if left == "same" or right == "space":
                if _fits(text, word, left, joiner) and (left == "same" or _opens(text, b, right)):
                    return 1
            elif k + 1 < len(starts) and starts[k + 1] == b and _fits(text, word, left, joiner) \
                    and _opens(text, b, right):
                return 2
        elif text.startswith(joiner, a) and _fits(text, word, left, joiner) and _opens(text, a + len(joiner), right):
            return 1                            # a token that starts with its joiner: "'s", "-led"
    return 0


def _join(text: str, starts: list[int], ends: list[int], adjacent: list[int]) -> tuple[list[int], list[int]]:
    """The starts and ends of the words made from the tokens (their starts and ends; ``adjacent``:
    the tokens written against the one before): such a token joins the word before it where the
    joiners table says so (directly, or through a joiner token)."""
    starters = _joiner_starts()
    # only a token written against the word before it can join it, and only one that starts with a
    # joiner or a word character after a word character (_joined's common case, checked here first)
    maybe = [k for k in adjacent if (c := text[starts[k]]) in starters
             or (is_word_char(c) and is_word_char(text[starts[k] - 1]))]
    if not maybe:
        return starts, ends
    out_starts: list[int] = []
    out_ends: list[int] = []
    k = 0
    for c in maybe:
        if c < k:
            continue                            # joined already
        out_starts += starts[k:c]               # the words before it stay as they are
        out_ends += ends[k:c]
        m = _joined(text, (out_starts[-1], out_ends[-1]), starts, ends, c)
        if m:
            out_ends[-1] = ends[c + m - 1]
            k = c + m
        else:
            out_starts.append(starts[c])
            out_ends.append(ends[c])
            k = c + 1
    return out_starts + starts[k:], out_ends + ends[k:]
