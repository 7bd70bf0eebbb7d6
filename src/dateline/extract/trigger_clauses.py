"""The steps after the trigger search of a sentence (extract.event_triggers): triggers that its
clauses show to be no happening of their own (a refused act, a capacity, a text's content, a
purpose or a coordinated force verb that repeats another) are dropped; a warning that states how
things are and an assertion are recoded or dropped."""
from __future__ import annotations

import functools
from dataclasses import replace

from .. import lang
from .event_lexicon import _BE, _CLAUSE_BREAK, _Cand, _DAY_WORDS, _DETS, dictionary, grammar_words


def sentence_filters(found: list[_Cand], toks, low: list[str]) -> list[_Cand]:
    """The triggers of a sentence (in order) that its clauses leave as happenings of their own."""
    found = _drop_refused_acts(found, low)
    if len(found) > 1:      # (each of these two steps drops one trigger of a neighbouring pair)
        found = _drop_purpose_repeats(_drop_coordinated_force(found, low), low)
    found = _drop_capacities(found, low)
    _warning_statements(found, toks, low)
    found = _assertions(found, toks, low)
    return [c for c in found if not _text_subject(c, low)]


def _drop_refused_acts(found: list[_Cand], low: list[str]) -> list[_Cand]:
    """"rejected an appeal to release X", "declined an invitation to attend": the act in the
    infinitive of a noun that a rejection (12x) takes as its object is what the rejection codes, no
    happening of its own. ("refused to deploy": the act stays, negated, as the complement that takes
    the refusing subject.)"""
    out = []
    for c in found:
        k = c.tok - 1
        gov = None
        if c.pattern.pos == "verb" and k >= 1 and low[k] == "to":
            gov = next((g for g in found if g.tok < k and g.pattern.code.startswith("12") and 1 <= k - g.end_tok <= 5
                        and not any(w in _CLAUSE_BREAK or w in (",", ";") for w in low[g.end_tok:k])), None)
        if gov is None:
            out.append(c)
    return out


def _drop_capacities(found: list[_Cand], low: list[str]) -> list[_Cand]:
    """"their ability to travel", "the right to try the suspects", "freedom to protest": the infinitive of
    a noun of capacity or entitlement names what someone may do, no happening."""
    nouns = grammar_words("capacity_nouns")

    def capacity(k: int) -> bool:       # k: the "to"; "the ability (of diplomats) to"
        if low[k - 1] in nouns:
            return True
        of = next((n for n in range(k - 1, max(0, k - 6), -1) if low[n] in ("of", ",", ";")), None)
        return of is not None and low[of] == "of" and low[of - 1] in nouns
    return [c for c in found if not (c.pattern.pos == "verb" and c.tok >= 2 and low[c.tok - 1] == "to"
                                     and capacity(c.tok - 1))]


def _warning_statements(found: list[_Cand], toks, low: list[str]) -> None:
    """"rights groups warned that the government was losing leverage": a bare warning (no object row
    matched) whose that-clause states how things are, with no act to come (no modal, no condition, no
    wrong named) and no addressee, comments (grammar.json warning_statement_code); "warned that it would
    retaliate" and "warned X that ..." stay threats."""
    verbs, code = grammar_words("warning_verbs"), next(iter(grammar_words("warning_statement_code")))
    stops = _warning_stops()
    for c in found:
        if c.pattern.pos != "verb" or c.pattern.objects or low[c.tok] not in verbs or not c.pattern.code.startswith("13"):
            continue
        that = next((k for k in range(c.end_tok, min(c.end_tok + 4, len(low))) if low[k] == "that"), None)
        if that is None or any(toks[k][2][:1].isupper() and low[k] not in _DAY_WORDS for k in range(c.end_tok, that)):
            continue
        end = next((k for k in range(that + 1, len(low)) if low[k] in (",", ";", ".") or low[k] in _CLAUSE_BREAK), len(low))
        if any(w in stops or _names_wrong(w) for w in low[that + 1:end]):
            continue
        c.pattern = replace(c.pattern, code=code)
        c.rule = f"{c.pattern.file}:{c.pattern.row + 1}+grammar.json:warning_statement_code"


@functools.lru_cache(maxsize=1)
def _warning_stops() -> frozenset[str]:
    """What makes a warning's that-clause a prediction: a modal that is no hedge, a condition
    ("warned that the vote could hurt growth")."""
    return frozenset((grammar_words("modal_auxiliaries") - grammar_words("hedges")) | grammar_words("conditions")
                     | grammar_words("threat_conditions"))


@functools.lru_cache(maxsize=1)
def _assertion_stops() -> frozenset[str]:
    """What makes a that-clause more than a statement: a modal, a condition, a word of modality."""
    return frozenset(grammar_words("modal_auxiliaries") | grammar_words("conditions") | grammar_words("modality"))


def _assertions(found: list[_Cand], toks, low: list[str]) -> list[_Cand]:
    """"insisted that they gave no support", "agrees the senator is an opportunist": a clause that
    states how things are (no modal, condition or infinitive) after "that" and a verb of grammar.json
    assertion_verbs, or after a verb of agreement_verbs with a form of "be" in its first words, asserts:
    no demand, no intent to cooperate ("insisted that X must withdraw", "agreed to talks", "agreed that
    they would meet" stay; "agreed with X that ..." expresses accord, 019)."""
    asserting, agreeing = grammar_words("assertion_verbs"), grammar_words("agreement_verbs")
    stops = _assertion_stops()
    out = []
    for c in found:
        j, w = c.end_tok, low[c.tok]
        if c.pattern.pos == "verb" and (w in asserting or (w in agreeing and c.pattern.code[:2] == "03")) and j < len(low) \
                and low[j] not in grammar_words("prepositions") and (low[j] == "that" or w in agreeing):
            j += low[j] == "that"
            end = next((k for k in range(j, min(len(low), j + 12)) if low[k] in (";", ".")), min(len(low), j + 12))
            infinitive = any(low[k] == "to" and toks[k + 1][2][:1].islower() and low[k + 1] not in _DETS
                             for k in range(j, end - 1))      # "it was time to resume talks"
            if (w in asserting or not _BE.isdisjoint(low[j:j + 6])) and not infinitive \
                    and not any(x in stops for x in low[j:end]):
                continue
        out.append(c)
    return out


@functools.lru_cache(maxsize=None)
def _names_wrong(word: str) -> bool:
    """A one-word trigger of a force or threat root that needs no object ("attack", "threat"): a
    word of ``bare_trigger_words`` of those roots, read from the word's own rows (the set is every
    form with such a row)."""
    roots = _harm_roots()
    return any(p.code[:2] in roots and len(p.words) == 1 and not p.objects for p in dictionary().get(word, ()))


@functools.lru_cache(maxsize=1)
def _harm_roots() -> frozenset[str]:
    return frozenset(grammar_words("harm_roots") | {"13"})


def _drop_coordinated_force(found: list[_Cand], low: list[str]) -> list[_Cand]:
    """"was shot and killed by police", "beat and robbed two tourists": two force verbs joined by
    "and" that share their object are one happening, coded by the second verb."""
    force = grammar_words("force_roots")
    drop = set()
    for c, d in zip(found, found[1:]):
        if c.pattern.pos == d.pattern.pos == "verb" and d.tok == c.end_tok + 1 and low[c.end_tok] == "and" \
                and c.pattern.code[:2] in force and d.pattern.code[:2] in force:
            drop.add(id(c))
    return [c for c in found if id(c) not in drop]


def _text_subject(c: _Cand, low: list[str]) -> bool:
    """"the plan, which calls for cooperation", "the bill requires", "the programme also calls for": an
    appeal or demand whose subject is a text states what the text says; no party appeals."""
    if c.pattern.pos != "verb" or c.pattern.code[:2] not in grammar_words("content_verb_roots"):
        return False
    k = c.tok - 1
    while k >= 1 and (low[k] in grammar_words("text_subject_adverbs") or lang.is_ly_adverb(low[k])):
        k -= 1      # "the programme also calls for", "the plan explicitly requires"
    if k >= 0 and low[k] in ("which", "that"):
        k -= 1
        if k >= 0 and low[k] == ",":
            k -= 1
    return k >= 0 and low[k] in grammar_words("content_nouns")


def _drop_purpose_repeats(found: list[_Cand], low: list[str]) -> list[_Cand]:
    """"used tear gas to disperse the crowd": an act whose purpose infinitive has the same code is one
    happening, coded by the first verb."""
    drop = set()
    for c, d in zip(found, found[1:]):
        if c.pattern.pos == d.pattern.pos == "verb" and d.tok >= 1 and low[d.tok - 1] == "to" \
                and 1 <= d.tok - c.end_tok <= 6 and c.pattern.code[:3] == d.pattern.code[:3] \
                and not any(w in _CLAUSE_BREAK or w in (",", ";", "and", "but") for w in low[c.end_tok:d.tok]):
            drop.add(id(d))
    return [c for c in found if id(c) not in drop]
