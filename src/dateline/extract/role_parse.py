"""Parse-based frame roles: actor and target of a trigger from the dependency parse of its sentence,
through the argument frames of resources/cameo/frames.tsv (extract.frames), and the entity a reached
token names (mentions over it, its phrase, a pronoun's antecedent, a generic body's own state)."""
from __future__ import annotations

import bisect
import functools
from dataclasses import replace

from .. import lang
from ..nlp.extensions import text_of
from ..record import Mention
from .event_lexicon import (
    _CLAUSE_DEPS, _Cand, _MODAL, _OBJ, _PLACE_TARGET_ROOTS, _PLURAL_PRON, _POSS, _PRONOUNS, _SUBJ, _SUBJ_PASS,
    _agent_nouns, _child, grammar_words
)
from .frames import controls, frames, frames_for, role_words, walk
from .lexicon import is_participle, verb_forms
from .role_pronouns import _reported_pronoun, pair_of
from .role_clauses import (
    _SUPPRESS, _bare_participle, _between_pair, _dispute_party, _reciprocal_object, _relation_partner,
    _suppressing_purpose
)
from .entity_context import _title_chain
from .role_surface import _ethnic
from .role_guesses import (
    _aimed_party, _appeal_topic, _circumstantial, _co_participant, _coordinated_subject, _inside_comment,
    _located_guess, _located_state, _noun_clause_guess, _own_party_parsed, as_party
)

_RELATIVE = grammar_words("relative_pronouns")
_RELATIVE_POSS = grammar_words("relative_possessives")
_AUX_PASS = lang.dep_labels("passive_auxiliary")
_BG_AUX, _BG_MARK, _BG_ADV = (grammar_words(k) for k in ("background_auxiliaries", "background_marks",
                                                         "background_adverbs"))
_PRESENT_AUX = grammar_words("present_auxiliaries")
_CONTROL_MARKS = grammar_words("object_control_marks")
_PLACE_BREAKS = lang.dep_labels("place_break")


@functools.lru_cache(maxsize=None)
def _verb_forms(key: str) -> frozenset[str]:
    """Every form of the verbs of one grammar.json list."""
    return frozenset(f for v in grammar_words(key) for f in verb_forms(v))


def _background(tok) -> bool:
    """Does the parse place this verb's act before the story's time: a past perfect ("had moved"),
    an adverb of the past ("previously met"), a clause relative to another happening ("before being
    assassinated") or a relative clause that describes someone ("X, who founded the party")?"""
    if any((ch.dep_ == "aux" and ch.lower_ in _BG_AUX) or (ch.dep_ == "advmod" and ch.lower_ in _BG_ADV)
           for ch in tok.children):
        return True
    if tok.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in _BG_MARK for ch in tok.children):
        return True
    return tok.dep_ in ("acl:relcl", "relcl") and not tok.lower_.endswith("ing") \
        and not any(ch.dep_ in ("aux", "aux:pass") and ch.lower_ in _PRESENT_AUX for ch in tok.children)


def _shared_passive(tok) -> bool:
    """A participle coordinated with a passive verb, with no subject or auxiliary of its own, shares
    its voice ("he was detained and later charged")."""
    return tok.dep_ == "conj" and (tok.tag_ == "VBN" or is_participle(tok.lower_)) and _child(tok, _SUBJ | _SUBJ_PASS | _AUX_PASS | {"aux"}) is None \
        and _child(tok.head, _SUBJ_PASS | _AUX_PASS) is not None



def _predicate_subject(noun):
    """The subject a predicate noun describes ("X is a leader who ...", "X is a liar and a bully who ...",
    "X insults judges and is a liar who ..."): a relative clause on it tells of that subject; any other
    noun is itself."""
    chain = [noun]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    first = next((i for i, t in enumerate(chain) if any(ch.dep_ == "cop" for ch in t.children)), None)
    if first is None:
        return noun
    subjects = (ch for t in chain[first:] for ch in t.children if ch.dep_ in ("nsubj", "nsubj:pass"))
    subject = next(subjects, None)
    if subject is None and chain[-1].dep_ in _OBJ and chain[-1].head.tag_.startswith("VB"):
        # "X incites violence and is a liar who ...", the predicate hung as a conjunct of the
        # object: the copula's subject is the clause's
        verb = chain[-1].head     # (its nearest subject: "Note: X incites ..." parsed with two)
        subject = max((ch for ch in verb.children if ch.dep_ == "nsubj" and ch.i < verb.i), key=lambda t: t.i,
                      default=None)
    # a pronoun subject ("They are friends who ...") is left to the noun: its antecedent is a guess
    return noun if subject is None or subject.lower_ in _PRONOUNS else subject


def _time_phrase(tok) -> bool:
    """Is the subject token the parser reached a common noun that a word of sequence opens as its
    preposition (grammar.json background_marks: "after the anniversary of ..."), a phrase of time? (Not
    a name the parser gave a clause's mark: "after X blamed ...".)"""
    return tok.dep_ in _SUBJ | _SUBJ_PASS and tok.tag_ in ("NN", "NNS") and any(
        ch.dep_ == "case" and ch.lower_ in _BG_MARK and ch.i < tok.i for ch in tok.children)


def _participle_conj(tok) -> bool:
    """Is the token a conjunct the parser hung after a comma with a participle before it as its
    adjective and no conjunction ("praised the growth, challenging X to ...")? That is a clause of
    the participle, whose object the token is, not one more member of the phrase."""
    if tok.dep_ != "conj" or any(ch.dep_ == "cc" for ch in tok.children):
        return False
    first = tok.doc[tok.left_edge.i + 1] if tok.left_edge.text == "," and tok.left_edge.i + 1 < tok.i \
        else tok.left_edge
    return first.tag_ == "VBG" and first.dep_ in ("amod", "compound") and first.head.i == tok.i \
        and first.i > 0 and tok.doc[first.i - 1].text == ","


def _handled_thing(tok) -> bool:
    """The trigger word is used as a noun ("talks"): "police seized a car bomb", "the talks were cut
    off" report no happening of it."""
    return (tok.dep_ in _OBJ and tok.head.lower_ in _verb_forms("handling_verbs")) or (
        tok.dep_ in _SUBJ_PASS | _SUBJ and tok.head.lower_ in _verb_forms("halting_verbs"))


def _mood(c: _Cand, tok) -> None:
    """A verb's background reading; a noun trigger that is the subject of a modal is hypothetical ("the
    veto is expected to come", "the visit will take place"; not "the raid can be traced to X": who did
    it is hedged, not the raid)."""
    if c.pattern.pos == "verb":
        c.background = _background(tok)
    elif tok.dep_ in _SUBJ_PASS | _SUBJ and (tok.head.lower_ in _MODAL or any(
            ch.dep_ in ("aux", "aux:pass") and ch.lower_ in _MODAL for ch in tok.head.children)) \
            and not (tok.head.lower_ in role_words("ascribing_verbs")
                     and c.pattern.code[:2] in role_words("ascribed_roots")):
        c.hypothetical = True


class ParseRoles:
    """Methods of EventExtractor (extract.events): roles from the dependency parse."""

    def _from_parse(self, c: _Cand, parse, mentions: list[Mention]) -> None:
        """Actor and target from the parse of the sentence (UD or ClearNLP labels); where the parse
        names an entity for a role, it replaces the rules' guess."""
        tok = next((t for t in parse if t.idx == c.start), None)
        if tok is None or not tok.dep_:
            return
        if _handled_thing(tok):
            c.attributive = True
            return
        if c.between:
            return      # "talks between A and B broke down": the pair is the rules' reading
        if c.pattern.pos == "verb" and tok.dep_ == "amod" and tok.i > tok.sent.start \
                and tok.doc[tok.i - 1].dep_ in ("det", "nmod:poss") and tok.doc[tok.i - 1].head.i == tok.head.i:
            # "the seized ship", "the besieged town", "alleged crimes": a participle that describes
            # a noun names no happening of this report, and its clause's subject took no part in it
            c.attributive = True
            return
        _mood(c, tok)
        voice = "passive" if c.pattern.pos == "verb" and (
            _child(tok, _SUBJ_PASS | _AUX_PASS) is not None or c.passive or _shared_passive(tok)) else "active"
        actor, _, a_id, a_tok = self._frame_role(c, tok, "actor", voice, mentions)
        target, direct, t_id, t_tok = self._frame_role(c, tok, "target", voice, mentions)
        if _reciprocal_object(tok):
            # "pledged to consult each other on relations with X": the act is between the subject's
            # members; a party named in its topic is not its target ("the two leaders": the second)
            pair = pair_of(a_tok, mentions) if a_tok is not None else None
            target, direct, t_id, t_tok, c.target = None, False, None, None, None
            if pair is not None and actor is not None and actor.start == pair[0].start:
                target, direct, t_id = pair[1], True, a_id
        if target is not None and _co_participant(c, tok, target.start):
            target, direct, t_id = None, False, None     # "joined her supporters at the protest": fellow protesters
        if target is not None and _appeal_topic(c, tok, target.start):
            # "urged sanctions on X": the party the act asked for is aimed at is its topic, not whom the
            # appeal is addressed to
            target, direct, t_id = None, False, None
        if t_tok is not None and a_tok is not None and t_tok.i == a_tok.i:
            # "troops were deployed" (frames v.pass.force.subj): the token that acts does not undergo it
            target, direct, t_id, t_tok = None, False, None, None
            c.target = None if c.target is not None and c.target.start == a_tok.idx else c.target
        if target is not None and actor is not None and t_tok is not None and target.entity is not None \
                and target.entity == actor.entity:
            target = self._not_own_subject(target, actor, t_tok, mentions)
        c.frames = tuple(f for f in (a_id, t_id) if f)
        if target is None and t_id is None and _suppressing_purpose(c, tok, voice):
            c.frames += (_SUPPRESS,)   # "police deployed to break up a rally": repression (participants)
        if target is None and voice == "active" and c.pattern.pos == "verb":
            self._topic_modifier(c, tok)
            target = _relation_partner(c, tok, mentions, actor or c.actor)
        if target is None and t_tok is not None and c.target is not None and not self._argument_names(c, t_tok):
            c.target = None     # "seized a car bomb ... on the eve of talks by X": the object names no party,
            #                     and a name further on in another phrase is not the target
        if target is None and c.target is not None and (_circumstantial(c, tok) or _coordinated_subject(c, tok)
                                                        or _inside_comment(c, tok) or _located_guess(c, tok, t_tok)
                                                        or _noun_clause_guess(c, tok)
                                                        or _appeal_topic(c, tok, c.target.start)
                                                        or _co_participant(c, tok, c.target.start)):
            c.target = None     # "attacked without UN approval", "X would protest and Y respond": no target
        if target is None and t_id is None and c.target is None:
            target = _dispute_party(c, tok, mentions, actor or c.actor)     # "... as X discussed the Y crisis"
        self._settle_actor(c, tok, parse, (actor, a_id, a_tok), voice, mentions)
        if target is not None and a_id is None and c.actor is not None and (c.actor.start == target.start or (
                (voice == "passive" or a_tok is not None or c.pattern.pos == "noun") and c.actor.entity is not None
                and c.actor.entity == target.entity)):
            c.actor = None       # "X faced criticism", "he was tased and then shot", "protests against X": whom
            #                      the parse gives as the target (a passive's patient, a noun's counterpart, an
            #                      object where the parse found another subject) is not the rules' actor too
        # a place is where, not whom: it stands for its state only as the direct object ("visited
        # Yangon"), after the pattern's own target preposition ("a visit to Rangoon") or as what
        # violence is aimed at ("fired at Seoul")
        placed = target is not None and target.kind == "place" and (not target.code or not (
            direct or c.pattern.code[:2] in _PLACE_TARGET_ROOTS))    # a place of no state ("the Gulf") is only where
        if placed:
            if not self._place_modifies(t_tok, c.target):
                c.target = None  # the clause's argument is a place: the rules' guess past it is no party either
        elif target is not None and target.kind in ("country", "person", "organization", "place") and (
                c.actor is None or target.code != c.actor.code or _own_party_parsed(c.actor, target, direct, t_tok)):
            c.target = as_party(c.actor, target, t_tok)     # (the state's people as a party of their own)

    def _settle_actor(self, c: _Cand, tok, parse, found, voice: str, mentions) -> None:
        """The actor of the trigger: the entity the frames ``found`` (mention, frame id, token reached),
        else the rules' guess unless the parse shows it is not the doer."""
        actor, a_id, a_tok = found
        if actor is not None and (actor.kind in ("country", "person", "organization") or (
                actor.kind == "place" and actor.code and a_tok is not None and a_tok.lower_ in _agent_nouns())
                                  or (actor.kind == "place" and actor.code and actor.form == "capital")):
            c.actor = actor      # (a place's state on a body of it: "the government of Sindh province"; a
            #                      capital that a frame gives as the doer stands for its government: "criticism
            #                      from Berlin")
        elif actor is None and a_tok is not None and c.actor is not None and a_tok.lower_ not in _PRONOUNS \
                and (c.actor.start < parse[0].idx or c.actor.start > tok.idx):
            c.actor = None       # "Extremists bombed ...": the subject names no entity; a guess from before is not it
        elif voice == "passive" and c.actor is not None and self._is_subject(tok, c.actor, mentions):
            c.actor = None       # "he was shot": who underwent it did not do it
        elif actor is None and a_id is None and c.actor is not None and _bare_participle(c, tok):
            c.actor = None       # "... for two killings blamed on X": no by-agent, so its doer goes unnamed; a
            #                      guess outside the phrase of the noun it describes is not it
        elif actor is None and c.pattern.pos == "noun" and tok.dep_ in _OBJ \
                and tok.head.lower_ in role_words("citing_verbs"):
            c.actor = None       # "X cited criticism of Y": who cites an act did not do it

    def _appealer(self, c: _Cand, low: list[str], parse, mentions: list[Mention]) -> Mention | None:
        """"X urged Y to withdraw": the party that appeals is the subject of the appeal verb (the
        word ``c.modality_marker`` names); None where the parse gives it no named party or the
        appeal verb is passive ("Y was urged to ...")."""
        k = c.modality_marker
        if k is None or not 0 <= k < len(low):
            return None
        verb = next((t for t in reversed(list(parse)) if t.idx < c.start and t.lower_ == low[k]), None)
        if verb is None or _child(verb, _SUBJ_PASS | _AUX_PASS) is not None:
            return None
        subj = _child(verb, _SUBJ)
        while subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head      # "met X and urged Y to ...": the subject of the first verb
            subj = _child(verb, _SUBJ)
        m = self._mention_of(subj, mentions) if subj is not None else None
        return m if m is not None and m.kind in ("country", "person", "organization") else None

    def _not_own_subject(self, target: Mention, actor: Mention, t_tok, mentions) -> Mention | None:
        """"X called Y a liar and accused him of ...": an object pronoun is not its own clause's
        subject; it stands for the nearest fitting party before it in its sentence other than the actor,
        else in the sentence before ("Y spoke on Monday. X accused him of ...": Y); a plural one for no
        single person."""
        if t_tok.lower_ not in role_words("object_pronouns") or t_tok.dep_ in _SUBJ | _SUBJ_PASS | _POSS:
            return target     # (an object, or one after a preposition: "met with her")
        sent = t_tok.sent
        first = t_tok.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        plural = t_tok.lower_ in _PLURAL_PRON      # ("promised them": a group, not one person named before)
        other = self._pronoun(t_tok.lower_, t_tok.idx, [m for m in mentions if m.entity != actor.entity
                                                        and m.start >= first and not (plural and m.kind == "person")])
        return None if other is None else replace(other, start=t_tok.idx, end=t_tok.idx + len(t_tok),
                                                  text=t_tok.text)

    @staticmethod
    def _argument_names(c: _Cand, arg) -> bool:
        """Can the rules' target be an argument of the trigger whose frame reached ``arg`` (a token that
        names no party)? Not when it is the by-agent of a noun other than that argument ("seized a rifle
        hours before a visit by X") or sits in a clause with a subject of its own under
        the trigger ("vetoed a bill that would let families sue X")."""
        doc, trig = arg.doc, arg.head
        k = bisect.bisect_left(doc, c.target.start, key=lambda t: t.idx)
        if k == len(doc):
            return True
        first = doc[k]
        by = first.i > 0 and doc[first.i - 1].lower_ == "by" and "by" not in c.pattern.preps
        t, core = first, False
        while t.i != trig.i and t.head.i != t.i:
            core = core or (t.dep_ in _OBJ | _SUBJ | _SUBJ_PASS and t.head.tag_.startswith("VB"))
            if t.dep_ in _CLAUSE_DEPS and (_child(t, _SUBJ | _SUBJ_PASS) is not None or any(
                    ch.dep_ == "mark" and ch.lower_ in _CONTROL_MARKS for ch in t.children)):
                return False      # a clause with a subject of its own, or what the object is said to have
                #                   done ("accused the man of plotting against X": X is not whom it accuses)
            if _participle_conj(t) or (t.dep_ == "advcl" and t.i > 0 and doc[t.i - 1].text == ","):
                return False      # "praised the growth, challenging X": X is the participle's, not the trigger's
            if by and t.dep_ in ("nmod", "obl", "pobj", "agent") and t.head.i != arg.i:
                return False      # the agent of a noun other than the object ("demanded an admission by X" is)
            by = by and t.dep_ not in ("nmod", "obl", "pobj", "agent")
            t = t.head
        # a guess in the sentence outside the trigger's phrase, an argument of another verb ("a call to
        # ban X could galvanize Y"; a phrase of place the parser hung elsewhere may still be the trigger's)
        return t.i == trig.i or c.target.start < doc[0].idx or not core

    @staticmethod
    def _place_modifies(place_tok, guess: Mention | None) -> bool:
        """Does the rules' guess follow the place the frame reached with no preposition or verb
        between ("criticized Tulsa, Okla., police officer X": the place names whose officer)?"""
        if place_tok is None or guess is None or guess.start <= place_tok.idx:
            return False
        doc = place_tok.doc
        between = list(doc[place_tok.i + 1:bisect.bisect_left(doc, guess.start, key=lambda t: t.idx)])
        return len(between) <= 6 and not any(t.dep_ in _CLAUSE_DEPS or t.dep_ in _PLACE_BREAKS for t in between)

    def _frame_role(self, c: _Cand, tok, role: str, voice: str, mentions):
        """(the entity of ``role``, whether it is the pattern's own argument, the deciding frame's id,
        the token it reached) from the first frame of resources/cameo/frames.tsv that decides."""
        preps = frozenset(c.pattern.preps)
        for f in frames_for(c.pattern.pos, voice, role, c.pattern.code):
            reached = walk(f, tok, preps)
            if reached is None:
                continue
            if role == "actor" and c.pattern.pos == "verb" and voice == "active" and _reported_pronoun(reached):
                # "Organizers said they would rally": the speaker the parse gives, else the rules resolve it
                m = self._speaker_of(reached, mentions)
                return (m, False, f.id, reached) if m is not None else (None, False, f.id, None)
            if role == "actor" and _time_phrase(reached):
                # "a week after the anniversary of X's decision, a bombing killed ...": a subject the
                # parser gave a preposition of time is an adjunct of when; nothing in it did the act
                inside = c.actor is not None and reached.left_edge.idx <= c.actor.start \
                    < reached.right_edge.idx + len(reached.right_edge)
                c.actor = None if inside else c.actor
                return None, False, f.id, reached
            head_only = f.mention == "head" or (f.mention == "head_if_preps" and bool(preps))
            m = self._mention_of(reached, mentions, head_only=head_only)
            if m is not None and role == "actor" and _located_state(reached, m):
                # "the bombing at the U.S. embassy killed ...": the state is where it happened
                # (nor is another place named in that phrase: "at U.S. embassies in Kenya")
                inside = c.actor is not None and reached.left_edge.idx <= c.actor.start \
                    < reached.right_edge.idx + len(reached.right_edge)
                c.actor, m = None if inside else c.actor, None
            elif m is not None and role == "actor" and _aimed_party(reached, m):
                # "a car bomb attack on the Turkish embassy killed ...": whom the attack was aimed at
                inside = c.actor is not None and c.actor.start == m.start
                c.actor, m = None if inside else c.actor, None
            elif m is not None and role == "target" and _located_state(reached, m):
                m = None     # "condemned the attacks in X": where they happened, not whom they were aimed at
            pair = pair_of(reached, mentions) if m is None and not head_only else None
            if pair is None and m is None and role == "target":
                pair = _between_pair(reached, mentions)
            if pair is not None:
                # "the two leaders pledged": the first named acts; "talks between the two countries":
                # the counterpart is the member other than the actor
                m = pair[0] if role == "actor" or c.actor is None or pair[0].code != c.actor.code else pair[1]
            if m is None and role == "target" and reached.dep_ in _OBJ:
                m = self._event_anaphor(reached, mentions)   # "X hailed the ruling": whose ruling
            if m is None and f.stop == "mention":
                continue
            if m is not None and controls(f) and reached.dep_ in _OBJ:
                c.governor = reached.head.idx       # "accused X of ...": the accusing verb
            direct = f.direct == "yes" and m is not None or (f.direct == "if_preps" and bool(preps))
            return m, direct, f.id if m is not None else None, reached
        return None, False, None, None

    def _speaker_of(self, pron, mentions: list[Mention]) -> Mention | None:
        """The party a pronoun subject right after a speech verb stands for: the named subject of that
        verb, where the pronoun's clause is the verb's complement ("the relatives said they would
        appeal": the relatives); None where the parse gives no such subject."""
        clause = pron.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return None
        subj = _child(clause.head, _SUBJ)
        if subj is None or subj.lower_ in _PRONOUNS or subj.i > pron.i:
            return None
        m = self._mention_of(subj, mentions)
        return m if m is not None and m.kind in ("country", "person", "organization") else None

    def _is_subject(self, tok, m: Mention, mentions) -> bool:
        """Does the verb's own subject (passive or not, as the parser labelled it) name ``m``?"""
        subj = _child(tok, _SUBJ_PASS | _SUBJ)
        found = self._mention_of(subj, mentions) if subj is not None else None
        return found is not None and found.start == m.start

    @staticmethod
    def _topic_modifier(c: _Cand, tok) -> None:
        """Where the pattern names its target's preposition ("discuss ... with X") and the parse finds
        no party, a state modifying the topic object ("the Iraq crisis") is no party either."""
        obj = _child(tok, _OBJ)
        if obj is not None and c.pattern.preps and c.target is not None and obj.lower_ not in _agent_nouns() \
                and any(ch.dep_ in ("compound", "amod") and ch.idx <= c.target.start < ch.idx + len(ch)
                        for ch in obj.children):
            c.target = None

    def _mention_of(self, token, mentions: list[Mention], head_only: bool = False) -> Mention | None:
        """The entity a dependent names: a mention over the token itself, else the first one in its
        phrase (not inside a clause of its own), a pronoun resolved to the last fitting entity."""
        if token is None:
            return None
        if token.lower_ in _RELATIVE and token.head.dep_ in ("acl:relcl", "relcl") and token.head.head.i != token.head.i:
            token = _predicate_subject(token.head.head)   # "Libya, which brought the case": the noun modified
            if token.dep_ == "appos" and token.head.i != token.i:
                token = token.head     # "X, the cleric whom Y accuses": the name the noun is apposed to
        elif token.lower_ in _RELATIVE_POSS:
            token = _possessive_antecedent(token) or token   # "X, whose criticism of Y": X
        for m in mentions:
            if m.start <= token.idx < m.end:
                return None if _ethnic(token.doc, m) else self._owned_body(token, m, mentions)
        if head_only:      # the head, or a name in apposition to it ("charged two developers, X and Y,")
            appos = next((ch for ch in token.children if ch.dep_ == "appos"), None)
            return next((m for m in mentions if appos is not None and m.start <= appos.idx < m.end), None)
        low = token.lower_
        if low in _PRONOUNS:
            ante = self._subject_antecedent(token, mentions) or self._previous_subject(token, mentions) \
                or self._pronoun(low, token.idx, mentions)
            # the antecedent's entity at the pronoun ("He and X met": the list the pronoun opens)
            return None if ante is None else replace(ante, start=token.idx, end=token.idx + len(token),
                                                       text=token.text)
        phrase, stack = [], [token]
        while stack:                      # the phrase without the clauses inside it
            t = stack.pop()
            phrase.append(t)
            stack.extend(ch for ch in t.children if ch.dep_ not in _CLAUSE_DEPS and not _participle_conj(ch))
        place, body = None, low in _agent_nouns()
        led = _followers(token, phrase, mentions)
        if led is not None:
            return led
        titled = _titled_name(token, mentions) or _member_body(token, phrase, mentions)
        if titled is not None:
            return titled
        for t in sorted(phrase, key=lambda t: t.i):
            # "protesters in Khartoum", "Vermont developers": a place in a modifier is where, not whom
            # ("the city of Kharkiv" is), except the place of a body of its state ("the government of
            # Sindh province"); "Tulsa police officer X": the party named in the phrase wins over a
            # place before it
            located = t is not token and not body and (
                any(ch.dep_ == "case" and ch.lower_ != "of" for ch in t.children) or t.dep_ == "compound")
            covered = False
            # "talks with X", "the border with X", "the war against X": a party in a phrase of counterpart
            # is the other side of the noun, not its own party
            other = t is not token and any(ch.dep_ == "case" and ch.lower_ in role_words("counterpart_prepositions")
                                           for ch in t.children)
            for m in mentions:
                covered = covered or m.start <= t.idx < m.end
                if m.start <= t.idx < m.end and m.kind in ("country", "person", "organization") \
                        and not _ethnic(token.doc, m) and not other:
                    return m
                if m.start <= t.idx < m.end and m.kind == "place" and not located and place is None:
                    place = m
            if not covered and (t is token or (t.dep_ in _POSS and t.head.i == token.i)):
                ante = self._definite_antecedent(t, mentions)     # "the court's ruling", "the president"
                if ante is not None:
                    return ante
        if place is None and token.dep_ in _OBJ | _SUBJ_PASS:
            owner = self._possessor_pronoun(token, mentions)
            if owner is not None:
                return owner
        return place if place is not None else _apposed(token, mentions)

    def _possessor_pronoun(self, token, mentions) -> Mention | None:
        """"denounced her record", "his rhetoric was condemned": an object or passive subject that
        names no party, with a possessive pronoun, is the party the pronoun stands for; none where
        that is the clause's own subject ("pledged her vote": her own)."""
        pron = next((ch for ch in token.children if ch.dep_ in _POSS and ch.lower_ in _PRONOUNS), None)
        if pron is None:
            return None
        ante = self._subject_antecedent(pron, mentions) or self._pronoun(pron.lower_, pron.idx, mentions)
        subj = _child(token.head, _SUBJ) if token.dep_ in _OBJ else None
        if ante is None or (subj is not None and subj.left_edge.idx <= ante.start
                            < subj.right_edge.idx + len(subj.right_edge)):
            return None
        return replace(ante, start=pron.idx, end=pron.idx + len(pron), text=pron.text)

    @staticmethod
    def _owned_body(token, m: Mention, mentions) -> Mention:
        """A generic body ("police", "the army") whose own phrase names its state ("Irish police",
        "Japan's military") acts for that state, whatever state the article's other mentions of the
        body were given."""
        if m.kind != "organization" or (m.name or "").lower() not in _agent_nouns() or m.form == "placed":
            return m      # ("Cuban exiles in Miami": the place they are said to be in gave their state)
        for ch in token.children:
            if ch.dep_ in ("amod", "compound", "nmod:poss", "poss"):
                own = next((x for x in mentions if x.start <= ch.idx < x.end and x.kind == "country" and x.code), None)
                if own is not None:
                    return own
        return m



def unparty_groups(mentions: list[Mention], parse) -> list[Mention]:
    """The mentions without the groups named by their noun alone (entity_context.add_agent_mentions)
    that the parse reads as no party: a noun modifying another that names no agent ("campaign
    donations", not "campaign officials") or one with an indefinite article ("an all-out campaign")."""
    if not any(m.form == "agent" for m in mentions):
        return list(mentions)     # (no group named by its noun alone: the parse is not read)
    at = {t.idx: t for t in parse}
    indefinite = role_words("indefinite_articles")

    def party(m: Mention) -> bool:
        tok = at.get(m.start)
        if m.form != "agent" or tok is None:
            return True
        if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.lower_ not in _agent_nouns() \
                and tok.head.dep_ not in ("ROOT", "compound"):
            return False     # (a headline's stack of nouns is the parser's guess: "Lawmaker urges ...")
        return not any(ch.dep_ == "det" and ch.lower_ in indefinite for ch in tok.children)
    return [m for m in mentions if party(m)]


def adjunct_doer(start: int, parse, source: tuple[int, int]) -> bool:
    """Is the source at ``source`` (character span) the subject that the adjunct frames of
    resources/cameo/frames.tsv (v.adjunct.subj, v.opening.subj) give the participle at ``start``:
    the speaker does what the participle after the report says ("X said of Y, mocking Z", "X says in
    the spot, pledging to ...")?"""
    tok = next((t for t in parse if t.idx == start), None)
    if tok is None or not tok.dep_:
        return False
    for f in frames():
        if f.id in ("v.adjunct.subj", "v.opening.subj"):
            reached = walk(f, tok, frozenset())
            if reached is not None and source[0] <= reached.idx < source[1]:
                return True
    return False


def _possessive_antecedent(token):
    """The noun a relative possessive ("whose") stands for: the head of the relative clause it opens,
    else, where the parser made no such clause ("X, whose criticism of Y has grown, said"), the word
    right before the comma before it."""
    for t in token.ancestors:
        if t.dep_ in ("acl:relcl", "relcl") and t.head.i != t.i:
            return t.head
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].tag_.startswith("NN"):
        return doc[token.i - 2]
    return None


def _followers(token, phrase, mentions) -> Mention | None:
    """"X's supporters", "followers of X": a group named by its relation to a person is not that
    person (it may urge or oppose them); it stands for the person's state."""
    if token.lower_ not in role_words("follower_nouns"):
        return None
    idx = {t.idx for t in phrase if t is not token}
    m = next((m for m in mentions if m.kind == "person" and any(m.start <= i < m.end for i in idx)), None)
    if m is None:
        return None
    return replace(m, start=token.idx, end=token.idx + len(token), text=token.text, entity=None,
                   name=token.text, kind="organization", role=None, form="followers", gender=None)


_MEMBER_REACH = 1500     # how far back "member states" looks for their body


def _member_body(token, phrase, mentions) -> Mention | None:
    """"ministers of member states", "the member nations": the member states of a body named before
    (within reach) act for that international body, the last one named."""
    if not any(t.lower_ in role_words("member_nouns") and any(
            ch.dep_ in ("compound", "amod") and ch.lower_ == "member" for ch in t.children) for t in phrase):
        return None
    return next((m for m in reversed(mentions) if m.end <= token.idx and token.idx - m.start <= _MEMBER_REACH
                 and m.kind == "organization" and m.code == "IGO"), None)


def _titled_name(token, mentions) -> Mention | None:
    """"Senate Republican leader X", "the party's leader, X": a title noun with a person's name in
    apposition to it is that person; the body in the title's modifiers is only the person's office."""
    if token.tag_ not in ("NN", "NNS") or token.lower_ not in _agent_nouns():
        return None
    for ch in token.children:
        if ch.dep_ == "appos":
            m = next((m for m in mentions if m.start <= ch.idx < m.end), None)
            if m is not None and m.kind == "person":
                return m
    return None


def _apposed(token, mentions) -> Mention | None:
    """A common noun that names no party, with its phrase (clauses included) closed by a comma and
    the sentence ending in a name: that name, with only a title before it, is in apposition to it
    ("met with the one ally who backed the plan, French President X."), however the parser hung it."""
    if token.tag_ not in ("NN", "NNS") or not token.text.islower():
        return None
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and doc[k].text != "," and token in doc[k].ancestors:
        k += 1
    if k >= len(doc) - 1 or doc[k].text != ",":
        return None
    # the apposition runs to the sentence's end (the parser may have cut the sentence before it)
    end = next((t.i for t in doc[k + 1:] if t.text in (".", "!", "?", ";", ",", ":", "(") or t.is_space), len(doc))
    if end == k + 1 or (end < len(doc) and doc[end].text not in (".", "!", "?") and not doc[end].is_space):
        return None
    start, stop = doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1])
    name = next((m for m in mentions if start <= m.start and m.end <= stop and m.kind in ("person", "organization")),
                None)
    if name is None or name.end != stop:
        return None          # (the name must close the apposition: "X said" after it is a clause)
    before = [m for m in mentions if start <= m.start and m.end <= name.start]
    text = text_of(doc)        # (doc.text joins every token on each read)
    gap = text[before[-1].end if before else start:name.start].strip()
    if before and (before[-1].form != "adjective" or text[start:before[-1].start].strip()):
        return None
    return name if not gap or _title_chain(gap) else None
