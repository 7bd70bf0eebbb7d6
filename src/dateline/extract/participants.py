"""Participants an analyst infers: the state of unrest from its place; the sense of an act from who
does it to whom.

Protests, rallies and riots are coded as a state's people acting against its government: an
actor-less protest at a place is by people of the place's state, and one with no target named is
aimed at that state (CAMEO/ICEWS practice: "protests in Lagos" NGA -> NGA). Which roots are coded so
is data (``grammar.json`` ``domestic_roots``); a state's forces acting against people at a place in
that state (repression, ``repression_roots``) target that state's people. Otherwise a place is where an event happened, never
its target by default.
"""
from __future__ import annotations

import functools
from dataclasses import replace

from ..record import Mention
from .entity_words import context_words
from .event_lexicon import grammar_words
from .frames import frames, role_words
from .regexes import regex

_SUPPRESS = "v.suppress.obj"      # the frame of a force's purpose of putting people down (frames.tsv)


@functools.lru_cache(maxsize=1)
def domestic_roots() -> dict[str, frozenset[str]]:
    """"both": unrest whose actor and target the place gives; "all": also repression by a state's
    own forces, whose target (the people there) the place gives."""
    both = grammar_words("domestic_roots")
    return {"both": both, "all": both | grammar_words("repression_roots")}


def _state_code(m) -> bool:
    """Does the mention stand for a state (a code that is no international or non-state body's)?"""
    return m is not None and bool(m.code) and m.code.lower() not in role_words("non_state_codes")


def _shared_unrest_places(cands, roots: frozenset[str]) -> None:
    """"protests in X broke out, with many turning to rioting": unrest with no place of its own
    happens where the other unrest of its sentence does (one place named for it there)."""
    for c in cands:
        if c.location or c.pattern.code[:2] not in roots:
            continue
        places = {(o.location["name"], o.location["code"]) for o in cands if o is not c and o.sent == c.sent
                  and o.location and o.location.get("code") and o.pattern.code[:2] in roots}
        if len(places) == 1:
            o = next(o for o in cands if o.sent == c.sent and o.location and o.pattern.code[:2] in roots)
            c.location = dict(o.location)


def place_states(cands, text: str) -> None:
    """Actor-less and target-less unrest at a place in a state: the people and government there.
    The target stands for the state, not the place (it carries no name)."""
    roots = domestic_roots()
    _shared_unrest_places(cands, roots["both"])
    for c in cands:
        if c.pattern.code[:2] in roots["both"] and c.target is None and _state_code(c.actor):
            # "opposition parties staged a strike": unrest by a state's people is against its government
            c.target = Mention(c.start, c.end, text[c.start:c.end], entity=None, name=None, kind="other",
                               code=c.actor.code, form="actor-state")
        elif c.pattern.code[:2] in roots["both"] and c.actor is None and _state_code(c.target) \
                and not (c.location and c.location.get("code")):     # (else the place's people: below)
            # "hundreds protested against the Chilean government's decision": people of its state
            c.actor = Mention(c.start, c.end, text[c.start:c.end], entity=None, name=None, kind="other",
                              code=c.target.code, form="target-state")
        act_code = c.intended or c.pattern.code       # (a threatened act: "threatened to impose a curfew in X")
        act = act_code[:2]
        repressive = act in roots["all"] or any(f.startswith(_SUPPRESS) for f in c.frames or ())   # ("deployed to break up a rally")
        if (c.pattern.code[:2] not in roots["all"] and not repressive) \
                or not c.location or not c.location.get("code"):
            continue
        code = c.location["code"]
        here = Mention(c.start, c.end, text[c.start:c.end], entity=None, name=None, kind="other", code=code,
                       form="place-state")
        if c.actor is None and c.pattern.code[:2] in roots["both"]:
            c.actor = here
        if c.actor is not None and c.target is None and c.actor.code == code \
                and not act_code.startswith(tuple(role_words("property_codes"))):
            c.target = here      # (not a seizure of property: "police seized weapons in X" names no people)


def _state_place(t, text: str) -> bool:
    """A state's adjective on a noun of place ("the Kenyan capital", "Iraqi territory")."""
    nxt = text[t.end:t.end + 40].split()
    return t.kind == "country" and t.form == "adjective" and bool(nxt) \
        and nxt[0].strip(".,;").lower() in role_words("place_nouns")


def places_are_locations(cands, text: str) -> None:
    """"rallied in Portadown", "jailed at the Capitol": a place after a preposition of location is
    where the event happened, not its target (a place is a location, never a target by default); so
    is a state's adjective there ("met in the Kenyan capital")."""
    preps = grammar_words("location_prepositions")
    for c in cands:
        t = c.target
        if t is None or t.start < c.end:
            continue
        # "killed 11 people in Lockerbie, Scotland": the state that tells where the place is
        located = _located_place(t, text, preps, c.pattern.preps)
        state = t.kind == "country" and t.form != "adjective" and not _framed_target(c) \
            and not _modifies_noun(t, text)
        if not (located or state or t.kind == "place" or _state_place(t, text)):
            continue
        words = [w for w in text[max(c.end, t.start - 30):t.start].lower().split()
                 if w not in grammar_words("articles")]
        # a state by name only after a preposition of being there ("killed in X"), not of source or
        # passage ("aid from X"), right after the trigger (after a noun it may be the noun's: "refugees
        # in X"): role_words state_location_prepositions
        wanted = preps if not state else role_words("state_location_prepositions") if len(words) == 1 \
            else frozenset()
        if not located and (not words or words[-1] not in wanted or words[-1] in c.pattern.preps):
            continue      # (the pattern's own aim: "fired shells at Seoul")
        c.location = c.location or {"name": t.name, "code": t.code}
        c.target = None


def _modifies_noun(t, text: str) -> bool:
    """A state's name before a common noun ("in the U.S. embassy"): the noun's owner, not a place."""
    nxt = text[t.end:t.end + 30].split()
    return bool(nxt) and nxt[0][:1].islower() and nxt[0].strip(".,;") not in role_words("object_breaks")


@functools.lru_cache(maxsize=1)
def _target_frames() -> frozenset[str]:
    return frozenset(f.id for f in frames() if f.role == "target")


def _framed_target(c) -> bool:
    """The target came from an argument frame of the parse (its own object or preposition phrase),
    not from a surface guess."""
    return any(i in _target_frames() for i in (c.frames or ()))


def _located_place(t, text: str, preps, aims=()) -> bool:
    """"in Lockerbie, Scotland", "at Nairobi, Kenya": a state or region named after a place and a comma
    tells where that place is (the place after a preposition of location that is not the pattern's
    own aim)."""
    if t.kind not in ("country", "place") or t.form == "adjective":
        return False
    m = regex("entities", "locator_before").search(text, max(0, t.start - 60), t.start)
    return m is not None and m.group(1).lower() in preps and m.group(1).lower() not in aims


def places_named_for_acts(cands, text: str) -> None:
    """"the Kenya bombing", "last year's Madrid summit": a state or a capital named (not by its
    adjective) right before a noun of a happening that a place locates (context.json
    place_event_nouns), after a determiner or a possessive, names where it happened, not who did it
    or to whom ("the U.S. bombing of Serbia": a complement after the noun keeps its actor)."""
    nouns = frozenset(context_words("place_event_nouns"))
    for c in cands:
        if c.pattern.pos != "noun" or text[c.start:c.end].lower().split()[-1] not in nouns \
                or regex("entities", "act_complement").match(text, c.end):
            continue
        for role in ("actor", "target"):
            m = getattr(c, role)
            if m is None or m.kind not in ("country", "place") or m.form == "adjective" \
                    or text[m.end:c.start] != " " \
                    or not regex("entities", "determiner_end").search(text, max(0, m.start - 30), m.start):
                continue
            c.location = c.location or {"name": m.name, "code": m.code}
            setattr(c, role, None)


def _physical_object(c, text: str) -> bool:
    """Is the object right after the trigger a place, a building, a vehicle or people as a group
    ("attacked the village", "struck a police convoy")? (Read up to the first word that ends it.)"""
    words = []
    for w in text[c.end:c.end + 80].lower().replace(",", " , ").replace(";", " ; ").split():
        if w in role_words("object_breaks"):
            break
        words.append(w.strip(".!?\"'()"))
    return any(w in role_words("physical_objects") for w in words[:5])


def verbal_senses(cands, text: str = "") -> None:
    """"Trump attacked Clinton", "the senator hit out at the agency": a person's attack on a person or
    an organisation with a verb that also means speaking against them is criticism, not force."""
    verbs, (code,) = grammar_words("verbal_sense_verbs"), grammar_words("verbal_sense_code")
    for c in cands:
        if c.pattern.code[:2] not in ("18", "19") or c.pattern.words[0] not in verbs or _unowned_noun(c, text):
            continue
        if c.actor is not None and c.actor.kind == "person" and (
                c.target is None or c.target.kind in ("person", "organization")) \
                and not (c.target is None and _physical_object(c, text)):
            c.intended = None
            c.pattern = replace(c.pattern, code=code)


def _unowned_noun(c, text: str) -> bool:
    """A noun of attack whose actor is not its possessor ("Trump's attacks") and whose target names no
    person or organisation: a person the frames read as its doer elsewhere in the clause ("before the
    Paris attacks, Rubio said", "Obama described the attack") did not attack in words."""
    if c.pattern.pos != "noun" or c.actor is None:
        return False
    owned = c.actor.end <= c.start and regex("cameo", "possessed_gap").fullmatch(text[c.actor.end:c.start])
    return not owned and (c.target is None or c.target.kind not in ("person", "organization"))


def hosts_from_places(cands, text: str) -> None:
    """"visited troops in Kabul", "the zone it occupies in southern Syria": a visit's host or an
    occupied land's state is the state the event takes place in where no counterpart is named
    (CAMEO codes the host of a visit as its target); never the actor's own state."""
    for c in cands:
        where = c.location.get("code") if c.location else None
        if c.target is not None or not where or (c.intended or c.pattern.code) not in role_words("host_codes"):
            continue
        if c.actor is not None and c.actor.code == where:
            continue
        c.target = Mention(c.start, c.end, text[c.start:c.end], entity=None, name=None, kind="other", code=where,
                           form="place-state")


def domestic_bodies_of_place(cands) -> None:
    """"BELFAST -- Police arrested two men in Dublin": a body that acts only at home (role_words
    domestic_bodies: police), named with no state of its own, is the body of the state the event
    takes place in, not of the state its context gave it."""
    for c in cands:
        a, where = c.actor, (c.location.get("code") if c.location else None)
        if a is None or not where or where == a.code or a.kind != "organization" \
                or (a.name or "").lower() not in role_words("domestic_bodies"):
            continue
        c.actor = replace(a, code=where)


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


def infer_participants(cands, text: str) -> None:
    """Every inference of this module, in order: places become locations, unrest takes its place's
    state, the sense of an attack follows its parties, a visit or occupation takes its place's
    state as counterpart, police act for the state they act in, a possessor undergoes what is done to it."""
    places_named_for_acts(cands, text)
    places_are_locations(cands, text)
    place_states(cands, text)
    verbal_senses(cands, text)
    hosts_from_places(cands, text)
    domestic_bodies_of_place(cands)
    possessed_patients(cands, text)
