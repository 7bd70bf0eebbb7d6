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

from dateline.extract.attribution_analyzer import _Analyzer
from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_phrases import _Att
from dateline.extract.attribution_sources import _Resolver
from dateline.extract.attribution_words import _QMARKS
from dateline.record import ActorRef, Attribution, Mention, Quote, SourceRef, Span
from dateline.text import paragraphs

__all__ = ["extract_attributions"]


def _clean(ref: SourceRef) -> SourceRef:
    return SourceRef(ref.entity, ref.name, ref.code, ref.start, ref.end)     # (the fields in their order)


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
    _resolve_sources(text, d, an.atts, mentions or [])
    atts, by_att = _attributions(text, d, an.atts, nested)
    return _quotes(text, d, an.atts, by_att), atts


def _resolve_sources(text: str, d: _Doc, found: list[_Att], mentions: list[Mention]) -> None:
    """Resolve every source, in text order of the source (pronouns look back)."""
    res = _Resolver(text, d, mentions)
    done: dict[tuple[int, int], SourceRef] = {}   # the same source words name the same source
    for att in sorted(found, key=lambda a: d.starts[a.src[0]] if a.src else d.starts[a.cue_span[0]]):
        prev = done.get(tuple(att.src)) if att.src else None
        if prev is not None:
            att.src_ref = res.same_as(SourceRef(start=prev.start, end=prev.end), prev)
        elif att.src:
            att.src_ref = done[tuple(att.src)] = res.resolve(*att.src)
            a, b = att.content
            res.note(att.src_ref.start or 0, att.src_ref, (d.starts[a], d.ends[b - 1]) if b > a else None)
        else:
            att.src_ref = SourceRef()


def _attributions(text: str, d: _Doc, found: list[_Att], nested: bool):
    """The reported attributions (nested ones only when asked) and their ids by id(_Att)."""
    atts: list[Attribution] = []
    by_att: dict[int, str] = {}
    n = 0
    for att in found:
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
    return atts, by_att


def _quotes(text: str, d: _Doc, found: list[_Att], by_att: dict[int, str]) -> list[Quote]:
    """Each quoted segment inside an attribution's content (innermost attribution wins)."""
    quotes: list[Quote] = []
    segments = [seg for g in d.groups for seg in g.segments]
    qn = 0
    for (sa, sb), owner in zip(segments, _owners(d, found, segments)):
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
    return quotes


def _owners(d: _Doc, found: list[_Att], segments: list[tuple[int, int]]) -> list:
    """For each quoted segment, ``(start, end, _Att)`` of the attribution whose content holds it
    (start <= the segment's start, end + 1 >= its end), or None: the last nested one in the list's
    order, else the shortest (the first of the list among equals), as a fold over the list picks.
    One sweep over segments and contents by start, with a prefix tree over content ends (largest
    first) giving the latest nested one and the shortest other one among those ending late enough."""
    if not segments:
        return []
    spans = [(d.starts[att.content[0]], d.ends[att.content[1] - 1], att) for att in found]
    ends = sorted({b for _, b, _ in spans})
    nested, plain = _PrefixTree(len(ends), max, -1), _PrefixTree(len(ends), min, (float("inf"), -1))
    out: list = [None] * len(segments)
    order = sorted(range(len(spans)), key=lambda n: spans[n][0])
    j = 0
    for i in sorted(range(len(segments)), key=segments.__getitem__):
        sa, sb = segments[i]
        while j < len(order) and spans[order[j]][0] <= sa:
            n = order[j]
            a, b, att = spans[n]
            rank = len(ends) - 1 - bisect.bisect_left(ends, b)
            if att.nested:
                nested.add(rank, n)
            else:
                plain.add(rank, (b - a, n))
            j += 1
        k = len(ends) - bisect.bisect_left(ends, sb - 1)        # the ends >= sb - 1
        n = nested.query(k)
        if n < 0:
            n = plain.query(k)[1]
        out[i] = spans[n] if n >= 0 else None
    return out


class _PrefixTree:
    """A Fenwick tree of running ``op`` (max or min) over positions 0..size-1, values only added."""

    def __init__(self, size: int, op, empty) -> None:
        self.t, self.op, self.empty = [empty] * (size + 1), op, empty

    def add(self, pos: int, value) -> None:
        pos += 1
        while pos < len(self.t):
            self.t[pos] = self.op(self.t[pos], value)
            pos += pos & -pos

    def query(self, count: int):
        """``op`` over positions 0..count-1."""
        out = self.empty
        while count > 0:
            out = self.op(out, self.t[count])
            count -= count & -count
        return out
