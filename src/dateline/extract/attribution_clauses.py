"""Clause-level helpers of the attribution analyser: adjuncts, objects, where a content ends."""
from __future__ import annotations

import bisect

from dateline import lang
from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_phrases import _Att, _np_right, _subject_ok
from dateline.text import positions
from dateline.extract.attribution_words import (
    _ADJ_OK, _ADJUNCT_DET, _ADJUNCT_END, _ADJUNCT_START, _ADV, _AFTER_ADDRESSEE,
    _AFTER_PRON_ADDRESSEE, _AFTER_QUOTED_ADDRESSEE, _AMBIGUOUS_OBJ_PRON, _AND_BUT, _AUX,
    _AUX_NO_VERB, _CLAUSE, _CLAUSE_BREAKS, _CLAUSE_LEAD, _COMMA_ING_CLAUSE_OPENERS, _COORD,
    _COORD_STRONG, _DASHES, _DET, _END_PUNCT, _INDEFINITE_ARTICLES, _ING_CLAUSE_OPENERS,
    _is_word, _NEW_SUBJECT_DET, _NOT_VERB_ED, _OBJ_PRON, _ON_AT, _PLURAL_BARE, _POSS, _PREP,
    _QMARKS, _RELATIVE_SUBJECTS, _STOP_MID, _SUBJ_PRON, _TIME, _TIME_RE, _TIME_RE_FIRST, _WEEKDAYS,
)

# the words at which _content_stop can end a content (the first test of each of its branches): at
# any other word outside a quotation the walk goes on without reading it further
_CAN_STOP = frozenset({".", "?", "!", ":", ";", ",", "(", "and"}) | _ING_CLAUSE_OPENERS | _DASHES | _COORD_STRONG
# the sentence marks at which only the first test of _content_stop can stop a content (none of them
# is a word that its other branches test)
_ENDS_ONLY = frozenset({".", "?", "!"}) - _ING_CLAUSE_OPENERS - _DASHES - _COORD_STRONG - {":", ";", ",", "(", "and"}


class _Atts(list):
    """The attributions found so far; ``changes`` counts the edits that are not additions at the
    end (a sort), so that an index over them knows when to start again."""
    changes = 0

    def _changed(name):
        def edit(self, *args, **kwargs):
            self.changes += 1
            return getattr(list, name)(self, *args, **kwargs)
        return edit

    sort = _changed("sort")
    reverse = _changed("reverse")
    insert = _changed("insert")
    remove = _changed("remove")
    pop = _changed("pop")
    clear = _changed("clear")
    __setitem__ = _changed("__setitem__")
    __delitem__ = _changed("__delitem__")
    del _changed


class _ByCue:
    """Positions in an ``_Atts`` list sorted by the token their cue starts at: the attributions
    whose cue starts in [lo, hi) without a walk over all of them."""

    def __init__(self, atts: _Atts):
        self.atts = atts
        self.changes, self.n = -1, 0
        self.starts: list[int] = []
        self.pos: list[int] = []

    def between(self, lo: int, hi: int) -> list[int]:
        """Positions (in the list) of the attributions with a cue starting in [lo, hi), last first."""
        atts = self.atts
        if atts.changes != self.changes:
            self.changes, self.n, self.starts, self.pos = atts.changes, 0, [], []
        for k in range(self.n, len(atts)):
            x = bisect.bisect_right(self.starts, atts[k].cue_span[0])
            self.starts.insert(x, atts[k].cue_span[0])
            self.pos.insert(x, k)
        self.n = len(atts)
        return sorted(self.pos[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)],
                      reverse=True)


class _Clauses:
    def __init__(self, d: _Doc):
        self.d = d
        self.atts: list[_Att] = _Atts()
        self._by_cue = _ByCue(self.atts)
        self.taken = bytearray(len(d.low))  # tokens already in an attribution
        self._ends: dict[tuple, dict[int, int]] = {}   # content_end's walks: (hi, rel, nested) -> token -> end
        self._stops: dict[int, tuple[int, list[int]]] = {}    # _walk_stops: hi -> (from, stops)

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
                    lang.is_ly_adverb(w) and d.words[j].islower()):
                k = j + 1
                while k < hi and d.low[k] not in _ADJUNCT_END \
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
        if i >= hi or not d.low[i].startswith(_TIME_RE_FIRST):
            return i        # (the joined words start with the first one: no match can start there)
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
                if ge - i <= 8 and (ge >= hi or d.low[ge] in _AFTER_QUOTED_ADDRESSEE
                                    or d.words[i + 1][:1].isupper()):
                    return ge
            return i
        w = d.low[i]
        if w in _OBJ_PRON:
            nxt = d.low[i + 1] if i + 1 < hi else "."
            if w not in _AMBIGUOUS_OBJ_PRON or nxt in _SUBJ_PRON or d.inq[i + 1 if i + 1 < hi else i] >= 0 \
                    or nxt in _AFTER_PRON_ADDRESSEE:
                return i + 1
            return i
        np = _np_right(d, i, hi, max_len=8)
        if np and np[1] - np[0] <= 8:
            nxt = d.low[np[1]] if np[1] < hi else ""
            if nxt in _AFTER_ADDRESSEE or (np[1] < hi and d.inq[np[1]] >= 0) or np[1] >= hi - 1:
                return np[1]
        return i

    def clause_cue_at(self, j: int, hi: int) -> bool:
        """Does a new clause with its own cue start at token j ("he added", "critics say",
        "and added")?"""
        d = self.d
        if j >= hi or d.inq[j] >= 0:
            return False
        heads = d.cue_heads     # (both cues tested below start at a head word in [j, hi))
        x = bisect.bisect_left(heads, j)
        if x == len(heads) or heads[x] >= hi:
            return False
        c = d.cue_at(j, hi) if d.low[j] in d.head_words else None     # (only a head word starts a cue)
        if c:   # "..., and added that"
            return c[0].form in ("past", "s") and "prep" not in c[0].cue.frames
        np = _np_right(d, j, hi, max_len=12)
        if not np:
            return False
        k = np[1]
        while k < hi and (d.low[k] in _AUX or d.low[k] in _ADV or lang.is_ly_adverb(d.low[k])) \
                and d.inq[k] < 0:
            k += 1
        c = d.cue_at(k, hi) if k < hi and d.low[k] in d.head_words else None
        if not c or c[0].form == "ing" or "prep" in c[0].cue.frames:
            return False
        return _subject_ok(d, np, j, c[0], k > np[1])

    def content_end(self, i: int, hi: int, rel: bool = False, nested: bool = False) -> int:
        """Where a content starting at token i ends: the unit end, or before ', according to',
        ', saying ...', a coordinated clause with its own cue (', but critics say'), ';', or an
        attribution already taken.

        Past its first token, the walk and where it stops do not depend on i: each token passed
        keeps the end it led to (per hi, rel, nested), and a later content reaching it jumps there
        when no token on the way has been taken since (contents in a chain of quotations walk the
        rest of the unit once, not once each)."""
        if i >= hi:
            return hi
        if self.taken[i] and not nested:
            return i
        d = self.d
        inq, low, gtok, taken = d.inq, d.low, d.gtok, self.taken
        if inq[i] >= 0 or low[i] in _CAN_STOP:    # (_stop_at is None at any other token)
            stop = self._stop_at(i, i, hi, rel, nested)
            if stop is not None:
                return stop
        memo = self._ends.setdefault((hi, rel, nested), {})
        stops = None         # _walk_stops(j, hi), made at the first word passed over
        path: list[int] = []
        j = self._step(i)
        # the first taken token at or after j (hi: none); past hi for a nested content, which reads
        # no taken token (never below j, at or below a remembered end, nor below p: the tests of t
        # below all fail, as they would under 'not nested and')
        t = hi + 1 if nested else -1
        end = hi
        while j < hi:
            if t < j:
                t = taken.find(1, j, hi)
                t = hi if t < 0 else t
            r = memo.get(j)
            if r is not None and not j <= t < r:
                end = r
                break
            if t == j:
                return j      # taken since: the end of this walk only, not remembered
            path.append(j)
            q = inq[j]
            if q >= 0 or low[j] in _CAN_STOP:
                stop = self._stop_at(i, j, hi, rel, nested) if q >= 0 else self._content_stop(i, j, hi, rel)
                if stop is not None:
                    path.pop()
                    end = stop
                    break
                if q >= 0:
                    j = gtok[q][1]
                    continue
                # (a word of _CAN_STOP that does not stop the walk: on to the next one at once, as
                # from the word after it, which is not remembered then)
            # the words after j up to the next one that can stop the walk: none of them ends it
            # unless it is taken (a remembered end there is the end the walk from that one
            # reaches, so passing them over only remembers fewer tokens)
            if stops is None:
                stops = self._walk_stops(j, hi)
            k = bisect.bisect_right(stops, j)
            p = stops[k] if k < len(stops) else hi
            if t < p:
                return t
            j = p
        memo.update(dict.fromkeys(path, end))
        return end

    def _walk_stops(self, j: int, hi: int) -> list[int]:
        """The tokens of [j, hi) where content_end's walk may stop (a word of _CAN_STOP outside a
        quotation, or the first token of a quotation) and a few more (the other words of
        _CAN_STOP), ascending (a token may come twice); or those of [j0, hi) for a j0 <= j that an
        earlier walk listed (the walk reads only those past j, by bisection)."""
        kept = self._stops.get(hi)
        if kept is not None and kept[0] <= j:
            return kept[1]
        stops = self._list_stops(j, hi)
        self._stops[hi] = (j, stops)
        return stops

    def _list_stops(self, j: int, hi: int) -> list[int]:
        d = self.d
        stops = positions(d.low, _CAN_STOP, j, hi)
        los = d.group_starts
        quotes = los[bisect.bisect_left(los, j):bisect.bisect_left(los, hi)]
        return sorted(stops + quotes) if quotes else stops

    def _step(self, j: int) -> int:
        """The next token content_end looks at: past a quotation it is at, else the next one."""
        return self.d.group_end_tok(j) if self.d.inq[j] >= 0 else j + 1

    def _stop_at(self, i: int, j: int, hi: int, rel: bool, nested: bool) -> int | None:
        """Does the content started at i end at the token j (a quotation followed by a participle,
        an adjunct or a second verb phrase; else ``_content_stop``)? The end, or None."""
        d = self.d
        if d.inq[j] >= 0:
            g = d.group_end_tok(j)
            if j == i or g >= hi or not d.is_close[g - 1] or nested:
                return None
            # '"...," referencing ...': a participle after a quotation closed by a comma
            if g - 2 > j and d.low[g - 2] == "," and d.inq[g] < 0 and d.words[g].islower() \
                    and d.low[g].endswith("ing"):
                return g
            if self.adjunct_after_quote(g, hi) or self.verb_after_quote(g, hi):
                return g
            return None
        return self._content_stop(i, j, hi, rel)

    def _content_stop(self, i: int, j: int, hi: int, rel: bool) -> int | None:
        """Does the content that started at i end at the token j outside quotes (before ',
        according to', ', saying ...', a coordinated clause with its own cue, ';')? The end, or
        None."""
        d = self.d
        w = d.low[j]
        if w not in _CAN_STOP:
            return None
        if w in (".", "?", "!") and j > i and j + 1 < hi and d.is_open[j + 1]:
            return j + 1   # '... could come. "Every ..."': a quotation of its own
        if w in _ENDS_ONLY:
            return None    # (the tests below are of other words)
        if w == ":" and j > i and j + 1 < hi and d.is_open[j + 1]:
            return j       # '..., X fired back: "..."': a quotation with a cue of its own
        if w in _ING_CLAUSE_OPENERS and j > i and j + 1 < hi:
            c = d.cue_at(j + 1, hi)
            if c and c[0].form == "ing":
                return j
        if w == ";" and self.clause_cue_at(j + 1, hi):
            return j
        if w == "," and j + 2 < hi and d.low[j + 1] in _AND_BUT and j > i:
            k = j + 2
            while k < hi and (d.low[k] in _ADV or lang.is_ly_adverb(d.low[k])) and d.inq[k] < 0:
                k += 1
            if k < hi and d.inq[k] < 0 and d.words[k].islower() and (
                    d.low[k] in _AUX and d.low[k] not in _AUX_NO_VERB or d.low[k].endswith("ed")):
                return j
        if w == "," and j + 2 < hi and d.low[j + 1] == "but" and j > i and d.inq[j + 2] < 0 \
                and (d.words[j + 2][:1].isupper() or d.low[j + 2] in _NEW_SUBJECT_DET):
            # ', but North Korea walked away': a new clause with its own subject
            np = _np_right(d, j + 2, hi, max_len=6)
            if np and np[1] < hi and d.words[np[1]].islower() and (
                    d.low[np[1]].endswith("ed") or d.low[np[1]] in _AUX):
                return j
        if w == "," and j + 2 < hi and d.low[j + 1] in _COMMA_ING_CLAUSE_OPENERS:
            c = d.cue_at(j + 2, hi)
            if c and c[0].form == "ing":
                return j
        if w in (",", ":", "(") or w in _DASHES:
            if j + 1 < hi and d.inq[j + 1] < 0:
                nxt = d.low[j + 1]
                if nxt in _STOP_MID and j + 2 < hi and d.low[j + 2] == "to":
                    return j
                c = d.cue_at(j + 1, hi) if nxt in d.head_words else None     # (only a head word starts a cue)
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
        return None

    def verb_after_quote(self, g: int, hi: int) -> bool:
        """Does a second verb phrase of the main clause follow a closing quotation at g
        ('calling him a "liar" and asserting ...', '... "third-rate," and boycotted ...')?"""
        d = self.d
        x = g + 1 if d.low[g] == "," else g
        if x + 1 >= hi or d.low[x] not in _AND_BUT or d.inq[x + 1] >= 0:
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
        if w == "during" or (w == "in" and nxt in _INDEFINITE_ARTICLES) or (
                w in _ON_AT and (nxt in _ADJUNCT_DET
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

    def add(self, att: _Att):
        a, b = att.content
        if b <= a:
            return None
        self.atts.append(att)
        # its content, cue and source taken (take() written out: one of these per attribution found)
        taken = self.taken
        taken[a:b] = b"\x01" * (b - a)
        x, y = att.cue_span
        if y > x:
            taken[x:y] = b"\x01" * (y - x)
        if att.src:
            x, y = att.src
            if y > x:
                taken[x:y] = b"\x01" * (y - x)
        return att

    def take(self, a: int, b: int) -> None:
        """Mark the tokens [a, b) taken (none when b <= a)."""
        if b > a:
            self.taken[a:b] = b"\x01" * (b - a)

    def last_source(self, lo: int, c: int):
        """The source of the last attribution (in list order) whose cue starts in [lo, c)."""
        for k in self._by_cue.between(lo, c):
            att = self.atts[k]
            if att.src and not att.nested:
                return att.src
        return None

    def clause_subject(self, c: int, lo: int):
        """The subject of the clause a participle at c hangs on: the source of an attribution
        just before it in the unit, a relative pronoun, else the NP opening the clause."""
        d = self.d
        prev = self.last_source(lo, c)
        if prev is not None:
            # unless a new clause ('..., but North Korea walked away, calling ...') starts
            # after that attribution's cue
            pc = max(self.atts[k].cue_span[1] for k in self._by_cue.between(lo, c) if self.atts[k].src == prev)
            if not any(d.low[x] in _CLAUSE_BREAKS and d.inq[x] < 0 for x in range(pc, c)):
                return prev
            lo = max(x for x in range(pc, c) if d.low[x] in _CLAUSE_BREAKS and d.inq[x] < 0)
        # clause start: after 'but', ';' or the unit start; a relative pronoun is the subject
        s = lo
        for x in range(c - 1, lo - 1, -1):
            if d.inq[x] >= 0:
                continue
            if d.low[x] in _RELATIVE_SUBJECTS and x + 1 < c:
                return x, x + 1
            if d.low[x] in _CLAUSE_BREAKS and x + 1 < c:
                s = x + 1
                break
        # skip a fronted adverbial ("On Tuesday, ...", "After the talks collapsed, ...")
        w = d.low[s] if s < c else ""
        if w in _CLAUSE or w in _PREP or w in _ADJUNCT_START or w in _TIME:
            for x in range(s, c):
                if d.low[x] == "," and d.inq[x] < 0:
                    s = x + 1
                    break
        while s < c and d.low[s] in _CLAUSE_LEAD:
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

    def unit_of(self, i: int) -> tuple[int, int]:
        d = self.d
        k = bisect.bisect_right(self._ustarts, i) - 1
        return d.units[max(k, 0)]

    def mostly_quote(self, lo: int, hi: int) -> bool:
        d = self.d
        words = [x for x in range(lo, hi) if _is_word(d.words[x])]
        return bool(words) and sum(d.inq[x] >= 0 for x in words) >= 0.6 * len(words)
