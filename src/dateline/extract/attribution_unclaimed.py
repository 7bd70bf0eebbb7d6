"""Quotations that no frame claimed: cue or verb before the quote, uncued quotes, nested speakers."""
from __future__ import annotations

import bisect
from operator import itemgetter

from dateline.extract.attribution_phrases import _Att, _head_len, _np_left, _skip_left_aux, _subject_ok
from dateline.extract.attribution_words import (
    _AND_BUT, _CLAUSE, _DASHES, _DET, _END_PUNCT, _HEADLINE_LABELS, _IRREGULAR_PAST, _is_word, _NAME_PARTICLES, _NAMING, _NOT_VERB_ED,
    _POSS, _PREP, _QMARKS, _QUOTE_CUE, _SHORT_Q_BAD_PREV, _SMARKS, _SUBJ_PRON, _TITLE_SMALL,
    UNCUED_MIN_WORDS, _VERB_CUE, _VERB_QUOTE_BAD_SUBJECT, _VERB_QUOTE_SUBJECT_BEFORE,
)


class _Unclaimed:
    def uncued_quotes(self, min_words: int = 0):
        """A quotation that no cue claimed is still a direct attribution: its source is the
        speaker of the nearest direct attribution in the same or the previous paragraph, else
        the source of an attribution just before it in its paragraph, else null."""
        d = self.d
        min_words = min_words or UNCUED_MIN_WORDS
        order = sorted((a for a in self.atts if not a.nested), key=lambda a: a.content[0])
        starts = [a.content[0] for a in order]
        self._ustarts = list(map(itemgetter(0), d.units))
        for gi, (lo, hi) in enumerate(d.gtok):
            if hi <= lo or self.taken.find(1, lo, hi) >= 0:      # (taken holds 0 or 1)
                continue
            if not d.is_open[lo]:
                continue
            if lo > 0 and d.low[lo - 1] == "=":
                continue   # a markup attribute ('<tweet author="...">')
            nw = sum(1 for x in range(lo, hi) if _is_word(d.words[x]))
            prev = d.low[lo - 1] if lo > 0 else ""
            if nw < 4 and lo > 0 and (prev == "so-called" or d.words[lo - 1][:1].isdigit()):
                continue   # 'the so-called "green corridor"': a term, not a quotation
            if nw >= 1 and self.cue_before_quote(lo):
                continue
            if nw < min_words and not (nw >= 1 and prev in _NAMING):
                continue
            if nw <= 5 and not self.short_quote_ok(lo, hi):
                continue
            sig, label = self.signature(hi), self.speaker_label(lo, hi)
            if sig is not None or label is not None:
                cue = (hi, hi + 1) if sig is not None else (label[1], label[1] + 1)
                self.add(_Att(_QUOTE_CUE, cue, sig or label, (lo, hi), "quote:signed", True))
                continue
            para = d.para_of(d.starts[lo])
            src = None
            whole = self.whole_paragraph(lo, hi)
            k = bisect.bisect_left(starts, lo) - 1
            while k >= 0:
                o = order[k]
                if o.content[1] <= lo:
                    p = d.para_of(d.starts[o.content[1] - 1])
                    if para - p > 1:
                        break
                    # a quotation that is its whole paragraph continues whoever spoke last before it
                    if o.src and (o.direct or p == para or whole):
                        src = o.src
                        break
                k -= 1
            att = _Att(_QUOTE_CUE, (lo, lo + 1), src, (lo, hi), "quote", True)
            self.add(att)
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0]), a.nested))

    def signature(self, e: int) -> tuple[int, int] | None:
        """The name that signs a quotation ending before token e, after a dash, at the end of its
        paragraph ('"..." ― Ana Ruiz', '"..." — Ana Ruiz, 34.'): its token span, else None."""
        d = self.d
        if e + 1 >= d.n or d.low[e] not in _DASHES or d.inq[e] >= 0 or d.para_of(d.starts[e]) != d.para_of(
                d.starts[e - 1]) or "\n" in d.text[d.ends[e]:d.starts[e + 1]]:
            return None
        x = e + 1
        while x < d.n and x < e + 8 and d.inq[x] < 0 and not self._line_break(x) and (
                d.words[x][:1].isupper() or d.low[x] in _NAME_PARTICLES
                or d.words[x] == "." and len(d.words[x - 1]) == 1):
            x += 1
        if x == e + 1 or not d.words[x - 1][:1].isupper() and d.words[x - 1] != ".":
            return None
        if x < d.n and not self._line_break(x) and not (d.low[x] in (".", ",") and (
                x + 1 >= d.n or self._line_break(x + 1) or d.low[x] == ",")):
            return None
        return e + 1, x

    def speaker_label(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A transcript's speaker label opening a quotation ('"SMITH: Well, ...'): its token span."""
        d = self.d
        x = lo + 1
        while x < hi and x < lo + 5 and d.words[x].isupper() and d.words[x].isalpha() and len(d.words[x]) > 1:
            x += 1
        label = " ".join(d.low[lo + 1:x])
        return (lo + 1, x) if lo + 1 < x < hi - 2 and d.low[x] == ":" and label not in _HEADLINE_LABELS else None

    def _line_break(self, x: int) -> bool:
        """Does token x start a new line (or paragraph)?"""
        d = self.d
        return x >= d.n or "\n" in d.text[d.ends[x - 1]:d.starts[x]]

    def whole_paragraph(self, lo: int, hi: int) -> bool:
        """Is the quotation [lo, hi) its whole paragraph (nothing but marks around it)?"""
        d = self.d
        ps, pe = d.paras[d.para_of(d.starts[lo])]
        return not d.text[ps:d.starts[lo]].strip() and not d.text[d.ends[hi - 1]:pe].strip(" .,\n\t")

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
                        and (np[0] == lo or d.low[np[0] - 1] in _VERB_QUOTE_SUBJECT_BEFORE) \
                        and (d.words[np[1] - 1][:1].isupper() or d.low[np[1] - 1] in _SUBJ_PRON
                             and d.low[np[1] - 1] not in _VERB_QUOTE_BAD_SUBJECT):
                    b = d.group_end_tok(q)
                    a, b = self.trim(x + 1, b)
                    if b > q and a < q + 1 and b - a <= 30:
                        return self.add(_Att(_VERB_CUE, (x, x + 1), np, (a, b), "verb-quote"))
                if w.endswith("ed") or w in _IRREGULAR_PAST:
                    return None
            x -= 1
        return None

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

    def nested_for_quotes(self):
        """A partial quotation inside an indirect content takes the nearest speech cue before it
        in that content whose subject is found (reported as a nested attribution)."""
        d = self.d
        out, cues = [], set()     # the nested attributions and their cue spans
        for att in list(self.atts) if d.opens else ():      # (without an opening mark: no quotation)
            if att.direct:
                continue
            a, b = att.content
            seen = set()
            # only an opening mark starts a quotation: the other tokens of [a, b) are passed over
            for x in d.opens[bisect.bisect_left(d.opens, a):bisect.bisect_left(d.opens, b)]:
                gi = d.inq[x]
                if gi < 0 or gi in seen or not d.is_open[x]:
                    continue
                seen.add(gi)
                best = None
                first = None
                heads = d.cue_heads     # (cue_at is None off them)
                for c in reversed(heads[bisect.bisect_left(heads, a):bisect.bisect_left(heads, x)]):
                    r = d.cue_at(c, b)
                    if r and r[0].cue.speaks and r[0].form != "ing":
                        k, be = _skip_left_aux(d, c, a)
                        np = None if be else _np_left(d, k, a)
                        if np and _subject_ok(d, np, a, r[0], k < c):
                            best = (first or (c, r[1], r[0]))[:3] + (np,)
                            break
                        if first is None and k - 1 >= a and d.low[k - 1] in _AND_BUT:
                            first = (c, r[1], r[0])   # "X expressed A and offered B"
                            continue
                        break
                if best:
                    c, ce, f, np = best
                    if (c, ce) in cues:
                        continue
                    e = min(self.content_end(ce, b, nested=True), b)
                    na, nb = self.trim(self.skip_adjuncts(ce, e), e)
                    if nb > na:
                        n = _Att(f.cue, (c, ce), np, (na, nb), "nested")
                        n.nested = True
                        n.parent = att
                        out.append(n)
                        cues.add((c, ce))
        self.atts.extend(out)
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0]), a.nested))
