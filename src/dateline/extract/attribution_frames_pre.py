"""Frames whose content follows the cue: pre-posed cues, participles, raising verbs, 'asked whether',
reduced relatives and title colons."""
from __future__ import annotations

from dateline.extract.attribution_lexicon import CueForm
from dateline.extract.attribution_phrases import (
    _Att, _head_len, _np_left, _np_right, _skip_left_aux, _subject_ok,
)
from dateline.extract.attribution_words import (
    _AND_BUT, _AND_BUT_COMMA, _AS_PARTICIPLES, _ASKED_OPENERS, _AUX, _BE, _CLAUSE, _COLON_CUE,
    _DASHES, _DET, _END_PUNCT, _HEADLINE_LABELS, _is_word, _NOUN_CUE_NEXT, _PART_BEFORE, _POSS, _PREP,
    _RAISING_BAD_NEXT, _RAISING_END, _RELATIVE_OBJECT_END, _RELATIVE_PRON, _RELATIVE_SUBJECTS,
    _SUBJ_PRON, _SUBORDINATORS, _TITLE_COLON_SMALL, _WH,
)


class _PreFrames:
    def fronted_cue(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'Said Ellis: "..."': a capitalised cue opening its unit, its source after it, then the content."""
        d = self.d
        if c != lo or not d.words[c][:1].isupper() or "post" not in f.cue.frames:
            return None
        np = _np_right(d, ce, hi)
        if np is None or np[1] + 1 >= hi or d.low[np[1]] not in (":", ","):
            return None
        a, b = self.trim(np[1] + 1, self.content_end(np[1] + 1, hi))
        if b <= a:
            return None
        return self.add(_Att(f.cue, (c, ce), np, (a, b), "pre:fronted", self.is_quote_span(a, b)))

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
        if ce < hi and d.inq[ce] < 0 and d.low[ce] in _NOUN_CUE_NEXT and f.form in ("s", "base"):
            return None   # "estimates of", "posts and"
        np = _np_left(d, k, lo)
        if not np:
            # "... and added that": a second verb of the same subject
            if k - 1 >= lo and d.low[k - 1] in _AND_BUT and f.form in ("past", "s"):
                prev = self.subordinate_subject(k - 1, lo) or self.clause_subject(k - 1, lo)
                if prev is not None:
                    return self._content_after(c, ce, lo, hi, f, prev, "pre:coordinated")
            # "The paper, quoting X, said ...": the subject of the participle between commas
            prev = self.participle_before(k - 1, lo)
            return self._content_after(c, ce, lo, hi, f, prev, "pre") if prev is not None else None
        if _head_len(d, np) > 16 or not _subject_ok(d, np, lo, f, k < c):
            return None
        return self._content_after(c, ce, lo, hi, f, np, "pre")

    def participle_before(self, comma: int, lo: int):
        """The source of a participle attribution whose cue and content end at the comma (the adjunct
        between a subject and its verb: 'X, citing Y, said'), its source before its cue; else None."""
        d = self.d
        if comma <= lo or not (d.low[comma] == "," and d.inq[comma] < 0
                               or d.is_close[comma] and d.low[comma - 1] == ","):   # '..., quoting "X,"'
            return None
        for k in self._by_cue.between(lo, comma):
            att = self.atts[k]
            if att.rule == "participle" and att.src and att.src[1] < att.cue_span[0] \
                    and comma - 1 <= att.content[1] <= comma + 1 \
                    and all(self.taken[x] for x in range(att.cue_span[0], comma)):
                return att.src
        return None

    def subordinate_subject(self, k: int, lo: int):
        """The subject of an adverbial clause that the 'and' at k continues ('X called Y a disgrace
        after she attacked Z and blamed W': she blamed): a pronoun or a name right after the
        subordinator, then a verb; None when a comma or another clause comes between."""
        d = self.d
        for x in range(k - 1, max(lo, k - 20) - 1, -1):
            if d.inq[x] >= 0:
                continue
            if d.low[x] in (",", ";", ":") or d.low[x] in _DASHES or d.low[x] in _AND_BUT:
                return None
            if d.low[x] in _SUBORDINATORS and x + 2 < k:
                np = _np_right(d, x + 1, k, max_len=4)
                if np is None or np[1] >= k or not (d.low[np[0]] in _SUBJ_PRON or d.words[np[0]][:1].isupper()):
                    return None
                v = d.words[np[1]]
                return np if v.islower() and v.isalpha() and d.low[np[1]] not in _PREP \
                    and d.low[np[1]] not in _CLAUSE else None
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
        if j >= hi or d.low[j] in _END_PUNCT and all(map(_END_PUNCT.__contains__, d.low[j + 1:hi])):
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
        rel = (src is not None and src[1] - src[0] == 1 and d.low[src[0]] in _RELATIVE_SUBJECTS) \
            or rule.startswith("participle")
        b = self.content_end(j, hi, rel)
        if src is not None and src[1] - src[0] == 1 and d.low[src[0]] in _RELATIVE_PRON \
                and not (fr & {"that", "thatx", "to", "wh", "objthat"}) \
                and not (src[0] > 0 and d.low[src[0] - 1] == "," and "objas" in fr):
            # 'voters who support X were angry': the object only
            np = _np_right(d, j, b, max_len=12)
            if np:
                b = np[1]
        if d.is_open[j]:
            # a content opening with a quotation is the quotation (and those right after it)
            q = d.group_end_tok(j)
            while q < b and (d.low[q] in _END_PUNCT or d.low[q] == "and") and q + 1 < b \
                    and d.is_open[q + 1]:
                q = d.group_end_tok(q + 1)
            if q < b and not all(d.low[x] in _END_PUNCT for x in range(q, b)) and (
                    d.low[q] == "," or d.low[q - 2] == ","):
                b = q
        a, b = self.trim(j, b)
        if b <= a or not any(map(_is_word, d.words[a:b])):
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
        if prev == "as" and c - 2 >= lo and d.low[c - 2] in _AS_PARTICIPLES:
            k, _ = _skip_left_aux(d, c - 2, lo)
            src = _np_left(d, k, lo)
        elif prev in _PREP and (c - 1 == lo or d.low[c - 2] in _AND_BUT_COMMA):
            # "X, despite admitting Y, ...": the subject before it; "In declaring X, the pope ...": after it
            np = _np_left(d, c - 1, lo) if c - 2 > lo and d.low[c - 2] == "," else None
            if np and np[0] == lo and np[1] == c - 2:
                e = ce
                while e < hi and not (d.low[e] == "," and d.inq[e] < 0):
                    e = d.group_end_tok(e) if d.inq[e] >= 0 else e + 1
                a, b = self.trim(ce, e)
                return self.add(_Att(f.cue, (c, ce), np, (a, b), "participle", self.is_quote_span(a, b))) \
                    if b > a else None
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
        if ce >= hi or d.inq[ce] >= 0 or d.low[ce] in _END_PUNCT or d.low[ce] in _RAISING_BAD_NEXT \
                or (d.low[ce] in _PREP and d.low[ce] != "to") or d.words[ce][:1].isupper():
            return None
        b = self.content_end(ce, hi)
        for x in range(ce + 1, b):
            if d.inq[x] < 0 and (d.low[x] in (",", ";", "(") or d.low[x] in _DASHES
                                 or d.low[x] in _RAISING_END):
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
        if not (c == lo or d.low[c - 1] in _ASKED_OPENERS
                and (c - 1 == lo or d.low[c - 2] in _AND_BUT_COMMA)):
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
        while e < hi and d.inq[e] < 0 and d.low[e] not in _RELATIVE_OBJECT_END \
                and d.low[e] not in _DASHES:
            if d.low[e] == "and" and not (e + 1 < hi and d.words[e + 1][:1].isupper()):
                break
            e += 1
        obj = _np_right(d, ce, e, max_len=12)
        if obj and d.low[obj[1] - 1] != "and":
            e = min(e, obj[1]) if obj[1] < e and not d.words[obj[1]][:1].isupper() else e
        a, b = self.trim(ce, e)
        if b <= a or b - a > 12:
            return None
        return self.add(_Att(f.cue, (c, ce), np, (a, b), "participle:relative"))

    def title_colon(self, lo: int, hi: int, title: bool = True):
        """A headline 'Sanders: Endorsements prove ...', or a paragraph 'Sen. X: "..."'."""
        d = self.d
        if ":" not in d.low[lo:min(hi, lo + 9)]:
            return None     # (no colon among the first words: the loop below finds none)
        for x in range(lo, min(hi, lo + 9)):
            if d.low[x] == ":" and d.inq[x] < 0:
                if x == lo or not all(d.words[y][:1].isupper() or not _is_word(d.words[y])
                                      or d.low[y] in _TITLE_COLON_SMALL or d.low[y] in _DET
                                      or (title and d.low[y] in _PREP and y > lo)
                                      for y in range(lo, x)) or not d.words[lo][:1].isupper():
                    return None
                a, b = self.trim(x + 1, hi)
                if b - a < 3 or (not title and not d.is_open[a]):
                    return None
                label = " ".join(d.low[y] for y in range(lo, x))
                if label in _HEADLINE_LABELS or " ".join(label.split()[1:]) in _HEADLINE_LABELS:
                    return None   # 'The Latest: ...', 'Analysis: ...': a column's label, not a speaker
                if not title and d.group_end_tok(a) < b:
                    b = d.group_end_tok(a)
                return self.add(_Att(_COLON_CUE, (x, x + 1), (lo, x), (a, b), "title-colon",
                                     self.is_quote_span(a, b)))
        return None
