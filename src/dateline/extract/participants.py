"""Participants an analyst infers: the state of unrest from its place; the sense of an act from who
does it to whom.

Protests, rallies and riots are coded as a state's people acting against its government: an
actor-less protest at a place is by people of the place's state, and one with no target named is
aimed at that state (CAMEO/ICEWS practice: "protests in Lagos" NGA -> NGA); a state's forces acting
against people at a place in that state (repression, 17x) target that state's people. Which roots
are coded so is data (``grammar.json`` ``domestic_roots``, ``repression_roots``).
"""
from __future__ import annotations

import functools
from dataclasses import replace

from ..record import Mention
from .event_lexicon import grammar_words
from .regexes import regex


@functools.lru_cache(maxsize=1)
def domestic_roots() -> dict[str, frozenset[str]]:
    """"both": unrest whose actor and target the place gives; "all": also repression by a state's
    own forces, whose target (the people there) the place gives."""
    both = grammar_words("domestic_roots")
    return {"both": both, "all": both | grammar_words("repression_roots")}


def place_states(cands, text: str) -> None:
    """Actor-less and target-less unrest at a place in a state: the people and government there."""
    roots = domestic_roots()
    for c in cands:
        if c.pattern.code[:2] not in roots["all"] or not c.location or not c.location.get("code"):
            continue
        code = c.location["code"]
        here = Mention(c.start, c.end, text[c.start:c.end], entity=None, name=None, kind="other", code=code,
                       form="place-state")
        if c.actor is None and c.pattern.code[:2] in roots["both"]:
            c.actor = here
        if c.actor is not None and c.target is None and c.actor.code == code:
            c.target = here


def verbal_senses(cands) -> None:
    """"Trump attacked Clinton", "the senator hit out at the agency": a person's attack on a person or
    an organisation with a verb that also means speaking against them is criticism, not force."""
    verbs, (code,) = grammar_words("verbal_sense_verbs"), grammar_words("verbal_sense_code")
    for c in cands:
        if c.pattern.code[:2] not in ("18", "19") or c.pattern.words[0] not in verbs:
            continue
        if c.actor is not None and c.actor.kind == "person" and (
                c.target is None or c.target.kind in ("person", "organization")):
            c.intended = None
            c.pattern = replace(c.pattern, code=code)


def possessed_patients(cands, text: str) -> None:
    """"Kennedy's assassination", "the activist's arrest": the possessor of a noun of something done
    to someone undergoes it: it is the target, and the actor is unknown unless named otherwise."""
    nouns = grammar_words("patient_nouns")
    for c in cands:
        if c.pattern.pos != "noun" or c.actor is None or c.target is not None:
            continue
        head = text[c.start:c.end].lower().split()[-1]
        if head.rstrip("s") not in nouns and head not in nouns:
            continue
        if regex("cameo", "of_after").match(text[c.end:c.end + 4]):
            continue      # "Russia's expulsion of the diplomats": the possessor acts
        gap = text[c.actor.end:c.start]
        if c.actor.end <= c.start and regex("cameo", "possessed_gap").fullmatch(gap):
            c.actor, c.target = None, c.actor
