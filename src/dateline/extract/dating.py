"""Dating's shared word rules: the reason of a verb of judgement, what describes a noun, the report's
own time expression (``cue_speakers``, ``statement_time``), acts told over a span or as standing, the
occasion a time dates, value arithmetic and references. The bounds of undated events (the report's
time, the publication day) are ``dating_bounds``'s.
"""
from __future__ import annotations

import bisect
import functools
import json
import re

from .. import lang
from ..resources import path
from ..text import tokenize, tokenize_lower
from .lexicon import is_past_form, verb_forms
from .event_lexicon import _NOMINAL_TIME, _NOUN_DETS, _PREPS, _SUBORD, _base_verbs, codebook, grammar_words

# how an event's date was found when it is only an upper bound (the report's or publication day, the
# story's last day), never a stated date
BOUND_DATES = frozenset({"publication", "report", "narrative"})

_SPEECH = lang.speech_verbs_for("clause_open")     # "has said it will ...": a stated position

# characters allowed between a cue and its own time expression ("said Friday", "said on Friday",
# "on Friday said")
_CUE_GAP = 4


# how many words before a reason preposition its verb of judgement may lie ("criticized Tulsa, Okla.,
# police officer Betty Shelby for shooting")
_REASON_REACH = 12


@functools.lru_cache(maxsize=None)
def _judging_forms() -> frozenset[str]:
    return frozenset(f for v in _words("judging_verbs") for f in verb_forms(v))


def reason_preposition(low: list[str], i: int, pos: str) -> int | None:
    """The token of the preposition that makes the act at token i the reason of a verb of judgement,
    reward or punishment before it ("criticized the officer for shooting him", "thanked X for the
    help", "charged with killing"), or of a word of reason_heads right before it ("those responsible
    for the bombings"): that act happened before the verb's time. A gerund right after
    the preposition, or a noun after it and at most one determiner or possessive; the verb in the
    same clause, no clause opener or relative pronoun between."""
    p = i - 1
    if pos == "noun" and p > 0 and low[p] not in _words("reason_prepositions") and (
            low[p] in grammar_words("determiners") or low[p].endswith(("'s", "’s"))):
        p -= 1
    while p > 1 and low[p] in ("and", "or") and low[p - 1].endswith("ing"):
        p -= 2        # "for shooting and killing him": the second gerund is a reason too
    if p < 1 or low[p] not in _words("reason_prepositions") or (pos == "verb" and not low[i].endswith("ing")):
        return None
    stops = grammar_words("dating_clause_openers") | grammar_words("relative_pronouns") | {";", ":", "—", "–"}
    for k in range(p - 1, max(-1, p - 1 - _REASON_REACH), -1):
        if low[k] in _judging_forms() or (k == p - 1 and low[k] in _words("reason_heads")):
            return p
        if low[k] in stops:
            return None
    return None


def describes_noun(words: list[str], i: int, sure: bool = False) -> bool:
    """Is the past form at token i of the sentence's ``words`` a participle that describes the noun right
    before it, after a verb of its clause ("was expelled on Monday over two killings blamed on X": no
    auxiliary, "to", pronoun, determiner, adverb or conjunction before it; a lower-case past form of one
    word earlier in its clause, no subordinator, conjunction or comma between, so the noun is no subject
    of it: not "Ahmed", "Vietnamese-led forces attacked")? A time before that noun is the earlier verb's,
    not its act's. ``sure``: only after an auxiliary or adverb ("was expelled", "flatly rejected")."""
    if i < 2 or not is_past_form(w := words[i].lower()) or w in _base_verbs():
        return False      # (the word itself first: the sentence is lowered only for a past form)
    low = [w.lower() for w in words]
    prev = low[i - 1]
    stop, breaks = _participle_stops()
    if not prev.isalpha() or prev in stop or prev.endswith("ly") or is_past_form(prev):
        return False
    for x in range(i - 2, -1, -1):
        if low[x] in breaks:
            return False      # "as authorities in X cracked down": a clause of its own, with its subject
        if is_past_form(low[x]) and low[x].isalpha() and words[x][:1].islower() and not (   # not "the embattled X"
                x and (low[x - 1] in grammar_words("determiners") or low[x - 1].endswith("ing"))):
            if low[x] in _SPEECH:
                return False  # "said troops attacked": the reported clause's subject
            return not sure or (x > 0 and (low[x - 1] in grammar_words("participle_auxiliaries")
                                           or low[x - 1].endswith("ly")))
    return False


@functools.lru_cache(maxsize=1)
def _participle_stops() -> tuple[frozenset[str], frozenset[str]]:
    """``describes_noun``'s words that may not stand right before the participle, and its clause breaks."""
    stop = grammar_words("participle_auxiliaries") | grammar_words("participle_breaks") \
        | grammar_words("subordinators") | grammar_words("determiners") | grammar_words("person_pronouns") \
        | grammar_words("plural_pronouns") | grammar_words("state_pronouns") | {"to"} | _words("later_verb_modals")
    return stop, grammar_words("subordinators") | grammar_words("dating_scope_closers") | {"and", "or"}


def later_verb(low: list[str], j: int, k: int) -> bool:
    """Does a modal between the trigger ending at token j and the time expression at token k open a
    later verb group, whose time that is ("investors who buy in by investing will expire at the end of
    the month", "X attacked Y and will leave on Monday")?"""
    return any(low[x] in _words("later_verb_modals") for x in range(j, min(k, len(low))))


def told_as_done(low: list[str], i: int) -> bool:
    """Is the verb at token i told as done: a past form ("has invited", "attacked") with no modal or
    infinitive marker among the three words before it ("will be invited", "is to be signed")? Such an
    act lies before publication, so a later time in its clause is another's ("has invited them to a
    ceremony on March 12")."""
    return is_past_form(low[i]) and not any(w in _words("later_verb_modals") or w == "to" for w in low[max(0, i - 3):i])


def conjunction_time(low: list[str], n: int, i: int) -> bool:
    """Does the time expression ending at token n join the clause of the trigger at token i as a
    conjunction ("now that X has endorsed Y"): its time is the main clause's?"""
    return 0 < n < i and n < len(low) and low[n] == "that" and low[n - 1] in _words("conjunction_times")


def _calendar(timexes) -> list:
    """The time expressions that name a calendar date or time."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.value[:1].isdigit()]


def _at_cue(att, t) -> bool:
    """Is ``t`` the cue's own time expression, right after or right before it?"""
    return 0 <= t.start - att.cue.end <= _CUE_GAP or 0 <= att.cue.start - t.end <= _CUE_GAP


# how far a time expression between the cue and what was said may lie from the cue ("said in a
# statement on Friday that ...")
_CUE_REACH = 60


def _between_cue_and_content(att, dated, k: int):
    """The time expression between a cue and the content it introduces ("said in a statement on
    Friday that ..."): only the cue's own clause lies there."""
    for t in dated[k:k + 2]:
        if att.cue.end <= t.start and t.end <= att.content.start and t.start - att.cue.end <= _CUE_REACH:
            return t
    return None


def _cue_times(attributions, timexes) -> list[tuple[int, int, object]]:
    """(content start, content end, the cue's time expression) for each attribution whose cue has one."""
    dated = _calendar(timexes)
    starts = [t.start for t in dated]
    return [(a.content.start, a.content.end, t) for a in attributions if (t := _cue_time(a, dated, starts)) is not None]


def _cue_time(a, dated: list, starts: list[int]):
    """The cue's time expression of the attribution ``a`` among the calendar times ``dated`` (their
    starts: ``starts``), or None (also for an attribution with no content or cue)."""
    if a.content.start is None or a.cue.start is None:
        return None
    k = bisect.bisect_left(starts, a.cue.end)
    after = dated[k] if k < len(dated) and _at_cue(a, dated[k]) else None
    before = dated[k - 1] if k > 0 and _at_cue(a, dated[k - 1]) else None
    return after or before or _between_cue_and_content(a, dated, k)


def cue_speakers(attributions, timexes) -> dict[str, set]:
    """The doers each time expression dates as the time of a statement: the time expression's id to
    the entities of the sources whose cue it dates ("X said on Sunday ..."; None for a source the
    roles did not name)."""
    out: dict[str, set] = {}
    dated = _calendar(timexes)      # (once for all attributions)
    starts = [t.start for t in dated]
    for a in attributions:
        if (t := _cue_time(a, dated, starts)) is not None:
            out.setdefault(t.id, set()).add(getattr(a.source, "entity", None))
    return out


def statement_time(att, timexes, sentence: tuple[int, int], describes: bool = False):
    """The time a statement was made: the cue's own time expression, else one in its sentence outside
    what was said ("said in a speech on Monday that ..."), else, for a cue that describes its object
    ("called X a disgrace on Monday"), one after the description."""
    dated = [t for t in _calendar(timexes) if sentence[0] <= t.start < sentence[1]]
    near = [t for t in dated if _at_cue(att, t)]
    outside = [t for t in dated if not (att.content.start <= t.start < att.content.end)]
    inside = [t for t in dated if att.content.start <= t.start < att.content.end] if describes else []
    found = near or outside or inside
    return found[0] if found else None


def present_perfect(text: str, clause: int, start: int) -> bool:
    """Does the clause put its verb in the present perfect before ``start`` ("X has attacked")?"""
    aux = grammar_words("dating_perfect_auxiliaries")
    return any(w in aux for w in tokenize_lower(text, clause, start)[1])


# how many words before a noun trigger the verb that reports it may lie ("began a two-day rally")
_DOING_REACH = 5


def verbal(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the act reported by a verb: a verb trigger, or a noun that is the object of a past verb of
    doing it ("began a two-day rally", "staged a protest", "carried out strikes")?"""
    if c.pattern.pos == "verb":
        return True
    if c.pattern.pos != "noun" or sentence is None or not text:
        return False
    before = tokenize(text, sentence[0], c.start)[-_DOING_REACH:]
    for _, _, w in reversed(before):
        if w in grammar_words("dating_scope_closers") or w.lower() in grammar_words("prepositions"):
            return False      # "launched an inquiry into the bombing": the bombing is not what was launched
        if w.lower() in _words("doing_verbs"):
            return True
    return False


def narrated_acts(cands, text: str, sentences) -> list[tuple[object, bool]]:
    """The acts the narrative's times may date (``dating_story.narrative_dates``), with whether each is
    named after "after" (``after_phrase``: "X said after meeting Y" is dated as the verb): undated,
    asserted, reported by a verb or after "after". (Each depends on the act alone, and dating one changes
    no other, so they are found before any is dated.)"""
    out = []
    for c in cands:
        if c.date is None and not c.hypothetical and not c.negated:
            sentence = sentences[c.sent] if text else None
            after = after_phrase(text, c, sentence)
            if after or (not c.background and verbal(text, c, sentence)):
                out.append((c, after))
    return out


# how many words after a noun trigger its clause's verb may lie ("the buildup in the Gulf continues")
_ONGOING_REACH = 6


def ongoing(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Does the noun's own clause say its happening goes on now ("the military buildup in the Gulf
    continues", "fighting intensifies")? The first present-tense verb of going on within a few
    words after it, with no comma or clause break between."""
    if sentence is None:
        return False
    for n, (_, _, w) in enumerate(tokenize(text, c.end, sentence[1])):
        if n >= _ONGOING_REACH or w in grammar_words("dating_scope_closers"):
            return False
        if w.lower() in _words("ongoing_verbs"):
            return True
    return False


# how many words before an after-phrase its past verb may lie ("told reporters after meeting with X")
_AFTER_REACH = 3


def after_phrase(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the act named by a noun or gerund right after "after" or "following" (a determiner or
    possessive at most between: dating words.json after_phrase_openers, after_phrase_determiners),
    the phrase attached to a past verb of speech, a report of the day ("X said after meeting with Y",
    "After her talks with X, Y announced ...")? Such an act is told as done, before that report ("after
    she attacked": a clause of its own, stays background; "was moved after the shooting": no report,
    the act may lie days before)."""
    if sentence is None or not text or c.pattern.pos not in ("verb", "noun"):
        return False
    spans, low = tokenize_lower(text, sentence[0], sentence[1])
    i = bisect.bisect_left(spans, (c.start,))      # the first word starting at or after the act
    if i == len(spans) or i < 1 or (c.pattern.pos == "verb" and not low[i].endswith("ing")):
        return False
    o = i - 1 if low[i - 1] in _words("after_phrase_openers") else i - 2
    if o < 0 or low[o] not in _words("after_phrase_openers") or (o == i - 2 and low[i - 1] not in
                                                                _words("after_phrase_determiners")):
        return False
    later = _words("later_verb_modals") | {"to"}
    if o == 0:      # preposed: the first verb of the main clause after it is past
        for n in range(i + 1, len(low)):
            if low[n] in later:
                return False
            if spans[n][2][:1].islower() and is_past_form(spans[n][2]):
                return low[n] in lang.speech_verb_forms()
        return False
    before = low[max(0, o - _AFTER_REACH):o]
    reports = lang.speech_verb_forms()
    return any(is_past_form(w) and w in reports for w in before) and not any(w in later for w in before)


def unbound_unreal(cands) -> None:
    """An act found hypothetical or negated after dating ("any decision must be agreed by both")
    has not happened: no report or publication day bounds it."""
    for c in cands:
        if (c.hypothetical or c.negated) and c.date_from in BOUND_DATES:
            c.date, c.date_timex, c.date_from = None, None, None


@functools.lru_cache(maxsize=1)
def _relatives() -> frozenset[str]:
    """grammar.json relative_pronouns but "that" (as often a complementizer: "planks that call for the 1933 law")."""
    return grammar_words("relative_pronouns") - {"that"}


@functools.lru_cache(maxsize=2)
def _perfect_words(past: bool) -> tuple[frozenset[str], frozenset[str]]:
    """``_perfect_before``'s auxiliaries (with ``past``: the past perfect's too) and breaks, joined once."""
    aux = grammar_words("dating_perfect_auxiliaries") | (_words("past_perfect_auxiliaries") if past else set())
    breaks = grammar_words("dating_scope_closers") | grammar_words("relative_pronouns") \
        | grammar_words("dating_clause_openers")
    return frozenset(aux), frozenset(breaks)


@functools.lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """One list of resources/dating/words.json (the file parsed once, each list made once)."""
    return frozenset(_word_file()[key]["words"])


@functools.lru_cache(maxsize=1)
def _word_file() -> dict:
    return json.loads(path("dating", "words.json").read_text(encoding="utf-8"))


def _sentence_of(c, sentences) -> tuple[int, int] | None:
    return sentences[c.sent] if c.sent is not None and 0 <= c.sent < len(sentences) else None


def unbounded(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Does the report's or publication day not bound this act: a standing position or span
    (``standing``, ``span_clause``), or an intention named by a noun ("Iraq's proposal to open", "a plan to send"),
    which names a plan, not when it was made?"""
    from .dating_clause import span_clause       # (it imports this module)

    return standing(text, c, sentence) or nominal_marker(text, c, sentence) or standing_charge(text, c) \
        or span_clause(text, c, sentence)


def standing_charge(text: str, c) -> bool:
    """Is the act a charge in a passive with no agent ("X was accused of fraud"): a charge that stands
    against someone, not an act of the day (dating words.json standing_charges)?"""
    return bool(getattr(c, "passive", False)) and c.actor is None and c.pattern.pos == "verb" \
        and text[c.start:c.end].lower() in _words("standing_charges")


def _verbal(code: str) -> bool:
    """Is the code a verbal act (quad classes 1 and 3: statements, appeals, intents, consultations,
    support, demands, disapproval, rejections, threats, protests), not a material one?"""
    info = codebook().get(code)
    return info is not None and info.quad_class in (1, 3)


def nominal_marker(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the word that states the act's intention a noun ("Iraq's proposal to open", "the plan to
    send"): after a determiner or a possessive?"""
    m = c.modality_marker
    if sentence is None or not c.modality or m is None or m <= 0:
        return False
    toks = tokenize(text, *sentence)
    if m >= len(toks):
        return False
    prev = toks[m - 1][2].lower()
    return prev in grammar_words("determiners") or prev.endswith(("'s", "’s"))


def standing(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the act a present perfect of a standing position or of a span up to now, not one day of
    the news: spread over occasions ("has repeatedly pledged to", "has long opposed"), a stated
    position ("has said it will not lift"), a description of someone after a comma ("X, which has
    denied any part in it"), or a span ("since 1985 ... have been killed")?"""
    if sentence is None:
        return False
    clause = max(sentence[0], text.rfind(",", sentence[0], c.start) + 1)
    words = tokenize_lower(text, clause, c.start)[1]
    aux = grammar_words("dating_perfect_auxiliaries")
    k = max((n for n, w in enumerate(words) if w in aux), default=-1)
    if k < 0:
        return False
    after = words[k + 1:]
    if any(w in _words("standing_adverbs") for w in after):
        return True
    if words and words[0] in grammar_words("dating_relative_openers") and text[clause - 1:clause] == "," \
            and _verbal(c.pattern.code):
        return True       # "X, which has denied any part in it": a stance that describes X, not the day's news
        # (a material act there is news: "X, who has been arrested and charged", "Y, which has fired")
    if c.modality and any(w in _SPEECH for w in after):
        return True
    return any(w in _words("span_openers") for w in tokenize_lower(text, sentence[0], sentence[1])[1])


# how many words after a time expression the head of its occasion noun may lie ("Tuesday's news conference")
_OCCASION_REACH = 4


def occasion_time(text: str, t, prevw: str, prev2: str = "", head: bool = False) -> bool:
    """Does the time expression ``t``, though it dates a noun, date an act placed at that occasion
    ("attacked X during Monday's debate", "said at Tuesday's news conference"): after a preposition
    of place or occasion and before an occasion noun (dating words.json occasion_prepositions,
    occasion_nouns), and a day, not a year or month ("urged him to run in this year's election": a
    coarse time, often another clause's), unless after "at" or "during" or at the ``head`` of the
    sentence? ``prevw``, ``prev2``: the lower-case words before it (a determiner or possessive may
    stand between: "in his Sunday interviews", "at their Monday meeting")."""
    placed = prevw in _words("occasion_prepositions") or (
        prevw in _words("after_phrase_determiners") and prev2 in _words("occasion_prepositions"))
    # (a month or year too after "at" or "during", or heading the sentence: "In a December interview, X ...")
    coarse = head or prevw in _words("occasion_strong_prepositions") or prev2 in _words("occasion_strong_prepositions")
    if not placed or (len(t.value) < 10 and not coarse) or not t.value[:4].isdigit():
        return False
    return occasion_noun(text, t)


def occasion_noun(text: str, t) -> bool:
    """Is an occasion noun (dating words.json occasion_nouns) among the few words after the time
    expression ``t`` ("Tuesday's news conference", "the Monday night debate")?"""
    words = tokenize_lower(text, t.end, min(len(text), t.end + 40))[1][:_OCCASION_REACH]
    return any(w in _words("occasion_nouns") for w in words)


# how many words may lie between a trigger and the preposition of the occasion after it ("clashed
# with him at Saturday's debate"), and how far into its sentence a preposed one may start ("At
# Saturday's debate, X ...")
OCCASION_GAP, OCCASION_LEAD = 3, 2
# an occasion's time dates the act only where the clause names no other (added to its distance)
OCCASION_LAST = 10 ** 6


# how many words a preposition that names the occasion itself ("during", "at": dating words.json
# occasion_strong_prepositions) may lie after the trigger ("mocked X's cough during the Monday debate")
OCCASION_FAR = 8


def occasion_near(j: int, k: int, low: list[str] = ()) -> bool:
    """Is the occasion's time at token k close after the trigger ending at token j, or in the phrase heading
    its sentence ("In an address at the Monday rally, X ...")? (not another verb's: "criticized the plan X
    set out during Sunday's address") A preposition that names the occasion itself reaches further, over
    the trigger's object but no verb and no clause break ("mocked X's cough during the Monday debate")."""
    if 0 <= k - 1 - j <= OCCASION_GAP or k <= OCCASION_LEAD or low and k < j and low[0] in _PREPS and not any(
            w in grammar_words("dating_scope_closers") for w in low[:k]):
        return True
    if not low or not 0 <= k - 1 - j <= OCCASION_FAR:
        return False
    p = k - 1 if low[k - 1] in _words("occasion_strong_prepositions") else k - 2
    if p < j or low[p] not in _words("occasion_strong_prepositions"):
        return False
    stops = grammar_words("dating_scope_closers") | grammar_words("dating_clause_openers") \
        | grammar_words("relative_pronouns") | {"that", "and", "or"}
    return not any(w in stops or is_past_form(w) for w in low[j:p])


def noun_time(text: str, t, prevw: str | None = None) -> bool:
    """Does the time expression ``t`` date a noun ("the 1994 genocide", "the Aug. 7 bombings", "last
    year's vote"), not a clause? ``prevw``: the lower-case word before it (found when not given)."""
    if prevw is None:
        words = tokenize(text, max(0, t.start - 30), t.start)
        prevw = words[-1][2].lower() if words else ""
    # ("the Dec. 21, 1988, bombing": the closing comma of a date written with its year)
    comma = text[t.end:t.end + 1] == "," and text[t.end - 4:t.end].isdigit() and prevw in _NOUN_DETS
    nominal = _NOMINAL_TIME.match(text, t.end + comma)
    if prevw in _NOUN_DETS and _NAMED_MODIFIER.match(text, t.end):
        return True       # "the 1996 Olympic bombing": a name's adjective between the time and its noun
    return bool(nominal and (nominal[1] or (prevw in _NOUN_DETS and nominal[2] and nominal[2] not in _PREPS | _SUBORD)))


# after a time expression: a capitalised word, then a lower-case one ("1996 Olympic bombing")
_NAMED_MODIFIER = re.compile(r" [A-Z][a-z]+ [a-z]")


def after_publication(value: str, published: str | None) -> bool:
    """Does the period ``value`` start after the publication day?"""
    from .timex_values import value_start_date

    first = value_start_date(value) if published else None
    return first is not None and first.isoformat() > published[:10]


# how many of a unit "a few" or "several" of them are taken to be ("the past few days": three)
_FEW = 3


# a duration of whole years or whole months ("six years after", "two months later"): TimeML format
_COARSE_DURATION = re.compile(r"P(?:\d+|X)([YM])$")


def event_shift(value: str, duration: str, sign: int) -> str | None:
    """``shift_value`` at the precision the duration gives: "six years after she was freed" names a
    year and "two months later" a month, not the day of the event it counts from."""
    from .timexes import shift_value

    out = shift_value(value, duration, sign)
    unit = _COARSE_DURATION.match(duration or "")
    if out is None or unit is None or not out[:4].isdigit():
        return out
    if unit[1] == "Y":
        return out[:4]
    return out[:7] if len(out) >= 10 and out[4:5] == "-" and out[7:8] == "-" else out


def recent_period(t, published: str | None) -> str | None:
    """The calendar period holding a span that ends at publication ("over the past few days", "in the
    last two weeks"): the week, else the month, else the year that holds both its first day and the
    publication day; None when it is no such span or spreads over months (the publication day
    bounds the event then)."""
    import datetime as dt

    from .timexes import shift_value

    recent, low = grammar_words("dating_recent_period_words"), t.text.lower()
    if t.type != "DURATION" or not published or not any(w in low for w in recent) \
            or not any(w in recent for w in tokenize_lower(t.text)[1][:2]):   # (tokenized only if one is in it)
        return None
    first = shift_value(published[:10], t.value.replace("X", str(_FEW)), -1)
    if not first or len(first) != 10:
        return None
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(published[:10])
    if a.isocalendar()[:2] == b.isocalendar()[:2]:
        return "%d-W%02d" % b.isocalendar()[:2]
    return b.isoformat()[:7] if (a.year, a.month) == (b.year, b.month) else None


def resolve_references(cands, published: str | None) -> None:
    """TimeML's reference values are no calendar dates: "now" (PRESENT_REF) is the publication day;
    "in the past" / "in future" (PAST_REF, FUTURE_REF) say no day, so the event is dated as if the
    clause had no time (the later steps: report, story, publication)."""
    for c in cands:
        if c.date == "PRESENT_REF" and c.hypothetical:
            c.date, c.date_timex, c.date_from = None, None, None   # "the hope now is for X to act": the hope's now
        elif c.date == "PRESENT_REF":
            c.date = published[:10] if published else None
        elif c.date in ("PAST_REF", "FUTURE_REF"):
            c.date, c.date_timex, c.date_from = None, None, None
