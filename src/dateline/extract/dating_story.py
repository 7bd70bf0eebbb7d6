"""The story's time: an undated act takes the day the narrative last named, the period named in the
sentence before it, the story's own recent day or week, or (in a headline) the lede's date
(``date_from`` "narrative", "headline"). Called by ``dating_bounds.bound_dates`` between the report's time and
the publication day.
"""
from __future__ import annotations

import bisect
import functools

from ..text import tokenize, tokenize_lower
from .dating import (_relatives, _verbal, _words, cue_speakers, describes_noun, narrated_acts, nominal_marker,
                     noun_time, present_perfect, reason_preposition, unbounded)
from .dating_carry import _entity, carries, day_doers, week_among_times
from .dating_clause import perfect_clause, span_clause
from .dating_parse import occasion_event, told_in_present
from .event_lexicon import _PREPS, grammar_words
from .lexicon import is_past_form, verb_forms
from .regexes import regex

# how many sentences back a day named in the story still dates an undated report
NARRATIVE_REACH = 2


_EARLIER = regex("cameo", "earlier_than")

# how many words a reacting verb may lie before the noun it reacts to ("condemned Friday's twin
# terrorist bombings")
_OBJECT_REACH = 4


@functools.lru_cache(maxsize=None)
def _reacting_forms() -> frozenset[str]:
    return frozenset(f for v in _words("reacting_verbs") for f in verb_forms(v))


def reacted_object(low: list[str], i: int, pos: str) -> bool:
    """Is the act named by the noun at token i the direct object of a verb that reacts to it (dating
    words.json reacting_verbs: "condemned the bombing", "Iran Saturday denounced the attacks")? It
    happened before that verb's time. Only determiners, possessives and modifiers between: no
    preposition, punctuation, clause opener or relative pronoun."""
    if pos != "noun":
        return False
    stops = _PREPS | grammar_words("dating_clause_openers") | grammar_words("relative_pronouns")
    for k in range(i - 1, max(-1, i - 1 - _OBJECT_REACH), -1):
        if low[k] in _reacting_forms():
            # (a bare base form only after "to" or an auxiliary: "a protest march" is no reaction)
            return low[k] not in _words("reacting_verbs") or k > 0 and low[k - 1] in _words("base_form_openers")
        if low[k] in stops or not any(ch.isalnum() for ch in low[k]) and low[k] not in ("'s", "’s"):
            return False
    return False


def narrative_dates(cands, timexes, sentences, published: str | None, text: str = "", reported=(),
                    attributions=(), parses=None) -> None:
    """An undated event reported as having happened takes the day the story last named, a few
    sentences before it, when that day is not after publication ("On Wednesday X arrived. She met
    Y."): the narrative's reference time (date_from "narrative", ``dating_carry.carries``). A past act right
    after a sentence that names a past month or year takes that period ("... in January 2012. He met her."). Farther
    from any day named, it takes the story's own time, the first recent day or week the story
    names ("X visited Y on Wednesday ... Later she met Z"), when no other day was named since. An
    act of the opening, before any time is named, takes the story's own day named just after it
    ("X has endorsed Y. In a message posted Friday, X said ...": ``_opening``). A day that dates only
    a speaker's statements dates no position (a demand, a claim) of another doer that the speaker's
    later statement tells of (``_other_doer``). An act told over a span (``span_clause``), or after the
    story went back to a time long before its own (``_went_back``), takes none; nor does an act told
    in the present (``dating_parse.told_in_present`` over ``parses``, sentence index -> parsed Span),
    nor any act after a day said in direct speech, which is no day of the story."""
    todo = narrated_acts(cands, text, sentences)    # (the cheap tests first: no time is judged for none)
    if not todo:
        return
    sent_starts = [a for a, _ in sentences]
    told, quoted = _statement_spans(attributions)
    clause_times, spans = _story_times(cands, timexes, sentences, text)
    days = [t for t in clause_times if len(t.value) >= 10 and t.value[:4].isdigit()
            and t.value[4:5] == "-" and (not published or t.value[:10] <= published[:10])]
    story = story_time(clause_times, published)
    if not days and story is None and not any(_past_period(t.value, published) for t in timexes):
        return
    starts = [t.start for t in days]
    named = _named_times(clause_times, published)
    named_starts = [t.start for t in named]
    doers, own = _time_doers(cands, spk := cue_speakers(attributions, timexes)), day_doers(cands, spk)
    for c, after in todo:
        k = bisect.bisect_left(starts, c.start) - 1
        clause = max(sentences[c.sent][0], text.rfind(",", 0, c.start) + 1) if text else c.start
        if text and (not after and _EARLIER.search(text, clause, c.start) or span_clause(text, c, sentences[c.sent])):
            continue      # "came after X staged ..." (a time relative to another happening), "For months, X refused ..."
        u = named[n] if (n := bisect.bisect_left(named_starts, c.start) - 1) >= 0 else None   # latest named
        if text and not after and _past_perfect(text, c, sentences[c.sent]):
            c.background = True   # "X had accused Y": before the time the story last named
            continue
        if story is not None and u is None and story.start > c.end \
                and _opening(text, c, clause, story, sentences, sent_starts):
            # "X has endorsed Y. In a message posted Friday, X said ...": the opening tells the news
            # the story dates just after it, when no time was named before it
            c.date, c.date_timex, c.date_from = story.value[:10], story.id, "narrative"
            continue
        if text and _perfect_or_plan(text, c, sentences[c.sent]):
            continue      # "have bombed ... and fired" (some time up to now), "Iraq's proposal to open ..." (a plan)
        if _parse_says_other_time(c, parses, cands):
            continue      # "as she praises his record", "were killed in the embassy bombing"
        t = days[k] if k >= 0 else None
        us = bisect.bisect_right(sent_starts, u.start) - 1 if u is not None else None
        if t is not None and c.sent - (ts := bisect.bisect_right(sent_starts, t.start) - 1) <= NARRATIVE_REACH:
            if any(a <= t.start < b for a, b in quoted):
                continue      # "'... whatever happens today,' he said. He arrived ...": the speaker's day
            if _other_doer(c, doers.get(t.id), told) or (text and _told_as_prior(text, c, clause)) \
                    or _sentence_went_back(c, t, timexes, sentences[c.sent], text):
                c.background = True   # another's act a statement tells of, "X recently led ...", "killed
                # three times, most recently last October": its day is not the story's
            elif _other_speaker(c, doers.get(t.id)) or not carries(c, t, own, (parses or {}).get(ts)):
                continue              # another's statement or happening, a day of now: not this act's day
            else:
                c.date, c.date_timex, c.date_from = t.value[:10], t.id, "narrative"
        elif u is not None and us == c.sent - 1 and _past_period(u.value, published) \
                and (after or is_past_form(_first_word(text, c))) and not any(a <= c.start < b for a, b in reported) \
                and not _relative_time(text, u, sentences[us]) and not week_among_times(u, timexes, sentences[us]) \
                and not _told_as_prior(text, c, clause):
            # "... invited him to visit in January 2012. He met her.": the month or year just named
            c.date, c.date_timex, c.date_from = u.value, u.id, "narrative"
        elif _went_back(u, story, published, c.sent - (us if us is not None else c.sent)) \
                and _told_back(text, c, clause, u, sentences[us], quoted, after):
            c.background = True           # told after the story went back to an older time: that time's, day unknown
        elif story is not None and story.end <= c.start and (t is None or t.start <= story.start) \
                and (after or _past_clause(text, c, clause)):
            # not where a time of another period was named a few sentences before ("in January 2012")
            if _gone_back(c, story, spans, sent_starts, _weeks_before(story)):
                c.background = True       # of a span that began long before the story's time: not given
            elif u is story or (us is not None and c.sent - us > NARRATIVE_REACH):
                c.date, c.date_timex, c.date_from = story.value[:10], story.id, "narrative"


def _parse_says_other_time(c, parses, cands) -> bool:
    """Does the parse of the verb event's sentence (``parses``: sentence index -> Span) tell it in the present
    (``dating_parse.told_in_present``) or in another happening (``occasion_event``: its date, or none)?"""
    parse = (parses or {}).get(c.sent)
    if parse is None or c.pattern.pos != "verb":
        return False
    if told_in_present(parse, c.start, c.end):
        return True
    if (o := occasion_event(parse, c, [x for x in cands if x.sent == c.sent])) is None:
        return False
    c.date, c.date_timex, c.date_from, c.background = o.date, o.date_timex, o.date_from, c.background or not o.date
    return True


def _story_times(cands, timexes, sentences, text: str) -> tuple[list, list]:
    """The times that date clauses, judged once ("the Aug. 7 bombings" is no time of the story; nor
    a time that bounds a span, "since Jan. 13", dates only a plan, "expected to meet later today", or
    a relative clause that describes someone, "X, who arrived Thursday, ..."); and the times named as
    bounds of spans ("had not been let in since Jan. 13. Then Y stopped ..."): one long before the
    story's own time takes the narrative back to it."""
    plans, sent_starts = _plan_times(cands, text, sentences), [a for a, _ in sentences]
    clause_times, spans = [], []
    for t in timexes:     # (each judgement at most once per time: they read only the text around it)
        if t.type not in ("DATE", "TIME"):
            continue
        before = tokenize(text, max(0, t.start - 30), t.start)[-1:] if text else []    # (as noun_time finds it)
        if text and noun_time(text, t, before[0][2].lower() if before else ""):
            continue
        bound = bool(text) and _span_bound(text, t, before)
        relative = bool(text) and (t.id not in plans or (bound and t.value[:1].isdigit())) and _relative_time(
            text, t, sentences[max(0, bisect.bisect_right(sent_starts, t.start) - 1)])
        if t.id not in plans and not (bound or relative):
            clause_times.append(t)
        if t.value[:1].isdigit() and bound and not relative:
            spans.append(t)
    return clause_times, spans


def _went_back(u, story, published: str | None, back: int = 0) -> bool:
    """Is ``u``, the latest time named before an act, ``back`` sentences before it (none of the sentences
    between names a day that dates it), a time that ended more than GONE_BACK_DAYS before the story's own
    time (the publication day where the story names none), named after that time and at most
    GONE_BACK_SENTENCES before the act ("... had been rescued last November. His relatives took him in.
    They applied for asylum ...")? The narrative has gone back: the act is of that earlier time, on a day
    the text does not give."""
    import datetime as dt

    if u is None or u is story or (story is not None and u.start < story.end) or back > GONE_BACK_SENTENCES:
        return False
    last = _value_end(u.value)
    ref = story.value[:10] if story is not None else (published or "")[:10]
    try:
        return last is not None and (dt.date.fromisoformat(ref) - last).days > GONE_BACK_DAYS
    except ValueError:
        return False


def _perfect_or_plan(text: str, c, sentence: tuple[int, int]) -> bool:
    """Is the act told in the present perfect, also as the second of two verbs under one auxiliary ("have
    bombed ... and fired": some time up to now, ``dating_clause.perfect_clause``), or is it a plan named
    by a noun ("Iraq's proposal to open ...")? The story's day dates neither."""
    return present_perfect(text, perfect_clause(text, c, sentence), c.start) or nominal_marker(text, c, sentence)


def _past_perfect(text: str, c, sentence: tuple[int, int]) -> bool:
    """Is the act, told by a verb, in the past perfect, also as the second of two verbs under one
    auxiliary ("had criticized X and accused him": dating words.json past_perfect_auxiliaries)?"""
    if c.pattern.pos != "verb":
        return False
    low = tokenize_lower(text, perfect_clause(text, c, sentence), c.end)[1]
    # ("had to cancel": an obligation in the simple past, no perfect)
    return any(w in _words("past_perfect_auxiliaries") and low[n + 1] != "to" for n, w in enumerate(low[:-1]))


def _statement_spans(attributions) -> tuple[list, list]:
    """The spans of what was said, with their speakers' entities, and the spans of direct speech."""
    told = [(a.content.start, a.content.end, getattr(a.source, "entity", None)) for a in attributions
            if a.content.start is not None]
    quoted = [(a.content.start, a.content.end) for a in attributions
              if a.content.start is not None and getattr(a, "direct", False)]
    return told, quoted


def _told_back(text: str, c, clause: int, u, sentence: tuple[int, int], quoted, after: bool) -> bool:
    """Does the act ``c`` belong to the older time ``u`` that the narrative went back to (``_went_back``):
    an act told in the past (or after "after"), ``u`` no time of a relative clause nor of a quote
    (``quoted``: the spans of direct speech), the act's verb group not in the present, and no intention
    or threat nor a statement coded from a cue of speech (dated by the statement, which the story tells as
    news: "He said he planned to visit", "'We think ...,' she said")?"""
    return not c.modality and not (c.rule or "").startswith("speech_acts") and not _relative_clause_time(text, u, sentence) and not _present_group(text, clause, c) \
        and not any(a <= u.start < b for a, b in quoted) and (after or _past_clause(text, c, clause))


def _relative_clause_time(text: str, t, sentence: tuple[int, int]) -> bool:
    """Is the time expression ``t`` in a relative clause that opens after the last clause break before it
    ("a psychiatrist who worked in X, where 168 people were killed in a bombing in 1995")? It describes a
    place or person; the narrative has not gone back to it."""
    if not text:
        return False
    words = tokenize_lower(text, sentence[0], t.start)[1]
    closers = grammar_words("dating_scope_closers")
    last = max((n for n, w in enumerate(words) if w in closers), default=-1)
    return any(w in _words("describing_relatives") for w in words[last + 1:])


# how many words before a trigger a present auxiliary of its verb group may lie ("are supporting",
# "has also criticized")
_GROUP_REACH = 3


def _present_group(text: str, clause: int, c) -> bool:
    """Is the act's verb group in the present or present perfect ("people are supporting", "X has
    criticized"): a present auxiliary among the few words before the trigger in its clause? It tells of
    now, whatever time the story went back to."""
    if not text:
        return False
    before = tokenize_lower(text, clause, c.start)[1][-_GROUP_REACH:]
    return any(w in grammar_words("present_auxiliaries") for w in before)


def _value_end(value: str):
    """The last day a calendar value covers (None when not a concrete date); a season, quarter or half
    by its length in days, a decade or century by its years."""
    import calendar
    import datetime as dt

    from .timex_values import granularity, value_start_date

    first, g = value_start_date(value), granularity(value)
    if first is None or g is None:
        return None
    if g == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(g)
    if years:
        return dt.date(min(9999, first.year + years - 1), 12, 31)
    return first + dt.timedelta(days={"week": 6, "season": 90, "quarter": 90, "half": 181}.get(g, 0))


# how long before the story's time a named time must have ended, and how many sentences before an act it
# may lie, for the narrative to have gone back to it (``_went_back``)
GONE_BACK_DAYS, GONE_BACK_SENTENCES = 30, 3


def _weeks_before(t) -> str:
    """The day STORY_RECENT_DAYS before the first day of ``t``, ISO."""
    import datetime as dt

    from .timex_values import value_start_date

    first = value_start_date(t.value)
    return (first - dt.timedelta(days=STORY_RECENT_DAYS)).isoformat() if first else t.value


def _gone_back(c, ref, back, sent_starts, before: str | None = None) -> bool:
    """Is a time before ``ref`` (before the day ``before``, when given) named after ``ref``, at most
    NARRATIVE_REACH sentences before the act ``c`` ("X resumed work Friday ... had not been let in since
    Jan. 13. Then Y stopped ... Y alleged ...": the narrative tells of that earlier time, so the day
    named first is not the act's)?"""
    limit = before or ref.value
    return any(ref.end <= t.start < c.start and c.sent - (bisect.bisect_right(sent_starts, t.start) - 1)
               <= NARRATIVE_REACH and t.value < limit[:len(t.value)] for t in back)


def _time_doers(cands, speakers: dict) -> dict[str, set]:
    """The time expressions that date only statements, by id, to the entities of their speakers
    (None for a speaker the roles did not name); a time that dates an act by its own clause is left
    out ("X attacked Y on Monday. Z protested": a reaction may be of that day)."""
    acts = {o.date_timex for o in cands if o.date_from == "timex" and o.date_timex is not None}
    return {k: set(v) for k, v in speakers.items() if k not in acts}


def _other_doer(c, doers: set | None, told) -> bool:
    """Is ``c`` an act that states a position (a demand, a claim, criticism: dating words.json
    position_roots) of someone else that a speaker tells of in a statement, where the narrative's day
    dates only that speaker's statements ("X said on Sunday ... He said the minority demanded ...": the
    day is X's, not the minority's)? Such an act is background: neither that day nor the publication
    day bounds it. Only where the speakers are named and ``c`` has a doer of its own (``told``: the
    spans of what was said, with their speakers' entities)."""
    if not doers or None in doers or c.actor is None or c.pattern.code[:2] not in _words("position_roots"):
        return False
    if not any(a <= c.start < b and who in doers for a, b, who in told):
        return False
    return _entity(c.actor) not in doers and bool(_entity(c.actor) or getattr(c.actor, "name", None))


def _other_speaker(c, doers: set | None) -> bool:
    """Is ``c`` a statement of a position (dating words.json position_roots: "Y criticized X", "Y
    told Z") by a named doer who is none of the named speakers whose statements alone the day dates
    ("X said on Sunday ... Y told a paper ...": Sunday is X's day, not Y's)? The publication day still
    bounds it."""
    if not doers or None in doers or c.actor is None or c.pattern.code[:2] not in _words("position_roots"):
        return False
    who = _entity(c.actor)
    return who is not None and who not in doers


def _plan_times(cands, text: str = "", sentences=()) -> set:
    """The ids of the time expressions that date only plans ("He is expected to meet X later today",
    "She will visit X on Thursday"): no narrative reference time. (A purpose is no plan: "gathered
    Wednesday to denounce X"; nor the time of an intention stated in the past: "invited him to visit in
    January 2012. He met her" tells of that visit.)"""
    told, planned = set(), set()
    for c in cands:
        if c.date_timex is not None and c.date_from == "timex":
            (planned if _planned(c, text, sentences) else told).add(c.date_timex)
    return planned - told


# how many words before a verb the cue that makes it a plan may lie ("is expected to meet")
_PLAN_REACH = 3


def _planned(c, text: str, sentences) -> bool:
    """Is the verb ``c`` told as a plan: an intention stated by a modal of the future ("will visit"),
    or a hypothetical act (not a refusal: "declined to threaten") right after such a cue ("is expected
    to meet", "is scheduled to sign": dating words.json future_cues)?"""
    if c.pattern.pos != "verb" or not text or c.sent is None or not 0 <= c.sent < len(sentences):
        return False
    toks = tokenize(text, *sentences[c.sent])
    m = c.modality_marker
    if c.modality and m is not None and 0 <= m < len(toks):
        return toks[m][2].lower() in _words("future_cues")
    if not c.hypothetical or c.negated or not 0 <= c.tok < len(toks):
        return False
    return any(w.lower() in _words("future_cues") for _, _, w in toks[max(0, c.tok - _PLAN_REACH):c.tok])


def _span_bound(text: str, t, before: list) -> bool:
    """Is the time expression ``t`` the bound of a span ("since Jan. 13", "until Friday": dating words.json
    span_bound_prepositions), not a day the story tells of? The last word of the 20 characters before it:
    ``before`` (the last word of the 30 before it, or none) where it ends in them, cut to them."""
    a = max(0, t.start - 20)
    return bool(before) and before[0][1] > a and text[max(a, before[0][0]):before[0][1]].lower() in _words(
        "span_bound_prepositions")


def _opening(text: str, c, clause: int, story, sentences, sent_starts) -> bool:
    """Is the act told in the story's opening as news (past, present perfect or progressive: "X
    called on Y", "X has endorsed Y", "X is endorsing Y"; no standing position nor a plan named by a
    noun), with the story's own time, a day, named at most NARRATIVE_REACH sentences after it? (A
    time later in its own sentence is another clause's, as ``_own_time`` judged; a week, "behind two
    killings last week", may date the background, not the news.)"""
    ahead = bisect.bisect_right(sent_starts, story.start) - 1 - c.sent if text else -1
    if not 0 < ahead <= NARRATIVE_REACH or len(story.value) < 10:
        return False
    if unbounded(text, c, sentences[c.sent]):
        return False
    before = tokenize_lower(text, clause, c.start)[1][-3:] if text else []
    return _past_clause(text, c, clause) or any(w in grammar_words("present_auxiliaries") for w in before)


def prior_clause_background(cands, text: str, sentences) -> None:
    """An undated act told by a verb in a clause that a word of dating words.json prior_clause_openers
    opens ("the move came after police said ...", "had been expected after X accused Y") happened
    before the act of the clause it hangs on, on a day the text does not give: background, so no story
    day or publication day bounds it. The clause runs from that word to the act with no clause break,
    relative pronoun or "that" between and a subject between; a clause that opens the sentence ends at
    a comma after the act ("After X accused Y, Z left")."""
    if not text:
        return
    stops = grammar_words("dating_scope_closers") | grammar_words("dating_clause_openers") \
        | grammar_words("relative_pronouns") | {"that"}
    words: dict[int, list[str]] = {}        # a sentence's words, made once for its acts
    for c in cands:
        if c.date is not None or c.background or c.pattern.pos != "verb" or c.sent is None \
                or not 0 <= c.sent < len(sentences):
            continue
        a, b = sentences[c.sent]
        if c.sent not in words:
            words[c.sent] = [w for _, _, w in tokenize(text, a, b)]
        if 0 <= c.tok and describes_noun(words[c.sent], c.tok, sure=True):
            c.background = True   # "over two killings blamed on X": what describes a noun is no news of the day
            continue
        low = tokenize_lower(text, a, c.start)[1]
        n = next((n for n in range(len(low) - 1, -1, -1) if low[n] in stops), None)
        if n is None or low[n] not in _words("prior_clause_openers") or len(low) - n < 2 \
                or (n and low[n - 1] in grammar_words("dating_opener_adverbial_after") | _words("anchor_units")):
            continue      # (a subject between: "after meeting X" is an after-phrase, ``after_phrase``)
        if n == 0 and "," not in text[c.end:b]:
            continue      # "After the talks Ghana accused Togo": no telling where the clause ends
        c.background = True


# how many words a sentence's opening phrase may hold before its comma ("Early in his campaign,")
_OPENING_REACH = 8


def prior_opening_background(cands, text: str, sentences) -> None:
    """An undated act of a sentence that a phrase of dating words.json prior_sentence_openers opens,
    before its first comma ("Prior to that, X traveled to Y", "Early in his campaign, X attacked Y"),
    happened before the time the story tells of, on a day the text does not give: background, so
    neither the story's last day nor the publication day bounds it."""
    if not text:
        return
    openers = _words("prior_sentence_openers")
    for c in cands:
        if c.date is not None or c.background or c.sent is None or not 0 <= c.sent < len(sentences):
            continue
        low = tokenize_lower(text, sentences[c.sent][0], c.start)[1]
        n = next((n for n, w in enumerate(low[:_OPENING_REACH + 1]) if w == ","), None)
        if n is None:
            continue
        opening = " ".join(low[:n])
        if any(opening == p or opening.startswith(p + " ") for p in openers):
            c.background = c.earlier = True


def headline_dates(cands) -> None:
    """A headline tells the lede's news: an undated headline event takes the date of the first
    dated act of the lede (the first sentences), whatever dated it."""
    lede = next((o for o in cands if not o.headline and o.sent is not None and o.sent <= 3 and o.date
                 and not o.hypothetical and o.date_from != "anchor"), None)
    for c in cands:
        if c.headline and c.date is None and lede is not None:
            c.date, c.date_timex, c.date_from = lede.date, lede.date_timex, "headline"


def same_doer(c, o) -> bool:
    """Can the act told by verb ``c`` be ``o`` by who does them: not two named doers ("Ritter, who
    arrived Thursday" and "five other inspection teams visited": one code of country, two doers)? (A
    noun refers back whoever the roles found: "McConnell's trip" after "a trip by ... McConnell".)"""
    a, b = _entity(c.actor), _entity(o.actor)
    return getattr(c.pattern, "pos", None) != "verb" or a is None or b is None or a == b


def cataphora_dates(cands, text: str = "", sentences=()) -> None:
    """A material act done to a named person that is the reason of a judgement ("criticized the
    officer for shooting X": told with no time of its own) is the act of that kind done to that person
    that a later clause dates by its own time ("X was killed Friday"): it takes that date
    (``date_from`` "coreference"). Not a verbal act (criticism, appeals recur), an intention, an act
    not told as done or an act of no judgement ("was arrested seven times": acts that recur); not
    where two named doers differ. An act named by a noun that a verb reacts to ("Iran condemned the
    bombing", ``reacted_object``) is likewise the later dated act of its kind named by a noun ("the
    blasts on Friday"), whoever its target, unless two named targets differ."""
    dated = [o for o in cands if o.date and o.date_from == "timex" and not (o.hypothetical or o.negated)]
    for c in cands:
        if c.date is not None or c.hypothetical or c.negated or c.modality or _verbal(c.pattern.code):
            continue
        low = _sentence_words(text, c, sentences)
        if c.tok < len(low) and reacted_object(low, c.tok, c.pattern.pos):
            o = next((o for o in dated if o.start > c.start and o.pattern.code[:3] == c.pattern.code[:3]
                      and o.pattern.pos == "noun" and not o.modality and _same_target(c, o)), None)
        elif _entity(c.target) is not None and getattr(c.target, "kind", None) == "person" \
                and c.tok < len(low) and reason_preposition(low, c.tok, c.pattern.pos) is not None:
            o = next((o for o in dated if o.start > c.start and o.pattern.code[:3] == c.pattern.code[:3]
                      and _entity(o.target) == _entity(c.target) and not o.modality and same_doer(c, o)), None)
        else:
            continue
        if o is not None:
            c.date, c.date_timex, c.date_from = o.date, o.date_timex, "coreference"


def _same_target(c, o) -> bool:
    a, b = _entity(c.target), _entity(o.target)
    return a is None or b is None or a == b


def _sentence_words(text: str, c, sentences) -> list[str]:
    """The lower-case words of the event's sentence (none where it has no sentence or token)."""
    if not text or c.sent is None or not 0 <= c.sent < len(sentences) or c.tok < 0:
        return []
    return tokenize_lower(text, *sentences[c.sent])[1]


# how many words before a time expression a relative pronoun opens the clause it dates
_RELATIVE_REACH = 8


def _relative_time(text: str, t, sentence: tuple[int, int]) -> bool:
    """Does the time expression ``t`` date a relative clause ("their son, a captain who died in Iraq in
    2004"), which describes someone, not the story's time?"""
    if not text:
        return False
    words = tokenize_lower(text, sentence[0], t.start)[1][-_RELATIVE_REACH:]
    return not _relatives().isdisjoint(words)


def _sentence_went_back(c, t, timexes, sentence: tuple[int, int], text: str) -> bool:
    """Does the act's own sentence name a calendar time before the story's day ``t`` (not a noun's
    time: "killed three times, most recently last October", "By early 2012, X lambasted ...")?"""
    return any(sentence[0] <= x.start < sentence[1] and x is not t and x.type == "DATE" and x.value[:1].isdigit()
               and x.value < t.value[:len(x.value)] and not (text and noun_time(text, x)) for x in timexes)


def _told_as_prior(text: str, c, clause: int) -> bool:
    """Does the clause tell the act as prior to the time just named ("That deal was already being
    criticized": dating words.json prior_adverbs)?"""
    return any(w in _words("prior_adverbs") for w in tokenize_lower(text, clause, c.start)[1])


def _past_clause(text: str, c, clause: int) -> bool:
    """Does the clause up to the trigger speak of the past ("X accused", "announced it would end"),
    not of now ("says the party will challenge")?"""
    if not text:
        return False
    return any(is_past_form(w) or w.lower() in _words("past_modals") for _, _, w in tokenize(text, clause, c.end))


def _first_word(text: str, c) -> str:
    words = tokenize(text, c.start, c.end) if text else []
    return words[0][2] if words else ""


def _past_period(value: str, published: str | None) -> bool:
    """Is ``value`` a year or a month ("2012", "2012-01") that ended before the publication day, or a
    week that began by then ("This week, X declined to ... . He said ...": the week holds the act)?"""
    from .timex_values import value_start_date

    if value[:4].isdigit() and len(value) == 8 and value[4:6] == "-W" and published:
        first = value_start_date(value)
        return first is not None and first.isoformat() <= published[:10]
    calendar = value[:4].isdigit() and (len(value) == 4 or (
        len(value) == 7 and value[4] == "-" and value[5:].isdigit()))
    return calendar and bool(published) and value < published[:len(value)]


def _named_times(clause_times, published: str | None) -> list:
    """The calendar times among ``clause_times`` (those that date clauses) not after publication."""
    from .timex_values import value_start_date

    out = []
    for t in clause_times:
        if t.value[:1].isdigit():
            first = value_start_date(t.value)
            if first is not None and (not published or first.isoformat() <= published[:10]):
                out.append(t)
    return out


# how many days before publication the story's own time may start (a recent day or this week)
STORY_RECENT_DAYS = 7


def story_time(clause_times, published: str | None):
    """The story's own time: the first day or week among ``clause_times`` (the times that date
    clauses, not nouns) that lies in the week before publication ("visited the White House on
    Wednesday", "told a reporter this week"); None without a publication date."""
    import datetime as dt

    from .timex_values import value_start_date

    if not published:
        return None
    pub = dt.date.fromisoformat(published[:10])
    for t in clause_times:
        if not t.value[:4].isdigit() or t.mod:
            continue
        day = len(t.value) >= 10 and t.value[4:5] == "-" and t.value[7:8] == "-"
        week = len(t.value) == 8 and t.value[4:6] == "-W"
        first = value_start_date(t.value) if day or week else None
        if first is None or first > pub or (pub - first).days > STORY_RECENT_DAYS:
            continue
        return t
    return None
