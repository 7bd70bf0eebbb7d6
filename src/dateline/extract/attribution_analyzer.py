"""The attribution analyser: runs the frames over each unit, then continuations."""
from __future__ import annotations

import bisect

from dateline.extract.attribution_clauses import _Clauses
from dateline.extract.attribution_lexicon import CueForm
from dateline.extract.attribution_frames_post import _PostFrames
from dateline.extract.attribution_frames_pre import _PreFrames
from dateline.extract.attribution_phrases import _Att
from dateline.extract.attribution_unclaimed import _Unclaimed
from dateline.extract.attribution_words import _is_word


class _Analyzer(_Unclaimed, _PreFrames, _PostFrames, _Clauses):
    def run(self):
        """Each unit: its cues, a title colon, the frames; a unit with no attribution of its
        own that is mostly a quotation continues the direct attribution just before it."""
        d = self.d
        prev_direct: _Att | None = None
        prev_end_para = -1
        first_para_end = d.paras[0][1] if d.paras else 0
        taken, text = self.taken, d.text      # taken holds 0 or 1: find(1) is any(), find(0) < 0 is all()
        for ui, (lo, hi) in enumerate(d.units):
            if taken[lo] and (taken.find(0, lo, hi) < 0
                              or all(taken[x] for x in range(lo, hi) if _is_word(d.words[x]))):
                continue
            n_before = len(self.atts)
            cues = self.unit_cues(lo, hi)
            if ui == 0 and d.ends[hi - 1] <= first_para_end and text.find("\n", d.starts[lo], d.ends[hi - 1]) < 0:
                self.title_colon(lo, hi)
            elif not cues and (lo == 0 or text.find("\n", d.ends[lo - 1], d.starts[lo]) >= 0):
                self.title_colon(lo, hi, title=False)
            self.run_frames(cues, lo, hi)
            new = self.atts[n_before:]
            if not new:
                # a quotation opening in the unit's first words (is_open holds only True or False)
                if (prev_direct is not None and True in d.is_open[lo:min(hi, lo + 12)]
                        and d.para_of(d.starts[lo]) - prev_end_para <= 1 and self.mostly_quote(lo, hi)):
                    prev_direct, prev_end_para = self.continue_direct(prev_direct, prev_end_para, lo, hi)
                    continue
                if taken.find(1, lo, hi) >= 0:
                    continue
                prev_direct = None
                continue
            if len(new) == 1:       # (the one attribution is the max of each list it is in)
                last = new[0]
                prev_direct = last if last.direct or self.ends_with_quote(*last.content) else None
            else:
                quoted = [a for a in new if a.direct or self.ends_with_quote(*a.content)]
                prev_direct = max(quoted, key=lambda a: a.content[1]) if quoted else None
                last = max(new, key=lambda a: a.content[1])
            prev_end_para = d.para_of(d.starts[max(last.content[1], hi) - 1])
        self.atts.sort(key=lambda a: (min(a.content[0], a.cue_span[0])))

    def unit_cues(self, lo: int, hi: int) -> list[tuple[int, int, CueForm]]:
        """The cues of a unit outside what is already taken: (start, end, form)."""
        d = self.d
        cues = []
        i = lo
        heads = d.cue_heads          # only a cue's head word may start one: the others are passed over
        taken = self.taken
        for x in heads[bisect.bisect_left(heads, lo):bisect.bisect_left(heads, hi)]:
            if x < i or taken[x]:
                continue
            r = d.cue_at(x, hi)
            if r:
                cues.append((x, r[1], r[0]))
                i = r[1]
        return cues

    def run_frames(self, cues, lo: int, hi: int) -> None:
        """Pass 1: content-before frames ('according to' first: it is the outer one); pass 2:
        content-after frames, left to right."""
        if not cues:
            return
        taken, d = self.taken, self.d        # (taken: 0 or 1 per token: find(1) is any())
        for c, ce, f in cues:
            if "prep" in f.cue.frames and taken.find(1, c, ce) < 0:
                self.according(c, ce, lo, hi, f)
        # (each frame is called only where its first test can hold: it returns None at once elsewhere)
        for c, ce, f in cues:
            fr = f.cue.frames
            if "prep" in fr or taken.find(1, c, ce) >= 0:
                continue
            (c == lo and "post" in fr and self.fronted_cue(c, ce, lo, hi, f)) \
                or ("passive" in fr and self.quoted_as(c, ce, lo, hi, f)) \
                or ("as" in fr and self.as_put(c, ce, lo, hi, f)) \
                or (f.form == "past" and c > lo and d.low[c - 1] == "as" and self.as_reported(c, ce, lo, hi, f)) \
                or ("post" in fr and f.form != "ing" and self.postposed(c, ce, lo, hi, f))
        for c, ce, f in cues:
            fr = f.cue.frames
            if "prep" in fr or taken.find(1, c, ce) >= 0:
                continue
            if f.form == "ing":
                self.participle(c, ce, lo, hi, f) or self.reduced_relative(c, ce, lo, hi, f) \
                    or self.preposed(c, ce, lo, hi, f)
            else:
                (("raise" in fr or f.cue.lemma == "expect") and self.raising(c, ce, lo, hi, f)) \
                    or (f.cue.lemma == "ask" and self.asked_wh(c, ce, lo, hi, f)) \
                    or self.preposed(c, ce, lo, hi, f)

    def continue_direct(self, prev_direct: _Att, prev_end_para: int, lo: int, hi: int):
        """A quotation unit with no cue continues the direct attribution before it: on the same
        line it is one more fragment of the same content; on a new line (paragraph) an
        attribution of its own, with the same source. Returns the new (previous direct
        attribution, its last paragraph)."""
        d = self.d
        e = max(d.group_end_tok(x) for x in range(lo, hi) if d.is_open[x])
        a, b = prev_direct.content
        if e <= b:
            return prev_direct, prev_end_para
        newline = "\n" in d.text[d.ends[b - 1]:d.starts[lo]]
        between = any(o is not prev_direct and b <= o.content[0] < lo for o in self.atts)
        if not between and not newline:
            prev_direct.content = (a, e)
            self.take(lo, e)
        else:
            n = _Att(prev_direct.cue, prev_direct.cue_span, prev_direct.src,
                     self.trim(lo, e), "continuation", True)
            self.atts.append(n)
            self.take(lo, e)
            prev_direct = n
        return prev_direct, d.para_of(d.starts[e - 1])
