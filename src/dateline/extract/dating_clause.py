"""The times of a sentence that may date one of its acts (``event_time.TimeRules._date_clauses``): not a time
of another act told around it: an earlier year in the reason of a verb of judgement, an earlier year or
month for a present perfect, a time of the predicate around a relative or subordinate clause; and the
time a noun names for itself ("Friday's bombing")."""
from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from .dating import _words, noun_time, occasion_noun, reason_preposition
from .event_lexicon import _base_verbs, grammar_words
from .lexicon import is_past_form, verb_forms
from ..text import tokenize_lower

if TYPE_CHECKING:
    from .event_time import _SentenceTimes


# how many words after a verb of judgement the preposition of its reason may lie ("criticized the
# border police chief for shooting")
_REASON_AFTER = 8


def _reason_after(low: list[str], j: int) -> int | None:
    """The token of the preposition that opens the reason of the verb of judgement ending at token j
    ("attacked him for failing", "praised X for its help": ``dating.reason_preposition`` read from the
    reason's side), if one follows within a few words."""
    for x in range(j, min(len(low) - 1, j + _REASON_AFTER)):
        if low[x] in _words("reason_prepositions"):
            if any(reason_preposition(low, y, pos) == x for y, pos in ((x + 1, "verb"), (x + 1, "noun"),
                                                                       (x + 2, "noun")) if y < len(low)):
                return x
            return None
    return None


def own_times(c, sent: "_SentenceTimes", published: str | None) -> "_SentenceTimes":
    """The sentence's times that may date the verb ``c``: not an earlier year or month in the reason of a
    verb of judgement ("attacked him for failing to enforce an order in 1992"), nor one for a present
    perfect ("police have detained a suspect over the raids last year": another act's), nor a time
    after an auxiliary right after the verb, which opens the predicate of the clause around the verb's
    ("the man who fired seconds before the bomb exploded was identified Thursday")."""
    low = sent.low
    if c.pattern.pos == "noun" and part_of_noun(low, c.tok, [w for _, _, w in sent.toks]):
        keep = [x for x in sent.timexes if (x[2] <= c.tok and modifier_chain(low, x[2], c.tok))
                or (x[1] >= c.end_tok and _same_phrase(low, c.end_tok, x[1]))]
        return replace(sent, timexes=keep) if len(keep) < len(sent.timexes) else sent
    if c.pattern.pos != "verb":
        return sent
    judged = _reason_after(low, c.end_tok)
    perfect = _present_perfect(low, c.tok)
    cut = _predicate_after(low, c.tok, c.end_tok)
    keep = [x for x in sent.timexes if x[1] < cut and not (_older_period(x[3], published) and (
        perfect or (judged is not None and x[1] > judged)))]
    return replace(sent, timexes=keep) if len(keep) < len(sent.timexes) else sent


# how many words may lie between a noun and the preposition that attaches it to the noun before ("samples
# from the Lima market bombing")
_PART_REACH = 4


def part_of_noun(low: list[str], i: int, words: list[str] = ()) -> bool:
    """Is the noun at token i the object of a preposition (dating words.json part_prepositions: "of",
    "from", "for" ...) that attaches it to a noun before ("samples from the bombing", "relatives of the
    victims of the attack", "preparations for the summit")? It names what that noun is about, and a
    time of the clause dates that noun's clause, not it. Only determiners, possessives and modifiers
    between; not after a verb ("died of", "voted for"), the first word of a compound preposition
    (dating words.json preposition_heads: "ahead of", "because of"), a name ("a Group of 20 meeting":
    ``words``, the tokens as written) nor a noun of quantity or phase (dating words.json
    collective_heads: "a wave of attacks", "the start of the talks")."""
    dets = _determiners()
    for p in range(i - 1, max(0, i - 1 - _PART_REACH), -1):
        w = low[p]
        if w in _words("part_prepositions"):
            head = low[p - 1] if p > 0 and not (p > 1 and words and words[p - 1][:1].isupper()) else ""
            return head.isalpha() and not _verb_like(head) and head not in _no_heads()
        if not (w in dets or w.endswith(("'s", "’s")) or (w[:1].isalnum() and not is_past_form(w)
                                                          and w not in grammar_words("prepositions"))):
            return False
    return False


def _verb_like(w: str) -> bool:
    """Might the lower-case word be a verb form: a past form, a known base verb or its "-s" form, a
    participle in "-ing", or an adverb?"""
    return is_past_form(w) or w in _base_verbs() or w.endswith(("ing", "ly")) \
        or (w.endswith("s") and w[:-1] in _base_verbs())


@functools.lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return grammar_words("determiners") | grammar_words("noun_determiners")


@functools.lru_cache(maxsize=1)
def _no_heads() -> frozenset[str]:
    """Words before a preposition that are no noun its object could be part of (``part_of_noun``)."""
    return frozenset(_determiners() | _words("collective_heads")
                     | _words("predicate_auxiliaries") | grammar_words("participle_auxiliaries")
                     | _words("preposition_heads") | grammar_words("prepositions") | grammar_words("subordinators")
                     | grammar_words("person_pronouns") | grammar_words("plural_pronouns"))


def _same_phrase(low: list[str], j: int, k: int) -> bool:
    """Do tokens j..k-1 between a noun and a time after it stay in its phrase: no verb, clause break or
    relative pronoun ("a wave of attacks in the capital on Monday", not "the blast rose to 12 on Monday")?"""
    stops = _phrase_stops()
    return not any(w in stops or is_past_form(w) or w in _base_verbs() for w in low[j:k])


@functools.lru_cache(maxsize=1)
def _phrase_stops() -> frozenset[str]:
    """Words that end a noun's phrase before a time after it (``_same_phrase``)."""
    return grammar_words("dating_scope_closers") | grammar_words("relative_pronouns") \
        | grammar_words("subordinators") | _words("predicate_auxiliaries") | grammar_words("participle_auxiliaries")


# how many words before a verb the relative pronoun of its clause may lie ("who threw a grenade")
_RELATIVE_BACK = 6


def _predicate_after(low: list[str], i: int, j: int) -> int:
    """The token of an auxiliary after the past verb at tokens i..j that opens the predicate of the clause
    around the verb's own: right after it ("before the bomb exploded was identified"), or after its
    object where a relative pronoun opens the verb's clause ("the gunmen who attacked the convoy were
    arrested"); no comma or clause opener between. The sentence's end where there is none."""
    if not is_past_form(low[j - 1]) or j >= len(low):
        return len(low)
    aux, stops = _words("predicate_auxiliaries"), grammar_words("dating_scope_closers")
    if low[j] in aux:
        return j
    r = next((x for x in range(i - 1, max(-1, i - 1 - _RELATIVE_BACK), -1) if low[x] in ("who", "which")), None)
    if r is None or any(w in stops for w in low[r:i]):
        return len(low)
    for x in range(j, len(low)):
        if low[x] in stops or low[x] in grammar_words("relative_pronouns"):
            break
        if low[x] in aux:
            return x
    return len(low)


def _present_perfect(low: list[str], i: int) -> bool:
    """Is the verb at token i in the present perfect ("has been arrested", "have not met")?"""
    before = low[max(0, i - 3):i]
    return any(w in grammar_words("dating_perfect_auxiliaries") for w in before) and not any(
        w in grammar_words("dating_scope_closers") for w in before)


def _older_period(value: str, published: str | None) -> bool:
    """Does ``value`` lie in a year, or a month, before the publication's ("in 1992", "last May")?"""
    if not published or not value[:4].isdigit():
        return False
    return value[:4] < published[:4] or (len(value) >= 7 and value[4] == "-" and value[:7] < published[:7])


# how many words after a noun the relative pronoun of a clause describing it may lie ("the bomb blasts
# outside the embassy which killed ...")
_RELATIVE_AFTER = 5


# how many modifiers may stand between a time expression and the noun it dates ("last week's San Diego
# rally", "Friday's deadly twin bombings")
_MODIFIER_REACH = 3


def modifier_chain(low: list[str], n: int, i: int) -> bool:
    """Do the tokens n..i-1 between a time expression (ending before token n) and the noun at token i
    only modify that noun, so the time is the noun's own ("last week's San Diego rally", "the Aug. 7
    embassy bombings")? At most a few words, none a preposition, determiner, pronoun, conjunction or
    clause opener, no punctuation, and a past form only right after the time ("Friday's failed
    coup", not "Monday's meeting discussed attacks")."""
    if n == i:
        return True
    if not 0 < i - n <= _MODIFIER_REACH:
        return False
    stops = _chain_stops()
    for x in range(n, i):
        w = low[x]
        if w in stops or not w[:1].isalnum() or w.endswith(("'s", "’s")) or (x > n and is_past_form(w)):
            return False
    return True


@functools.lru_cache(maxsize=1)
def _chain_stops() -> frozenset[str]:
    """Words that no modifier between a time and its noun may be (``modifier_chain``)."""
    return grammar_words("prepositions") | grammar_words("determiners") | grammar_words("subordinators") \
        | grammar_words("coordinators") | grammar_words("person_pronouns") | grammar_words("plural_pronouns") \
        | grammar_words("relative_pronouns") | _words("chain_breaks")


def noun_modifier_time(i: int, sent: "_SentenceTimes", after: int = 0):
    """The time expression (at token ``after`` or later) that modifies the noun at token i as its own
    ("Friday's bombing", "the 2011 attacks", "the Aug. 7 embassy bombings"), with the date it gives."""
    low = sent.low
    for t, k, n, value in sent.timexes:
        if k >= after and n <= i and modifier_chain(low, n, i) and noun_time(sent.text, t, low[k - 1] if k else ""):
            return t, value
    return None


# how many words may lie between a subject noun and its verb ("The Friday explosions at the embassies in
# Nairobi, Kenya, and Dar es Salaam, Tanzania, killed ...")
_SUBJECT_REACH = 16


def subject_noun_times(lst, sent: "_SentenceTimes") -> list:
    """The undated verbs of a sentence's events (``lst``) whose subject is an event noun that opens the
    sentence with a time of its own ("The Friday explosions at the embassies killed 110", "Monday's raid
    wounded two"): what the happening did, it did then. Only a verb in the simple past, told as done
    (not hypothetical, negated or an intention), after the noun's phrase (prepositions, names, commas; no
    verb, clause opener or relative pronoun); the noun the first word of the sentence that is no
    determiner, modifier or time. Pairs of (event, (time, date))."""
    low, out = sent.low, []
    nouns = [o for o in lst if o.pattern.pos == "noun" and 0 <= o.tok < len(low)]
    first = next((o for o in nouns if not any(_verb_like(w) or w in grammar_words("dating_scope_closers")
                                                   for w in low[:o.tok])), None)
    own = noun_modifier_time(first.tok, sent) if first is not None else None
    if own is None:
        return out
    stops = _phrase_stops() | grammar_words("dating_clause_openers") | _words("predicate_auxiliaries")
    for c in lst:
        i = c.tok
        if c.date is not None or c.pattern.pos != "verb" or c.hypothetical or c.negated or c.modality \
                or not first.end_tok <= i <= first.end_tok + _SUBJECT_REACH or not is_past_form(low[i]):
            continue
        between = low[first.end_tok:i]
        if not any(w in stops - {","} or _verb_like(w) for w in between):
            out.append((c, own))
        break
    return out


def noun_own_time(i: int, sent: "_SentenceTimes"):
    """The time expression that dates the noun at token i itself ("Friday's bombing", "the Aug. 7
    attacks", or in a which/that clause describing it: "the blasts which killed scores earlier in the
    day"), with the date it gives."""
    low = sent.low
    own = noun_modifier_time(i, sent)
    if own is not None:
        return own
    breaks = grammar_words("dating_scope_closers") | grammar_words("dating_clause_openers")
    relatives = _words("noun_relatives")
    r = next((x for x in range(i + 1, min(len(low), i + 1 + _RELATIVE_AFTER)) if low[x] in relatives
              or low[x] in breaks), None)
    if r is None or low[r] not in relatives:
        return None
    for t, k, n, value in sent.timexes:
        if k > r and not any(low[x] in breaks for x in range(r + 1, k)):
            return t, value
    return None


def described(text: str, start: int, at: int) -> bool:
    """Is the act at ``at`` told in a relative clause (dating words.json describing_relatives: "who",
    "where" ...) inside the reported content that starts at ``start``, not its first word, no clause
    break between ("the village where gunmen had killed a priest, police said Friday", "two suspects
    who had been arrested, papers reported")? The clause describes someone or something: an act
    before the report, whose day is not the report's."""
    words = tokenize_lower(text, start, at)[1]
    closers = grammar_words("dating_scope_closers")
    for x in range(len(words) - 1, 0, -1):
        if words[x] in closers:
            return False
        if words[x] in _words("describing_relatives"):
            return True
    return False


def participle_time(low: list[str], j: int, k: int) -> bool:
    """Does the time expression at token k follow a later verb form after the trigger ending at token j:
    a past form right before it, or before a particle or a preposition of time (dating words.json
    participle_links: "a raid carried out last week", "emails leaked on Monday"), after a word that is
    no auxiliary, pronoun, conjunction or "to" ("was arrested Monday", "attacked and killed on Monday"
    keep theirs)? The time is that verb's, not the trigger's."""
    stops = _participle_stops()
    x = k - 1
    while x > j and low[x] in _words("participle_links"):
        x -= 1
    if x <= j or not is_past_form(low[x]) or not low[x].isalpha():
        return False
    prev = low[x - 1]
    return x - 1 >= j and prev.isalpha() and prev not in stops and not prev.endswith("ly") and not is_past_form(prev)


@functools.lru_cache(maxsize=1)
def _participle_stops() -> frozenset[str]:
    """Words before a later past form that keep it the trigger's own verb chain (``participle_time``)."""
    return grammar_words("participle_auxiliaries") | grammar_words("person_pronouns") \
        | grammar_words("plural_pronouns") | grammar_words("coordinators") | _words("later_verb_modals") \
        | grammar_words("subordinators") | _words("chain_breaks")


# how many words after a span preposition its unit of time may lie ("for more than two years")
_SPAN_UNIT_REACH = 4


def span_clause(text: str, c, sentence: tuple[int, int] | None) -> bool:
    """Is the act told over a span, not on one day: after a sentence-opening phrase that starts one
    (dating words.json span_openers: "Since May, X criticized ..."), or after a span adverbial before it
    in its clause or in the sentence's opening phrase ("X for months refused", "For years, X attacked",
    "In recent weeks, X has criticized": ``_span_adverbial``)? Neither the story's day nor the
    publication day bounds it."""
    if sentence is None or not text or c.pattern.pos != "verb":
        return False
    low = tokenize_lower(text, sentence[0], c.start)[1]
    closers = grammar_words("dating_scope_closers")
    first = next((n for n, w in enumerate(low) if w in closers), None)
    if first is not None and low and (low[0] in _words("span_openers") or _span_adverbial(low[:first])):
        return True       # "Since May, X ...", "For months, X ...": the main clause after the opening phrase
    last = max((n for n, w in enumerate(low) if w in closers), default=-1)
    return _span_adverbial(low[last + 1:])


def _span_adverbial(words: list[str]) -> bool:
    """Do the words (a clause up to an act) hold a span adverbial: a span preposition ("for", "over"; "in",
    "during" only with a qualifier: "in recent months") with a unit of time a few words after it, not a
    unit of a noun ("a day of protests"), and no coordinator between it and the act ("jailed for two years
    and released")?"""
    plain, qualified = _words("span_duration_prepositions"), _words("span_qualified_prepositions")
    for p, w in enumerate(words):
        if w not in plain and w not in qualified:
            continue
        ahead = words[p + 1:p + 1 + _SPAN_UNIT_REACH]
        u = next((n for n, x in enumerate(ahead) if x in _words("anchor_units")), None)
        if u is None or any(not x[:1].isalnum() for x in ahead[:u]) \
                or (w in qualified and not any(x in _words("span_qualifiers") for x in ahead[:u])):
            continue
        rest = words[p + 2 + u:]
        if (rest[:1] == ["of"]) or any(x in grammar_words("coordinators") for x in rest):
            continue
        return True
    return False


def perfect_clause(text: str, c, sentence: tuple[int, int]) -> int:
    """Where the clause whose auxiliaries the act's verb shares starts: at the last comma before it, or,
    for the second of two verbs under one auxiliary, right after a coordinator ("have killed 200 people,
    including 12 Americans, and wounded 5,000"), at the sentence's last clause opener or relative pronoun
    before it (its start where there is none). A coordinated clause with a subject of its own ("X has
    condemned Y, and Z attacked W") keeps its own."""
    comma = max(sentence[0], text.rfind(",", sentence[0], c.start) + 1)
    words = tokenize_lower(text, comma, c.start)[1]
    if not words or words[0] not in grammar_words("coordinators") or any(not w.endswith("ly") for w in words[1:]):
        return comma
    spans, low = tokenize_lower(text, sentence[0], comma)
    stops = grammar_words("dating_clause_openers") | grammar_words("relative_pronouns") \
        | (grammar_words("dating_scope_closers") - {","})
    k = max((n for n, w in enumerate(low) if w in stops), default=-1)
    return spans[k + 1][0] if k + 1 < len(spans) else comma


# how many words before a noun trigger a word telling another happening may lie ("another horrific
# attack"), and before a verb trigger an adverb of an earlier act ("had previously endorsed")
_DISTINCT_NOUN_REACH, _DISTINCT_VERB_REACH = 3, 2


def told_as_distinct(low: list[str], i: int, pos: str) -> bool:
    """Does a word right before the trigger at token i tell another happening than one told before
    ("another attack", "had previously endorsed": dating words.json distinct_noun_markers,
    distinct_verb_adverbs)?"""
    key, reach = ("distinct_verb_adverbs", _DISTINCT_VERB_REACH) if pos == "verb" else \
        ("distinct_noun_markers", _DISTINCT_NOUN_REACH)
    return any(w in _words(key) for w in low[max(0, i - reach):i])


@functools.lru_cache(maxsize=None)
def _occasion_verbs() -> frozenset[str]:
    return frozenset(f for v in _words("occasion_object_verbs") for f in verb_forms(v))


def occasion_object(text: str, t, low: list[str], i: int, j: int, k: int) -> bool:
    """Is the time expression ``t`` (at token k) on an occasion noun that is the direct object of the
    verb at tokens i..j, a verb of taking part whose act is at its occasion (dating words.json
    occasion_object_verbs: "attended a Sunday night vigil", "hosted Tuesday's summit")? Only a
    determiner may stand between the verb and the time."""
    if low[i] not in _occasion_verbs() or not 0 <= k - j <= 1:
        return False
    return (k == j or low[j] in _words("after_phrase_determiners")) and occasion_noun(text, t)
