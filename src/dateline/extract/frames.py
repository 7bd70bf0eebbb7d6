"""Argument frames: where an event's actor and target sit in the dependency parse, as data.

``resources/cameo/frames.tsv`` lists the frames (subject -> actor, object -> target, by-agents of
passives, control into complement clauses, possessors and prepositions of nominal events), each with
an id that the event carries as provenance. This module compiles their paths once and walks them
from a trigger token; which entity a reached token names is the caller's business (mentions and
pronouns are the event rules').
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..resources import ResourceError, multi, read_tsv
from .event_lexicon import _NOUN_TARGET_PREPS, _OBJ, _POSS, _SUBJ, _SUBJ_PASS, grammar_words
from .lexicon import verb_forms

_CONTROL_MARKS = "object_control_marks"      # the grammar.json list that opens a clause of object control
_LABEL_SETS = {"@subj": _SUBJ, "@subj_pass": _SUBJ_PASS, "@obj": _OBJ, "@poss": _POSS}
_STEP = re.compile(r"^(!>|&>|>>|>|<|~|\^\*|\^\+|\^|\?)([\w:@|]+)(?:\[(case|mark|word|head|tag|side)=([^\]]+)\])?$")


@dataclass(frozen=True)
class Step:
    kind: str                 # ">" child, ">>" descendant (nearest first), "<" the subject of the clause
    #                           a participial adjunct follows, "~" of the clause after an opening
    #                           participle, "^" head, "^*" heads while the
    #                           label is one of them, "^+" the same but never from a complement to a head
    #                           with an object, "!>" no such child, "&>" such a child, "?" own label
    labels: frozenset[str]
    test: str | None          # "case" | "mark" | "word" | "head" | "tag"
    words: str | None         # "a|b", "@preps", "@noun_preps", "$grammar_key", "%role_words_list"


@dataclass(frozen=True)
class Frame:
    id: str
    pos: str
    voice: str
    role: str
    stop: str                 # "token" | "mention"
    mention: str              # "phrase" | "head" | "head_if_preps"
    direct: str               # "yes" | "no" | "if_preps"
    codes: tuple[str, ...]    # CAMEO code prefixes the frame is for (empty: all)
    steps: tuple[Step, ...]


def _labels(spec: str) -> frozenset[str]:
    out: set[str] = set()
    for lab in spec.split("|"):
        out |= _LABEL_SETS.get(lab, {lab})
    return frozenset(out)


def _compile(row: dict, n: int) -> Frame:
    steps = []
    for part in row["path"].split():
        m = _STEP.match(part)
        if m is None:
            raise ResourceError(f"frames.tsv row {n}: cannot read path step {part!r}")
        steps.append(Step(m.group(1), _labels(m.group(2)), m.group(3), m.group(4)))
    codes = tuple(x for x in row.get("codes", "").split("|") if x)
    return Frame(row["id"], row["pos"], row["voice"], row["role"], row["stop"], row["mention"], row["direct"],
                 codes, tuple(steps))


@functools.lru_cache(maxsize=1)
def frames() -> tuple[Frame, ...]:
    return tuple(_compile(r, n) for n, r in enumerate(read_tsv("cameo", "frames.tsv"), start=1))


def frames_for(pos: str, voice: str, role: str, code: str = "") -> tuple[Frame, ...]:
    """The frames for a trigger of this part of speech, voice and CAMEO code, for one role, in order."""
    return tuple(f for f in frames() if f.pos == pos and f.role == role and f.voice in (voice, "any")
                 and (not f.codes or code.startswith(f.codes)))


@functools.lru_cache(maxsize=None)
def role_words(name: str) -> frozenset[str]:
    """One list of resources/cameo/role_words.tsv (a verb list in every inflection)."""
    for row in read_tsv("cameo", "role_words.tsv"):
        if row["list"] == name:
            words = multi(row["words"])
            if row["kind"] == "verb":
                return frozenset(f for w in words for f in verb_forms(w))
            return frozenset(w.lower() for w in words)
    raise ResourceError(f"role_words.tsv: no list {name!r}")


def _words(spec: str, preps: frozenset[str]) -> frozenset[str]:
    if "|" in spec and any(w.startswith(("@", "$", "%")) for w in spec.split("|")):
        return frozenset().union(*(_words(w, preps) for w in spec.split("|")))
    if spec == "@preps":
        return preps
    if spec == "@noun_preps":
        return preps or frozenset(_NOUN_TARGET_PREPS)
    if spec.startswith("$"):
        return grammar_words(spec[1:])
    if spec.startswith("%"):
        return role_words(spec[1:])
    return frozenset(spec.split("|"))


def _passes(tok, step: Step, preps: frozenset[str]) -> bool:
    if step.test is None:
        return True
    words = _words(step.words, preps)
    if step.test == "word":
        return tok.lower_ in words
    if step.test == "tag":
        return tok.tag_ in words            # a part-of-speech tag ("xcomp[tag=NNP]": a name, not a clause)
    if step.test == "head":
        return tok.head.lower_ in words     # the word the token hangs on ("^obj[head=%support_verbs]")
    if step.test == "side":
        return ("before" if tok.i < tok.head.i else "after") in words   # ("obl[side=before]": an opening phrase)
    if step.test == "case" and tok.left_edge.dep_ in ("case", "mark") and tok.left_edge.lower_ in words:
        return True         # the phrase's first word ("from President X": the parser may hang it lower,
        #                     or take it for a clause's mark: "despite growing pressure from X")
    return any(ch.dep_ == step.test and ch.lower_ in words for ch in tok.children)


def _descendant(tok, step: Step, preps: frozenset[str]):
    """The nearest token below ``tok`` (breadth first) with one of the step's labels that passes its test."""
    level = list(tok.children)
    while level:
        hit = next((t for t in level if t.dep_ in step.labels and _passes(t, step, preps)), None)
        if hit is not None:
            return hit
        level = [ch for t in level for ch in t.children]
    return None


def _object_control(tok) -> bool:
    """Is the token a complement clause of a head with an object ("urged X to try to V"), of a verb
    of letting or making, whose object the parser may have missed, or a clause of object control
    ("accused X of ..."): the object, not the head's subject, does it?"""
    if tok.dep_ == "advcl":     # "criticized X for shooting and killing Y": X does both
        return any(ch.dep_ == "mark" and ch.lower_ in grammar_words(_CONTROL_MARKS) for ch in tok.children) \
            and any(ch.dep_ in _OBJ for ch in tok.head.children)
    return tok.dep_ == "xcomp" and (any(ch.dep_ in _OBJ for ch in tok.head.children)
                                    or tok.head.lower_ in role_words("object_control_verbs"))


def _opening(tok, start: int) -> bool:
    """Is the participle the one that opens the sentence after nothing but role_words adjunct_openers,
    or coordinated with it, with no comma between ("After touring X and meeting Y, ...")?"""
    doc, k = tok.doc, start
    while k < tok.i and doc[k].lower_ in role_words("adjunct_openers"):
        k += 1
    return doc[k].lower_.endswith("ing") and (k == tok.i or (
        doc[tok.i - 1].lower_ in ("and", "or") and not any(t.text == "," for t in doc[k:tok.i])))


def _host_subject(tok, step: Step, preps: frozenset[str]):
    """A participle that opens a phrase after a comma (step "<": "X expanded on his plans, warning Y",
    "X has tacked left, criticizing Y and calling for Z") or that opens the sentence after nothing but
    role_words adjunct_openers (step "~": "After touring X and meeting Y, Z said"), however the parser
    hung it (on a noun, as a noun, as the root): the subject (one of the step's labels, before its
    verb) of the clause it is attached to, the nearest verb before the comma outside relative clauses
    ("X met Y, who had arrived on Monday, thanking him": X, not who) or the first verb after the comma
    that closes the opening phrase."""
    doc, first = tok.doc, tok
    if not tok.lower_.endswith("ing"):
        return None
    while first.dep_ == "conj" and first.head.i < first.i and first.head.lower_.endswith("ing"):
        first = first.head         # "criticizing Y and calling for Z": the first participle's comma
    start, end = tok.sent.start, tok.sent.end
    if step.kind == "<" and first.i - 1 > start and doc[first.i - 1].text == ",":
        verbs = reversed(doc[start:first.i - 1])
    elif step.kind == "~" and _opening(tok, start):
        comma = next((t.i for t in doc[tok.i + 1:end] if t.text == ","), None)
        verbs = doc[comma + 1:end] if comma is not None else ()
    else:
        return None
    for t in verbs:
        if not t.tag_.startswith("VB") or t.dep_ in ("acl:relcl", "relcl"):
            continue
        clause = t.head if t.dep_ == "cop" else t       # "X was the first to come, arriving in 1966"
        subj = next((ch for ch in clause.children if ch.dep_ in step.labels and ch.i < t.i
                     and _passes(ch, step, preps)), None)
        if subj is not None and (subj.dep_ in _SUBJ_PASS or any(ch.dep_ in ("aux:pass", "auxpass")
                                                                 for ch in clause.children)):
            # "X was attacked by Y, killing ...": the by-agent does it, never the passive's patient
            return next((ch for ch in clause.children if ch.dep_ in ("obl:agent", "agent") or (
                ch.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and g.lower_ == "by" for g in ch.children))), None)
        if subj is not None:
            return subj
    return None


def walk(frame: Frame, tok, preps: frozenset[str]):
    """The token the frame's path reaches from ``tok``, or None."""
    for step in frame.steps:
        if step.kind == "^":
            if tok.dep_ not in step.labels or not _passes(tok, step, preps) or tok.head.i == tok.i:
                return None
            tok = tok.head
        elif step.kind == "^*":
            while tok.dep_ in step.labels and tok.head.i != tok.i:
                tok = tok.head
        elif step.kind == "^+":
            while tok.dep_ in step.labels and tok.head.i != tok.i and not _object_control(tok):
                tok = tok.head
        elif step.kind == "?":
            if tok.dep_ not in step.labels or not _passes(tok, step, preps):
                return None
        elif step.kind in ("!>", "&>"):
            if any(ch.dep_ in step.labels and _passes(ch, step, preps) for ch in tok.children) == (step.kind == "!>"):
                return None
        elif step.kind in ("<", "~"):
            tok = _host_subject(tok, step, preps)
            if tok is None:
                return None
        elif step.kind == ">>":
            tok = _descendant(tok, step, preps)
            if tok is None:
                return None
        else:
            tok = next((ch for ch in tok.children if ch.dep_ in step.labels and _passes(ch, step, preps)), None)
            if tok is None:
                return None
    return tok


def controls(frame: Frame) -> bool:
    """Whether the frame reads a clause of object control ("accused X of ..."), whose governing verb
    the event notes."""
    return any(s.words and "$" + _CONTROL_MARKS in s.words.split("|") for s in frame.steps)
