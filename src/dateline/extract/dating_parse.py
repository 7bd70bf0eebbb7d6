"""The parse-based dating model: which predicate a time expression modifies, read from the sentence's
dependency parse, so an event takes a time only when the time attaches to its own trigger.

A time expression's tokens lead, by their syntactic heads, to the first predicate above them (a verb, a
clause head, a word with a subject or copula, or the trigger of an event): that is the time's predicate.
A verb event owns the times of its trigger and of the marker of an intention folded into it ("pledged on
Monday to withdraw"). A time whose predicate heads a clause below the trigger ("X, founded in 1980, was
investigated in 1989", "criticized him for remarks made last week"), or a time of the clause around a
relative clause in the present or present perfect that the trigger heads ("met on Friday with women who
have accused him"), is another happening's: the word rules (extract.event_time) never see it. A time the
parse hangs right on the trigger dates it where the word rules found none (``attached_time``). Where the
parse cannot say (no parse, a fragment, a time whose chain stops at a plain noun, a predicate that shares
the trigger's time: a coordinated verb without a subject of its own, an open complement, a participial
adjunct, a clause of simultaneity; a clause above or beside the trigger's; an event noun, a planned or
stated act), the word rules decide alone. Labels and words: resources/dating/parse_links.json.
"""
from __future__ import annotations

import bisect
import functools
import json

from .. import lang
from ..resources import path
from .dating import after_publication, noun_time
from .event_lexicon import grammar_words

_TIME_REPORT_VERBS = lang.speech_verbs_for("time_report")   # a time right after one is the report's

# how many heads a time's chain climbs before the parse is taken to say nothing
_CLIMB = 8


@functools.lru_cache(maxsize=None)
def _links(key: str) -> frozenset[str]:
    """One list of resources/dating/parse_links.json (read once per list)."""
    return frozenset(json.loads(path("dating", "parse_links.json").read_text(encoding="utf-8"))[key]["words"])


def _has_subject(tok) -> bool:
    return any(ch.dep_ in _links("subject_relations") for ch in tok.children)


def is_predicate(tok, triggers: frozenset[int] = frozenset()) -> bool:
    """Is the parse token a predicate a time may modify: a verb, a clause head, a word with a subject or
    copula, or the trigger of an event (``triggers``: token indices)?"""
    return tok.i in triggers or tok.tag_ in _links("predicate_tags") or tok.dep_ in _links("clause_relations") \
        or _has_subject(tok)


def usable(parse) -> bool:
    """Is the parsed sentence a clause (its root a predicate), not a fragment or a heading?"""
    roots = [t for t in parse if t.dep_ == "ROOT" or t.head.i == t.i]
    return len(roots) == 1 and (roots[0].tag_ in _links("predicate_tags") or _has_subject(roots[0]))


def token_at(parse, start: int, end: int | None = None, table=None):
    """The head token of the parse tokens within characters start..end (the token holding ``start``
    where ``end`` is None); None when the span lies outside the parse. ``table``: the parse's
    ``token_table``, read by bisection instead of a walk over every token."""
    end = start + 1 if end is None else end
    if table is None:
        toks = [t for t in parse if t.idx < end and t.idx + len(t.text) > start]
    else:       # (tokens do not overlap: their starts and ends both rise)
        all_toks, starts, ends = table
        lo = bisect.bisect_right(ends, start)
        toks = all_toks[lo:bisect.bisect_left(starts, end, lo)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else toks[0]


def token_table(parse) -> tuple[list, list[int], list[int]]:
    """The parse's tokens, their first characters and their ends (for ``token_at``)."""
    toks = list(parse)
    starts = [t.idx for t in toks]
    return toks, starts, [a + len(t.text) for a, t in zip(starts, toks)]


def time_predicate(parse, start: int, end: int, triggers: frozenset[int]):
    """The predicate the time expression at characters start..end modifies, by its head chain; None
    where the parse does not say (outside the parse, the time is the root, the chain stops at a
    noun that is no event trigger)."""
    return _predicate_above(token_at(parse, start, end), triggers)


def _predicate_above(tok, triggers: frozenset[int]):
    """``time_predicate`` from the time's head token ``tok``."""
    if tok is None:
        return None
    for _ in range(_CLIMB):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if is_predicate(tok, triggers):
            return tok
        if tok.tag_ in _links("noun_tags"):
            return None       # "the 1994 genocide": a noun's own time, the word rules judge it
    return None


def _shares_time(tok, pred) -> bool:
    """Does ``tok`` hang from ``pred`` through predicates that share its time, each by a relation that
    shares it (a coordinated verb, an open complement, a participial adjunct) without a subject of its
    own, or by an adverbial clause of simultaneity ("as thousands marched")?"""
    for _ in range(_CLIMB):
        if tok.i == pred.i:
            return True
        if tok.head.i == tok.i or not (tok.dep_ in _links("shared_relations") and not _has_subject(tok) or (
                tok.dep_ in _links("adverbial_relations") and any(
                    ch.dep_ in _links("opener_relations") and ch.lower_ in _links("simultaneous_marks") for ch in tok.children))):
            return False
        tok = tok.head
    return False


def verdict(trigger, pred, marker, triggers: frozenset[int], timex=None) -> str | None:
    """Whose is a time (head token ``timex``) that modifies ``pred`` for the event at parse token
    ``trigger``: "own" (its trigger's, its intention marker's), "other" (another happening's clause),
    None (the parse does not decide)."""
    if pred is None or trigger is None:
        return None
    if pred.i == trigger.i or (marker is not None and (pred.i == marker.i or _shares_time(marker, pred))):
        return "own"
    if not is_predicate(pred) or _under(trigger, timex):
        return None           # (not a verb or a clause of its own) a noun's time ("In a September debate, ..."), a clause the time opens ("in 1968, when")
    if _under(pred, trigger):
        # a clause below the trigger's: "X, founded in 1980, was investigated in 1989", "for comments made
        # this week" (not one sharing its time: "shot and wounded X in 1998", "attacked on Friday, killing five")
        return None if _shares_time(pred, trigger) or _preposed(timex, pred) else "other"
    if _under(trigger, pred) and _present_relative(trigger):
        return "other"        # "released a video on Monday with women who have accused him": a standing description
    return None               # a clause above or beside the trigger's ("in a debate, while X called for ..."): the rules judge


def _preposed(timex, pred) -> bool:
    """Does the time (head token ``timex``) stand before every other word of the clause of ``pred`` it hangs
    from, set off by a comma ("In 2013, hackers backing X attacked Y": the parse hangs the time on the
    subject's clause)? A clause's own adjunct does not lead it off before its subject or noun: the time is
    the clause around it's, and the word rules judge."""
    if timex is None:
        return False
    rest = [t.i for t in pred.subtree if not _under(t, timex)]
    return bool(rest) and timex.i < min(rest) and timex.doc[min(rest) - 1].text == ","


def _present_relative(tok) -> bool:
    """Does the trigger head a relative clause in the present or present perfect ("who have accused him",
    "that has refused", "what some are criticizing"): a description that stands now, not an act at the
    time of the clause around it?"""
    return tok.dep_ in _links("relative_relations") and (tok.tag_ in _links("present_tags") or any(
        ch.dep_ in _links("auxiliary_relations") and ch.tag_ in _links("present_tags") for ch in tok.children))


def _under(tok, anc) -> bool:
    """Does ``tok`` lie in the subtree of ``anc`` (a clause a time opens: "in 1968, when ...")?"""
    if anc is None:
        return False
    for _ in range(len(tok.doc)):
        if tok.i == anc.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def parse_times(cands, parse, times, marker_start=None) -> dict[int, tuple[set, set]]:
    """For each verb event of one sentence (``cands``, all with trigger tokens; by id), the ids of the
    time expressions (``times``: Timex objects of the sentence) that the parse attaches to another
    happening's predicate, and those it attaches right to the event's trigger (its own); {} where the
    parse is unusable. ``marker_start(c)``: the character offset of the event's intention marker, or None."""
    if parse is None or not len(parse) or not any(
            c.pattern.pos == "verb" and not c.hypothetical and not c.modality for c in cands):
        return {}         # (no event the loop below judges: nothing to read)
    table = token_table(parse)
    if not usable(table[0]):
        return {}
    heads = {id(c): token_at(parse, c.start, c.end, table) for c in cands}
    triggers = frozenset(t.i for t in heads.values() if t is not None)
    at = [(t.id, token_at(parse, t.start, t.end, table)) for t in times]
    preds = {tid: (_predicate_above(h, triggers), h) for tid, h in at}
    out: dict[int, tuple[set, set]] = {}
    for c in cands:
        trigger = heads[id(c)]
        if c.pattern.pos != "verb" or c.hypothetical or c.modality or trigger is None:
            continue          # an event noun's time, a planned or stated act's: the word rules judge them
        m = marker_start(c) if marker_start else None
        marker = token_at(parse, m, None, table) if m is not None else None
        out[id(c)] = ({tid for tid, (p, h) in preds.items() if verdict(trigger, p, marker, triggers, h) == "other"},
                      {tid for tid, (p, h) in preds.items() if p is not None and p.i == trigger.i
                       and h.head.i == trigger.i and h.dep_ in _links("time_relations")})
    return out


def attached_time(sent, ids, published, end_tok: int = -1):
    """The time of ``sent`` (event_time._SentenceTimes) that the parse attaches right to an event's
    trigger (``ids``, from ``parse_times``), for an event the word rules found no time for: not the end
    of a span ("since May", "until Friday"), not a report's time, not a noun's time ("the 1996
    bombing"), not one after publication (a done act lies before it). ``end_tok``: the word after the
    trigger, where a time right after a verb of saying is that verb's own ("apologized the next day")."""
    low = sent.low
    for t, k, _, value in sent.timexes:
        prevw, prev2 = (low[k - 1] if k else ""), (low[k - 2] if k > 1 else "")
        if t.id not in ids or prevw in grammar_words("span_prepositions") or prev2 in _links("span_openers_before_modifier") \
                or (prevw in _TIME_REPORT_VERBS and k != end_tok) or noun_time(sent.text, t, prevw) or after_publication(value, published):
            continue
        return t, value
    return None


def told_in_present(parse, start: int, end: int) -> bool:
    """Is the verb at characters start..end told in the present or future: a present form itself ("as
    she praises his record"), a verb group led by a present auxiliary ("are imposed", "have found") or
    a modal of the future ("will be holding a rally"), or a present participle describing a noun
    ("progressives backing his bid")? It tells of what holds now, habitually or later, not of an act
    on the day the story last named. False where the parse does not give a verb there."""
    if parse is None:
        return False
    tok = token_at(parse, start, end)
    if tok is None or tok.tag_ not in _links("predicate_tags"):
        return False
    if tok.tag_ in _links("present_tags"):
        # ("watched the envoys sign the papers": a bare infinitive the tagger took for a present)
        return not (tok.tag_ in _links("mistaken_base_tags") and tok.dep_ in _links("base_form_slots")
                    and tok.head.tag_ in _links("past_tags"))
    auxes = [ch for ch in tok.children if ch.dep_ in _links("auxiliary_relations") and ch.i < tok.i]
    if auxes:
        lead = auxes[0]       # the finite auxiliary leads its group
        return lead.tag_ in _links("present_tags") or lead.lower_ in _links("future_modals")
    return tok.tag_ in _links("present_participle_tags") and tok.dep_ in _links("describing_relations")


def occasion_event(parse, c, others):
    """The event among ``others`` whose noun trigger the parse gives as the happening the verb event ``c``
    is placed in ("twelve people were killed in the embassy bombing", "died during the clashes": a
    placing relation with a preposition that puts it in a happening, placing_prepositions): the act's
    time is that happening's. None where there is no parse or no such noun."""
    if parse is None or c.pattern.pos != "verb":
        return None
    tok = token_at(parse, c.start, c.end)
    if tok is None:
        return None
    for o in others:
        ot = token_at(parse, o.start, o.end) if o is not c and o.pattern.pos == "noun" else None
        if ot is not None and ot.head.i == tok.i and ot.dep_ in _links("placing_relations") and any(
                ch.dep_ == "case" and ch.lower_ in _links("placing_prepositions") for ch in ot.children):
            return o
    return None


def in_relative_clause(parse, start: int, end: int) -> bool:
    """Does the parse put the verb at characters start..end, or the verb group it shares its time with (an
    open complement, a coordinated verb without a subject of its own: "wants to reopen"), in a relative
    clause on a noun ("signals that it wants to reopen the talks", "the men who attacked the post")? The
    clause describes what the noun names, at that noun's time. Only a clause a relative word or "that"
    opens (a bare clause hung from a noun is often a misparse: "reported last month X had ordered").
    False where there is no parse."""
    tok = token_at(parse, start, end) if parse is not None else None
    for _ in range(_CLIMB if tok is not None else 0):
        if tok.dep_ in _links("noun_clause_relations"):
            return tok.head.tag_ in _links("noun_tags") and any(
                ch.tag_ in _links("relative_opener_tags") or ch.lower_ in _links("relative_opener_words")
                for ch in tok.children if ch.i < tok.i)
        if tok.head.i == tok.i or tok.dep_ not in _links("shared_relations") or _has_subject(tok) \
                or tok.dep_ in _links("adverbial_relations"):
            return False
        tok = tok.head
    return False
