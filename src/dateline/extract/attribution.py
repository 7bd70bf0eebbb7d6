"""Attribution: direct quotations with their speakers, and reported speech and thought.

``extract_attributions(text, sentences, mentions)`` returns ``(quotes, attributions)``.

Rule-based and fast (one regex tokenisation, no parser). The text is cut into *units*:
sentences, merged where a quotation runs over a sentence (or paragraph) boundary. In each
unit, cue words from the lexicon (``resources/attribution/cues.tsv``) outside quotation marks
are tried against a few frames, in this order:

1. ``according to X`` (content before or after it);
2. post-posed cues, whose content comes first: ``"...," X said``, ``"...," said X, a ...``,
   ``..., X added on Tuesday.``, ``"A," he said, "B."`` (the content runs on after the cue);
3. pre-posed cues: ``X (has also) said (that) ...``, ``X told reporters ...``, ``X said: "..."``
   (a colon at a paragraph end takes the quotation paragraph that follows);
4. participles: ``..., saying ...``, ``with X saying ...`` (the source is the subject of the
   clause the participle hangs on, or X).

Then: raising verbs (``X seemed to ...``, ``X is expected to ...``: null source, the content is
X with its complement), ``(when) asked whether ...`` (null source), reduced relatives of intent
cues (``a group backing X``), and title-case headlines (``Mayor Says ...``).

A quotation unit with no cue of its own continues the direct attribution just before it. A
quotation that no frame claimed but that ends a clause opened by a cue (``..., and declared
that torture "works."``; rule ``cue-quote``) or by a verb right after a named or pronoun
subject (``Smith decried the "quiet sabotage"``; rule ``verb-quote``) takes the words from
after that verb. Any other quotation (two words or more, or one after a naming word like
``titled``; not a ``so-called`` term, not a short title after a possessive or preposition, not a
markup attribute) that no cue claimed becomes a direct attribution of its own (rule ``quote``)
with the source of the nearest direct attribution in
the same or previous paragraph (or of an attribution just before it in its paragraph), else a
null source. As in
PolNeAR, each word takes part in one attribution: a cue inside the content of another is not
reported, except that a partial quotation inside an indirect content takes the speaker of the
nearest speech cue before it (``Y expressed his "deep condolences", X said`` -> Y); the quote
keeps the outer attribution's id, and ``nested=True`` also reports the inner attribution
(rule ``nested``).

Single quotation marks count as quotation marks only in short paragraphs with no double quotes
(headlines and decks: ``DNC issues ‘deep and sincere apology’``).

Sources are resolved against the entity mentions (overlap, pronouns, role nouns, generic
institutional sources like "the statement" or "state media"); without mentions the name is the
source span minus leading determiners.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache

from dateline.extract.attribution_lexicon import Cue, CueForm, cue_forms, pronouns, source_nouns
from dateline.extract.attribution_quotes import find_headline_quotes, find_quotes
from dateline.record import ActorRef, Attribution, Mention, Quote, SourceRef, Span
from dateline.resources import path
from dateline.text import paragraphs

__all__ = ["extract_attributions"]

_ABBR = (r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|"
         r"Hon|St|Jr|Sr|Ft|Mt|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|"
         r"Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|"
         r"Va|Vt|Wash|Wis|Wyo|No|vs|Inc|Corp|Co|Ltd|Bros)\.")
_TOKEN = re.compile(rf"``|''|[“”\"«»„]|{_ABBR}|(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])"
                    r"|\w+(?:(?:[-'’.&/]|(?<=\d):(?=\d))\w+)*(?:(?<=s)['’](?=\s))?|\.\.\.|…|--|[—–]|\S")
_QMARKS = {"``", "''", "“", "”", '"', "«", "»", "„"}
_SMARKS = {"‘", "’", "'"}   # single marks: quotation marks only in headline quote groups

# --- closed word classes (grammar, not lexicon): resources/attribution/word_classes.json -----
def _word_classes() -> dict[str, list[str]]:
    data = json.loads(path("attribution", "word_classes.json").read_text(encoding="utf-8"))
    return {k: v["words"] for k, v in data.items() if not k.startswith("_")}


_WORDS = _word_classes()
_DET = set(_WORDS["det"])
_POSS = set(_WORDS["poss"])
_AUX = set(_WORDS["aux"])
_BE = set(_WORDS["be"])
_ADV = set(_WORDS["adv"])
_TIME = set(_WORDS["time"])
_MONTHS = set(_WORDS["months"])
_CLAUSE = set(_WORDS["clause"])
_PREP_IN_NP = set(_WORDS["prep_in_np"])
_PREP = set(_WORDS["prep"])
_PLURAL_BARE = set(_WORDS["plural_bare"])
_DASHES = set(_WORDS["dashes"])
_SUBJ_PRON = set(_WORDS["subj_pron"])
_OBJ_PRON = set(_WORDS["obj_pron"])
_APPOS_START = set(_WORDS["appos_start"])
_PART_BEFORE = set(_WORDS["part_before"])
_ADJUNCT_START = set(_WORDS["adjunct_start"]) | _MONTHS
_STOP_MID = set(_WORDS["stop_mid"])
_NOT_LY = set(_WORDS["not_ly"])
_END_PUNCT = set(".!?;:,")


def _is_word(t: str) -> bool:
    return t[:1].isalnum()


def _is_ly(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w not in _NOT_LY


_CLITIC = re.compile(r"(he|she|it|they|we|i|you|who)['’](?:s|d|ve|re|ll)")
_ABBR_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.|"
                       r"\b[A-Z]\.)$")


class _Doc:
    """Tokens of the text with quote membership, and the units to analyse."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in toks]
        self.ends = [e for _, e in toks]
        self.words = [text[s:e] for s, e in toks]
        self.low = [w.lower() for w in self.words]
        for i, w in enumerate(self.low):
            if "'" in w or "’" in w:
                m = _CLITIC.fullmatch(w)
                if m:
                    self.low[i] = m.group(1)
        self.n = len(toks)
        self.paras = paragraphs(text)
        self.groups = sorted(find_quotes(text, self.paras) + find_headline_quotes(text, self.paras),
                             key=lambda g: g.start)
        # quote group of each token (marks included), -1 outside
        self.inq = [-1] * len(toks)
        self.is_open = [False] * len(toks)
        self.is_close = [False] * len(toks)
        self.gtok: list[tuple[int, int]] = []
        for gi, g in enumerate(self.groups):
            lo = bisect.bisect_left(self.starts, g.start)
            hi = bisect.bisect_left(self.starts, g.end)
            self.gtok.append((lo, hi))
            for i in range(lo, hi):
                self.inq[i] = gi
            marks = _SMARKS if g.single else _QMARKS
            if lo < len(toks) and self.low[lo] in marks:
                self.is_open[lo] = True
            if hi - 1 >= lo and self.low[hi - 1] in marks and g.closed:
                self.is_close[hi - 1] = True
        self.para_starts = [p[0] for p in self.paras]
        self.sent_starts = sorted(s for s, _ in sentences)
        self.units = self._units(sentences)
        # title-case lines (headlines): their cue words are capitalised ("Obama Says ...")
        self.headline = bytearray(len(toks))
        for ps, pe in self.paras:
            lo = bisect.bisect_left(self.starts, ps)
            hi = bisect.bisect_left(self.starts, pe)
            long = [x for x in range(lo, hi) if len(self.words[x]) > 3 and self.words[x].isalpha()]
            if 3 <= len(long) and hi - lo <= 30 and \
                    sum(self.words[x][:1].isupper() for x in long) >= 0.8 * len(long):
                for x in range(lo + 1, hi):
                    self.headline[x] = 1

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def sent_of_char(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def _units(self, sentences):
        text = self.text
        spans = []
        for s, e in sorted(sentences):
            lo = bisect.bisect_left(self.starts, s)
            hi = bisect.bisect_left(self.starts, e)
            if hi > lo:
                spans.append([lo, hi])
        # closing marks that the splitter put at the start of the next sentence go back, and
        # opening marks left at the end of a sentence go forward
        for k in range(len(spans) - 1):
            cur, nxt = spans[k], spans[k + 1]
            while nxt[0] < nxt[1] and self.is_close[nxt[0]] and cur[1] == nxt[0]:
                cur[1] += 1
                nxt[0] += 1
            while cur[1] - 1 > cur[0] and self.is_open[cur[1] - 1] and cur[1] == nxt[0]:
                cur[1] -= 1
                nxt[0] -= 1
        # split after a quotation that closes a sentence ('... value.'' He added') unless a
        # post-posed cue follows ('"Why?" Obama asked.'); glue such a cue back otherwise
        split: list[list[int]] = []
        for lo, hi in spans:
            a = lo
            for i in range(lo + 1, hi - 1):
                if self.is_close[i] and self.low[i - 1] in (".", "?", "!") and i + 1 > a \
                        and self.inq[i + 1] < 0 and self.words[i + 1][:1].isupper() \
                        and not self._post_cue_ahead(i + 1, hi):
                    split.append([a, i + 1])
                    a = i + 1
            split.append([a, hi])
        spans = split
        units: list[list[int]] = []
        for lo, hi in spans:
            if hi <= lo:
                continue
            if units:
                plo, phi = units[-1]
                # a quotation running over the boundary
                crosses = self.inq[phi - 1] >= 0 and self.inq[phi - 1] == self.inq[lo]
                if not crosses and self.inq[lo] >= 0 and not self.is_open[lo]:
                    crosses = True
                # a split after "Mr." or an initial, or before a lower-case word
                ps, pe, s = self.starts[plo], self.ends[phi - 1], self.starts[lo]
                glued = (_ABBR_END.search(text[max(ps, pe - 8):pe]) is not None
                         or self.words[lo][:1].islower()) and "\n" not in text[pe:s]
                if not glued and self.is_close[phi - 1] and phi - 2 >= plo \
                        and self.low[phi - 2] in ("?", "!", ",") and "\n" not in text[pe:s]:
                    glued = self._post_cue_ahead(lo, hi)
                if crosses or glued:
                    units[-1][1] = hi
                    continue
            units.append([lo, hi])
        return [(lo, hi) for lo, hi in units]

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
        if self.low[i] not in _cue_heads() or self.inq[i] >= 0:
            return None
        forms = cue_forms()
        w = self.words[i]
        if i + 1 < hi and self.inq[i + 1] < 0:
            f = forms.get((self.low[i], self.low[i + 1]))
            if f and (w.islower() or self.low[i] == "according"):
                return f, i + 2
        f = forms.get((self.low[i],))
        if f and (w.islower() or self.headline[i] and w[1:].islower()) and len(f.words) == 1:
            return f, i + 1
        return None


@lru_cache(maxsize=None)
def _cue_heads() -> frozenset[str]:
    return frozenset(k[0] for k in cue_forms())


def _skip_left_aux(d: _Doc, k: int, lo: int) -> tuple[int, bool]:
    """Skip auxiliaries, adverbs and time words left of token k (exclusive); returns the index
    after the subject and whether a form of 'be' was skipped right before the cue."""
    be = False
    first = True
    while k - 1 >= lo:
        w = d.low[k - 1]
        if d.inq[k - 1] >= 0:
            break
        if w in _AUX or w in _ADV or (_is_ly(w) and d.words[k - 1].islower()):
            if first and w in _BE:
                be = True
            if w not in _ADV and not _is_ly(w):
                first = False
            k -= 1
            continue
        if w in _WEEKDAYS:
            # "The ministry on Tuesday said"
            k -= 1
            if k - 1 >= lo and d.low[k - 1] in ("on", "last", "this", "late", "early"):
                k -= 1
            continue
        if w == "," and k - 2 >= lo:
            # "he, once again, said", "X, however, says"
            p = k - 2
            while p >= lo and d.low[p] != "," and (d.low[p] in _ADV or d.low[p] in _TIME
                                                   or _is_ly(d.low[p]) or d.low[p] in _WEEKDAYS
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


_CONNECTIVE = {"however", "meanwhile", "though", "moreover", "furthermore", "nonetheless",
               "nevertheless", "instead", "too", "in", "turn", "for", "his", "her", "their", "its",
               "part", "indeed", "therefore", "thus", "of", "course", "apparently"}
_ADJ_PREP = {"in", "on", "at", "during", "after", "before", "while", "speaking", "according",
             "asked", "when", "like", "unlike", "despite", "as", "from", "for", "with", "without",
             "through", "over", "under", "via", "at", "upon"}
_CLAUSE_STOP = {"that", "who", "which", "and", "but", ";", ":", ".", "?", "!"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _np_left(d: _Doc, end: int, lo: int, appos: bool = True) -> tuple[int, int] | None:
    """The noun phrase ending right before token ``end`` (tokens [start, end))."""
    k = end - 1
    if k < lo:
        return None
    w = d.low[k]
    if d.inq[k] >= 0:
        return None
    if w in _SUBJ_PRON:
        if w in ("that", "which") and not (k - 1 >= lo and d.low[k - 1] == ","):
            return None
        return k, end
    if w == "," and appos:
        # X, an analyst at Y, said  /  X, who ..., said  /  X, speaking in Y, said
        commas = [p for p in range(k - 1, lo - 1, -1) if d.low[p] == "," and d.inq[p] < 0][:4]
        for p in commas:
            if p + 1 >= k:
                continue
            first = d.low[p + 1]
            if first in _APPOS_START or d.words[p + 1][:1].isupper() or first[:1].isdigit() \
                    or (first.endswith("ing") and d.words[p + 1].islower()):
                if any(d.inq[x] >= 0 or d.low[x] in ("that", ";", ":") for x in range(p + 1, k)):
                    continue
                head = _np_left(d, p, lo, appos=False)
                if head and not (head[0] - 1 >= lo and d.low[head[0] - 1] in _PREP) \
                        and not all(d.low[x][:1].isdigit() for x in range(*head)):
                    return head[0], k
        return None
    start = end
    n = 0
    while start - 1 >= lo:
        x = start - 1
        w = d.low[x]
        t = d.words[x]
        if d.inq[x] >= 0:
            break
        if not _is_word(t):
            if t in ("&", "-", "/", "’", "'") and start < end:
                start -= 1
                continue
            if t == ")":
                # "Sen. Richard Blumenthal (D-Conn.)"
                p = x - 1
                while p >= lo and p > x - 8 and d.words[p] != "(":
                    p -= 1
                if p >= lo and d.words[p] == "(" and p > lo:
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
            if w in _POSS or w in ("the", "a", "an", "this", "these", "those"):
                # a determiner opens the NP unless a possessor precedes ("the party's nominee")
                # or it follows "of"/"for"/"at"... inside a larger NP ("head of the agency")
                if x - 1 >= lo and d.low[x - 1].endswith(("'s", "’s", "s'", "s’")):
                    continue
                if x - 2 >= lo and d.low[x - 1] in _PREP_IN_NP and _is_word(d.words[x - 2]) \
                        and d.inq[x - 2] < 0 and d.low[x - 2] not in _CLAUSE \
                        and d.low[x - 2] not in _PREP and not _cue_word(d, x - 2) \
                        and d.low[x - 2] not in _AUX:
                    continue
                break
            continue
        if n > 0 and not t[:1].isupper() and (w,) in cue_forms() \
                and cue_forms()[(w,)].form in ("past", "ing"):
            break
        start -= 1
        n += 1
        if n >= 12:
            break
    # trim leading prepositions, time words and sentence adverbs
    while start < end and (d.low[start] in _PREP_IN_NP or d.low[start] in _TIME
                           or d.low[start] in _MONTHS or d.low[start] in ("but", "and", "so")
                           or _is_ly(d.low[start])):
        start += 1
    # strip a trailing possessive-less comma etc.
    if start >= end:
        return None
    if all(d.low[x] in _DET or d.low[x] in _PREP_IN_NP for x in range(start, end)):
        return None
    return start, end


def _subject_ok(d: _Doc, np: tuple[int, int], lo: int, f: CueForm, aux: bool) -> bool:
    """Is this NP a plausible subject for the cue form (not a noun use of the cue, not the
    object of a preposition, agreeing in number)?"""
    s, e = np
    if s - 1 >= lo and d.low[s - 1] in _PREP and d.low[s - 1] not in _SUBORD_PREP \
            and d.inq[s - 1] < 0:
        return False
    head = e - 1
    while head > s and d.low[head] == ",":
        head -= 1
    # the head of "X, an analyst, said" is X
    j = s
    while j < e and d.low[j] != ",":
        j += 1
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
    plural = (pron and hw in ("they", "we", "i", "you")) or (
        not pron and (hw in _PLURAL_BARE or (hw.endswith("s") and not hw.endswith(("ss", "'s", "’s"))
                                            and not ht[:1].isupper())
                      or any(d.low[x] == "and" for x in range(s, j))))
    if f.form == "base" and not plural:
        return f.also_past or hw == "who" or (ht[:1].isupper() and hw.endswith("s"))
    if f.form == "s" and plural and not ht[:1].isupper():
        return False
    return True


def _head_len(d: _Doc, np: tuple[int, int]) -> int:
    """Length of an NP before its first comma (an appositive is not counted)."""
    j = np[0]
    while j < np[1] and d.low[j] != ",":
        j += 1
    return j - np[0]


def _cue_word(d: _Doc, x: int) -> bool:
    return (d.low[x],) in cue_forms()


def _np_right(d: _Doc, i: int, hi: int, max_len: int = 10) -> tuple[int, int] | None:
    """The noun phrase starting at token i (subject of a clause, or an inverted source)."""
    if i >= hi or d.inq[i] >= 0 or not _is_word(d.words[i]):
        return None
    w = d.low[i]
    if w in _SUBJ_PRON and w not in ("that", "which"):
        return i, i + 1
    if (w in _PREP or w in _CLAUSE or w in _AUX) and not d.words[i][:1].isupper():
        return None
    j = i
    n = 0
    while j < hi and n < max_len:
        w, t = d.low[j], d.words[j]
        if d.inq[j] >= 0 or not _is_word(t):
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
                _cue_word(d, j) or (w.endswith("ed") and d.low[j - 1] not in _DET)):
            break
        j += 1
        n += 1
    if j == i:
        return None
    return i, j


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


class _Analyzer:
    def __init__(self, d: _Doc):
        self.d = d
        self.atts: list[_Att] = []
        self.taken = bytearray(len(d.low))  # tokens already in an attribution

    # ---- small predicates ----------------------------------------------------------
    def boundary_before(self, k: int, lo: int) -> bool:
        """Is token k-1 the end of a content (comma, dash, closing quote)?"""
        if k - 1 < lo:
            return False
        w = self.d.low[k - 1]
        if w in ("'", "’") and k - 2 >= lo:
            k -= 1
            w = self.d.low[k - 1]
        return w in (",", ":") or w in _DASHES or self.d.is_close[k - 1] or (
            w in _QMARKS and self.d.inq[k - 1] >= 0)

    def skip_adjuncts(self, i: int, hi: int) -> int:
        """Skip adjuncts after a cue (time, "in a statement", "in an interview with X", "on
        'Meet the Press'", "to reporters"): up to a comma, a colon, a quote, 'that', or the end."""
        d = self.d
        j = i
        while j < hi:
            j = self.skip_time(j, hi)
            if j >= hi:
                break
            w = d.low[j]
            if d.inq[j] >= 0:
                break
            if w in _ADJUNCT_START or (d.words[j][:1].isupper() and w in _TIME) or (
                    _is_ly(w) and d.words[j].islower()):
                k = j + 1
                while k < hi and d.low[k] not in (",", ":", ";", "that", "whether", "—", "–", "--") \
                        and not (d.low[k] in _END_PUNCT and k == hi - 1):
                    if d.inq[k] >= 0:
                        # a short quoted title inside the adjunct ('on "Meet the Press"')
                        ge = d.group_end_tok(k)
                        if ge - k <= 8 and d.words[k + 1:k + 2] and d.words[k + 1][:1].isupper():
                            k = ge
                            continue
                        break
                    lw = d.low[k]
                    if lw in _CLAUSE and lw not in _ADJ_OK:
                        if lw == "and" and k + 1 < hi and (d.words[k + 1][:1].isupper()
                                                           or d.low[k + 1] in _DET):
                            k += 1
                            continue
                        return j
                    k += 1
                j = k
                continue
            break
        return j

    def skip_time(self, i: int, hi: int) -> int:
        """Skip a short time expression: "on Tuesday", "last week", "earlier this month"."""
        d = self.d
        m = _TIME_RE.match(" ".join(d.low[i:min(hi, i + 5)]))
        if not m or not m.group(0).strip():
            return i
        n = len(m.group(0).split())
        return i + n

    def skip_object(self, i: int, hi: int) -> int:
        """Skip an addressee ("told reporters", "told CNN's Jake Tapper", "told him",
        'told "Fox and Friends"')."""
        d = self.d
        if i >= hi:
            return i
        if d.inq[i] >= 0:
            if d.is_open[i]:
                ge = d.group_end_tok(i)
                if ge - i <= 8 and (ge >= hi or d.low[ge] in (",", ".", "that", "on", "in")
                                    or d.words[i + 1][:1].isupper()):
                    return ge
            return i
        w = d.low[i]
        if w in _OBJ_PRON:
            nxt = d.low[i + 1] if i + 1 < hi else "."
            if w not in ("it", "her", "you") or nxt in _SUBJ_PRON or d.inq[i + 1 if i + 1 < hi else i] >= 0 \
                    or nxt in ("that", ",", ":", "to", "on", "in", "about", ".", "during", "at", "this",
                               "last", "earlier", "what", "how", "why", "whether", "if"):
                return i + 1
            return i
        np = _np_right(d, i, hi, max_len=8)
        if np and np[1] - np[0] <= 8:
            nxt = d.low[np[1]] if np[1] < hi else ""
            if nxt in ("that", ",", ":", "on", "in", "at", "during", "last", "this", "earlier",
                       "after", "before", "when", "about", "what", "how", "why", "whether",
                       "if", ".", "to") or (np[1] < hi and d.inq[np[1]] >= 0) or np[1] >= hi - 1:
                return np[1]
        return i

    def clause_cue_at(self, j: int, hi: int) -> bool:
        """Does a new clause with its own cue start at token j ("he added", "critics say",
        "and added")?"""
        d = self.d
        if j >= hi or d.inq[j] >= 0:
            return False
        c = d.cue_at(j, hi)
        if c:   # "..., and added that"
            return c[0].form in ("past", "s") and "prep" not in c[0].cue.frames
        np = _np_right(d, j, hi, max_len=12)
        if not np:
            return False
        k = np[1]
        while k < hi and (d.low[k] in _AUX or d.low[k] in _ADV or _is_ly(d.low[k])) \
                and d.inq[k] < 0:
            k += 1
        c = d.cue_at(k, hi) if k < hi else None
        if not c or c[0].form == "ing" or "prep" in c[0].cue.frames:
            return False
        return _subject_ok(d, np, j, c[0], k > np[1])

    def content_end(self, i: int, hi: int, rel: bool = False, nested: bool = False) -> int:
        """Where a content starting at token i ends: the unit end, or before ', according to',
        ', saying ...', a coordinated clause with its own cue (', but critics say'), ';', or an
        attribution already taken."""
        d = self.d
        j = i
        while j < hi:
            if self.taken[j] and not nested:
                return j
            if d.inq[j] >= 0:
                g = d.group_end_tok(j)
                # '"...," referencing ...': a participle after a quotation closed by a comma
                if j > i and g < hi and d.is_close[g - 1] and g - 2 > j and d.low[g - 2] == "," \
                        and d.inq[g] < 0 and d.words[g].islower() and d.low[g].endswith("ing") \
                        and not nested:
                    return g
                if j > i and g < hi and d.is_close[g - 1] and not nested and self.adjunct_after_quote(g, hi):
                    return g
                if j > i and g < hi and d.is_close[g - 1] and not nested \
                        and self.verb_after_quote(g, hi):
                    return g
                j = g
                continue
            w = d.low[j]
            if w in (".", "?", "!") and j > i and j + 1 < hi and d.is_open[j + 1]:
                return j + 1   # '... could come. "Every ..."': a quotation of its own
            if w == ":" and j > i and j + 1 < hi and d.is_open[j + 1]:
                return j       # '..., X fired back: "..."': a quotation with a cue of its own
            if w in ("before", "after", "while", "by") and j > i and j + 1 < hi:
                c = d.cue_at(j + 1, hi)
                if c and c[0].form == "ing":
                    return j
            if w == ";" and self.clause_cue_at(j + 1, hi):
                return j
            if w == "," and j + 2 < hi and d.low[j + 1] in ("and", "but") and j > i:
                k = j + 2
                while k < hi and (d.low[k] in _ADV or _is_ly(d.low[k])) and d.inq[k] < 0:
                    k += 1
                if k < hi and d.inq[k] < 0 and d.words[k].islower() and (
                        d.low[k] in _AUX and d.low[k] not in ("to", "not") or d.low[k].endswith("ed")):
                    return j
            if w == "," and j + 2 < hi and d.low[j + 1] == "but" and j > i and d.inq[j + 2] < 0 \
                    and (d.words[j + 2][:1].isupper() or d.low[j + 2] in ("the", "his", "her", "their")):
                # ', but North Korea walked away': a new clause with its own subject
                np = _np_right(d, j + 2, hi, max_len=6)
                if np and np[1] < hi and d.words[np[1]].islower() and (
                        d.low[np[1]].endswith("ed") or d.low[np[1]] in _AUX):
                    return j
            if w == "," and j + 2 < hi and d.low[j + 1] in ("while", "after", "before", "by", "when"):
                c = d.cue_at(j + 2, hi)
                if c and c[0].form == "ing":
                    return j
            if w in (",", ":", "(") or w in _DASHES:
                if j + 1 < hi and d.inq[j + 1] < 0:
                    nxt = d.low[j + 1]
                    if nxt in _STOP_MID and j + 2 < hi and d.low[j + 2] == "to":
                        return j
                    c = d.cue_at(j + 1, hi)
                    if c and c[0].form == "ing" and (c[0].cue.speaks or w != ","):
                        return j
                    k = j + 1
                    if nxt in _COORD:
                        k += 1
                    if k > j + 1 and self.clause_cue_at(k, hi):
                        return j
                    if w in (",", ":") and nxt not in _COORD and self.clause_cue_at(k, hi) \
                            and (w == ":" or rel or d.cue_at(k, hi) is None):
                        return j
            elif w in _COORD_STRONG and j > i and self.clause_cue_at(j + 1, hi):
                return j
            elif w == "and" and j > i and j + 1 < hi:
                c = d.cue_at(j + 1, hi)
                if c and c[0].form in ("past", "s") and c[0].cue.speaks:
                    return j
            j += 1
        return hi

    def verb_after_quote(self, g: int, hi: int) -> bool:
        """Does a second verb phrase of the main clause follow a closing quotation at g
        ('calling him a "liar" and asserting ...', '... "third-rate," and boycotted ...')?"""
        d = self.d
        x = g + 1 if d.low[g] == "," else g
        if x + 1 >= hi or d.low[x] not in ("and", "but") or d.inq[x + 1] >= 0:
            return False
        w, t = d.low[x + 1], d.words[x + 1]
        if not t.islower():
            return False
        c = d.cue_at(x + 1, hi)
        if c and "prep" not in c[0].cue.frames:
            return True
        return w.endswith("ed") and len(w) > 4 and w not in _NOT_VERB_ED

    def adjunct_after_quote(self, g: int, hi: int) -> bool:
        """Does an adjunct that is not part of the content follow a closing quotation at g
        ('... as a "disgrace" Wednesday on a radio show', '"...," but stopped short')?"""
        d = self.d
        w = d.low[g]
        if d.inq[g] >= 0 or not d.words[g][:1].isalpha() and w != ",":
            return False
        if w in _WEEKDAYS and g > 0 and d.low[g - 2] != ",":
            return True
        nxt = d.low[g + 1] if g + 1 < hi else ""
        if g + 1 >= hi or d.inq[g + 1] >= 0:
            return False
        if w == "during" or (w == "in" and nxt in ("a", "an")) or (
                w in ("on", "at") and (nxt in ("a", "an", "his", "her", "their")
                                       or w == "on" and d.words[g + 1][:1].isupper())):
            return True
        if w == "," and nxt == "but" and d.low[g - 2] == ",":
            return True
        return False

    def trim(self, a: int, b: int) -> tuple[int, int]:
        d = self.d
        while b > a and (d.low[b - 1] in _END_PUNCT or d.low[b - 1] in _DASHES
                         or d.low[b - 1] == "(") and d.inq[b - 1] < 0:
            b -= 1
        while a < b and (d.low[a] in (",", ":") or d.low[a] in _DASHES) and d.inq[a] < 0:
            a += 1
        return a, b

    def is_quote_span(self, a: int, b: int) -> bool:
        d = self.d
        return a < b and d.inq[a] >= 0 and d.inq[a] == d.inq[b - 1] and (d.low[a] in _QMARKS
                                                                      or d.is_open[a])

    def ends_with_quote(self, a: int, b: int) -> bool:
        d = self.d
        while b - 1 > a and d.low[b - 1] in _END_PUNCT and d.inq[b - 1] < 0:
            b -= 1
        return b > a and d.inq[b - 1] >= 0

    def has_quote(self, a: int, b: int) -> bool:
        return any(self.d.inq[x] >= 0 for x in range(a, b))

    def add(self, att: _Att):
        a, b = att.content
        if b <= a:
            return None
        self.atts.append(att)
        for rng in (att.content, att.cue_span, att.src):
            if rng:
                for x in range(*rng):
                    self.taken[x] = 1
        return att

    # ---- frames ------------------------------------------------------------------------
    def according(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        d = self.d
        # the source: up to a comma or the unit end
        j = ce
        while j < hi and d.low[j] not in (",", ";", ":", "—", "–", "--") and d.inq[j] < 0:
            j += 1
        src = (ce, j) if j > ce else None
        if src is None:
            return None
        s2 = self.trim(*src)
        # content after ("According to X, ..."), or before ("..., according to X")
        lead = [x for x in range(lo, c) if not self.taken[x]]
        if not lead or all(d.low[x] in ("but", "and", "so", "also", ",", "yet", "still") or
                           (d.words[x][:1].isupper() and x == lo and d.low[x] in _ADV)
                           for x in lead):
            a = j + 1 if j < hi and d.low[j] == "," else j
            b = self.content_end(a, hi)
            content = self.trim(a, b)
            rule = "according-to:pre"
        else:
            a = lead[0]
            while a < c and self.taken[a]:
                a += 1
            b = c
            # "X, according to Y, did Z": the content runs on after the source
            if j < hi and d.low[j] == ",":
                b2 = self.content_end(j + 1, hi)
                content = self.trim(a, b2)
            else:
                content = self.trim(a, b)
            rule = "according-to:post"
        att = _Att(f.cue, (c, ce), s2, content, rule)
        att.direct = self.is_quote_span(*content)
        return self.add(att)

    def as_reported(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'As reported by X, ...' / 'as X reported, ...'"""
        d = self.d
        if f.form != "past" or c - 1 < lo or d.low[c - 1] != "as" or ce >= hi or d.low[ce] != "by":
            return None
        j = ce + 1
        while j < hi and d.low[j] not in (",", ";", ":") and d.inq[j] < 0:
            j += 1
        if j == ce + 1:
            return None
        src = (ce + 1, j)
        if c - 1 == lo or all(self.taken[x] or d.low[x] in ("but", "and", ",") for x in range(lo, c - 1)):
            a = j + 1 if j < hi and d.low[j] == "," else j
            content = self.trim(a, self.content_end(a, hi))
        else:
            a = lo
            while a < c - 1 and self.taken[a]:
                a += 1
            content = self.trim(a, c - 1)
        att = _Att(f.cue, (c - 1, ce + 1), src, content, "as-reported-by")
        att.direct = self.is_quote_span(*content)
        return self.add(att)

    def postposed(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'"...," X said' / '..., said X' / '"A," X said, "B."'"""
        d = self.d
        if "post" not in f.cue.frames or f.form == "ing":
            return None
        k, be = _skip_left_aux(d, c, lo)
        if be:
            return None
        inverted = False
        np = _np_left(d, k, lo)
        if np and self.boundary_before(np[0], lo) and _head_len(d, np) <= 14 \
                and d.low[np[0]] not in ("who", "which", "that") \
                and _subject_ok(d, np, lo, f, k < c):
            src = np
            after = ce
            b = np[0] - 1   # the boundary token (a closing quote mark stays in the content)
            if d.low[b] in ("'", "’") and b - 1 >= lo:
                b -= 1
            if d.inq[b] >= 0 and d.low[b] in _QMARKS:
                b += 1
        elif np and k == c and d.low[c - 1] == "," and _head_len(d, np) <= 14 \
                and d.low[np[0]] not in ("who", "which", "that") and _subject_ok(d, np, lo, f, False):
            return None   # "The senator, citing an audit, said ...": pre-posed
        elif self.boundary_before(k, lo) and k == c:
            # said X: inversion
            np = _np_right(d, ce, hi)
            if not np or (np[1] - np[0] == 1 and d.low[np[0]] in _SUBJ_PRON):
                return None
            e = np[1]
            if e < hi and d.inq[e] < 0 and not (
                    d.low[e] in (",", ";", ")") or d.low[e] in _END_PUNCT or d.low[e] in _DASHES
                    or d.low[e] in ("who", "that", "whose", "which", "known")
                    or d.low[e] in _ADJUNCT_START or d.low[e] in _PREP or d.low[e] in _SUBORD
                    or (d.words[e].islower() and d.low[e].endswith(("ed", "ing")))):
                return None
            if e < hi and d.inq[e] < 0 and (d.low[e] in ("who", "that", "whose", "which") or (
                    d.words[e].islower() and (d.low[e].endswith(("ed", "ing")) or d.low[e] == "known"))):
                while e < hi and d.inq[e] < 0 and d.low[e] not in (",", ";") \
                        and not (d.low[e] in _END_PUNCT and e == hi - 1) \
                        and not (d.low[e] == "and" and d.cue_at(e + 1, hi)):
                    e += 1
            # the appositive runs to the unit end, or to a comma before a quote or a cue
            if e < hi and d.low[e] == "," and not (
                    e + 1 < hi and d.low[e + 1] in ("who", "which") and self.clause_cue_at(e + 1, hi)):
                # (not before ', who said ...': a relative clause with a cue of its own)
                e2 = e + 1
                while e2 < hi and d.low[e2] != ";" and not (
                        d.low[e2] == "," and e2 + 1 < hi and (
                            d.inq[e2 + 1] >= 0 or d.cue_at(e2 + 1, hi) is not None
                            or d.low[e2 + 1] in ("who", "which") and self.clause_cue_at(e2 + 1, hi))):
                    if d.inq[e2] >= 0:
                        ge = d.group_end_tok(e2)
                        if d.is_open[e2] and ge - e2 <= 8 and e2 + 1 < hi \
                                and d.words[e2 + 1][:1].isupper():
                            e2 = ge
                            continue
                        break
                    e2 += 1
                e = e2
            src = self.trim(np[0], e)
            inverted = True
            after = e
            b = c - 1
            if d.low[b] in ("'", "’") and b - 1 >= lo:
                b -= 1
            if d.inq[b] >= 0 and d.low[b] in _QMARKS:
                b += 1
        else:
            return None
        # what follows the cue: adjuncts, then the end, or a continuation
        b0 = lo
        while b0 < b and self.taken[b0]:
            b0 += 1
        j = after
        if "objthat" in f.cue.frames and not inverted:
            j = self.skip_object(j, hi)
        j = self.skip_adjuncts(j, hi)
        if j < hi and d.inq[j] < 0 and (d.low[j] in _ADJUNCT_START or d.low[j] in _PREP or (
                d.low[j].endswith("ing") and d.words[j].islower()) or d.low[j] in _SUBORD):
            # "said at Mission College as she sat ...", "he said introducing Clinton",
            # "Christie said when asked whether ..."
            j0 = j
            while j < hi and d.low[j] not in (",", ":", ";") and d.low[j] not in _DASHES \
                    and not (d.low[j] == "that" and j - j0 < 6) and not d.is_open[j]:
                j = d.group_end_tok(j) if d.inq[j] >= 0 else j + 1
        cont = None
        if not inverted and j < hi and d.low[j] == ":" and j + 1 < hi and d.is_open[j + 1] \
                and not self.ends_with_quote(b0, b):
            return None   # 'After the vote, Trump said: "..."': pre-posed
        if j >= hi or all(d.low[x] in _END_PUNCT or d.low[x] in _QMARKS or d.low[x] == ")"
                          for x in range(j, hi)):
            pass
        elif d.low[j] in (",", ":") or d.low[j] in _DASHES:
            nxt = j + 1
            cf = d.cue_at(nxt, hi) if nxt < hi else None
            if nxt >= hi:
                pass
            elif cf and (cf[0].form == "ing" or "prep" in cf[0].cue.frames):
                pass       # ", adding ..." / ", according to": attributions of their own
            elif d.low[nxt] in _COORD and self.clause_cue_at(nxt + 1, hi):
                pass
            elif d.low[nxt] in ("who", "which") and self.clause_cue_at(nxt, hi):
                pass       # '..., said X, who added that ...': a cue of its own
            elif d.inq[nxt] >= 0 or (d.low[j] == "," and d.low[nxt] not in _COORD
                                     and not self.is_quote_span(*self.trim(b0, b))):
                cont = (nxt, self.content_end(nxt, hi))
        elif inverted and d.low[j] in _COORD:
            pass
        elif b - 2 >= lo and d.is_close[b - 1] and d.low[b - 2] in (",", "?", "!") \
                and self.is_quote_span(*self.trim(b0, b)):
            pass       # '"...," X told a voter passing by': the quotation is the content
        else:
            return None   # "After the vote, he said the plan failed": pre-posed
        # the content before
        a = lo
        while a < b and self.taken[a]:
            a += 1
        if any(self.taken[x] for x in range(a, b)):
            a = max(x for x in range(a, b) if self.taken[x]) + 1
        for x in range(b - 1, a - 1, -1):
            if d.inq[x] < 0 and (d.low[x] in _DASHES or d.low[x] in (";", ":")) and x > a:
                if sum(_is_word(d.words[y]) for y in range(x + 1, b)) >= 2:
                    a = x + 1
                break
        if b <= a:
            return None
        ca, cb = self.trim(a, b)
        if cb <= ca or not any(_is_word(d.words[x]) for x in range(ca, cb)):
            return None
        direct = self.is_quote_span(ca, cb)
        if cont:
            c2a, c2b = self.trim(*cont)
            if c2b > c2a:
                if d.is_open[c2a] and not self.ends_with_quote(ca, cb):
                    # "In February, Mr. Trump said, ''...''": a fronted adverbial, not content
                    ca = c2a
                cb = c2b
                direct = direct or self.is_quote_span(c2a, c2b)
        att = _Att(f.cue, (c, ce), src, (ca, cb), "post:inverted" if inverted else "post", direct)
        return self.add(att)

    def preposed(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        d = self.d
        k, be = _skip_left_aux(d, c, lo)
        if be and f.form in ("past", "base"):
            return None
        if k == c and k - 1 >= lo and (d.low[k - 1] in _DET or d.low[k - 1] in _POSS
                                       or d.low[k - 1].endswith(("'s", "’s"))
                                       or d.low[k - 1] in _PREP):
            return None   # a noun ("the report", "his call", "in remarks") or an infinitive
        if k < c and d.low[k] == "to":
            return None
        if ce < hi and d.inq[ce] < 0 and d.low[ce] in ("of", "and", "or") and f.form in ("s", "base"):
            return None   # "estimates of", "posts and"
        np = _np_left(d, k, lo)
        if not np:
            # "... and added that": a second verb of the same subject
            if k - 1 >= lo and d.low[k - 1] in ("and", "but") and f.form in ("past", "s"):
                prev = self.clause_subject(k - 1, lo)
                if prev is not None:
                    return self._content_after(c, ce, lo, hi, f, prev, "pre:coordinated")
            return None
        if _head_len(d, np) > 16 or not _subject_ok(d, np, lo, f, k < c):
            return None
        return self._content_after(c, ce, lo, hi, f, np, "pre")

    def last_source(self, lo: int, c: int):
        for att in reversed(self.atts):
            if att.src and lo <= att.cue_span[0] < c and not att.nested:
                return att.src
        return None

    def _content_after(self, c, ce, lo, hi, f, src, rule):
        d = self.d
        j = ce
        if "objthat" in f.cue.frames or "to" in f.cue.frames:
            j2 = self.skip_object(j, hi)
            if "objthat" in f.cue.frames or (j2 < hi and d.low[j2] == "to"):
                j = j2
        if not (j < hi and d.low[j] == "to" and "to" in f.cue.frames):
            j = self.skip_adjuncts(j, hi)
        colon = False
        while j < hi and (d.low[j] in (",", ":") or d.low[j] in _DASHES) and d.inq[j] < 0:
            colon = colon or d.low[j] == ":"
            j += 1
        if j >= hi or all(d.low[x] in _END_PUNCT for x in range(j, hi)):
            # "X said:" at the end of a paragraph: the quotation that follows
            if not (colon or (hi - 1 >= 0 and d.low[hi - 1] == ":")):
                return None
            nxt = self.next_quote_unit(hi)
            if nxt is None:
                return None
            a, b = nxt
            att = _Att(f.cue, (c, ce), src, (a, b), rule + ":colon", True)
            return self.add(att)
        # the complement the cue needs
        w = d.low[j]
        fr = f.cue.frames
        if not (fr & {"that", "obj", "objas", "objthat"}) and d.inq[j] < 0 and not colon:
            if not ((w == "that" and "thatx" in fr) or (w == "to" and "to" in fr)
                    or (w in _WH and "wh" in fr)):
                return None
        rel = (src is not None and src[1] - src[0] == 1 and d.low[src[0]] in ("who", "which")) \
            or rule.startswith("participle")
        b = self.content_end(j, hi, rel)
        if src is not None and src[1] - src[0] == 1 and d.low[src[0]] in ("who", "that", "which") \
                and not (fr & {"that", "thatx", "to", "wh", "objthat"}) \
                and not (src[0] > 0 and d.low[src[0] - 1] == "," and "objas" in fr):
            # 'voters who support X were angry': the object only
            np = _np_right(d, j, b, max_len=12)
            if np:
                b = np[1]
        if d.is_open[j]:
            # a content opening with a quotation is the quotation (and those right after it)
            q = d.group_end_tok(j)
            while q < b and (d.low[q] in _END_PUNCT or d.low[q] in ("and",)) and q + 1 < b \
                    and d.is_open[q + 1]:
                q = d.group_end_tok(q + 1)
            if q < b and not all(d.low[x] in _END_PUNCT for x in range(q, b)) and (
                    d.low[q] == "," or d.low[q - 2] == ","):
                b = q
        a, b = self.trim(j, b)
        if b <= a or not any(_is_word(d.words[x]) for x in range(a, b)):
            return None
        att = _Att(f.cue, (c, ce), src, (a, b), rule, self.is_quote_span(a, b))
        return self.add(att)

    def _fronted(self, c: int, ce: int, e: int, hi: int, f: CueForm, *, skip_quotes: bool):
        """A fronted participial clause ("Recalling X, the statement ...", "In declaring X, the pope
        ..."): its content runs to the first comma outside quotes, the source is the subject after it."""
        d = self.d
        while e < hi and not (d.low[e] == "," and d.inq[e] < 0):
            e = d.group_end_tok(e) if skip_quotes and d.inq[e] >= 0 else e + 1
        np = _np_right(d, e + 1, hi) if e < hi else None
        if np is None:
            return None
        content = self.trim(ce, e)
        if content[1] <= content[0]:
            return None
        quoted = self.is_quote_span(*content) if skip_quotes else False
        return self.add(_Att(f.cue, (c, ce), np, content, "participle:fronted", quoted))

    def participle(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        d = self.d
        if f.form != "ing":
            return None
        if c == lo or (c - 1 == lo and not _is_word(d.words[lo])):
            # "Recalling ''...,'' the statement urged ...": the subject follows
            return self._fronted(c, ce, ce, hi, f, skip_quotes=True)
        if c - 1 < lo:
            return None
        prev = d.low[c - 1]
        if d.is_close[c - 1] and c - 2 >= lo and d.low[c - 2] == ",":
            prev = ","   # '... “that person,” telling ...'
        if prev in _AUX or prev in _BE:
            return None
        src = None
        rule = "participle"
        if prev == "as" and c - 2 >= lo and d.low[c - 2] in ("quoted", "described"):
            k, _ = _skip_left_aux(d, c - 2, lo)
            src = _np_left(d, k, lo)
        elif prev in _PREP and (c - 1 == lo or d.low[c - 2] in (",", "but", "and")):
            # "In declaring X, the pope ...": the subject follows the participial clause
            return self._fronted(c, ce, c + 1, hi, f, skip_quotes=False)
        elif prev not in _PART_BEFORE:
            np = _np_left(d, c, lo, appos=False)
            if np and np[0] - 1 >= lo and d.low[np[0] - 1] == "with":
                src = np
                rule = "participle:with"
            elif not _is_word(d.words[c - 1]) and prev not in ("(",):
                return None
            elif f.cue.cls == "intent" and _is_word(d.words[c - 1]):
                return None   # 'a group backing X': a reduced relative
        if src is None:
            src = self.clause_subject(c, lo)
        if src is None:
            return None
        return self._content_after(c, ce, lo, hi, f, src, rule)

    def raising(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'X seemed to ...', 'X appears ready ...', 'X is expected to ...': the writer's (or
        nobody's) view of X; the content is X with its complement (the cue is a gap in it),
        and the source is null."""
        d = self.d
        if "raise" in f.cue.frames:
            pass
        elif f.cue.lemma == "expect" and f.form == "past" and ce < hi and d.low[ce] == "to":
            pass
        else:
            return None
        k, be = _skip_left_aux(d, c, lo)
        if f.cue.lemma == "expect" and not be:
            return None
        if "raise" in f.cue.frames and be:
            return None
        np = _np_left(d, k, lo)
        if not np or any(self.taken[x] for x in range(*np)) or _head_len(d, np) > 12:
            return None
        if not _subject_ok(d, np, lo, f, True):
            return None
        if ce >= hi or d.inq[ce] >= 0 or d.low[ce] in _END_PUNCT or d.low[ce] in ("that", "like", "as") \
                or (d.low[ce] in _PREP and d.low[ce] != "to") or d.words[ce][:1].isupper():
            return None
        b = self.content_end(ce, hi)
        for x in range(ce + 1, b):
            if d.inq[x] < 0 and (d.low[x] in (",", ";", "(") or d.low[x] in _DASHES
                                 or d.low[x] in ("when", "while", "because", "as", "despite")):
                b = x
                break
        a, b = self.trim(np[0], b)
        if b - ce < 1:
            return None
        att = _Att(f.cue, (c, ce), None, (a, b), "raising")
        return self.add(att)

    def asked_wh(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'(When) asked whether ..., X said': the question is the content, its asker unnamed."""
        d = self.d
        if f.cue.lemma != "ask" or f.form != "past" or ce >= hi:
            return None
        if not (c == lo or d.low[c - 1] in ("when", "if", "after", "once", "while", "but", "and", "as")
                and (c - 1 == lo or d.low[c - 2] in (",", "but", "and"))):
            return None
        j = ce
        if d.low[j] in _WH or d.low[j] == "about":
            pass
        else:
            return None
        e = j
        while e < hi and not (d.low[e] in (",", ";", ":") and d.inq[e] < 0):
            e = d.group_end_tok(e) if d.inq[e] >= 0 else e + 1
        a, b = self.trim(j + 1 if d.low[j] == "about" else j, e)
        if b <= a:
            return None
        return self.add(_Att(f.cue, (c, ce), None, (a, b), "asked"))

    def reduced_relative(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'a super PAC supporting X': the noun before the participle is the source and the
        object NP after it the content (intent cues with an object)."""
        d = self.d
        if f.form != "ing" or f.cue.cls != "intent" or "obj" not in f.cue.frames or c - 1 < lo:
            return None
        if not _is_word(d.words[c - 1]) or d.low[c - 1] in _AUX or d.low[c - 1] in _PREP \
                or d.low[c - 1] in _CLAUSE or d.low[c - 1] in _DET:
            return None
        np = _np_left(d, c, lo, appos=False)
        if not np or any(self.taken[x] for x in range(*np)):
            return None
        e = ce
        while e < hi and d.inq[e] < 0 and d.low[e] not in (",", ";", ":", "(", ".", "who", "which",
                                                          "that", "but", "while", "in", "on", "at") \
                and d.low[e] not in _DASHES:
            if d.low[e] == "and" and not (e + 1 < hi and d.words[e + 1][:1].isupper()):
                break
            e += 1
        obj = _np_right(d, ce, e, max_len=12)
        if obj and d.low[obj[1] - 1] not in ("and",):
            e = min(e, obj[1]) if obj[1] < e and not d.words[obj[1]][:1].isupper() else e
        a, b = self.trim(ce, e)
        if b <= a or b - a > 12:
            return None
        return self.add(_Att(f.cue, (c, ce), np, (a, b), "participle:relative"))

    def clause_subject(self, c: int, lo: int):
        """The subject of the clause a participle at c hangs on: the source of an attribution
        just before it in the unit, a relative pronoun, else the NP opening the clause."""
        d = self.d
        prev = self.last_source(lo, c)
        if prev is not None:
            # unless a new clause ('..., but North Korea walked away, calling ...') starts
            # after that attribution's cue
            pc = max(a.cue_span[1] for a in self.atts if a.src == prev and lo <= a.cue_span[0] < c)
            if not any(d.low[x] in (";", "but") and d.inq[x] < 0 for x in range(pc, c)):
                return prev
            lo = max(x for x in range(pc, c) if d.low[x] in (";", "but") and d.inq[x] < 0)
        # clause start: after 'but', ';' or the unit start; a relative pronoun is the subject
        s = lo
        for x in range(c - 1, lo - 1, -1):
            if d.inq[x] >= 0:
                continue
            if d.low[x] in ("who", "which") and x + 1 < c:
                return x, x + 1
            if d.low[x] in (";", "but") and x + 1 < c:
                s = x + 1
                break
        # skip a fronted adverbial ("On Tuesday, ...", "After the talks collapsed, ...")
        w = d.low[s] if s < c else ""
        if w in _CLAUSE or w in _PREP or w in _ADJUNCT_START or w in _TIME:
            for x in range(s, c):
                if d.low[x] == "," and d.inq[x] < 0:
                    s = x + 1
                    break
        while s < c and d.low[s] in ("and", "but", "so", "then", "also", ","):
            s += 1
        np = _np_right(d, s, c)
        if np and np[1] <= c and (d.words[np[0]][:1].isupper() or d.low[np[0]] in _DET
                                  or d.low[np[0]] in _POSS or d.low[np[0]] in _SUBJ_PRON
                                  or d.low[np[0]] in _PLURAL_BARE):
            return np
        return None

    def next_quote_unit(self, hi: int):
        """The quotation opening the unit right after token hi (for 'X said:')."""
        d = self.d
        if hi < d.n and d.is_open[hi]:
            return hi, d.group_end_tok(hi)
        return None

    def title_colon(self, lo: int, hi: int, title: bool = True):
        """A headline 'Sanders: Endorsements prove ...', or a paragraph 'Sen. X: "..."'."""
        d = self.d
        for x in range(lo, min(hi, lo + 9)):
            if d.low[x] == ":" and d.inq[x] < 0:
                if x == lo or not all(d.words[y][:1].isupper() or not _is_word(d.words[y])
                                      or d.low[y] in ("of", "the", "and", "for") or d.low[y] in _DET
                                      or (title and d.low[y] in _PREP and y > lo)
                                      for y in range(lo, x)) or not d.words[lo][:1].isupper():
                    return None
                a, b = self.trim(x + 1, hi)
                if b - a < 3 or (not title and not d.is_open[a]):
                    return None
                if not title and d.group_end_tok(a) < b:
                    b = d.group_end_tok(a)
                return self.add(_Att(_COLON_CUE, (x, x + 1), (lo, x), (a, b), "title-colon",
                                     self.is_quote_span(a, b)))
        return None

    # ---- driver --------------------------------------------------------------------------
    def run(self):
        d = self.d
        prev_direct: _Att | None = None
        prev_end_para = -1
        first_para_end = d.paras[0][1] if d.paras else 0
        for ui, (lo, hi) in enumerate(d.units):
            if self.taken[lo] and all(self.taken[x] for x in range(lo, hi) if _is_word(d.words[x])):
                continue
            n_before = len(self.atts)
            cues = []
            i = lo
            while i < hi:
                if self.taken[i]:
                    i += 1
                    continue
                r = d.cue_at(i, hi)
                if r:
                    cues.append((i, r[1], r[0]))
                    i = r[1]
                else:
                    i += 1
            if ui == 0 and d.ends[hi - 1] <= first_para_end and "\n" not in d.text[d.starts[lo]:d.ends[hi - 1]]:
                self.title_colon(lo, hi)
            elif not cues and (lo == 0 or "\n" in d.text[d.ends[lo - 1]:d.starts[lo]]):
                self.title_colon(lo, hi, title=False)
            # pass 1: content-before frames; 'according to' first (it is the outer one)
            for c, ce, f in cues:
                if "prep" in f.cue.frames and not any(self.taken[x] for x in range(c, ce)):
                    self.according(c, ce, lo, hi, f)
            for c, ce, f in cues:
                if any(self.taken[x] for x in range(c, ce)) or "prep" in f.cue.frames:
                    continue
                self.as_reported(c, ce, lo, hi, f) or self.postposed(c, ce, lo, hi, f)
            # pass 2: content-after frames, left to right
            for c, ce, f in cues:
                if any(self.taken[x] for x in range(c, ce)) or "prep" in f.cue.frames:
                    continue
                if f.form == "ing":
                    self.participle(c, ce, lo, hi, f) or self.reduced_relative(c, ce, lo, hi, f) \
                        or self.preposed(c, ce, lo, hi, f)
                else:
                    self.raising(c, ce, lo, hi, f) or self.asked_wh(c, ce, lo, hi, f) \
                        or self.preposed(c, ce, lo, hi, f)
            new = self.atts[n_before:]
            para = d.para_of(d.starts[lo])
            if not new:
                # a quotation with no cue continues the direct attribution just before it
                qstart = next((x for x in range(lo, min(hi, lo + 12)) if d.is_open[x]), None)
                if (prev_direct is not None and qstart is not None and para - prev_end_para <= 1
                        and self.mostly_quote(lo, hi)):
                    e = max(d.group_end_tok(x) for x in range(lo, hi) if d.is_open[x])
                    a, b = prev_direct.content
                    if e > b:
                        newline = "\n" in d.text[d.ends[b - 1]:d.starts[lo]]
                        between = any(o is not prev_direct and b <= o.content[0] < lo
                                      for o in self.atts)
                        # on the same line it is one more fragment of the same content; on a new
                        # line (paragraph) an attribution of its own, with the same source
                        if not between and not newline:
                            prev_direct.content = (a, e)
                            for x in range(lo, e):
                                self.taken[x] = 1
                        else:
                            n = _Att(prev_direct.cue, prev_direct.cue_span, prev_direct.src,
                                     self.trim(lo, e), "continuation", True)
                            self.atts.append(n)
                            for x in range(lo, e):
                                self.taken[x] = 1
                            prev_direct = n
                        prev_end_para = d.para_of(d.starts[e - 1])
                    continue
                if any(self.taken[x] for x in range(lo, hi)):
                    continue
                prev_direct = None
                continue
            quoted = [a for a in new if a.direct or self.ends_with_quote(*a.content)]
            prev_direct = max(quoted, key=lambda a: a.content[1]) if quoted else None
            last = max(new, key=lambda a: a.content[1])
            prev_end_para = d.para_of(d.starts[max(last.content[1], hi) - 1])
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0])))

    def uncued_quotes(self, min_words: int = 0):
        """A quotation that no cue claimed is still a direct attribution: its source is the
        speaker of the nearest direct attribution in the same or the previous paragraph, else
        the source of an attribution just before it in its paragraph, else null."""
        d = self.d
        min_words = min_words or UNCUED_MIN_WORDS
        order = sorted((a for a in self.atts if not a.nested), key=lambda a: a.content[0])
        starts = [a.content[0] for a in order]
        self._ustarts = [u[0] for u in d.units]
        for gi, (lo, hi) in enumerate(d.gtok):
            if hi <= lo or any(self.taken[x] for x in range(lo, hi)):
                continue
            if not d.is_open[lo]:
                continue
            if lo > 0 and d.low[lo - 1] == "=":
                continue   # a markup attribute ('<tweet author="...">')
            nw = sum(1 for x in range(lo, hi) if _is_word(d.words[x]))
            prev = d.low[lo - 1] if lo > 0 else ""
            if nw < 4 and lo > 0 and (prev in ("so-called",) or d.words[lo - 1][:1].isdigit()):
                continue   # 'the so-called "green corridor"': a term, not a quotation
            if nw >= 1 and self.cue_before_quote(lo):
                continue
            if nw < min_words and not (nw >= 1 and prev in _NAMING):
                continue
            if nw <= 5 and not self.short_quote_ok(lo, hi):
                continue
            para = d.para_of(d.starts[lo])
            src = None
            k = bisect.bisect_left(starts, lo) - 1
            while k >= 0:
                o = order[k]
                if o.content[1] <= lo:
                    p = d.para_of(d.starts[o.content[1] - 1])
                    if para - p > 1:
                        break
                    if o.src and (o.direct or p == para):
                        src = o.src
                        break
                k -= 1
            att = _Att(_QUOTE_CUE, (lo, lo + 1), src, (lo, hi), "quote", True)
            self.add(att)
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0]), a.nested))

    def short_quote_ok(self, lo: int, hi: int) -> bool:
        """Is a short quotation with no cue likely quoted speech rather than a title or a
        term? Not after a possessive or a preposition ('on CBS's "Face the Nation"', 'with
        "Fox and Friends"'), nor a title-case name with no closing punctuation."""
        d = self.d
        prev = d.low[lo - 1] if lo > 0 else ""
        if prev in _NAMING or prev == ":":
            return True
        if prev.endswith(("'s", "’s", "s'", "s’")) or prev in _SHORT_Q_BAD_PREV:
            return False
        inner = [x for x in range(lo + 1, hi)
                 if d.low[x] not in _QMARKS and d.low[x] not in _SMARKS]
        words = [x for x in inner if _is_word(d.words[x])]
        last = d.low[inner[-1]] if inner else ""
        title = all(d.words[x][:1].isupper() or d.low[x] in _TITLE_SMALL for x in words)
        return not (title and last not in (".", "!", "?", ","))

    def verb_before_quote(self, q: int, lo: int, hi: int):
        """A quotation ending the object of a verb that is not in the cue lexicon, right
        after the verb's named or pronoun subject ('Smith decried the "systemic racism"',
        'she routinely characterizes herself as a "change warrior"'): content from after the
        verb to the end of the quotation, source the subject."""
        d = self.d
        x = q - 1
        while x >= lo and x >= q - 10:
            w = d.low[x]
            if self.taken[x] or d.inq[x] >= 0 or w in _END_PUNCT or w in _DASHES or w in ("(", ")"):
                return None
            t = d.words[x]
            if t.islower() and (len(w) > 3 and (w.endswith("ed") and w not in _NOT_VERB_ED
                                                or w.endswith("s") and not w.endswith("ss"))
                                or w in _IRREGULAR_PAST):
                k, be = _skip_left_aux(d, x, lo)
                if be:
                    return None
                np = _np_left(d, k, lo, appos=False)
                if np and _head_len(d, np) <= 5 and not any(self.taken[y] for y in range(*np)) \
                        and (np[0] == lo or d.low[np[0] - 1] in (",", "and", "but", "when", "while",
                                                                  "as", "after", "before", "because")) \
                        and (d.words[np[1] - 1][:1].isupper() or d.low[np[1] - 1] in _SUBJ_PRON
                             and d.low[np[1] - 1] not in ("that", "which", "it")):
                    b = d.group_end_tok(q)
                    a, b = self.trim(x + 1, b)
                    if b > q and a < q + 1 and b - a <= 30:
                        return self.add(_Att(_VERB_CUE, (x, x + 1), np, (a, b), "verb-quote"))
                if w.endswith("ed") or w in _IRREGULAR_PAST:
                    return None
            x -= 1
        return None

    def unit_of(self, i: int) -> tuple[int, int]:
        d = self.d
        k = bisect.bisect_right(self._ustarts, i) - 1
        return d.units[max(k, 0)]

    def cue_before_quote(self, q: int):
        """A quotation that no frame claimed, right after a cue of its clause whose subject
        was not found ('..., accused him of having a "penchant for X."'): the content runs from
        after the cue, the source is the clause subject (or none)."""
        d = self.d
        lo, hi = self.unit_of(q)
        c = None
        x = q - 1
        while x >= lo and x >= q - 12:
            if self.taken[x] or d.inq[x] >= 0 or d.low[x] in (".", ";", "?", "!", ":", "(", ")") \
                    or d.low[x] in _DASHES:
                break
            r = d.cue_at(x, hi)
            if r and x > lo and (d.low[x - 1] in _DET or d.low[x - 1] in _POSS
                                 or d.low[x - 1].endswith(("'s", "’s"))):
                r = None   # a noun ('the plan')
            if r and "prep" not in r[0].cue.frames and r[0].cue.cls != "evidence" \
                    and not (x > 0 and d.low[x - 1] in ("<", "/")):
                c = (x, r[1], r[0])
                break
            x -= 1
        if c is None:
            return self.verb_before_quote(q, lo, hi)
        c, ce, f = c
        if d.low[c] == "known" or any(self.taken[y] for y in range(c, ce)) \
                or any(d.low[y] == "," for y in range(ce, q)):
            return None
        k, be = _skip_left_aux(d, c, lo)
        if be and f.form in ("past", "base"):
            return None   # passive
        src = None
        if f.form == "ing":
            src = self.clause_subject(c, lo)
        else:
            np = _np_left(d, k, lo)
            if np and not any(self.taken[y] for y in range(*np)) and _head_len(d, np) <= 8 \
                    and not (np[0] - 1 >= lo and d.low[np[0] - 1] in _PREP):
                src = np
            else:
                src = self.clause_subject(c, lo)
        if src is not None and any(self.taken[y] for y in range(*src)):
            src = None
        b = self.content_end(ce, hi)
        y = d.group_end_tok(q)
        if y >= b or d.low[y - 2] in (",", ".", "?", "!") or d.low[y] in _CLAUSE \
                or d.low[y] in _END_PUNCT:
            b = min(b, y)   # the quotation closes the clause
        while y < b and not (d.inq[y] < 0 and (d.low[y] in (",", ";", "(") or d.low[y] in _DASHES)):
            y = d.group_end_tok(y) if d.inq[y] >= 0 else y + 1
        a, b = self.trim(ce, min(b, y))
        if b <= q or a >= q + 1:
            return None
        return self.add(_Att(f.cue, (c, ce), src, (a, b), "cue-quote"))

    def mostly_quote(self, lo: int, hi: int) -> bool:
        d = self.d
        words = [x for x in range(lo, hi) if _is_word(d.words[x])]
        return bool(words) and sum(d.inq[x] >= 0 for x in words) >= 0.6 * len(words)

    def nested_for_quotes(self):
        """A partial quotation inside an indirect content takes the nearest speech cue before it
        in that content whose subject is found (reported as a nested attribution)."""
        d = self.d
        out = []
        for att in list(self.atts):
            if att.direct:
                continue
            a, b = att.content
            seen = set()
            for x in range(a, b):
                gi = d.inq[x]
                if gi < 0 or gi in seen or not d.is_open[x]:
                    continue
                seen.add(gi)
                best = None
                first = None
                for c in range(x - 1, a - 1, -1):
                    r = d.cue_at(c, b)
                    if r and r[0].cue.speaks and r[0].form != "ing":
                        k, be = _skip_left_aux(d, c, a)
                        np = None if be else _np_left(d, k, a)
                        if np and _subject_ok(d, np, a, r[0], k < c):
                            best = (first or (c, r[1], r[0]))[:3] + (np,)
                            break
                        if first is None and k - 1 >= a and d.low[k - 1] in ("and", "but"):
                            first = (c, r[1], r[0])   # "X expressed A and offered B"
                            continue
                        break
                if best:
                    c, ce, f, np = best
                    if any(n.cue_span == (c, ce) for n in out):
                        continue
                    e = min(self.content_end(ce, b, nested=True), b)
                    na, nb = self.trim(self.skip_adjuncts(ce, e), e)
                    if nb > na:
                        n = _Att(f.cue, (c, ce), np, (na, nb), "nested")
                        n.nested = True
                        n.parent = att
                        out.append(n)
        self.atts.extend(out)
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0]), a.nested))


_NAMING = {"titled", "entitled", "dubbed", "nicknamed", "billed", "named", "called", "as",
           "slogan", "motto", "headline", "headlined", "by"}
_SHORT_Q_BAD_PREV = {"and", "or", "on", "for", "with", "from", "about", "an", "in", "at", "into"}
_TITLE_SMALL = {"of", "the", "and", "a", "an", "for", "in", "on", "to", "with", "at", "or", "&"}
_IRREGULAR_PAST = {"spoke", "stood", "took", "gave", "made", "put", "thought", "brought", "sent",
                   "held", "kept", "left", "met", "ran", "saw", "set", "went", "won", "chose",
                   "drew", "fought", "led", "sought", "struck", "threw", "wore", "broke", "got",
                   "came", "began", "became", "felt", "found", "heard", "knew", "meant", "paid",
                   "rose", "sang", "shook", "swore", "taught", "understood", "hit", "cut", "let",
                   "laid", "lent", "lost", "sold", "spent", "stuck", "tore", "wrote", "told"}
_NOT_VERB_ED = {"need", "speed", "seed", "feed", "bred", "shed", "red", "bed", "wed", "indeed",
                "united", "limited", "related", "detailed", "advanced", "based", "concerned",
                "interested", "supposed", "used", "so-called", "alleged", "armed", "talented"}
_COLON_CUE = Cue(":", "neutral", frozenset({"that"}), "speech")
_VERB_CUE = Cue("verb", "neutral", frozenset({"obj"}), "speech")
_QUOTE_CUE = Cue('"', "neutral", frozenset({"that"}), "speech")
UNCUED_MIN_WORDS = 2
_COORD = {"and", "but", "while", "although", "though", "whereas", "yet", "as"}
_COORD_STRONG = {"but", "although", "though", "whereas", "while"}
_ADJ_OK = {"about", "by", "over", "during", "through", "to", "after", "before", "like", "amid",
           "into", "against", "between", "under", "upon", "without", "within", "toward",
           "towards", "despite"}
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TIME_RE = re.compile(
    rf"(?:(?:on|late|early) )?{_DAY}(?: (?:morning|afternoon|evening|night))?\b"
    r"|(?:(?:earlier|later) )?(?:last|this|next) (?:week|month|year|weekend|spring|summer|fall|autumn|winter|morning|night)\b"
    r"|(?:yesterday|today|tonight|earlier|later|recently|previously)\b(?: (?:this|last) (?:week|month|year))?")
_SUBORD_PREP = {"as", "than", "after", "before", "since", "until", "like", "following"}
_SUBORD = {"when", "while", "as", "after", "before", "because", "since", "although", "though",
           "twice", "once", "again", "later", "afterward", "afterwards", "referring", "adding"}
_WH = {"whether", "if", "what", "why", "how", "who", "when", "where", "which"}


# ---- source resolution ---------------------------------------------------------------------

_LEAD_DROP = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "so", "then"}


_RELATIVE_OPENERS = {"who", "whom", "whose", "which", "that"}


def _span_name(text: str, d: _Doc, s: int, e: int) -> str:
    """The name a source span gives without mentions: its head segment (before an appositive
    comma or a relative clause: "a diplomat who spoke on condition of anonymity"), minus leading
    determiners."""
    j = s
    while j < e and d.low[j] != "," and not (j > s + 1 and d.low[j] in _RELATIVE_OPENERS):
        j += 1
    a = s
    while a < j - 1 and d.low[a] in _LEAD_DROP:
        a += 1
    return text[d.starts[a]:d.ends[j - 1]] if j > a else text[d.starts[s]:d.ends[e - 1]]


class _Resolver:
    def __init__(self, text: str, d: _Doc, mentions: list[Mention]):
        self.text = text
        self.d = d
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.mstarts = [m.start for m in self.mentions]
        self.pron = pronouns()
        self.nouns = source_nouns()
        self.nouns_flat = {k[-1] for k, v in self.nouns.items() if v[0] in ("role", "anonymous")}
        self.history: list[tuple[int, SourceRef]] = []   # (char pos, resolved source)
        self.content_of: dict[int, tuple[int, int]] = {}   # id(source) -> char span of what it said

    def _back_from(self, pos: int, kinds):
        """Mentions of these kinds that end before pos, nearest first."""
        for i in range(bisect.bisect_left(self.mstarts, pos) - 1, -1, -1):
            m = self.mentions[i]
            if m.end <= pos and m.kind in kinds:
                yield m

    def before(self, pos: int, kinds, role: str | None = None):
        fallback = None
        for m in self._back_from(pos, kinds):
            if role is None or (m.role and role in m.role.lower()):
                return m
            if fallback is None:
                fallback = m
        return fallback

    def named_with(self, pos: int, noun: str, kinds):
        """The last mention before pos whose name contains the noun ("agency" -> "... Energy Agency")."""
        words = noun.lower().split()
        for m in self._back_from(pos, [k for k in kinds if k != "person"]):
            name = (m.name or m.text or "").lower().split()
            if any(name[k:k + len(words)] == words for k in range(len(name) - len(words) + 1)):
                return m
        return None

    def source_before(self, pos: int, kinds):
        """The last resolved source (with an entity or code) of a fitting kind before pos."""
        for p, ref in reversed(self.history):
            if p < pos and (ref.entity or ref.code) and getattr(ref, "_kind", None) in kinds:
                return ref
        return None

    def resolve(self, s: int, e: int) -> SourceRef:
        d, text = self.d, self.text
        cs, ce = d.starts[s], d.ends[e - 1]
        # head segment: before the first comma
        h = s
        while h < e and d.low[h] != ",":
            h += 1
        hs, he = cs, d.ends[h - 1] if h > s else ce
        ref = SourceRef(start=cs, end=ce)
        # 1. a mention inside the head (or the whole span)
        m = self.mention_in(hs, he) or self.mention_in(cs, ce)
        head_words = tuple(d.low[x] for x in range(s, h) if d.low[x] not in _LEAD_DROP)
        if m is not None and m.kind != "person" and h < e and set(head_words) & self.nouns_flat:
            # "The U.N. envoy for Sudan, Volker Perthes, said": the role's holder is named after the comma
            p = self.mention_in(d.starts[h], ce)
            if p is not None and p.kind == "person":
                m = p
        if m is not None and not (len(head_words) == 1 and head_words[0] in self.pron):
            return self.fill(ref, m)
        # 2. pronouns
        if len(head_words) == 1 and head_words[0] in self.pron:
            kinds = self.pron[head_words[0]][0]
            if head_words[0] in ("who", "which"):
                # a relative pronoun stands for the source just before it ('said X, who added')
                for p, prev in reversed(self.history):
                    if prev.end is not None and 0 <= cs - prev.end <= 3 \
                            and text[prev.end:cs].strip() in ("", ","):
                        return self.same_as(ref, prev)
            m = self.before(cs, kinds)
            spk = self.salient_speaker(cs, m, kinds)
            if spk is not None:
                return self.same_as(ref, spk)
            if m is not None:
                return self.fill(ref, m)
            prev = self.last_named(cs, kinds)
            if prev is not None:
                return self.same_as(ref, prev)
            ref.name = text[hs:he]
            return ref
        # 3. source nouns: generic institutions, state media, roles
        typ = None
        for n in (3, 2, 1):
            if len(head_words) >= n and head_words[-n:] in self.nouns:
                typ, kinds = self.nouns[head_words[-n:]]
                noun = " ".join(head_words[-n:])
                break
        name = _span_name(text, d, s, e)
        if typ in ("generic", "state") and all(not d.words[x][:1].isupper() or x == s
                                                for x in range(s, h)):
            # "the agency" after "the International Atomic Energy Agency": the organisation whose
            # name has the noun, before the last source of a fitting kind
            named = self.named_with(cs, noun, kinds) if typ == "generic" else None
            if named is not None:
                return self.fill(ref, named)
            prev = self.source_before(cs, kinds) if typ == "generic" else None
            m = self.before(cs, kinds) if prev is None else None
            if typ == "state" and m is None:
                m = self.before(cs, ("country",))
            if prev is not None:
                return self.same_as(ref, prev)
            if m is not None:
                return self.fill(ref, m)
            if not self.mentions:
                # no mentions: the last named source stands behind "the statement"
                for p, prev in reversed(self.history):
                    if p < cs and prev.name and prev.name[:1].isupper() \
                            and getattr(prev, "_kind", None) != "person" \
                            and prev.name.split()[-1].lower() not in self.nouns_flat:
                        ref.name, ref.entity, ref.code = prev.name, prev.entity, prev.code
                        return ref
        if typ == "role" and len(head_words) <= 3:
            m = self.before(cs, ("person",), role=noun)
            # "the prime minister" is the person last named with that role (or the last person named
            # without one); "a spokesman" (indefinite) is someone new, and a person named with another
            # role is not "the spokesman"
            if m is not None and d.low[s] not in ("a", "an", "another", "one") \
                    and (m.role and noun in m.role.lower() or d.low[s] == "the" and not m.role):
                return self.fill(ref, m)
        ref.name = name
        return ref

    def salient_speaker(self, pos: int, m, kinds):
        """The previous speaker, when a pronoun source ("he said") is more likely to continue them than
        to pick up ``m``, the last mention of a fitting kind: the speaker was named after ``m``, or ``m``
        only occurs inside what the speaker said ("A spokesman said Kim had left. He added ...").
        Only a person-like speaker of the same or the previous sentence counts."""
        if not self.history or "person" not in kinds:
            return None
        p, ref = self.history[-1]
        if p >= pos or not ref.name or ref.name.lower() in self.pron:
            return None
        kind = getattr(ref, "_kind", None)
        words = ref.name.lower().split()
        if not (kind == "person" or (kind is None and words and words[-1] in self.nouns_flat)):
            return None
        if self.d.sent_of_char(pos) - self.d.sent_of_char(p) > 1:
            return None
        if m is None or m.end <= p:
            return ref if kind is None else None   # a role noun after the last named person
        content = self.content_of.get(id(ref))
        if content and content[0] <= m.start < content[1]:
            return ref
        return None

    def last_named(self, pos: int, kinds):
        """The last source with a name (or a resolved kind that fits) before pos."""
        for p, ref in reversed(self.history):
            kind = getattr(ref, "_kind", None)
            if p < pos and ref.name and ref.name[:1].isupper() \
                    and ref.name.lower() not in self.pron and (kind in kinds or kind is None):
                return ref
        return None

    def mention_in(self, a: int, b: int):
        i = bisect.bisect_left(self.mstarts, a)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.end <= b + 1:
                # prefer the mention that ends the head ("South Korea's Joint Chiefs" -> the
                # org if it is a mention, else the country); a person named is the source whatever
                # follows ("Rep. X (D-Calif.)"), and a place speaks only where nothing else is named
                place = m.kind == "place" and not m.metonym
                if best is None or (best.kind != "person" and not place and (m.end > best.end or m.kind == "person")):
                    best = m
            i += 1
        if best is None:
            # a mention overlapping the span
            j = bisect.bisect_left(self.mstarts, a) - 1
            if j >= 0 and self.mentions[j].end > a:
                best = self.mentions[j]
        return best

    @staticmethod
    def same_as(ref: SourceRef, prev: SourceRef) -> SourceRef:
        """``ref`` stands for the source ``prev`` resolved to (entity, name, code and kind)."""
        ref.entity, ref.name, ref.code = prev.entity, prev.name, prev.code
        ref._kind = getattr(prev, "_kind", None)  # type: ignore[attr-defined]
        return ref

    def fill(self, ref: SourceRef, m: Mention) -> SourceRef:
        ref.entity = m.entity
        ref.name = m.name or m.text
        ref.code = m.code
        ref._kind = m.kind  # type: ignore[attr-defined]
        return ref

    def note(self, pos: int, ref: SourceRef, content: tuple[int, int] | None = None):
        self.history.append((pos, ref))
        if content:
            self.content_of[id(ref)] = content


def _clean(ref: SourceRef) -> SourceRef:
    return SourceRef(entity=ref.entity, name=ref.name, code=ref.code, start=ref.start, end=ref.end)


def extract_attributions(text: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                         *, nested: bool = False) -> tuple[list[Quote], list[Attribution]]:
    """Direct quotes and attributions (reported speech and thought) of ``text``.

    ``sentences`` are ``dateline.text.split_sentences(text)``; ``mentions`` the entity mentions
    (may be empty). Each word takes part in at most one attribution (as in PolNeAR); a partial
    quote inside an indirect content takes the speaker of the nearest speech cue before it
    (``X said Kim expressed his "deep condolences"`` -> Kim) while its ``attribution`` stays the
    outer one, unless ``nested=True``, which also reports those inner attributions (rule
    ``nested``)."""
    if not text:
        return [], []
    d = _Doc(text, sentences or paragraphs(text))
    an = _Analyzer(d)
    an.run()
    an.nested_for_quotes()
    an.uncued_quotes()
    res = _Resolver(text, d, mentions or [])
    atts: list[Attribution] = []
    quotes: list[Quote] = []
    by_att: dict[int, str] = {}
    # resolve in text order of the source (pronouns look back)
    for att in sorted(an.atts, key=lambda a: d.starts[a.src[0]] if a.src else d.starts[a.cue_span[0]]):
        if att.src:
            att.src_ref = res.resolve(*att.src)
            a, b = att.content
            res.note(att.src_ref.start or 0, att.src_ref, (d.starts[a], d.ends[b - 1]) if b > a else None)
        else:
            att.src_ref = SourceRef()
    n = 0
    for att in an.atts:
        if att.nested and not nested:
            continue
        n += 1
        aid = f"a{n}"
        by_att[id(att)] = aid
        cs, ce = d.starts[att.cue_span[0]], d.ends[att.cue_span[1] - 1]
        a, b = att.content
        if att.direct and d.low[a] in _QMARKS and d.low[b - 1] in _QMARKS and b - a > 2:
            xa, xb = d.ends[a], d.starts[b - 1]
            while xa < xb and text[xa].isspace():
                xa += 1
            while xb > xa and text[xb - 1].isspace():
                xb -= 1
        else:
            xa, xb = d.starts[a], d.ends[b - 1]
        atts.append(Attribution(
            id=aid, direct=att.direct, source=_clean(att.src_ref),
            cue=Span(cs, ce, text[cs:ce]), content=Span(xa, xb, text[xa:xb]),
            attitude=att.cue.attitude, rule=att.rule))
    # quotes: each quoted segment inside an attribution's content (innermost attribution wins)
    spans = []
    for att in an.atts:
        a, b = att.content
        spans.append((d.starts[a], d.ends[b - 1], att))
    qn = 0
    for gi, g in enumerate(d.groups):
        for sa, sb in g.segments:
            owner = None
            for a, b, att in spans:
                if a <= sa and sb <= b + 1:
                    if owner is None or att.nested or (b - a) < (owner[1] - owner[0]) and not owner[2].nested:
                        owner = (a, b, att)
            if owner is None:
                continue
            att = owner[2]
            qn += 1
            ref = att.src_ref or SourceRef()
            cue = text[d.starts[att.cue_span[0]]:d.ends[att.cue_span[1] - 1]]
            owner_id = by_att.get(id(att)) or by_att.get(id(att.parent))
            quotes.append(Quote(id=f"q{qn}", start=sa, end=sb, text=text[sa:sb],
                                speaker=ActorRef(entity=ref.entity, name=ref.name, code=ref.code),
                                cue=cue, attribution=owner_id))
    return quotes, atts
