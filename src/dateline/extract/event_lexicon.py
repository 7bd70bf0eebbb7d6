"""The event extractor's data: its word lists, the trigger vocabularies, the codebook and the
candidate record that the rule modules fill in (dateline.extract.events)."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field

from ..record import Mention, Series
from .. import lang
from ..resources import multi, path, read_tsv
from .regexes import regex, source
from .entities import context_words
from .lexicon import noun_forms, verb_forms

_NON_SPACE = re.compile(r"\S")


def _after_speech_verb(low: list[str], k: int) -> bool:
    """Token k opens the clause a speech verb reports ("said they", "said that it")."""
    return (k >= 1 and low[k - 1] in _SPEECH_VERBS) or (k >= 2 and low[k - 1] == "that" and low[k - 2] in _SPEECH_VERBS)


def _is_headline(text: str, sent: tuple[int, int]) -> bool:
    """The sentence is the article's first line and reads as a headline (no closing punctuation)."""
    ss, se = sent
    if _NON_SPACE.search(text, 0, ss):
        return False
    line = text[ss:se].strip().split("\n", 1)[0].rstrip()
    return bool(line) and line[-1] not in ".!?\"'”’:"


def _after_boilerplate(low: list[str], i: int) -> bool:
    """True when token i follows, in its sentence, a phrase explaining why a source is unnamed."""
    for p in _BOILERPLATE:
        n = len(p)
        if any(tuple(low[k:k + n]) == p for k in range(max(0, i - 25), i - n + 1)):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _grammar() -> dict[str, list[str]]:
    """Function-word lists (resources/cameo/grammar.json), each with what it is for."""
    data = json.loads(path("cameo", "grammar.json").read_text(encoding="utf-8"))
    return {k: v["words"] for k, v in data.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=None)
def grammar_words(key: str) -> frozenset[str]:
    """One list of resources/cameo/grammar.json as a set (read once for every rule module)."""
    return frozenset(_grammar()[key])


_G = _grammar()
_HAVE = set(_G["have_forms"])
_BOILERPLATE = [tuple(p.split()) for p in _G["source_boilerplate"]]
_ORDINALS = {w: i for i, w in enumerate(_G["ordinals"])}
_BE = set(_G["be_forms"])
_NEG = set(_G["negation"])
_NEG_VERBS = set(_G["negating_verbs"])
_DENY = set(_G["deny_verbs"])
_MODAL = set(_G["modality"])
_DETS = set(_G["determiners"])
_VERB_BEFORE = set(_G["verb_before"])
_QUOTE_MARKS = set(_G["quote_marks"])
_CLAUSE_BREAK = set(_G["clause_breaks"])
_SUBORD = set(_G["subordinators"])
_SPEECH_VERBS = set(lang.speech_verbs_for("clause_open"))     # lang/en/speech_verbs.tsv, uses column
_AGENTIVE_PARTICIPLES = set(_G["agentive_participles"])
_SERIES_MODIFIERS = set(_G["series_modifiers"])
# what stands between two names of one list of subjects ("South Korea, the United States and Japan")
_LIST_GAP = regex("cameo", "list_gap")
_AIMED_AT = set(_G["aimed_at"])
_DAY_WORDS = {d.lower() for d in lang.full_weekdays()} | {m.lower() for m in lang.full_months()}
_ATTACK_TARGETS = set(_G["attack_targets"])
_PAST_VERB = re.compile(r"[a-z]{3,}ed")   # lower-case: "raided", not a name
_PREPS = set(_G["prepositions"])
_NOUN_DETS = set(_G["noun_determiners"])
_ACTORLESS_ROOTS = set(_G["actorless_roots"])
_IMPLICATIVE = set(_G["implicative_verbs"])
_PLACE_TARGET_ROOTS = set(_G["place_target_roots"])
# what follows a time expression that modifies a noun: "'s" or a lower-case word ("the 1994 genocide")
_NOMINAL_TIME = regex("cameo", "nominal_time")
_NOUN_TARGET_PREPS = frozenset(_G["noun_target_prepositions"])
_PERSON_PRON = set(_G["person_pronouns"])
_STATE_PRON = set(_G["state_pronouns"])
_PLURAL_PRON = set(_G["plural_pronouns"])
_PRONOUNS = _PERSON_PRON | _STATE_PRON | _PLURAL_PRON
_DEF_STATE = re.compile(source("cameo", "definite_article") + "(?:" + "|".join(
    re.escape(w).replace("\\ ", "\\s+") for w in context_words("state_nouns")) + r")\b", re.I)


def _other_party(actor: Mention | None, m: Mention) -> bool:
    """A person or organisation of the actor's own state is another party to a domestic event
    ("police detained an opposition leader"); the state itself, a generic body of it and the actor
    are not."""
    return actor is not None and m.kind in ("person", "organization") and m.form != "generic" \
        and actor.kind in ("person", "organization") and m.entity != actor.entity


def _same_day(a: str | None, b: str | None) -> bool:
    """Equal TimeML values, or a day and times of that day ("2019-10-31", "2019-10-31T16:35", "2019-10-31TMO")."""
    if not a or not b:
        return False        # undated: nothing says it is the same day
    if a == b:
        return True
    if len(a) < 10 or len(b) < 10:
        return False
    return a[:10] == b[:10] and a[:1].isdigit() and (len(a) == 10 or a[10] == "T") and (len(b) == 10 or b[10] == "T")


@dataclass(frozen=True)
class Pattern:
    code: str
    pos: str
    words: tuple[str, ...]
    objects: frozenset[str]
    preps: frozenset[str]
    row: int
    subjects: frozenset[str] = frozenset()
    file: str = "patterns.tsv"     # the vocabulary the row comes from (provenance)


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover: str | None


# dependency labels of the UD scheme (the shipped model) and of ClearNLP (spaCy's English models)
_SUBJ = lang.dep_labels("subject")
_SUBJ_PASS = lang.dep_labels("passive_subject")
_OBJ = lang.dep_labels("object")
_POSS = lang.dep_labels("possessive")
_CLAUSE_DEPS = lang.dep_labels("clause")


def _child(tok, labels):
    return next((ch for ch in tok.children if ch.dep_ in labels), None) if tok is not None else None


def _agent(tok):
    """The agent of a passive or nominal event: "by X" (UD obl/nmod with case "by"; ClearNLP agent)."""
    for ch in tok.children:
        if ch.dep_ == "agent":
            return _child(ch, {"pobj"})
        if ch.dep_ in ("obl", "obl:agent", "nmod") and any(g.dep_ == "case" and g.lower_ == "by" for g in ch.children):
            return ch
    return None


def _prep_object(tok, preps):
    """The object of a preposition from ``preps`` attached to tok ("to X", "against X")."""
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in preps:
            return _child(ch, {"pobj"})
        if ch.dep_ in ("obl", "nmod", "iobj") and any(g.dep_ == "case" and g.lower_ in preps for g in ch.children):
            return ch
    return None


@functools.lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    words = {r["word"].lower() for r in read_tsv("entities", "agent_nouns.tsv")}
    words |= {r["word"].lower() for r in read_tsv("gazetteer", "roles.tsv")}
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def codebook() -> dict[str, CodeInfo]:
    out = {}
    for r in read_tsv("cameo", "codes.tsv"):
        g = r.get("goldstein")
        q = r.get("quad_class")
        out[r["code"]] = CodeInfo(r["code"], r.get("name", ""), float(g) if g else None,
                                  int(q) if q else None, r.get("plover") or None)
    return out


@functools.lru_cache(maxsize=1)
def _base_verbs() -> frozenset[str]:
    """Base forms of the verbs dateline knows (event triggers, irregular verbs): "to hold", "to meet"."""
    from .lexicon import irregular
    out = {r["trigger"].split()[0].lower() for r in read_tsv("cameo", "patterns.tsv")
           if r["pos"] == "verb" and r["trigger"].strip()}
    return frozenset(out | set(irregular()))


@functools.lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """The object class @people: people nouns (grammar.json) and plural demonyms ("Americans")."""
    from .gazetteer import load
    out = set(_G["people_nouns"])
    for row in load().countries.values():
        for adj in multi(row.get("adjectives")):
            last = adj.split()[-1].lower()
            if last.endswith("s") and not last.endswith("ss"):
                out.add(last)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The object class @titles: one-word role and title nouns of the gazetteer ("freed the governor")."""
    return frozenset(r["word"].lower() for r in read_tsv("gazetteer", "roles.tsv") if " " not in r["word"].strip())


# the trigger vocabularies, in order of precedence: the project's own rows, then those converted from
# PETRARCH2's verb dictionary (tools/petrarch/convert_verbs.py)
VOCABULARIES = ("patterns.tsv", "petrarch_patterns.tsv")
NO_EVENT = "---"     # the code of a wording that names no happening (patterns.tsv header)


def _vocabulary_rows():
    """The rows of the vocabularies. A converted vocabulary fills gaps: it adds rows only for
    wordings the project's own rows do not cover (its codes for those are the curated ones): not a
    trigger phrase the own rows have, not a first word an own row takes with any object, not an
    object an own row of that first word lists, and not that word with a preposition its own rows
    read as the target's ("withdraw from"); and only its worded rows (verb + object words,
    particle or noun phrase): PETRARCH2 codes a bare verb ("continue", "think", "fall") only between
    two actors its parser found, so alone it is noise."""
    own_phrases: set[str] = set()
    open_words: set[str] = set()                  # own first words with a row that takes any object
    own_objects: dict[str, set[str]] = {}         # own first word -> the objects its rows list
    own_preps: dict[str, set[str]] = {}           # own first word -> the target prepositions its rows read
    for name in VOCABULARIES:
        own = name == VOCABULARIES[0]
        rows = read_tsv("cameo", name)
        for n, r in enumerate(rows):
            words = r["trigger"].lower().split()
            first = words[:1]
            objects = set(multi(r.get("objects")))
            worded = bool(objects) or len(words) > 1
            if own:
                own_phrases.add(" ".join(words))
                if first:
                    own_preps.setdefault(first[0], set()).update(multi(r.get("preps")))
                if first and not worded:
                    open_words.add(first[0])
                elif first:
                    own_objects.setdefault(first[0], set()).update(objects)
            elif not first or not worded or first[0] in _SPEECH_VERBS or " ".join(words) in own_phrases \
                    or first[0] in open_words or objects & own_objects.get(first[0], set()) \
                    or (first[0] in own_objects and not objects) \
                    or (len(words) > 1 and words[1] in own_preps.get(first[0], set())):
                continue      # (a speech verb is an attribution cue: extract.speech_acts codes what it does)
            yield name, n, r


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, list[Pattern]]:
    """first-word surface form -> patterns that may start there."""
    index: dict[str, list[Pattern]] = {}
    for file, n, r in _vocabulary_rows():
        words = tuple(r["trigger"].lower().split())
        if not words:
            continue
        objects = set()
        for o in multi(r.get("objects")):
            objects |= _people_words() if o == "@people" else _title_words() if o == "@titles" else noun_forms(o)
        subjects = set()
        for o in multi(r.get("subjects")):
            subjects |= noun_forms(o)
        p = Pattern(r["code"], r["pos"], words, frozenset(objects), frozenset(multi(r.get("preps"))), n,
                    frozenset(subjects), file)
        if p.pos == "verb":
            firsts = verb_forms(words[0])
        elif len(words) == 1:
            firsts = noun_forms(words[0])
        else:
            firsts = {words[0]}
        for f in firsts:
            index.setdefault(f, []).append(p)
    return index


@dataclass
class _Cand:
    pattern: Pattern
    tok: int              # index of the head token
    end_tok: int          # index after the last trigger token
    start: int
    end: int
    sent: int
    actor: Mention | None = None
    target: Mention | None = None
    date: str | None = None
    date_timex: str | None = None
    date_from: str | None = None
    negated: bool = False
    hypothetical: bool = False
    passive: bool = False
    headline: bool = False   # the trigger is in the article's headline
    between: bool = False    # actor and target from "between A and B" or a coordinated pair ("A and B agreed")
    from_body: bool = False  # a headline event whose participants the body has already given
    location: dict | None = None
    series: Series | None = None
    sources: list = field(default_factory=list)
    attributions: list = field(default_factory=list)
    modality: str | None = None      # "intent" | "threat" (extract.modality)
    intended: str | None = None      # the act's own code when the event is its intention/threat
    modality_row: int | None = None
    modality_marker: int | None = None   # token of the word that states the intention ("pledged to")
    rule: str | None = None              # provenance when the event does not come from patterns.tsv
    roles_set: bool = False              # an appeal/demand whose appealing party is known
    attributive: bool = False            # a participle modifying a noun ("the seized ship"): no report
    governor: int | None = None          # start of the verb whose object does this ("accused X of ...")
    frames: tuple = ()                   # ids of the frames (cameo/frames.tsv) that gave actor and target
    background: bool = False             # an act placed before the story's time ("had moved", "before being ...")
    standing: bool = False               # a standing position or a span up to now (dating.unbounded): no one day
    earlier: bool = False                # told by its sentence's opening as of an earlier time ("Early in his
    #                                      campaign, X ..."): another occasion than any other sentence's dated act
    clause_flags: tuple | None = None    # (negated, hypothetical) of its clause, where a participle describing
    #                                      a noun was freed of them (modality.reduced_relative)
    unstated: bool = False               # an intention no party states ("a bill that would ban X"): stays
    #                                      hypothetical, never a 03x/13x event (modality_scope.unstated_intent)
    elaborates: int | None = None        # start of the trigger whose act this subjectless participle clause
    #                                      tells more of ("lashed out at X, accusing them of Y"): one happening


@functools.lru_cache(maxsize=None)
def bare_trigger_words(roots: frozenset[str]) -> frozenset[str]:
    """Every form of a one-word trigger that needs no object and codes under one of ``roots``
    ("killings", "attack", "hacking" for the force roots): a word that names such a happening alone."""
    return frozenset(form for form, pats in dictionary().items() for p in pats
                     if p.code[:2] in roots and len(p.words) == 1 and not p.objects)
