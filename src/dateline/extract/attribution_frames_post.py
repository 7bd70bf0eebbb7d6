"""Frames whose content comes before the cue: 'according to X', 'as reported by X', post-posed cues."""
from __future__ import annotations

from itertools import compress

from dateline.extract.attribution_lexicon import CueForm
from dateline.extract.attribution_phrases import (
    _Att, _head_len, _np_left, _np_right, _skip_left_aux, _subject_ok,
)
from dateline.extract.attribution_words import (
    _ADJUNCT_START, _ADV, _AND_BUT_COMMA, _APPOSITIVE_OPENERS, _COORD, _DASHES, _END_PUNCT,
    _is_word, _LEAD_CONNECTIVES, _PASSIVE_AS, _PASSIVE_CHANNEL_PREPS, _PREP, _QMARKS,
    _RELATIVE_OPENERS_ALL, _RELATIVE_PRON, _RELATIVE_SUBJECTS, _SUBJ_PRON, _SUBORD,
)


_CLAUSE_OPENING_MARKS = frozenset(_DASHES) | {";", ":"}


class _PostFrames:
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
        if not lead or all(d.low[x] in _LEAD_CONNECTIVES or
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
        if c - 1 == lo or all(self.taken[x] or d.low[x] in _AND_BUT_COMMA for x in range(lo, c - 1)):
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

    def quoted_as(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'X was quoted (by Y) as saying (by Y) ...' / '"...," X was quoted as saying': the subject
        of the passive is the speaker of the participle; Y, the channel, is not a source. The
        content follows the participle, or comes before the subject."""
        d = self.d
        if "passive" not in f.cue.frames or f.form != "past":
            return None
        k, be = _skip_left_aux(d, c, lo)
        j = self._skip_channel(ce, hi)
        if not be or j + 1 >= hi or d.low[j] not in _PASSIVE_AS:
            return None
        r = d.cue_at(j + 1, hi)
        if r is None or r[0].form != "ing" or not r[0].cue.speaks:
            return None
        f2, je = r
        j = self._skip_channel(je, hi)
        np = _np_left(d, k, lo)
        if not np or any(self.taken[x] for x in range(*np)) or _head_len(d, np) > 14 \
                or not _subject_ok(d, np, lo, f2, True):
            return None
        b = self._content_end_before(np[0] - 1, lo) if self.boundary_before(np[0], lo) else lo
        if any(not self.taken[x] and _is_word(d.words[x]) for x in range(lo, b)):
            ok, cont = self._post_continuation(j, lo, hi, lo, b, False)
            content = self._post_content(lo, b, cont) if ok else None
            if content is not None:
                return self.add(_Att(f2.cue, (c, je), np, content[:2], "post:quoted-as", content[2]))
        return self._content_after(c, j, lo, hi, f2, np, "pre:quoted-as")

    def as_put(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'As X put it (in a statement), "..."' / '..., "...," as X put it.': a cue that reports speech
        only after 'as' and its subject; the content follows the cue's clause, or comes before 'as'."""
        d = self.d
        if "as" not in f.cue.frames:
            return None
        k, _ = _skip_left_aux(d, c, lo)
        np = _np_left(d, k, lo)
        if not np or np[0] - 1 < lo or d.low[np[0] - 1] not in _PASSIVE_AS or any(self.taken[x] for x in range(*np)):
            return None
        a0 = np[0] - 1
        j = ce
        while j < hi and j < ce + 10 and d.inq[j] < 0 and d.low[j] not in _END_PUNCT and d.low[j] not in _DASHES:
            j += 1
        after = j + 1 < hi and (d.low[j] in (",", ":") or d.low[j] in _DASHES)
        if a0 > lo and self.boundary_before(a0, lo) and not (after and d.is_open[j + 1]):
            content = self._post_content(lo, self._content_end_before(a0 - 1, lo), None)
        elif after:
            content = self.trim(j + 1, self.content_end(j + 1, hi))
            content = (*content, self.is_quote_span(*content)) if content[1] > content[0] else None
        else:
            content = None
        if content is None:
            return None
        return self.add(_Att(f.cue, (c, ce), np, content[:2], "as-put", content[2]))

    def _skip_channel(self, j: int, hi: int) -> int:
        """After a passive speech cue, skip its channel ('by the news agency', 'in the paper')."""
        d = self.d
        if j >= hi or d.low[j] not in _PASSIVE_CHANNEL_PREPS or d.inq[j] >= 0:
            return j
        e = j + 1
        while e < hi and e < j + 12 and d.inq[e] < 0 and d.low[e] not in _PASSIVE_AS \
                and d.low[e] not in _END_PUNCT and d.low[e] not in _DASHES:
            e += 1
        return e if e > j + 1 else j

    def postposed(self, c: int, ce: int, lo: int, hi: int, f: CueForm):
        """'"...," X said' / '..., said X' / '"A," X said, "B."'"""
        d = self.d
        if "post" not in f.cue.frames or f.form == "ing":
            return None
        k, be = _skip_left_aux(d, c, lo)
        if be:
            return None
        found = self._post_source(c, ce, k, lo, hi, f)
        if found is None:
            return None
        src, after, b, inverted = found
        b0 = lo
        while b0 < b and self.taken[b0]:
            b0 += 1
        j = self._post_after_cue(after, hi, f, inverted)
        ok, cont = self._post_continuation(j, lo, hi, b0, b, inverted)
        if not ok:
            return None
        content = self._post_content(lo, b, cont)
        if content is None:
            return None
        ca, cb, direct = content
        att = _Att(f.cue, (c, ce), src, (ca, cb), "post:inverted" if inverted else "post", direct)
        return self.add(att)

    def _post_source(self, c: int, ce: int, k: int, lo: int, hi: int, f: CueForm):
        """The source of a post-posed cue, before it ('"...," X said') or inverted after it
        ('..., said X'): (source, token after the source and cue, content end, inverted) or None."""
        d = self.d
        np = _np_left(d, k, lo)
        if np and self.boundary_before(np[0], lo) and _head_len(d, np) <= 14 \
                and d.low[np[0]] not in _RELATIVE_PRON \
                and _subject_ok(d, np, lo, f, k < c):
            return np, ce, self._content_end_before(np[0] - 1, lo), False
        if np and k == c and d.low[c - 1] == "," and _head_len(d, np) <= 14 \
                and d.low[np[0]] not in _RELATIVE_PRON and _subject_ok(d, np, lo, f, False):
            return None   # "The senator, citing an audit, said ...": pre-posed
        if self.boundary_before(k, lo) and k == c:
            found = self._inverted_source(ce, hi)
            if found is None:
                return None
            src, after = found
            return src, after, self._content_end_before(c - 1, lo), True
        return None

    def _content_end_before(self, b: int, lo: int) -> int:
        """The end of a content whose boundary token is b (a closing quote mark stays in it)."""
        d = self.d
        if d.low[b] in ("'", "’") and b - 1 >= lo:
            b -= 1
        if d.inq[b] >= 0 and d.low[b] in _QMARKS:
            b += 1
        return b

    def _inverted_source(self, ce: int, hi: int):
        """'said X' (inversion): the source after the cue with its appositive, as ((start, end),
        token after it), or None."""
        d = self.d
        np = _np_right(d, ce, hi)
        if not np or (np[1] - np[0] == 1 and d.low[np[0]] in _SUBJ_PRON):
            return None
        e = np[1]
        if e < hi and d.inq[e] < 0 and not (
                d.low[e] in (",", ";", ")") or d.low[e] in _END_PUNCT or d.low[e] in _DASHES
                or d.low[e] in _APPOSITIVE_OPENERS
                or d.low[e] in _ADJUNCT_START or d.low[e] in _PREP or d.low[e] in _SUBORD
                or (d.words[e].islower() and d.low[e].endswith(("ed", "ing")))):
            return None
        if e < hi and d.inq[e] < 0 and (d.low[e] in _RELATIVE_OPENERS_ALL or (
                d.words[e].islower() and (d.low[e].endswith(("ed", "ing")) or d.low[e] == "known"))):
            while e < hi and d.inq[e] < 0 and d.low[e] not in (",", ";") \
                    and not (d.low[e] in _END_PUNCT and e == hi - 1) \
                    and not (d.low[e] == "and" and d.cue_at(e + 1, hi)):
                e += 1
        # the appositive runs to the unit end, or to a comma before a quote or a cue
        if e < hi and d.low[e] == "," and not (
                e + 1 < hi and d.low[e + 1] in _RELATIVE_SUBJECTS and self.clause_cue_at(e + 1, hi)):
            # (not before ', who said ...': a relative clause with a cue of its own)
            e = self._appositive_end(e + 1, hi)
        return self.trim(np[0], e), e

    def _appositive_end(self, e2: int, hi: int) -> int:
        """Where the appositive of an inverted source that starts at e2 ends."""
        d = self.d
        while e2 < hi and d.low[e2] != ";" and not (
                d.low[e2] == "," and e2 + 1 < hi and (
                    d.inq[e2 + 1] >= 0 or d.cue_at(e2 + 1, hi) is not None
                    or d.low[e2 + 1] in _RELATIVE_SUBJECTS and self.clause_cue_at(e2 + 1, hi))):
            if d.inq[e2] >= 0:
                ge = d.group_end_tok(e2)
                if d.is_open[e2] and ge - e2 <= 8 and e2 + 1 < hi \
                        and d.words[e2 + 1][:1].isupper():
                    e2 = ge
                    continue
                break
            e2 += 1
        return e2

    def _post_after_cue(self, j: int, hi: int, f: CueForm, inverted: bool) -> int:
        """Skip what follows a post-posed cue and its source: an addressee, adjuncts, a
        subordinate or participial phrase ("said at Mission College as she sat ...", "he said
        introducing Clinton", "Christie said when asked whether ...")."""
        d = self.d
        if "objthat" in f.cue.frames and not inverted:
            j = self.skip_object(j, hi)
        if j < hi and d.low[j] == "to" and "to" in f.cue.frames:
            return j   # 'X pledged to ...': the cue's own infinitive, so the cue is pre-posed
        j = self.skip_adjuncts(j, hi)
        if j < hi and d.inq[j] < 0 and (d.low[j] in _ADJUNCT_START or d.low[j] in _PREP or (
                d.low[j].endswith("ing") and d.words[j].islower()) or d.low[j] in _SUBORD):
            j0 = j
            while j < hi and d.low[j] not in (",", ":", ";") and d.low[j] not in _DASHES \
                    and not (d.low[j] == "that" and j - j0 < 6) and not d.is_open[j]:
                j = d.group_end_tok(j) if d.inq[j] >= 0 else j + 1
        return j

    def _post_continuation(self, j: int, lo: int, hi: int, b0: int, b: int, inverted: bool):
        """After a post-posed cue at j: (False, None) when the cue is really pre-posed, else
        (True, the continuation of the content after the cue or None)."""
        d = self.d
        if not inverted and j < hi and d.low[j] == ":" and j + 1 < hi and d.is_open[j + 1] \
                and not self.ends_with_quote(b0, b):
            return False, None   # 'After the vote, Trump said: "..."': pre-posed
        if j >= hi or all(d.low[x] in _END_PUNCT or d.low[x] in _QMARKS or d.low[x] == ")"
                          for x in range(j, hi)):
            return True, None
        if d.low[j] in (",", ":") or d.low[j] in _DASHES:
            nxt = j + 1
            cf = d.cue_at(nxt, hi) if nxt < hi else None
            if nxt >= hi:
                return True, None
            if cf and (cf[0].form == "ing" or "prep" in cf[0].cue.frames):
                return True, None   # ", adding ..." / ", according to": attributions of their own
            if d.low[nxt] in _COORD and self.clause_cue_at(nxt + 1, hi):
                return True, None
            if d.low[nxt] in _RELATIVE_SUBJECTS and self.clause_cue_at(nxt, hi):
                return True, None   # '..., said X, who added that ...': a cue of its own
            if d.inq[nxt] >= 0 or (d.low[j] == "," and d.low[nxt] not in _COORD
                                   and not self.is_quote_span(*self.trim(b0, b))):
                return True, (nxt, self.content_end(nxt, hi))
            return True, None
        if inverted and d.low[j] in _COORD:
            return True, None
        if b - 2 >= lo and d.is_close[b - 1] and d.low[b - 2] in (",", "?", "!") \
                and self.is_quote_span(*self.trim(b0, b)):
            return True, None   # '"...," X told a voter passing by': the quotation is the content
        return False, None   # "After the vote, he said the plan failed": pre-posed

    def _post_content(self, lo: int, b: int, cont):
        """The content of a post-posed cue: the untaken words before b (after a dash, ';' or
        ':' that opens a clause), joined with the continuation; (start, end, direct) or None."""
        d = self.d
        a = lo
        while a < b and self.taken[a]:
            a += 1
        if b > a:
            a = self.taken.rfind(1, a, b) + 1 or a     # after the last taken token (taken holds 0 or 1)
        # the last dash, ';' or ':' after a and outside quotes (only those tokens are read, right to left)
        for x in compress(range(b - 1, a, -1), map(_CLAUSE_OPENING_MARKS.__contains__, d.low[b - 1:a:-1])):
            if d.inq[x] < 0:
                if sum(_is_word(d.words[y]) for y in range(x + 1, b)) >= 2:
                    a = x + 1
                break
        if b <= a:
            return None
        ca, cb = self.trim(a, b)
        if cb <= ca or not any(map(_is_word, d.words[ca:cb])):
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
        return ca, cb, direct
