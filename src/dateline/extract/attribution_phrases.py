"""Noun phrases around a cue: the subject to its left, a noun phrase to its right, subject checks."""
from __future__ import annotations

from functools import lru_cache

from dateline import lang
from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_lexicon import Cue, cue_forms, CueForm, source_nouns
from dateline.extract.attribution_words import (
    _ADJ_PREP, _ADV, _APPOS_START, _APPOSITIVE_STOP, _AUX, _BE, _CLAUSE, _CLAUSE_STOP, _CONNECTIVE, _COORD_AND,
    _DET, _FRONTED_ADVERBIALS, _is_word, _MONTHS, _PASSIVE_AS, _NP_LEAD_DROP, _NP_OPENING_DET, _PLURAL_BARE, _PLURAL_PRON,
    _POSS, _PREP, _PREP_IN_NP, _SUBJ_PRON, _SUBORD_PREP, _THAT_WHICH, _TIME, _WEEKDAY_BEFORE,
    _WEEKDAYS,
)
from dateline.record import SourceRef


_DET_OR_PREP_IN_NP = frozenset(_DET) | frozenset(_PREP_IN_NP)
# the words _skip_left_aux_walk tests by membership (besides the adverbs in -ly)
_SKIP_LEFT_TESTED = frozenset(_AUX) | _ADV | _WEEKDAYS | {","}


def _skip_left_aux(d: _Doc, k: int, lo: int) -> tuple[int, bool]:
    """Skip auxiliaries, adverbs and time words left of token k (exclusive); returns the index
    after the subject and whether a form of 'be' was skipped right before the cue. Remembered per
    (k, lo) in the doc: the frames tried on one cue ask the same (the doc's tokens never change)."""
    memo = d.left_memo
    key = ("aux", k, lo)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _skip_left_aux_walk(d, k, lo)
    return found


def _skip_left_aux_walk(d: _Doc, k: int, lo: int) -> tuple[int, bool]:
    be = False
    first = True
    while k - 1 >= lo:
        w = d.low[k - 1]
        if d.inq[k - 1] >= 0 or (w not in _SKIP_LEFT_TESTED and not w.endswith("ly")):
            break       # (a word that none of the tests below holds for: not one lang.is_ly_adverb holds for either)
        if w in _AUX or w in _ADV or (lang.is_ly_adverb(w) and d.words[k - 1].islower()):
            if first and w in _BE:
                be = True
            if w not in _ADV and not lang.is_ly_adverb(w):
                first = False
            k -= 1
            continue
        if w in _WEEKDAYS:
            # "The ministry on Tuesday said"
            k -= 1
            if k - 1 >= lo and d.low[k - 1] in _WEEKDAY_BEFORE:
                k -= 1
            continue
        if w == "," and k - 2 >= lo:
            # "he, once again, said", "X, however, says"
            p = k - 2
            while p >= lo and d.low[p] != "," and (d.low[p] in _ADV or d.low[p] in _TIME
                                                   or lang.is_ly_adverb(d.low[p]) or d.low[p] in _WEEKDAYS
                                                   or d.low[p] in _CONNECTIVE):
                p -= 1
            if p >= lo and p < k - 2 and d.low[p] == ",":
                k = p
                continue
            # "who, on a press call Friday, criticized": a fronted prepositional adjunct
            p = k - 2
            while p >= lo and p >= k - 10 and d.low[p] != "," and d.inq[p] < 0 \
                    and d.low[p] not in _CLAUSE_STOP:
                p -= 1
            if p >= lo and p < k - 3 and d.low[p] == "," and d.low[p + 1] in _ADJ_PREP \
                    and d.words[p + 1].islower():
                k = p
                continue
        break
    return k, be


def _np_left(d: _Doc, end: int, lo: int, appos: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending right before token ``end`` (tokens [start, end)); remembered per
    (end, lo, appos) in the doc, as _skip_left_aux."""
    memo = d.left_memo
    key = (end, lo, appos)
    found = memo.get(key, memo)
    if found is memo:
        found = memo[key] = _np_left_find(d, end, lo, appos)
    return found


def _np_left_find(d: _Doc, end: int, lo: int, appos: bool) -> tuple[int, int] | None:
    k = end - 1
    if k < lo:
        return None
    w = d.low[k]
    if d.inq[k] >= 0:
        return None
    if w in _SUBJ_PRON:
        if w in _THAT_WHICH and not (k - 1 >= lo and d.low[k - 1] == ","):
            return None
        return k, end
    if w == "," and appos:
        return _np_left_appositive(d, k, lo)
    start = _np_left_walk(d, end, lo)
    if isinstance(start, tuple):
        return start
    np = _np_left_trim(d, start, end)
    return _coordinated_names(d, np, lo) if np else np


def _coordinated_names(d: _Doc, np: tuple[int, int], lo: int) -> tuple[int, int]:
    """'X and Y said': a name joined by 'and' to the name the walk stopped at is part of the subject
    (the first conjunct is the one a speaker is resolved to); only names, after a clause boundary."""
    s = np[0]
    if s - 2 < lo or d.low[s - 1] not in _COORD_AND or d.inq[s - 1] >= 0 or not d.words[s][:1].isupper():
        return np
    x = s - 2
    while x >= lo and x > s - 7 and d.inq[x] < 0 and _is_word(d.words[x]) and d.words[x][:1].isupper() \
            and d.low[x] not in _CLAUSE and d.low[x] not in _DET:
        x -= 1
    if x == s - 2 or (x >= lo and d.low[x] not in (",", ";", ":") and d.low[x] not in _CLAUSE):
        return np
    return x + 1, np[1]


def _np_left_appositive(d: _Doc, k: int, lo: int) -> tuple[int, int] | None:
    """A subject with an appositive ending at the comma k: 'X, an analyst at Y, said' /
    'X, who ..., said' / 'X, speaking in Y, said'."""
    commas = [p for p in range(k - 1, lo - 1, -1) if d.low[p] == "," and d.inq[p] < 0][:4]
    for p in commas:
        if p + 1 >= k:
            continue
        first = d.low[p + 1]
        if first in _APPOS_START or d.words[p + 1][:1].isupper() or first[:1].isdigit() \
                or (first.endswith("ing") and d.words[p + 1].islower()):
            if any(d.inq[x] >= 0 or d.low[x] in _APPOSITIVE_STOP for x in range(p + 1, k)):
                continue
            head = _np_left(d, p, lo, appos=False)
            if head and head[0] - 1 >= lo and d.low[head[0] - 1] in _COORD_AND and d.words[head[0]].islower():
                continue   # 'X, a developer and spokeswoman for Y, which ..., said': the head is X
            if head and not (head[0] - 1 >= lo and d.low[head[0] - 1] in _PREP
                             and d.low[head[0] - 1] not in _PASSIVE_AS) \
                    and not all(d.low[x][:1].isdigit() for x in range(*head)):
                return head[0], k
    return None


def _np_left_walk(d: _Doc, end: int, lo: int) -> int | tuple[int, int]:
    """Walk left from ``end`` over the words of a noun phrase: its start index, or the span of a
    subject pronoun that ends the walk."""
    start = end
    n = 0
    low, words, inq, forms = d.low, d.words, d.inq, d.forms
    tested = _np_left_tested()
    while start - 1 >= lo:
        x = start - 1
        w = low[x]
        t = words[x]
        if inq[x] >= 0:
            break
        if w not in tested and t[:1].isalnum():
            # a word of no class below and no past or -ing cue: the walk's last step, taken at once
            start -= 1
            n += 1
            if n >= 12:
                break
            continue
        if not t[:1].isalnum():     # (_is_word)
            if t in ("&", "-", "/", "’", "'") and start < end:
                start -= 1
                continue
            if t == ")":
                # "Sen. Richard Blumenthal (D-Conn.)"
                p = _paren_open_before(d, x, lo)
                if p is not None:
                    start = p
                    continue
            break
        if w in _PREP_IN_NP:
            if start == end:
                break
            start -= 1
            n += 1
            continue
        if w in _SUBJ_PRON and n == 0:
            return x, end
        if w in _CLAUSE or w in _PREP or ((w in _AUX or w in _BE) and not t[:1].isupper()):
            break
        if w in _POSS or w in _DET:
            start -= 1
            n += 1
            if _determiner_opens_np(d, x, w, lo):
                break
            continue
        if n > 0 and not t[:1].isupper() and (w,) in forms and forms[(w,)].form in ("past", "ing"):
            break
        start -= 1
        n += 1
        if n >= 12:
            break
    return start


@lru_cache(maxsize=None)
def _np_left_tested() -> frozenset[str]:
    """The words that _np_left_walk tests past its word check: every other word is one more word of
    the noun phrase (its last step)."""
    past_ing = (k[0] for k, f in cue_forms().items() if len(k) == 1 and f.form in ("past", "ing"))
    return frozenset(_PREP_IN_NP) | _SUBJ_PRON | _CLAUSE | _PREP | _AUX | _BE | _POSS | _DET | frozenset(past_ing)


def _paren_open_before(d: _Doc, x: int, lo: int) -> int | None:
    """The '(' that the ')' at x closes, within a few tokens (not at the unit start)."""
    p = x - 1
    while p >= lo and p > x - 8 and d.words[p] != "(":
        p -= 1
    if p >= lo and d.words[p] == "(" and p > lo:
        return p
    return None


def _determiner_opens_np(d: _Doc, x: int, w: str, lo: int) -> bool:
    """Does the determiner or possessive at x open the NP? Not when a possessor precedes ("the
    party's nominee") or it follows "of"/"for"/"at"... inside a larger NP ("head of the agency")."""
    if not (w in _POSS or w in _NP_OPENING_DET):
        return False
    if x - 1 >= lo and d.low[x - 1].endswith(("'s", "’s", "s'", "s’")):
        return False
    if x - 2 >= lo and d.low[x - 1] in _PREP_IN_NP and _is_word(d.words[x - 2]) \
            and d.inq[x - 2] < 0 and d.low[x - 2] not in _CLAUSE \
            and d.low[x - 2] not in _PREP and not _cue_word(d, x - 2) \
            and d.low[x - 2] not in _AUX:
        return False
    return True


def _np_left_trim(d: _Doc, start: int, end: int) -> tuple[int, int] | None:
    """Trim leading prepositions, time words and sentence adverbs; None if nothing is left."""
    while start < end and (d.low[start] in _PREP_IN_NP or d.low[start] in _TIME
                           or d.low[start] in _MONTHS or d.low[start] in _NP_LEAD_DROP
                           or lang.is_ly_adverb(d.low[start])):
        start += 1
    if start >= end:
        return None
    if d.low[start] in _DET_OR_PREP_IN_NP and all(map(_DET_OR_PREP_IN_NP.__contains__, d.low[start + 1:end])):
        return None
    return start, end


def _subject_ok(d: _Doc, np: tuple[int, int], lo: int, f: CueForm, aux: bool) -> bool:
    """Is this NP a plausible subject for the cue form (not a noun use of the cue, not the
    object of a preposition, agreeing in number)?"""
    s, e = np
    if s - 1 >= lo and d.low[s - 1] in _PREP and d.low[s - 1] not in _SUBORD_PREP \
            and d.inq[s - 1] < 0:
        return False
    # the head of "X, an analyst, said" is X
    seg = d.low[s:e]
    j = s + seg.index(",") if "," in seg else e
    head = j - 1
    hw, ht = d.low[head], d.words[head]
    first, ft = d.low[s], d.words[s]
    pron = hw in _SUBJ_PRON
    if not pron:
        ok_start = (first in _DET or first in _POSS or ft[:1].isupper() or first[:1].isdigit()
                    or any(d.words[x][:1].isupper() for x in range(s, j))
                    or first in _PLURAL_BARE or hw in _PLURAL_BARE
                    or tuple(d.low[s:j]) in source_nouns() or (hw,) in source_nouns()
                    or first.endswith(("'s", "’s")))
        if not ok_start:
            return False
    if aux:
        return True
    plural = (pron and hw in _PLURAL_PRON) or (
        not pron and (hw in _PLURAL_BARE or (hw.endswith("s") and not hw.endswith(("ss", "'s", "’s"))
                                            and not ht[:1].isupper())
                      or "and" in d.low[s:j]))
    if f.form == "base" and not plural:
        return f.also_past or hw == "who" or (ht[:1].isupper() and hw.endswith("s"))
    if f.form == "s" and plural and not ht[:1].isupper():
        return False
    return True


def _head_len(d: _Doc, np: tuple[int, int]) -> int:
    """Length of an NP before its first comma (an appositive is not counted)."""
    seg = d.low[np[0]:np[1]]
    return seg.index(",") if "," in seg else len(seg)


def _cue_word(d: _Doc, x: int) -> bool:
    return (d.low[x],) in cue_forms()


def _np_right(d: _Doc, i: int, hi: int, max_len: int = 10) -> tuple[int, int] | None:
    """The noun phrase starting at token i (subject of a clause, or an inverted source), past fronted
    adverbials ('Regardless, X said', 'Chastened, X promised'; a loop, so a run of them is no deep
    recursion)."""
    while True:
        if i >= hi or d.inq[i] >= 0 or not _is_word(d.words[i]):
            return None
        w = d.low[i]
        if w in _SUBJ_PRON and w not in _THAT_WHICH:
            return i, i + 1
        if (w in _PREP or w in _CLAUSE or w in _AUX) and not d.words[i][:1].isupper():
            return None
        if not (i + 2 < hi and d.low[i + 1] == "," and d.inq[i + 1] < 0
                and _fronted_adverbial(d.low[i], d.low[i + 2])):
            break
        i += 2
    j = i
    n = 0
    low, words, inq = d.low, d.words, d.inq
    while j < hi and n < max_len:
        w, t = low[j], words[j]
        if inq[j] >= 0 or not t[:1].isalnum():      # (_is_word)
            if t in ("&", "-", "/", "’", "'") and j > i:
                j += 1
                continue
            if t == "(" and j > i:
                p = j + 1
                while p < hi and p < j + 8 and d.words[p] != ")":
                    p += 1
                if p < hi and d.words[p] == ")":
                    j = p + 1
                    continue
            break
        if j > i and (w in _CLAUSE or w in _AUX) and not t[:1].isupper():
            break
        if j > i and w in _PREP:
            # "the head of the party", "a spokesman for Mr. X": keep only before a name/det
            if w in _PREP_IN_NP and j + 1 < hi and (d.words[j + 1][:1].isupper()
                                                     or d.low[j + 1] in _DET):
                j += 1
                n += 1
                continue
            break
        if j > i and not t[:1].isupper() and w not in _DET and (
                (w,) in d.forms or (w.endswith("ed") and low[j - 1] not in _DET)):      # (_cue_word)
            break
        j += 1
        n += 1
    if j == i:
        return None
    return i, j


def _fronted_adverbial(w: str, nxt: str) -> bool:
    """Is this word, before a comma at a clause start, an adverbial rather than a subject? A word
    in -ed or -ing only when no appositive follows the comma ('Alfred, a farmer, said')."""
    return w in _FRONTED_ADVERBIALS or lang.is_ly_adverb(w) or len(w) > 4 and w.endswith(("ed", "ing")) \
        and nxt not in _APPOS_START and not nxt[:1].isdigit()


class _Att:
    __slots__ = ("cue", "form", "cue_span", "src", "content", "direct", "rule", "src_ref",
                 "nested", "parent")

    def __init__(self, cue: Cue, cue_span, src, content, rule, direct=False):
        self.cue = cue
        self.cue_span = cue_span      # (tok_lo, tok_hi)
        self.src = src                # (tok_lo, tok_hi) or None
        self.content = content        # (tok_lo, tok_hi)
        self.rule = rule
        self.direct = direct
        self.src_ref: SourceRef | None = None
        self.nested = False
        self.parent: _Att | None = None
