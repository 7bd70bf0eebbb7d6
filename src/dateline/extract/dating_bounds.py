"""The bounds of events with no stated time (``bound_dates``), in turn: reference values, the report's
time (an event a source reports happened by the time of the report, ``date_from`` "report"; a stated
intention or threat is the statement itself), the story's last day (``dating_story.narrative_dates``),
the publication day (whatever is still undated and was reported as having happened took place by then,
``date_from`` "publication": an upper bound, never a stated date); and the background that none of
them bounds (an act a recalling cue or a describing relative clause tells of).
"""
from __future__ import annotations

from ..text import tokenize_lower
from .dating import (_cue_times, _sentence_of, _words, after_phrase, ongoing, present_perfect, resolve_references,
                     unbounded, verbal)
from .dating_clause import described, perfect_clause
from .dating_parse import in_relative_clause
from .dating_story import (cataphora_dates, headline_dates, narrative_dates, prior_clause_background,
                           prior_opening_background)
from .event_lexicon import grammar_words


def report_dates(cands, attributions, timexes, text: str = "", parses=None) -> None:
    """Date reported events by their report's time where they have none (or are intentions); not an
    act of a relative clause inside what was said, which describes a person or place (``described``),
    nor an act or intention the parse (``parses``: sentence index -> Span) puts in a relative clause on a
    noun ("said Sunday that the talks answered signals that it wants to reopen them": the signals' time,
    ``dating_parse.in_relative_clause``)."""
    spans = _cue_times(attributions, timexes)
    if not spans:
        return
    for c in cands:
        if c.hypothetical or c.negated or not _bounded_by_report(c):
            continue
        if c.date is not None and not (c.modality and c.date_from == "timex"):
            continue
        found = next(((s, t) for s, e, t in spans if s <= c.start < e), None)
        if found is not None and text and (not c.modality and described(text, found[0], c.start)
                                           or in_relative_clause((parses or {}).get(c.sent), c.start, c.end)):
            c.background = True
            if c.modality:    # (an intention is its statement's: that of the noun, of no day given)
                c.date, c.date_timex, c.date_from = None, None, None
        elif found is not None:
            t = found[1]
            c.date, c.date_timex, c.date_from = t.value[:10], t.id, "report"


def _bounded_by_report(c) -> bool:
    """A report bounds an act told by a verb or a speech act ("said Y attacked Z"), not a noun: "citing
    the release of prisoners" names a happening, not when it happened."""
    return c.pattern.pos == "verb"


def publication_dates(cands, published: str | None, sentences=(), text: str = "") -> None:
    """An event reported as having happened, with no time of its own, happened by publication."""
    if not published:
        return
    for c in cands:
        # a noun names a happening, not when it happened ("Kennedy's assassination", "the 1990
        # invasion"): only an act reported by a verb is bounded by the day it was reported
        # nor is background ("had moved", "before being assassinated"), which precedes the news,
        # nor a standing position or a span up to now ("has repeatedly pledged", "since 1985 ... have")
        if c.date is not None or c.hypothetical or c.negated:
            continue        # (both cases below date only an undated act told as happened)
        sentence = _sentence_of(c, sentences)
        after = after_phrase(text, c, sentence)     # "said after meeting with Y": done, before the report
        bounded = after or (verbal(text, c, sentence) and not c.background)
        if bounded and text and unbounded(text, c, sentence):
            c.standing, bounded = True, False
        if bounded and text and not after and told_up_to_now(text, c, sentence):
            bounded = False
        if bounded:
            c.date, c.date_from = published[:10], "publication"
        elif c.pattern.pos == "noun" and text and ongoing(text, c, sentence):
            c.date, c.date_from = published[:10], "publication"


# the sentences of a story's opening (headline lines and lede): a present perfect there tells the news
OPENING_SENTENCES = 3


def told_up_to_now(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the act told in the present perfect (its clause: ``dating_clause.perfect_clause``) past the story's
    opening ("X has complimented Y, but with an edge"): up to now, not the news the opening tells?"""
    if sentence is None or c.sent is None or c.sent < OPENING_SENTENCES:
        return False
    return present_perfect(text, perfect_clause(text, c, sentence), c.start)


def bound_dates(cands, attributions, timexes, sentences, published: str | None, text: str, parses=None) -> None:
    """The bounds of events with no stated time, in turn: reference values, the report's time, the
    story's last day, the publication day."""
    resolve_references(cands, published)
    cataphora_dates(cands, text, sentences)
    report_dates(cands, attributions, timexes, text, parses)
    recalled_background(cands, attributions, text)
    for background in (described_background, prior_clause_background, prior_opening_background):
        background(cands, text, sentences)
    reported = [(a.content.start, a.content.end) for a in attributions if a.content.start is not None]
    if any(c.date is None and not c.hypothetical and not c.negated for c in cands):   # (what it dates)
        narrative_dates(cands, timexes, sentences, published, text, reported, attributions, parses)
    headline_dates(cands)
    publication_dates(cands, published, sentences, text)


def recalled_background(cands, attributions, text: str) -> None:
    """An undated act in what a recalling cue introduces ("noted that his lawyer offered", "recalled
    that the army attacked") is background the story reminds of, not its news (dating words.json
    recalling_cues): no story day or publication day bounds it."""
    spans = []
    for a in attributions:
        if a.content.start is None or a.cue.start is None or not text:
            continue
        cue = text[a.cue.start:a.cue.end].split()
        if cue and cue[0].lower() in _words("recalling_cues"):
            spans.append((a.content.start, a.content.end))
    for c in cands:
        if c.date is None and any(s <= c.start < e for s, e in spans):
            c.background = True


def described_background(cands, text: str, sentences) -> None:
    """An undated act told in the simple past in a relative clause after a comma ("that agreement,
    under which Iraq agreed to ...", "the bomber, who pleaded guilty to ...") describes what the
    clause is attached to: background, not the story's news, so no story day or publication day
    bounds it. (A present perfect there may be the news: "X, who has been arrested and charged";
    ``standing`` judges it.)"""
    if not text:
        return
    relatives, aux = grammar_words("dating_relative_openers"), grammar_words("dating_perfect_auxiliaries")
    for c in cands:
        sentence = _sentence_of(c, sentences)
        if c.date is not None or sentence is None or c.pattern.pos != "verb":
            continue
        comma = text.rfind(",", sentence[0], c.start)
        if comma < 0:
            continue
        words = tokenize_lower(text, comma + 1, c.start)[1]
        k = 1 if len(words) > 1 and words[0] in grammar_words("prepositions") else 0
        if len(words) > k and words[k] in relatives and not any(w in aux for w in words):
            c.background = True
