"""The times of a sentence that may date one of its acts (``event_time.TimeRules._date_clauses``): not a time
of another act told around it: an earlier year in the reason of a verb of judgement, an earlier year or
month for a present perfect, a time of the predicate around a relative or subordinate clause; and the
time a noun names for itself ("Friday's bombing")."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .dating import _words, noun_time, reason_preposition
from .event_lexicon import grammar_words
from .lexicon import is_past_form
from ..text import tokenize

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
    if c.pattern.pos != "verb":
        return sent
    judged = _reason_after(low, c.end_tok)
    perfect = _present_perfect(low, c.tok)
    cut = _predicate_after(low, c.tok, c.end_tok)
    keep = [x for x in sent.timexes if x[1] < cut and not (_older_period(x[3], published) and (
        perfect or (judged is not None and x[1] > judged)))]
    return replace(sent, timexes=keep) if len(keep) < len(sent.timexes) else sent


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
    stops = grammar_words("prepositions") | grammar_words("determiners") | grammar_words("subordinators") \
        | grammar_words("coordinators") | grammar_words("person_pronouns") | grammar_words("plural_pronouns") \
        | grammar_words("relative_pronouns") | {"or", "to"}
    for x in range(n, i):
        w = low[x]
        if w in stops or not w[:1].isalnum() or w.endswith(("'s", "’s")) or (x > n and is_past_form(w)):
            return False
    return True


def noun_own_time(i: int, sent: "_SentenceTimes"):
    """The time expression that dates the noun at token i itself ("Friday's bombing", "the Aug. 7
    attacks", or in a which/that clause describing it: "the blasts which killed scores earlier in the
    day"), with the date it gives."""
    low = sent.low
    for t, k, n, value in sent.timexes:
        if n <= i and modifier_chain(low, n, i) and noun_time(sent.text, t, low[k - 1] if k else ""):
            return t, value
    breaks = grammar_words("dating_scope_closers") | grammar_words("dating_clause_openers")
    r = next((x for x in range(i + 1, min(len(low), i + 1 + _RELATIVE_AFTER)) if low[x] in ("which", "that")
              or low[x] in breaks), None)
    if r is None or low[r] not in ("which", "that"):
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
    words = [w.lower() for _, _, w in tokenize(text, start, at)]
    closers = grammar_words("dating_scope_closers")
    for x in range(len(words) - 1, 0, -1):
        if words[x] in closers:
            return False
        if words[x] in _words("describing_relatives"):
            return True
    return False
