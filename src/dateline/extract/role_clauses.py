"""Roles that a clause's shape around the trigger gives beyond its argument frames (extract.role_parse
calls these): a reciprocal object, a participle describing a noun, a force's purpose of putting people
down, the pair a between-phrase counts, the partner of relations a purpose clause serves."""
from __future__ import annotations

from .. import lang
from ..record import Mention
from .event_lexicon import _Cand, _OBJ, _SUBJ
from .frames import frames_for, role_words, walk
from .role_pronouns import pair_of
from .role_surface import _ethnic


def _reciprocal_object(trig) -> bool:
    """Is the object of the trigger, or of the infinitive it governs ("pledged to consult each other"),
    a reciprocal pronoun ("each other", "one another")?"""
    doc = trig.doc
    verbs = [trig] + [ch for ch in trig.children if ch.dep_ in ("xcomp", "advcl")]
    return any(ch.dep_ in _OBJ and ch.i + 1 < len(doc)
               and f"{ch.lower_} {doc[ch.i + 1].lower_}" in role_words("reciprocal_pronouns")
               for v in verbs for ch in v.children)


_SUPPRESS = "v.suppress.obj"      # the frame of a force's purpose of putting people down (frames.tsv)


def _bare_participle(c: _Cand, tok) -> bool:
    """Is the trigger a past participle that describes a noun, with no auxiliary, whose own phrase
    names its target ("killings blamed on X"), and the rules' actor outside that noun's phrase? (Where
    the participle names no target, a party of the sentence may be its doer: "X and Y violated the
    truce signed in May"; "X's campaign launched in May" keeps X.)"""
    if c.pattern.pos != "verb" or tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.i == tok.i \
            or any(ch.dep_ in ("aux", "aux:pass") for ch in tok.children) or c.target is None:
        return False
    noun, end = tok.head, tok.right_edge.idx + len(tok.right_edge)
    return tok.idx < c.target.start < end \
        and not noun.left_edge.idx <= c.actor.start < noun.right_edge.idx + len(noun.right_edge)


def _suppressing_purpose(c: _Cand, tok, voice: str) -> bool:
    """Does the trigger have the clause of purpose of frame v.suppress.obj ("deployed to disperse a
    rally"), whatever its object names?"""
    return any(f.id.startswith(_SUPPRESS) and walk(f, tok, frozenset()) is not None
               for f in frames_for(c.pattern.pos, voice, "target", c.pattern.code))


def _between_pair(token, mentions) -> tuple[Mention, Mention] | None:
    """"renew the talks between the two countries": the pair a between-phrase of the reached noun
    counts (role_pronouns.pair_of), its parties the noun's two sides (the phrase hung on the noun, or
    on the verb whose object the noun is)."""
    hosts = [token] + ([token.head] if token.dep_ in _OBJ and token.head.i != token.i else [])
    for ch in (ch for h in hosts for ch in h.children):
        if any(g.dep_ in ("case", "prep") and g.lower_ == "between" for g in ch.children) or (
                ch.dep_ == "prep" and ch.lower_ == "between"):
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), ch) if ch.dep_ == "prep" else ch
            pair = pair_of(pobj, mentions)
            if pair is not None:
                return pair
    return None


_GOVERNED = lang.dep_labels("governed")


def _relation_partner(c: _Cand, tok, mentions, actor: Mention | None) -> Mention | None:
    """Relations have two sides: an act of cooperation on relations that names no counterpart, in a
    clause of purpose ("lifted sanctions on X in a bid to normalize relations", "reopened its border
    with X to restore ties"), is with the party the act it serves is aimed at: the first party named
    in the governing verb's phrases outside the subject's and the purpose clause's own, not of the
    actor's state."""
    if c.target is not None or c.pattern.code[:2] not in role_words("cooperative_roots") \
            or not any(ch.dep_ in _OBJ and ch.lower_ in role_words("relation_nouns") for ch in tok.children):
        return None
    gov = tok
    while True:
        if gov.dep_ not in _GOVERNED or gov.head.i == gov.i:
            return None
        gov = gov.head
        if gov.tag_.startswith("VB") or gov.dep_ == "ROOT":
            break
    skip = {t.i for t in tok.subtree} | {t.i for ch in gov.children if ch.dep_ in _SUBJ for t in ch.subtree}
    for t in sorted(gov.subtree, key=lambda t: t.i):
        if t.i in skip or t.i == gov.i:
            continue
        m = next((m for m in mentions if m.start <= t.idx < m.end), None)
        if m is not None and m.kind in ("country", "person", "organization") and not _ethnic(t.doc, m) \
                and (actor is None or (m.code and m.code != actor.code)):
            return m
    return None


_DISPUTE_SIDES = frozenset({"compound", "amod", "nmod:poss", "poss"})


def _dispute_party(c: _Cand, tok, mentions, actor: Mention | None) -> Mention | None:
    """A threat or show of force (role_words dispute_roots) that names no target is aimed at the other
    side of the dispute its sentence names ("X is bolstering its forces as it discusses the Y crisis",
    "backed X's threat of force in the standoff with Y"): the state that modifies a noun of dispute
    (role_words dispute_nouns) or follows it after a preposition of counterpart, not the actor's own."""
    if actor is None or not actor.code or (c.intended or c.pattern.code)[:2] not in role_words("dispute_roots"):
        return None
    counter = role_words("counterpart_prepositions")
    for t in tok.sent:
        if t.lower_ not in role_words("dispute_nouns"):
            continue
        for ch in t.children:
            if ch.dep_ not in _DISPUTE_SIDES and not any(g.dep_ == "case" and g.lower_ in counter for g in ch.children):
                continue
            m = next((m for m in mentions if m.start <= ch.idx < m.end), None)
            if m is not None and m.kind == "country" and m.code and m.code != actor.code and not _ethnic(t.doc, m):
                return m
    return None
