"""The attribution stage's view of a text: tokens, quotation membership, units and headlines."""
from __future__ import annotations

import bisect
from functools import lru_cache, partial
from itertools import compress
from operator import itemgetter, lt

from dateline import lang
from dateline.extract.attribution_lexicon import cue_forms, CueForm
from dateline.extract.attribution_quotes import find_headline_quotes, find_quotes
from dateline.extract.attribution_words import _ABBR_END, _CLITIC_HOSTS, _QMARKS, _SMARKS
from dateline.text import paragraphs, positions, word_table


class _Doc:
    """Tokens of the text with quote membership, and the units to analyse."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.left_memo: dict[tuple, object] = {}     # attribution_phrases' walks left of a cue, by their arguments
        toks, starts, ends, low = word_table(text)     # the text's one tokenization, read once
        self.starts = starts      # (the word table's own lists: nothing here changes them)
        self.ends = ends
        self.words = list(map(itemgetter(2), toks))
        # a clitic's host stands for the word ("he's" -> "he"): in a copy of the lower-case words,
        # made only where there is one (else the word table's list, which nothing here changes)
        # (the apostrophe of a clitic comes right before its suffix: the others are not looked up)
        hosts = [(i, _CLITIC_HOSTS[low[i]]) for i in _apostrophe_words(text, starts, ends, _clitic_after())
                 if low[i] in _CLITIC_HOSTS]
        self.low = list(low) if hosts else low
        for i, h in hosts:
            self.low[i] = h
        self.n = len(toks)
        # where a cue may start (one membership test per word, no Python step per word)
        self.head_words, self.forms = _cue_heads(), cue_forms()     # the cue tables: first words, every form
        self.pair_heads = _pair_heads()
        self.cue_heads = positions(self.low, self.head_words)
        self.paras = paragraphs(text)
        self.groups = sorted(find_quotes(text, self.paras) + find_headline_quotes(text, self.paras),
                             key=lambda g: g.start)
        # quote group of each token (marks included), -1 outside
        self.inq = [-1] * len(toks)
        self.is_open = [False] * len(toks)
        self.is_close = [False] * len(toks)
        self.gtok: list[tuple[int, int]] = []
        closes, opens = set(), set()
        for gi, g in enumerate(self.groups):
            lo = bisect.bisect_left(self.starts, g.start)
            hi = bisect.bisect_left(self.starts, g.end)
            self.gtok.append((lo, hi))
            self.inq[lo:hi] = [gi] * (hi - lo)
            marks = _SMARKS if g.single else _QMARKS
            if lo < len(toks) and self.low[lo] in marks:
                self.is_open[lo] = True
                opens.add(lo)
            if hi - 1 >= lo and self.low[hi - 1] in marks and g.closed:
                self.is_close[hi - 1] = True
                closes.add(hi - 1)
        self._closes = sorted(closes)     # the tokens with is_close set
        self.opens = sorted(opens)        # the tokens with is_open set
        first = itemgetter(0)
        self.group_starts = sorted(map(first, self.gtok))     # the first tokens of the quotations
        self.para_starts = list(map(first, self.paras))
        self.sent_starts = sorted(map(first, sentences))
        self.units = self._units(sentences)
        self.unit_chars = list(map(self.starts.__getitem__, map(first, self.units)))
        # title-case lines (headlines): their cue words are capitalised ("Obama Says ...")
        self.headline = bytearray(len(toks))
        for ps, pe in self.paras:
            lo = bisect.bisect_left(self.starts, ps)
            hi = bisect.bisect_left(self.starts, pe)
            if hi - lo > 30:
                continue            # a headline is short: longer paragraphs are not read word by word
            # the alphabetic words of more than 3 characters, and how many of them are capitalised
            # (read by built-in maps and filters, no Python step per word)
            ws = self.words[lo:hi]
            long = list(filter(str.isalpha, compress(ws, map((3).__lt__, map(len, ws)))))
            if 3 <= len(long) and sum(map(str.isupper, map(itemgetter(0), long))) >= 0.8 * len(long):
                for x in range(lo + 1, hi):
                    self.headline[x] = 1

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def sent_of_char(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def sent_of_unit(self, char: int) -> int:
        """The sentence where the unit holding ``char`` starts: a quotation of several sentences and
        its cue ('"A. B. C," she said') are one unit, and the words before it are one sentence back."""
        u = bisect.bisect_right(self.unit_chars, char) - 1
        return self.sent_of_char(self.unit_chars[u] if u >= 0 else char)

    def _units(self, sentences):
        text = self.text
        starts, is_open, is_close = self.starts, self.is_open, self.is_close
        # each sentence's first token and the token after it, bisected by map (the end searched from 0,
        # not from the start: the two agree wherever the end is past the start, else both drop it)
        ordered = sorted(sentences)
        find = partial(bisect.bisect_left, starts)
        los = list(map(find, map(itemgetter(0), ordered)))
        his = list(map(find, map(itemgetter(1), ordered)))
        spans = list(compress(zip(los, his), map(lt, los, his)))     # (lo, hi) pairs, made lists below if moved
        # closing marks that the splitter put at the start of the next sentence go back, and
        # opening marks left at the end of a sentence go forward (there are none without quotes)
        if self.gtok:
            spans = list(map(list, spans))
        for k in range(len(spans) - 1 if self.gtok else 0):
            cur, nxt = spans[k], spans[k + 1]
            while nxt[0] < nxt[1] and is_close[nxt[0]] and cur[1] == nxt[0]:
                cur[1] += 1
                nxt[0] += 1
            while cur[1] - 1 > cur[0] and is_open[cur[1] - 1] and cur[1] == nxt[0]:
                cur[1] -= 1
                nxt[0] -= 1
        # split after a quotation that closes a sentence ('... value.'' He added') unless a
        # post-posed cue follows ('"Why?" Obama asked.'); glue such a cue back otherwise
        closes = self._closes
        if closes:
            split: list[list[int]] = []
            for lo, hi in spans:
                a = lo
                # only a closing mark can split: the others of range(lo + 1, hi - 1) are passed over
                for i in closes[bisect.bisect_left(closes, lo + 1):bisect.bisect_left(closes, hi - 1)]:
                    if is_close[i] and self.low[i - 1] in (".", "?", "!") and i + 1 > a \
                            and self.inq[i + 1] < 0 and self.words[i + 1][:1].isupper() \
                            and not self._post_cue_ahead(i + 1, hi):
                        split.append([a, i + 1])
                        a = i + 1
                split.append([a, hi])
            spans = split
        units: list[list[int]] = []
        inq, ends, words = self.inq, self.ends, self.words
        abbr = _abbr_tokens()
        quoted = bool(self.gtok)        # (without quotations every inq is -1: no quotation crosses)
        for lo, hi in spans:
            if hi <= lo:
                continue
            if units:
                plo, phi = units[-1]
                # a quotation running over the boundary
                if quoted and (inq[phi - 1] >= 0 and inq[phi - 1] == inq[lo] or inq[lo] >= 0 and not self.is_open[lo]):
                    units[-1][1] = hi
                    continue
                # a split after "Mr." or an initial, or before a lower-case word (on one line)
                ps, pe, s = starts[plo], ends[phi - 1], starts[lo]
                glued = text.find("\n", pe, s) < 0
                # (_ABBR_END ends in a period at the end of the string, or before a newline ending it)
                if glued and not (text[pe - 1] in ".\n" and _ABBR_END.search(text[max(ps, pe - 8):pe]) is not None
                                  or words[lo][:1].islower()):
                    # (_title_after_cue holds only after an abbreviation: a word of abbr and a period)
                    glued = (words[phi - 1][:-1] in abbr and self._title_after_cue(phi - 1, plo)) or (
                        self.is_close[phi - 1] and phi - 2 >= plo and self.low[phi - 2] in ("?", "!", ",")
                        and self._post_cue_ahead(lo, hi))
                if glued:
                    units[-1][1] = hi
                    continue
            units.append([lo, hi])
        return list(map(tuple, units))

    def _title_after_cue(self, k: int, lo: int) -> bool:
        """Is token k an abbreviation right after a post-posed cue ('said Del.', 'added Gen.')? There
        it is the title of the speaker named next, never a sentence end (a state abbreviation ends
        a sentence after a place: 'in Dover, Del.')."""
        if k - 1 < lo or not self.words[k].endswith(".") or self.words[k][:-1] not in _abbr_tokens():
            return False
        f = cue_forms().get((self.low[k - 1],))
        return bool(f and self.words[k - 1].islower() and "post" in f.cue.frames and f.form != "ing")

    def _post_cue_ahead(self, i: int, hi: int) -> bool:
        """Does a post-posed cue ("Obama asked", "said Mr. X") start within a few words?"""
        forms = cue_forms()
        for j in range(i, min(hi, i + 9)):
            w = self.low[j]
            if w in (".", "?", "!", ";") or self.inq[j] >= 0:
                return False
            f = forms.get((w,))
            if f and self.words[j].islower() and "post" in f.cue.frames and f.form != "ing":
                return True
        return False

    def group_end_tok(self, i: int) -> int:
        return self.gtok[self.inq[i]][1]

    # ---- helpers over token indices -------------------------------------------------
    def cue_at(self, i: int, hi: int) -> tuple[CueForm, int] | None:
        low = self.low
        if low[i] not in self.head_words or self.inq[i] >= 0:
            return None
        forms = self.forms
        w = self.words[i]
        if i + 1 < hi and low[i] in self.pair_heads and self.inq[i + 1] < 0:     # (a two-word form's first word)
            f = forms.get((low[i], low[i + 1]))
            if f and (w.islower() or low[i] == "according"):
                return f, i + 2
        f = forms.get((low[i],))
        if f and (w.islower() or self.headline[i] and w[1:].islower() or self._fronted_cue(i, f)) \
                and len(f.words) == 1:
            return f, i + 1
        return None

    def _fronted_cue(self, i: int, f: CueForm) -> bool:
        """A capitalised past cue opening its sentence before a name ('Said Ellis: "..."')."""
        return f.form == "past" and "post" in f.cue.frames and self.words[i][1:].islower() \
            and i + 1 < self.n and self.words[i + 1][:1].isupper() and self.inq[i + 1] < 0 \
            and (i == 0 or self.low[i - 1] in (".", "!", "?", ":") or "\n" in self.text[self.ends[i - 1]:self.starts[i]])


def _apostrophe_words(text: str, starts: list[int], ends: list[int], before: str | None = None) -> list[int]:
    """The words holding an apostrophe (' or ’), ascending: found from the marks in the text, not by
    reading every word (a word's lower-case form has the apostrophes of its text, no more, no less).
    ``before``: only the words holding one right before one of these characters."""
    out: set[int] = set()
    for mark in ("'", "’"):
        p = text.find(mark)
        while p >= 0:
            if before is not None and text[p + 1:p + 2] not in before:
                p = text.find(mark, p + 1)
                continue
            k = bisect.bisect_right(starts, p) - 1
            if k >= 0 and p < ends[k]:
                out.add(k)
            p = text.find(mark, p + 1)
    return sorted(out)


@lru_cache(maxsize=None)
def _clitic_after() -> str:
    """The characters that can follow the apostrophe of a word in _CLITIC_HOSTS (a suffix's first
    letter, in either case: a word's lower-case form is that of its text, letter by letter here)."""
    firsts = {k[k.index("'" if "'" in k else "’") + 1] for k in _CLITIC_HOSTS}
    return "".join(sorted(firsts | {c.upper() for c in firsts}))


@lru_cache(maxsize=None)
def _abbr_tokens() -> frozenset[str]:
    return frozenset(lang.abbreviations("token"))


@lru_cache(maxsize=None)
def _cue_heads() -> frozenset[str]:
    return frozenset(k[0] for k in cue_forms())


@lru_cache(maxsize=None)
def _pair_heads() -> frozenset[str]:
    """The first words of the two-word cue forms ("pointed out"): the others need no look-up of a pair."""
    return frozenset(k[0] for k in cue_forms() if len(k) == 2)
