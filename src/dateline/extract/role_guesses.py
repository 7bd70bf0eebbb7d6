"""Checks of the rules' guesses of an event's roles against the parse of its sentence (methods of
extract.role_parse): a guess inside a phrase of circumstance or place of the trigger, inside a comment's
reported clause or a coordinated clause's subject is no party to the event; a state named where a
violent act happened is not its actor or target; a state the pattern's own argument names is the
target of a person or body of it."""
from __future__ import annotations

import bisect

from ..record import Mention
from .event_lexicon import _CLAUSE_DEPS, _Cand, _OBJ, _PLACE_TARGET_ROOTS, _SUBJ, _SUBJ_PASS, _agent_nouns
from .frames import role_words
from .role_surface import _own_party


def _located_state(head, m: Mention) -> bool:
    """Is the state ``m`` named inside a phrase of place (role_words locative_prepositions) of a
    noun of violence (role_words located_act_nouns: "the explosions at U.S. embassies", "a bomb in
    Israel"): where the act happened, not who did it ("officials at the U.S. embassy", "troops in
    Iraq", "protests in Iran" are its people's)?"""
    if m.kind != "country":
        return False
    return _in_phrase_of(head, m, role_words("locative_prepositions"))


def _aimed_party(head, m: Mention) -> bool:
    """Is ``m`` named inside a phrase of aim (role_words aimed_prepositions) of a noun of violence
    ("a car bomb attack on the Turkish embassy"): whom the act was aimed at?"""
    return _in_phrase_of(head, m, role_words("aimed_prepositions"))


def _token_under(head, start: int):
    """The first token of ``head``'s Doc that starts at or after character ``start``, where it stands
    below ``head`` in the parse; else None."""
    doc = head.doc
    k = bisect.bisect_left(doc, start, key=lambda t: t.idx)
    return doc[k] if k < len(doc) and head in doc[k].ancestors else None


def _in_phrase_of(head, m: Mention, preps) -> bool:
    """Is ``m`` inside a phrase that one of ``preps`` opens, below ``head``, a noun of violence (role_words
    located_act_nouns)?"""
    if head.lower_ not in role_words("located_act_nouns") or m.start <= head.idx < m.end:
        return False
    t = _token_under(head, m.start)
    if t is None:
        return False
    while t.i != head.i:
        if any(ch.dep_ == "case" and ch.lower_ in preps for ch in t.children):
            return True
        t = t.head
    return False


def _circumstantial(c: _Cand, trig) -> bool:
    """Is the rules' target inside a phrase of circumstance of the trigger (role_words
    circumstance_prepositions, other than the pattern's own: "attacked without UN approval",
    "withdrew despite X's objections", "pressed on amid protests by X")?"""
    t = _target_token(c, trig.doc)
    if t is None:
        return False
    words = role_words("circumstance_prepositions") - set(c.pattern.preps)
    while t.i != trig.i and t.head.i != t.i:
        if t.dep_ in ("obl", "nmod", "advcl", "pobj", "prep") and any(
                ch.dep_ in ("case", "mark") and ch.lower_ in words for ch in t.children):
            return True
        t = t.head
    return False


def _own_party_parsed(actor: Mention, target: Mention, direct: bool, head=None) -> bool:
    """Is the target the parse gives a party of the actor's own state apart from the actor
    (role_surface._own_party), the state itself as the pattern's own argument ("X urged Washington
    to ...") where a person or body of it acts (never the state to itself: "Peru said Peru would ..."),
    or people of the state that the argument ``head`` names (_state_people)?"""
    return _own_party(actor, target, parsed=True) or (
        direct and target.kind == "country" and actor.kind in ("person", "organization")
        and target.entity is not None and target.entity != actor.entity) or _state_people(actor, target, head)


_NOUN_CLAUSES = frozenset({"acl"})     # a clause hung on a noun (UD and ClearNLP: not a relative one)
_OWNER_DEPS = frozenset({"poss", "nmod:poss", "amod", "compound"})


def _state_people(actor: Mention, target: Mention, head) -> bool:
    """"Lawmakers criticized Kenya's health minister", "... the country's police": the argument is a noun of
    an office, a body or a group of people (roles.tsv, agent_nouns.tsv) whose possessor or modifier names
    the state; they are a party of it apart from whoever of it acts."""
    return head is not None and target.kind == "country" and target.start != actor.start \
        and head.lower_ in _agent_nouns() and not target.start <= head.idx < target.end \
        and any(ch.dep_ in _OWNER_DEPS and target.start <= ch.idx < target.end for ch in head.children)


def as_party(actor: Mention | None, target: Mention, head) -> Mention:
    """The target to record: where it is the actor's own entity and the argument names that state's
    people (``_state_people``), that party: the phrase from the state's name to the noun of people
    ("Kenya's health minister"), of the state's code and no entity of its own (it is not the state
    that acts); else the target itself."""
    if actor is None or target.entity is None or target.entity != actor.entity \
            or not _state_people(actor, target, head):
        return target
    start, end = min(target.start, head.idx), head.idx + len(head.text)
    text = head.doc.text[start:end]
    return Mention(start, end, text, entity=None, name=text, kind="organization", code=target.code, form="agent")


def _located_guess(c: _Cand, trig, arg) -> bool:
    """Is the rules' target in a phrase of place of the act the trigger's argument ``arg`` names (its
    own: _located_state), or in one (role_words state_location_prepositions, other than the
    pattern's own) that the parser hung on the trigger, whose object is an act of violence (role_words
    located_act_nouns: "condemned the attack in X"), for an act other than violence (grammar.json
    place_target_roots: "fired at targets in X")?"""
    if arg is not None and _located_state(arg, c.target):
        return True         # where the act the argument names happened ("condemned the attacks in X")
    if c.pattern.code[:2] in _PLACE_TARGET_ROOTS or not any(
            ch.dep_ in _OBJ and ch.lower_ in role_words("located_act_nouns") for ch in trig.children):
        return False        # (the phrase may be the object's own: "provide food to refugees in X")
    t = _target_token(c, trig.doc)
    if t is None:
        return False
    words = role_words("state_location_prepositions") - set(c.pattern.preps)
    while t.i != trig.i and t.head.i != t.i:
        if t.head.i == trig.i and t.dep_ in ("obl", "nmod", "pobj") and any(
                ch.dep_ == "case" and ch.lower_ in words for ch in t.children):
            return True     # (on a noun the phrase may be the noun's own: "food to refugees in X")
        if t.dep_ in _CLAUSE_DEPS or t.dep_ in _SUBJ | _SUBJ_PASS:
            return False
        t = t.head
    return False


def _noun_clause_guess(c: _Cand, trig) -> bool:
    """Is the rules' target inside a clause of a present participle that describes a noun other than
    the trigger ("a ban on migrants entering X", "condemned the raid killing X's soldiers"), or of the
    infinitive of a noun of intention (role_words intention_nouns: "criticized the plan to expel X's
    diplomats"): that clause's argument, not the trigger's? (A past participle's phrase may be the
    noun's own aim, "lifted the sanctions imposed on X"; an infinitive on another noun may be the
    trigger's purpose that the parser hung there, "used force to compel X"; a phrase of place in the
    clause may tell whose people the noun names: "aid to refugees fleeing the war in X".)"""
    t = _target_token(c, trig.doc)
    places = role_words("state_location_prepositions")
    while t is not None and t.i != trig.i and t.head.i != t.i:
        if any(ch.dep_ == "case" and ch.lower_ in places for ch in t.children):
            return False
        if t.dep_ in _NOUN_CLAUSES and t.head.i != trig.i and t.head.tag_.startswith("NN") and (
                t.tag_ == "VBG" or (t.head.lower_ in role_words("intention_nouns")
                                    and any(ch.dep_ == "mark" and ch.lower_ == "to" for ch in t.children))):
            return trig in t.head.ancestors
        t = t.head
    return False


def _appeal_topic(c: _Cand, trig, start: int) -> bool:
    """Is the party that starts at ``start`` (the frame's or the rules') named, below the trigger of an
    appeal or demand (role_words addressed_roots), in a phrase of aim or topic (role_words
    topic_prepositions, other than the pattern's own) of a noun that names no party ("urged sanctions
    on X", "called for tougher action against X"): the act asked for is aimed at X; whom the appeal
    is addressed to is not named there?"""
    if (c.intended or c.pattern.code)[:2] not in role_words("addressed_roots"):
        return False
    t = _token_under(trig, start)
    if t is None:
        return False
    words = role_words("topic_prepositions") - set(c.pattern.preps)
    while t.i != trig.i:
        if t.head.i != trig.i and t.head.tag_.startswith("NN") and t.head.lower_ not in _agent_nouns() \
                and any(ch.dep_ == "case" and ch.lower_ in words for ch in t.children):
            return True
        t = t.head
    return False


def _co_participant(c: _Cand, trig, start: int) -> bool:
    """Is the party that starts at ``start`` one that unrest (role_words unrest_roots) is done together
    with: the object of a verb of joining (role_words joining_verbs: "joined his supporters at the
    protest") or a phrase of company on a trigger with no object (role_words company_prepositions:
    "marched with her supporters")? Those are fellow participants, not whom the unrest is aimed at."""
    if c.pattern.code[:2] not in role_words("unrest_roots"):
        return False
    t = _token_under(trig, start)
    if t is None:
        return False
    while t.head.i != trig.i:
        t = t.head
    if t.dep_ in _OBJ:
        return trig.lower_ in role_words("joining_verbs")
    # (a trigger with an object of its own: the phrase may be the object's, "boycott contact with X")
    return not any(ch.dep_ in _OBJ for ch in trig.children) and any(
        ch.dep_ == "case" and ch.lower_ in role_words("company_prepositions") for ch in t.children)


def _inside_comment(c: _Cand, trig) -> bool:
    """Is the rules' target of a comment (role_words comment_roots) inside the clause it reports,
    other than as that clause's subject ("warned that the government was losing its leverage over
    X": the comment is about the government, not about X)?"""
    if c.pattern.code[:2] not in role_words("comment_roots"):
        return False
    t = _target_token(c, trig.doc)
    while t is not None and t.i != trig.i and t.head.i != t.i:
        if t.head.i == trig.i:
            return t.dep_ == "ccomp"
        if t.dep_ in _SUBJ | _SUBJ_PASS and t.head.dep_ == "ccomp" and t.head.head.i == trig.i:
            return False      # the reported clause's own subject
        t = t.head
    return False


def _target_token(c: _Cand, doc):
    """The token where the rules' target starts, if one does."""
    k = bisect.bisect_left(doc, c.target.start, key=lambda t: t.idx)
    return doc[k] if k < len(doc) and doc[k].idx == c.target.start else None


def _coordinated_subject(c: _Cand, trig) -> bool:
    """Is the rules' target the subject of a clause coordinated with the trigger's ("farmers would
    protest and X would respond": X acts in a clause of its own, it is not the protest's target)?"""
    t = _target_token(c, trig.doc)
    while t is not None and t.i != trig.i and t.head.i != t.i and t.dep_ not in _SUBJ | _SUBJ_PASS:
        t = t.head
    return t is not None and t.dep_ in _SUBJ | _SUBJ_PASS and t.head.dep_ == "conj" and t.head.head.i == trig.i
