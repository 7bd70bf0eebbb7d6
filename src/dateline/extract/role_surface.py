"""Surface fall-backs for event roles: actor and target of a trigger from the words of the clause
around it (the nearest entity before it outside a prepositional phrase, the first one after it behind
the pattern's preposition, possessors and by-phrases of nominal events, coordinated pairs, places
as objects), where no parse is given or the parse names no entity."""
from __future__ import annotations

import bisect

from ..record import Mention
from .. import lang
from .event_lexicon import (
    _AGENTIVE_PARTICIPLES, _AIMED_AT, _ATTACK_TARGETS, _BE, _CLAUSE_BREAK, _Cand, _DAY_WORDS, _DEF_STATE,
    _DETS, _LIST_GAP, _PAST_VERB, _PREPS, _PRONOUNS, _SPEECH_VERBS, _SUBORD, _after_speech_verb,
    _agent_nouns, _other_party, grammar_words
)
from .entities import context_words
from .frames import role_words
from .entity_context import _title_chain
from .regexes import regex

_W = {k: grammar_words(k) for k in ("comma_clause_openers", "comma_participles",
                                     "coordinators", "pair_prepositions", "list_words", "happening_pronouns")}
_CLAUSE_END_VERBS = lang.speech_verbs_for("clause_end")    # lang/en/speech_verbs.tsv, uses column
_ETHNIC = frozenset(context_words("ethnic_words"))


def _ethnic(doc, m: Mention) -> bool:
    """A nationality adjective after "ethnic" ("ethnic Albanians") names an ethnicity, not a state."""
    k = bisect.bisect_right(doc, m.start, key=lambda t: t.idx + len(t))     # tokens ending at or before it
    return m.form == "adjective" and k > 0 and doc[k - 1].lower_ in _ETHNIC


def _own_party(actor: Mention | None, m: Mention, parsed: bool = False) -> bool:
    """A party of the actor's own state that is not the actor: a person or organisation of it named
    apart from the actor ("police detained an opposition leader", "the state dismissed an appeal from
    President X"), a group named by the state's adjective when a person or body acts, and, where the
    parse gives it as the argument (``parsed``), a generic body of the state ("police") when a person
    or body acts; the state itself is not, nor is a generic body to the state ("continue military
    aid to X" found by position alone names no body)."""
    if _other_party(actor, m):
        return True
    if actor is None or actor.start <= m.start < actor.end:
        return False
    if m.kind == "country" and m.form == "adjective" and actor.kind in ("person", "organization"):
        return True      # "X threatened to ban Ugandan opposition candidates": a group of the state, not X
    if m.kind not in ("person", "organization"):
        return False
    if m.form in ("generic", "agent", "placed") and parsed:
        # "X complied with police orders", "protesters clashed with police": a body of the state is
        # another party to a person or group, not to the state itself
        return actor.kind in ("person", "organization") and (m.entity or m.name) != (actor.entity or actor.name)
    return m.form not in ("generic", "agent", "placed") and bool(m.entity) and m.entity != actor.entity


def _first_conjunct(text: str, m: Mention, cands: list[tuple[int, Mention]]) -> Mention:
    """The first of the coordinated subjects ``m`` closes ("Turkey and Syria agreed", "France, Germany
    and Britain warned": the first acts); a state's adjective and the title before a person are part
    of that person's member ("Libyan leader X and Bulgarian President Y signed": X)."""
    first = m
    while True:
        before = [c[1] for c in cands if c[1].end <= first.start]
        start = first.start
        if before and before[-1].form == "adjective" and first.kind == "person" \
                and _title_chain(text[before[-1].end:first.start]):
            start = before.pop().start
        if not before or not _LIST_GAP.fullmatch(text[before[-1].end:start]):
            return first
        first = before[-1]


class SurfaceRoles:
    """Methods of EventExtractor (extract.events): roles from the words of the clause."""

    def _clause_bounds(self, toks, low, i, j, verbs=()) -> tuple[int, int]:
        """Token range of the clause around trigger tokens i..j; a coordinated verb trigger after it
        ("fired missiles ... and warned the United States") starts a clause of its own."""
        breaks, subord, openers = _CLAUSE_BREAK, _SUBORD, _W["comma_clause_openers"]     # (bound once per call)
        s, n = 0, len(low)
        for k in range(i - 1, -1, -1):
            w = low[k]
            if w in breaks or (w in subord and k > 0) or (w in _SPEECH_VERBS and k < i - 1
                                                          and toks[k][2][:1].islower()):  # not "United States"
                s = k + 1   # "The ministry said the arrest ...": the speaker is not in the reported clause
                break
            if w == "," and k + 1 < n and low[k + 1] in openers:
                s = k + 1
                break
        e, coordinators, ends = n, _W["coordinators"], _CLAUSE_END_VERBS
        for k in range(j, n):
            w = low[k]
            if w in breaks or (w in subord and w != "that") or w in ends:
                e = k
                break
            if w in coordinators and any(v in verbs for v in (k + 1, k + 2)):
                e = k
                break
            if w == "," and k + 1 < n and (low[k + 1] in openers or low[k + 1] in _W["comma_participles"]):
                e = k
                break
        return s, e

    def _actor_before(self, text, toks, low, s, i, mentions, sent_range, verbs=(), nested=False) -> Mention | None:
        """The subject: the nearest entity (or pronoun) before the trigger in the clause, not inside a PP.
        A pronoun that opens a reported clause is the speaker, found by one nested call (``nested``:
        pronouns there are resolved as pronouns, so a chain of "X said they said they ..." costs
        linear, not exponential, work)."""
        start_c, end_c = toks[s][0] if s < len(toks) else sent_range[0], toks[i][0]
        if i >= 2 and low[i - 1] == "to":
            # "prompting South Korea to protest", "urged Washington to resume talks": the object of
            # the verb before is the subject of the infinitive
            obj = next((m for m in mentions if m.end == toks[i - 2][1] and m.start >= start_c
                        and m.kind in ("country", "person", "organization")), None)
            if obj is not None:
                return obj
        cands: list[tuple[int, Mention]] = []
        for m in mentions:
            if m.start >= start_c and m.end <= end_c and m.kind in ("country", "person", "organization"):
                cands.append((m.start, m))
        # pronouns and "the country" in the clause
        for k in range(s, i):
            w = low[k]
            if w in _PRONOUNS and not nested and _after_speech_verb(low, k):
                # "Organizers said they would rally": the pronoun is the speaker, whoever that is
                v = k - 1 if low[k - 1] in _SPEECH_VERBS else k - 2
                r = self._actor_before(text, toks, low, 0, v, mentions, sent_range, verbs, nested=True) if v > 0 else None
                if r is None:
                    return None
                cands.append((toks[k][0], Mention(toks[k][0], toks[k][1], toks[k][2], r.entity, r.name,
                                                   r.kind, r.code, r.role, r.metonym)))
            elif w in _PRONOUNS:
                r = self._pronoun(w, toks[k][0], mentions)
                if r:
                    cands.append((toks[k][0], Mention(toks[k][0], toks[k][1], toks[k][2], r.entity, r.name,
                                                       r.kind, r.code, r.role, r.metonym)))
        for m in _DEF_STATE.finditer(text, start_c, end_c):
            countries = [x for x in mentions if x.kind == "country"]
            side = m.group().split()[-1]
            if side[:1].isupper():
                # "the North", "the South": the last state named with that word ("South Korea")
                countries = [x for x in countries if (x.name or "").split()[:1] == [side]] or countries
            r = self._pronoun("it", m.start(), countries)
            if r:
                cands.append((m.start(), Mention(m.start(), m.end(), m.group(), r.entity, r.name, r.kind, r.code)))
        cands.sort(key=lambda c: c[0])
        named = {x for _, mm in cands for x in range(self._tok_at(toks, mm.start) or 0,
                                                        (self._tok_at(toks, mm.end) or len(toks)))}

        def in_pp(k: int | None) -> bool:
            """The mention at token k belongs to a prepositional phrase ("the talks with Seoul", "in
            the Kenyan and Tanzanian capitals", "at the embassies in Nairobi, Kenya")."""
            if k is None:
                return False
            for x in range(k - 1, max(s - 1, k - 16), -1):     # never past the clause start
                w = low[x]
                if w in _W["pair_prepositions"]:
                    return False
                if w in _PREPS and not (w == "of" and x > s and toks[x - 1][2][:1].isupper()):
                    return True   # (not the "of" inside a title: "Secretary of State X")
                if w in _DETS or w in _W["list_words"] or x in named or toks[x][2][:1].isupper() or w == "of":
                    continue
                return False
            return False

        for pos, m in reversed(cands):
            k = self._tok_at(toks, pos)
            if in_pp(k):
                continue
            prev_verbs = [v for v in verbs if s <= v < (k if k is not None else i) and v != i]
            if k is not None:  # a past-tense verb that is no trigger ("officers raided its headquarters")
                prev_verbs += [x for x in range(s, k) if _PAST_VERB.fullmatch(toks[x][2])]
            if prev_verbs and not any(low[x] in _CLAUSE_BREAK or low[x] in _W["coordinators"] or low[x] == ","
                                      for x in range(max(prev_verbs) + 1, k if k is not None else i)):
                continue          # the object of an earlier verb ("condemned Japan and praised ...")
            if m.form == "adjective" and (not self._agentive(low, k, toks, m) or self._ethnic_at(toks, low, m)):
                continue          # "the Kenyan capital", "ethnic Turks": an adjective acts only on an agent noun
            # "Turkey and Syria agreed", "France, Germany and Britain warned": the first conjunct acts
            return _first_conjunct(text, m, cands)
        return None

    def _agentive(self, low, k, toks, m: Mention) -> bool:
        """An adjective mention ("South Korean", "Kenyan") heads an agent: officials, forces, leader..."""
        after = self._tok_at(toks, m.end)
        if after is None:
            return False
        # skip coordinated adjectives ("Kenyan and Tanzanian officials") and one modifier
        for x in range(after, min(after + 4, len(low))):
            if low[x] in _agent_nouns():
                return True
            if low[x] in ("and", ",", "or") or toks[x][2][:1].isupper():
                continue
            if x > after:
                break
        return m.text.endswith("s") and not m.text.endswith("ss")     # "Americans", "Israelis"

    @staticmethod
    def _tok_at(toks, pos) -> int | None:
        """Index of the first token starting at or after pos (None past the end)."""
        # (a token is a (start, end, word) tuple: (pos,) sorts before it exactly when its start is pos
        # or more, so the plain tuple order bisects by start with no key call per step)
        k = bisect.bisect_left(toks, (pos,))
        return k if k < len(toks) else None

    def _first_after(self, toks, j, e, mentions, exclude_code, kinds=("country", "person", "organization"),
                     preps=None, low=None, actor: Mention | None = None) -> Mention | None:
        """The first mention in tokens j..e (not of the state ``exclude_code``, except another
        organisation of the ``actor``'s state: "the army recaptured the bridge from the RSF")."""
        if j >= len(toks) or e <= j:
            return None         # an empty range ("talks stall as ..."): nothing after the trigger
        a, b = toks[j][0], toks[min(e, len(toks)) - 1][1]
        for m in mentions:
            if m.start >= a and m.end <= b and m.kind in kinds:
                if exclude_code and m.code == exclude_code and not _own_party(actor, m):
                    continue
                if low is not None and self._ethnic_at(toks, low, m):
                    continue      # "killed ethnic Albanians": no state
                if preps and low is not None:
                    # the preposition that governs the mention ("fired at X"; through the complements
                    # of its noun: "attacks on positions of X", "frustration with an attempt by X")
                    # must be one of the pattern's, with no comma between ("fired tear gas at
                    # protesters, ... called by Y": Y is not the target)
                    k = self._tok_at(toks, m.start)
                    gov = None
                    for x in range((k if k is not None else j) - 1, j - 1, -1):
                        if low[x] == ",":
                            break
                        if low[x] not in ("of", "by") and (low[x] in _PREPS or low[x] in preps):
                            gov = low[x]
                            break
                    if gov not in preps:
                        continue
                return self._titled(toks, m, mentions)
        return None

    def _ethnic_at(self, toks, low, m: Mention) -> bool:
        """A nationality adjective after "ethnic" ("ethnic Albanians") names no state."""
        k = self._tok_at(toks, m.start)
        return m.form == "adjective" and k is not None and k > 0 and low[k - 1] in _ETHNIC

    @staticmethod
    def _titled(toks, m: Mention, mentions) -> Mention:
        """The person a state's adjective is the title of ("British Prime Minister X": X), else the
        adjective's own mention."""
        if m.form != "adjective":
            return m
        nxt = next((x for x in mentions if x.start >= m.end), None)
        if nxt is None or nxt.kind not in ("person", "organization"):
            return m
        gap = " ".join(t[2] for t in toks if t[0] >= m.end and t[1] <= nxt.start)
        return nxt if gap and _title_chain(gap) else m

    def _aimed_launch(self, c: _Cand, toks, low, j, e, mentions) -> None:
        """A missile launched AT something ("fired a missile at a U.S.-owned tanker") is an attack:
        CAMEO 195 (missile attacks) instead of 150 (a show of force)."""
        for k in range(j, min(e, j + 10)):
            if low[k] not in _AIMED_AT:
                continue
            # the phrase after the preposition, up to punctuation: "at a U.S.-owned tanker", not
            # "on Thursday, South Korea's military said"
            stop = k + 1
            while stop < min(e, k + 6) and toks[stop][2][:1].isalnum():
                stop += 1
            after = low[k + 1:stop]
            if not after or after[0] in _DAY_WORDS:
                continue
            named = stop > k + 1 and any(
                m.kind in ("country", "organization", "place", "person") and toks[k + 1][0] <= m.start < toks[stop - 1][1]
                for m in mentions)
            if named or any(w in _ATTACK_TARGETS for w in after):
                c.pattern = self.missile_attack or c.pattern
                return

    def _place_object(self, toks, low, j, e, mentions, excl) -> Mention | None:
        """A place as the direct object ("shelled the city of Kharkiv") stands for its state."""
        for m in mentions:
            if m.kind != "place" or not m.code or m.code == excl:
                continue
            k = self._tok_at(toks, m.start)
            if k is None or not (j <= k < e):
                continue
            between = low[j:k]
            if all(w not in _PREPS or w == "of" for w in between) and len(between) <= 4:
                return m
            return None
        return None

    @staticmethod
    def _co_subject(text: str, actor: Mention, target: Mention, trigger_start: int, mentions) -> bool:
        """Is the target's state one of the coordinated subjects from the actor up to the trigger?"""
        prev = actor
        for m in mentions:
            if m.start <= actor.start or m.start >= trigger_start:
                continue
            if not _LIST_GAP.fullmatch(text[prev.end:m.start]):
                break
            if m.code and m.code == target.code:
                return True
            prev = m
        return False

    @staticmethod
    def _conjunct_after(text: str, actor: Mention, mentions, headline: bool = False) -> Mention | None:
        """The second of a coordinated pair of subjects ("Turkey and Syria agreed" -> Syria; in a
        headline also "Iran, IAEA agree"); none for a longer list ("France, Germany and Britain warned":
        all three act)."""
        joint = regex("cameo", "joint_headline" if headline else "joint_and")
        for n, m in enumerate(mentions):
            if m.start > actor.end and joint.fullmatch(text[actor.end:m.start]) \
                    and m.kind in ("country", "person", "organization") and m.code != actor.code:
                nxt = mentions[n + 1] if n + 1 < len(mentions) else None
                if nxt is not None and regex("cameo", "list_continues").fullmatch(text[m.end:nxt.start]):
                    return None
                return m
        return None

    @staticmethod
    def _named_undergoer(c: _Cand, text: str) -> None:
        """"the Smith shooting", "the Jones investigation": a person's name right before a noun of
        an act done to someone (role_words.tsv undergone_noun_roots) names who underwent it, its
        target, not who did it ("his shooting": a possessive pronoun is who did it)."""
        m = c.actor
        if m is not None and m.kind == "person" and m.end < c.start and not text[m.end:c.start].strip() \
                and text[m.start:m.end].lower() not in _PRONOUNS \
                and c.pattern.code[:2] in role_words("undergone_noun_roots"):
            c.actor, c.target = None, m

    def _noun_actor(self, text, toks, low, s, i, j, e, mentions, sent_range, verbs=()) -> Mention | None:
        # "North Korea's test", "the North Korean test", "a test by North Korea", else the clause subject
        clause_start = toks[s][0] if s < len(toks) else sent_range[0]
        for m in reversed(mentions):
            if m.end > toks[i][0]:
                continue
            if m.start < clause_start:
                break
            if toks[i][0] - m.end <= 40 and m.kind in ("country", "person", "organization"):
                gap = text[m.end:toks[i][0]]
                km = self._tok_at(toks, m.end)
                if km is not None and any(km <= v < i for v in verbs):
                    break         # "the Council condemned the bombing": a verb stands between
                if regex("cameo", "possessor_gap").fullmatch(gap) and (gap.startswith(("'", "’"))
                                                                        or m.text[0].isupper()):
                    if not regex("cameo", "relation_words").search(gap):
                        return m
                break
        for k in range(j, min(e, j + 3)):
            if low[k] == "by":
                # "a test by X", "an attack carried out by X"; not "talks, mediated by X"
                if all(low[x] in _AGENTIVE_PARTICIPLES for x in range(j, k)):
                    return self._first_after(toks, k + 1, e, mentions, None)
                break
        subj = self._actor_before(text, toks, low, s, i, mentions, sent_range, verbs)
        if subj is not None:
            k0 = self._tok_at(toks, subj.end)
            between = low[k0:i] if k0 is not None else []
            if any(w in _PREPS or w in {",", "to"} for w in between):
                return None       # "... with more missile tests": the subject does not own the noun
            if k0 is not None and any(k0 <= v < i for v in verbs):
                return None       # "the Council condemned the bombing": the subject acts in the verb
            if subj.text.lower() in _W["happening_pronouns"] and any(w in _BE for w in between):
                return None       # "It was the third attack": the pronoun is the happening, not its actor
        return subj
