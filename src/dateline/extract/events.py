"""Events: CAMEO-coded happenings with actor, target, date, place, sources and modality.

Triggers come from the dictionary in resources/cameo/patterns.tsv (verbs in every inflection,
nouns in singular and plural, optional object words that must occur nearby). Actor and target
come from the clause around the trigger (active and passive voice, possessives and adjectives on
nominal triggers, pronouns back to the last fitting entity), the date from the clause's time
expression or from an anchor ("four days after X warned" dates the warning by the main event),
sources from the attributions whose content holds the event. Reports of one happening inside the
article are merged.
"""
from __future__ import annotations

import bisect
import calendar
import functools
import json
import re
from dataclasses import dataclass, field, replace

from ..record import ActorRef, Attribution, Event, Mention, Series, Span, Timex
from ..resources import multi, path, read_tsv
from ..text import tokenize
from .entities import context_words
from .lexicon import is_participle, is_past_form, noun_forms, singular, verb_forms
from .coordination import split_coordinated
from .dating import narrative_dates, publication_dates, report_dates, statement_time
from .modality import modality_of, recode
from .participants import place_states, verbal_senses
from .speech_acts import objas_cue, speech_acts

_HAVE = {"has", "have", "had", "having", "'s", "'ve", "'d"}
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


_G = _grammar()
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
_SPEECH_VERBS = set(_G["speech_verbs"])
_AGENTIVE_PARTICIPLES = set(_G["agentive_participles"])
_SERIES_MODIFIERS = set(_G["series_modifiers"])
# what stands between two names of one list of subjects ("South Korea, the United States and Japan")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
_AIMED_AT = set(_G["aimed_at"])
_DAY_WORDS = {d.lower() for d in calendar.day_name} | {m.lower() for m in calendar.month_name if m}
_ATTACK_TARGETS = set(_G["attack_targets"])
_PAST_VERB = re.compile(r"[a-z]{3,}ed")   # lower-case: "raided", not a name
_PREPS = set(_G["prepositions"])
_NOUN_DETS = set(_G["noun_determiners"])
_ACTORLESS_ROOTS = set(_G["actorless_roots"])
_PLACE_TARGET_ROOTS = set(_G["place_target_roots"])
# what follows a time expression that modifies a noun: "'s" or a lower-case word ("the 1994 genocide")
_NOMINAL_TIME = re.compile(r"(['’]s\b)?\s*([a-z]+)?")
_NOUN_TARGET_PREPS = frozenset(_G["noun_target_prepositions"])
_PERSON_PRON = set(_G["person_pronouns"])
_STATE_PRON = set(_G["state_pronouns"])
_PLURAL_PRON = set(_G["plural_pronouns"])
_PRONOUNS = _PERSON_PRON | _STATE_PRON | _PLURAL_PRON
_DEF_STATE = re.compile(r"\bthe\s+(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+")
                                                    for w in context_words("state_nouns")) + r")\b", re.I)


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
_SUBJ = {"nsubj", "csubj"}
_SUBJ_PASS = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
_OBJ = {"obj", "dobj", "iobj", "dative"}
_POSS = {"nmod:poss", "poss"}
_CLAUSE_DEPS = {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis"}


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


# the trigger vocabularies, in order of precedence: the project's own rows, then those converted from
# PETRARCH2's verb dictionary (tools/petrarch/convert_verbs.py)
VOCABULARIES = ("patterns.tsv", "petrarch_patterns.tsv")
NO_EVENT = "---"     # the code of a wording that names no happening (patterns.tsv header)


def _vocabulary_rows():
    """The rows of the vocabularies. A converted vocabulary fills gaps: it adds rows only for words
    the project's own rows do not have (its codes for those are the curated ones), and only its
    worded rows (verb + object words, particle or noun phrase): PETRARCH2 codes a bare verb
    ("continue", "think", "fall") only between two actors its parser found, so alone it is noise."""
    own_words: set[str] = set()
    for name in VOCABULARIES:
        own = name == VOCABULARIES[0]
        rows = read_tsv("cameo", name)
        for n, r in enumerate(rows):
            first = r["trigger"].lower().split()[:1]
            worded = bool(r.get("objects")) or len(r["trigger"].split()) > 1
            if own:
                own_words.update(first)
            elif not first or first[0] in own_words or not worded or first[0] in _SPEECH_VERBS:
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
            objects |= _people_words() if o == "@people" else noun_forms(o)
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


class EventExtractor:
    def __init__(self) -> None:
        self.index = dictionary()
        self.codes = codebook()
        # the pattern an aimed launch becomes (CAMEO 195, missile attacks: "launch airstrike|air|strike")
        self.missile_attack = next((p for ps in self.index.values() for p in ps
                                    if p.code == "195" and p.pos == "verb"), None)

    # -------------------------------------------------------------- triggers
    @staticmethod
    def _pos_fits(pos: str, toks, low: list[str], i: int, after_verb: bool = False) -> bool:
        """Without a tagger: does the context allow the word at i to be a verb / a noun? ``after_verb``:
        a verb trigger comes earlier in the clause with nothing between that starts a new one."""
        w = low[i]
        prev = low[i - 1] if i > 0 else ""
        noun_ctx = i == 0 or prev in _DETS or prev.isdigit() or prev in _QUOTE_MARKS \
            or prev in ("'s", "’s") or toks[i - 1][2].endswith(("'s", "’s"))
        verb_ctx = prev in _VERB_BEFORE
        if pos == "noun":
            if verb_ctx:
                return False
            if w.endswith(("ed",)) and not noun_ctx:
                return False
            return True
        # verb
        past = is_past_form(w)      # "-ed", or an irregular past ("Israel struck", "Iran held")
        if noun_ctx and not past:
            return False
        if w.endswith("ing") and not (verb_ctx or prev in _BE or prev in (",", "and", "or", "by", "after", "before",
                                                                            "while", "without", "when", "")):
            return False          # "the board meeting", "a bombing": a gerund or a noun
        if w.endswith("s") and not w.endswith("ss") and not verb_ctx:
            # "talks", "tests": a verb only after a singular subject that is a pronoun or a name
            # ("Israel rejects Hamas demands": after a verb, a name + "-s" word is its object)
            return prev in ("he", "she", "it", "who", "which", "that") or (
                i >= 1 and toks[i - 1][2][:1].isupper() and not after_verb)
        if not past and not w.endswith(("ing", "s")) and not verb_ctx:
            # a bare stem ("offer", "attack") is a verb after a plural subject or a name, else a noun
            return (prev.endswith("s") or (i >= 1 and toks[i - 1][2][:1].isupper())) and not after_verb
        return True

    def _match(self, toks: list[tuple[int, int, str]], low: list[str], i: int,
               after_verb: bool = False) -> tuple[Pattern, int] | None:
        best = None
        for p in self.index.get(low[i], ()):
            if not self._pos_fits(p.pos, toks, low, i, after_verb):
                continue
            j = i + 1
            ok = True
            for w in p.words[1:]:
                # allow up to 2 intervening tokens between a head and its particle/object
                found = None
                k, seen = j, 0
                while k < len(low) and seen < 3:
                    if low[k] in _QUOTE_MARKS:
                        k += 1
                        continue
                    if low[k] in noun_forms(w) or low[k] == w:
                        found = k
                        break
                    if low[k] in {",", ".", ";"}:
                        break
                    k += 1
                    seen += 1
                if found is None:
                    ok = False
                    break
                j = found + 1
            if not ok:
                continue
            if p.pos == "noun" and len(p.words) > 1 and low[j - 1] not in noun_forms(p.words[-1]):
                continue
            if p.objects and not self._objects_ok(p, low, i, j):
                continue
            if p.subjects and not any(w in p.subjects for w in low[max(0, i - 8):i]):
                continue
            # precedence: the longest trigger, then a row whose objects were found, then file order
            score = (len(p.words), bool(p.objects), -p.row)
            if best is None or score > best[0]:
                best = (score, p, j)
        return (best[1], best[2]) if best else None

    @staticmethod
    def _objects_ok(p: Pattern, low: list[str], i: int, j: int) -> bool:
        if p.pos == "verb":
            window = []
            # a converted row's object is the head of the object phrase: close to the verb
            reach = 7 if p.file == VOCABULARIES[0] else 4
            for k in range(j, min(j + reach, len(low))):
                if low[k] in {".", ";", "but"}:
                    break
                window.append(low[k])
            if any(w in p.objects for w in window):
                return True
            # passive: "the missiles were fired" -- the object is the subject before the verb (the
            # converted rows describe the active voice only)
            if reach == 7 and is_participle(low[i]) and any(w in _BE for w in low[max(0, i - 3):i]):
                return any(w in p.objects for w in low[max(0, i - 6):i])
            return False
        before = low[max(0, i - 3):i]
        after = low[j:j + 4] if j < len(low) and low[j] == "of" else []
        return any(w in p.objects for w in before + after)

    # -------------------------------------------------------------- helpers
    def _clause_bounds(self, toks, low, i, j, verbs=()) -> tuple[int, int]:
        """Token range of the clause around trigger tokens i..j; a coordinated verb trigger after it
        ("fired missiles ... and warned the United States") starts a clause of its own."""
        s = 0
        for k in range(i - 1, -1, -1):
            w = low[k]
            if w in _CLAUSE_BREAK or (w in _SUBORD and k > 0) or (w in _SPEECH_VERBS and k < i - 1
                                                                 and toks[k][2][:1].islower()):  # not "United States"
                s = k + 1   # "The ministry said the arrest ...": the speaker is not in the reported clause
                break
            if w == "," and k + 1 < len(low) and low[k + 1] in ("but", "and", "while", "whereas", "which", "who"):
                s = k + 1
                break
        e = len(low)
        for k in range(j, len(low)):
            w = low[k]
            if w in _CLAUSE_BREAK or (w in _SUBORD and w not in ("that",)) or w in ("said", "says", "told"):
                e = k
                break
            if w in ("and", "but") and any(v in verbs for v in (k + 1, k + 2)):
                e = k
                break
            if w == "," and k + 1 < len(low) and low[k + 1] in ("but", "and", "while", "whereas", "which", "who",
                                                                  "calling", "saying", "marking", "citing"):
                e = k
                break
        return s, e

    def _pronoun(self, word: str, pos: int, mentions: list[Mention]) -> Mention | None:
        kinds = ("person",) if word in _PERSON_PRON else ("country", "organization") if word in _STATE_PRON \
            else ("country", "organization", "person")
        for m in reversed(mentions):
            if m.end <= pos and m.kind in kinds and (m.kind != "place"):
                return m
        return None

    def _actor_before(self, text, toks, low, s, i, mentions, sent_range, verbs=()) -> Mention | None:
        """The subject: the nearest entity (or pronoun) before the trigger in the clause, not inside a PP."""
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
            if w in _PRONOUNS and _after_speech_verb(low, k):
                # "Organizers said they would rally": the pronoun is the speaker, whoever that is
                v = k - 1 if low[k - 1] in _SPEECH_VERBS else k - 2
                r = self._actor_before(text, toks, low, 0, v, mentions, sent_range, verbs) if v > 0 else None
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
                if w in ("by", "between"):
                    return False
                if w in _PREPS:
                    return True
                if w in _DETS or w in ("and", "or", ",", "'s", "’s") or x in named or toks[x][2][:1].isupper():
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
            if prev_verbs and not any(low[x] in _CLAUSE_BREAK or low[x] in ("and", "but", ",")
                                      for x in range(max(prev_verbs) + 1, k if k is not None else i)):
                continue          # the object of an earlier verb ("condemned Japan and praised ...")
            if m.form == "adjective" and not self._agentive(low, k, toks, m):
                continue          # "the Kenyan capital": an adjective is an actor only on an agent noun
            # "Turkey and Syria agreed", "France, Germany and Britain warned": the first conjunct acts
            first = m
            while True:
                before = [c for c in cands if c[1].end <= first.start]
                if not before or not _LIST_GAP.fullmatch(text[before[-1][1].end:first.start]):
                    break
                first = before[-1][1]
            return first
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
        k = bisect.bisect_left(toks, pos, key=lambda t: t[0])
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
                if exclude_code and m.code == exclude_code and not _other_party(actor, m):
                    continue
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
                return m
        return None

    # -------------------------------------------------------------- main
    def triggers(self, text: str, sentences, quote_spans=()) -> list[tuple[list, list[str], list["_Cand"]]]:
        """Per sentence: its tokens, their lower-case forms, and the event triggers found in it."""
        quotes = sorted(quote_spans)
        q_starts = [a for a, _ in quotes]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(q_starts, pos) - 1
            return k >= 0 and quotes[k][0] <= pos < quotes[k][1]

        out = []
        for si, (ss, se) in enumerate(sentences):
            toks = tokenize(text, ss, se)
            low = [t[2].lower() for t in toks]
            words = [t[2] for t in toks if t[2][:1].isalpha()]
            titlecase = bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
            used = set()
            found: list[_Cand] = []
            for i in range(len(toks)):
                if i in used:
                    continue
                if quoted(toks[i][0]):
                    continue        # words inside quotation marks are speech, not narrated events
                if i > 0 and toks[i][2][:1].isupper() and not titlecase:
                    continue        # a capitalised word inside a sentence is part of a name ("Promises")
                if low[i] not in self.index:
                    continue        # no trigger starts here (checked before the context below)
                last_verb = next((c.end_tok for c in reversed(found) if c.pattern.pos == "verb"), None)
                after_verb = last_verb is not None and not any(
                    w in _CLAUSE_BREAK or w in _SUBORD or w in _SPEECH_VERBS or w in (",", "and", "but", "or", "to")
                    for w in low[last_verb:i])
                hit = self._match(toks, low, i, after_verb)
                if not hit:
                    continue
                p, j = hit
                used.update(range(i, j))
                if p.code == NO_EVENT:
                    continue        # "met the deadline": the wording names no happening
                found.append(_Cand(p, i, j, toks[i][0], toks[j - 1][1], si))
            out.append((toks, low, found))
        return out

    def extract(self, text: str, sentences, mentions: list[Mention], timexes: list[Timex],
                attributions: list[Attribution], *, published: str | None = None,
                quote_spans: list[tuple[int, int]] = (), parses: dict | None = None,
                found: list | None = None) -> list[Event]:
        """Events of the article. ``parses`` (sentence index -> parsed spaCy Span), when given,
        supplies actor and target from the dependency parse; the rules fill in the rest. ``found``:
        the result of ``triggers(text, sentences)`` when the caller already has it."""
        if found is None:
            found = self.triggers(text, sentences, quote_spans)
        elif quote_spans:
            quotes = sorted(quote_spans)
            q_starts = [a for a, _ in quotes]

            def unquoted(c):
                k = bisect.bisect_right(q_starts, c.start) - 1
                return not (k >= 0 and quotes[k][0] <= c.start < quotes[k][1])
            found = [(toks, low, [c for c in cs if unquoted(c)]) for toks, low, cs in found]
        cands: list[_Cand] = []
        sent_toks = []
        reported = [(a.content.start, a.content.end, a.source.start, a.source.end, a.cue.start) for a in attributions
                    if a.source.start is not None]
        m_starts = [m.start for m in mentions]
        for si, (toks, low, in_sentence) in enumerate(found):
            ss, se = sentences[si]
            # the mentions of this sentence and the three before it (pronouns look no further back)
            lo = bisect.bisect_left(m_starts, sentences[max(0, si - 3)][0])
            window = mentions[lo:bisect.bisect_left(m_starts, se)]
            sent_toks.append((toks, low))
            verbs = [c.tok for c in in_sentence if c.pattern.pos == "verb"]
            parse = parses.get(si) if parses else None
            if any(p in " ".join(low) for p in _G["source_boilerplate"]):
                in_sentence = [c for c in in_sentence if not _after_boilerplate(low, c.tok)]
                verbs = [c.tok for c in in_sentence if c.pattern.pos == "verb"]
            for c in in_sentence:
                # whoever reports the event is not a participant of it; nor is a source named after
                # its content ("X fired ..., Y said, its first launch since it tested ...") the
                # antecedent of what follows in the same sentence
                # (the source of a cue that is itself the event acts in it: "prompting Seoul to protest")
                srcs = [(a, b) for cs, ce, a, b, cue in reported if cs <= c.start < ce and a > c.end]
                srcs += [(a, b) for cs, ce, a, b, cue in reported if cs < a and ss <= a and b <= c.start
                         and cue != c.start]
                ms = [m for m in window if not any(a <= m.start < b for a, b in srcs)] if srcs else window
                self._fill(c, text, toks, low, (ss, se), ms, timexes, verbs)
                if parse is not None:
                    self._from_parse(c, parse, ms)
                self._modality(c, low)
                cands.append(c)
        cands = self._fold_intent_markers(cands)
        cands += self._speech_acts(text, sentences, attributions, mentions, cands, timexes)
        cands = self._drop_consumed_subjects(cands, sent_toks)
        cands = self._drop_consumed_objects(cands, sent_toks)
        self._anchor_dates(cands, text, sentences, sent_toks, timexes, published)
        report_dates(cands, attributions, timexes)
        narrative_dates(cands, timexes, sentences, published, text)
        publication_dates(cands, published)
        self._series(cands, text, sentences, sent_toks, timexes)
        self._sources(cands, sentences, attributions, text)
        for c in cands:
            if c.modality in ("appeal", "demand") and not c.roles_set:
                # "X said Y must withdraw": the source demands of the party obliged
                src = c.sources[0] if c.sources else None
                c.actor, c.target = (Mention(c.start, c.end, "", entity=src.entity, name=src.name, kind="other",
                                             code=src.code, form="source") if src else None), c.actor
        cands = self._merge(cands)
        cands = split_coordinated(cands, text, mentions)
        place_states(cands, text)
        verbal_senses(cands)
        # a bare nominal mention with no participant ("the negotiations") refers, it does not report;
        # violence and unrest at a place are reported without a known perpetrator ("an explosion in X")
        cands = [c for c in cands if c.pattern.pos == "verb" or (not c.hypothetical and (
                 c.actor is not None or c.target is not None
                 or (c.location is not None and c.pattern.code[:2] in _ACTORLESS_ROOTS)))]
        return [self._to_event(n, c, text, sentences) for n, c in enumerate(cands, start=1)]

    # ------------------------------------------------------------ dependency parse
    def _from_parse(self, c: _Cand, parse, mentions: list[Mention]) -> None:
        """Actor and target from the parse of the sentence (UD or ClearNLP labels); where the parse
        names an entity for a role, it replaces the rules' guess."""
        tok = next((t for t in parse if t.idx == c.start), None)
        if tok is None or not tok.dep_ or c.between:
            return      # "talks between A and B broke down": the pair is the rules' reading
        actor = target = None
        direct = False
        if c.pattern.pos == "verb":
            head = tok
            # "X condemned ... and offered ...": a coordinated verb shares its subject
            subj = _child(head, _SUBJ) or (_child(head.head, _SUBJ) if head.dep_ == "conj" else None)
            passive = _child(head, _SUBJ_PASS)
            agent = _agent(head)
            if passive is not None or c.passive:
                actor = self._mention_of(agent, mentions) if agent is not None else None
                target = self._mention_of(passive, mentions) if passive is not None else None
            else:
                speaker = subj is not None and subj.lower_ in _PRONOUNS and subj.i > subj.sent.start \
                    and _after_speech_verb([t.lower_ for t in subj.doc[subj.sent.start:subj.i + 1]],
                                           subj.i - subj.sent.start)
                # "Organizers said they would rally": the rules resolve the pronoun to the speaker
                actor = self._mention_of(subj, mentions) if subj is not None and not speaker else None
                obj = _child(head, _OBJ)
                if c.pattern.preps:
                    target = self._mention_of(_prep_object(head, c.pattern.preps), mentions)
                    direct = target is not None      # the pattern's own target preposition
                if target is None and obj is not None:
                    # where the pattern names the target's preposition ("discuss ... with X"), the
                    # object is a topic: it names a party only as its head ("discussed Iraq"), not
                    # through a modifier ("discussed the Iraq crisis with X")
                    target = self._mention_of(obj, mentions, head_only=bool(c.pattern.preps))
                    direct = target is not None
        else:
            poss = _child(tok, _POSS)
            if poss is not None:
                actor = self._mention_of(poss, mentions)
            agent = _agent(tok)
            if actor is None and agent is not None:
                actor = self._mention_of(agent, mentions)
            target = self._mention_of(_prep_object(tok, c.pattern.preps or _NOUN_TARGET_PREPS), mentions)
            direct = bool(c.pattern.preps)       # "visit to Rangoon": the pattern's target preposition
        if actor is not None and actor.kind in ("country", "person", "organization"):
            c.actor = actor
        # a place is where, not whom: it stands for its state only as the direct object ("visited
        # Yangon"), after the pattern's own target preposition ("a visit to Rangoon") or as what
        # violence is aimed at ("fired at Seoul")
        placed = target is not None and target.kind == "place" and not (
            direct or c.pattern.code[:2] in _PLACE_TARGET_ROOTS)
        if target is not None and not placed and target.kind in ("country", "person", "organization", "place") and (
                c.actor is None or target.code != c.actor.code or _other_party(c.actor, target)):
            c.target = target

    def _mention_of(self, token, mentions: list[Mention], head_only: bool = False) -> Mention | None:
        """The entity a dependent names: a mention over the token itself, else the first one in its
        phrase (not inside a clause of its own), a pronoun resolved to the last fitting entity."""
        if token is None:
            return None
        for m in mentions:
            if m.start <= token.idx < m.end:
                return m
        if head_only:
            return None
        low = token.lower_
        if low in _PRONOUNS:
            return self._pronoun(low, token.idx, mentions)
        phrase, stack = [], [token]
        while stack:                      # the phrase without the clauses inside it
            t = stack.pop()
            phrase.append(t)
            stack.extend(ch for ch in t.children if ch.dep_ not in _CLAUSE_DEPS)
        for t in sorted(phrase, key=lambda t: t.i):
            # "protesters in Khartoum": a place in a modifier is where, not whom ("the city of Kharkiv" is)
            located = t is not token and any(ch.dep_ == "case" and ch.lower_ != "of" for ch in t.children)
            for m in mentions:
                if m.start <= t.idx < m.end and m.kind in ("country", "person", "organization", "place") \
                        and not (located and m.kind == "place"):
                    return m
        return None

    @staticmethod
    def _drop_consumed_subjects(cands: list[_Cand], sent_toks) -> list[_Cand]:
        """'Talks ... broke down': the subject noun belongs to the subject-constrained event."""
        drop = set()
        for c in cands:
            if not c.pattern.subjects:
                continue
            toks, low = sent_toks[c.sent]
            for o in cands:
                if o is not c and o.sent == c.sent and o.pattern.pos == "noun" and o.tok < c.tok \
                        and c.tok - o.tok <= 8 and low[o.tok] in c.pattern.subjects:
                    drop.add(id(o))
        return [c for c in cands if id(c) not in drop]

    @staticmethod
    def _drop_consumed_objects(cands: list[_Cand], sent_toks) -> list[_Cand]:
        """'rebuffed an attempt to hold talks': the object word belongs to the event whose pattern named it."""
        drop = set()
        for c in cands:
            if not c.pattern.objects or c.pattern.pos != "verb":
                continue
            toks, low = sent_toks[c.sent]
            for o in cands:
                if o is c or o.sent != c.sent or not (c.end_tok <= o.tok < c.end_tok + 7):
                    continue
                if any(low[k] in c.pattern.objects for k in range(o.tok, o.end_tok)):
                    drop.add(id(o))
        return [c for c in cands if id(c) not in drop]

    def _fill(self, c: _Cand, text, toks, low, sent_range, mentions, timexes, verbs=()) -> None:
        i, j = c.tok, c.end_tok
        s, e = self._clause_bounds(toks, low, i, j, verbs)
        p = c.pattern
        c.headline = _is_headline(text, sent_range)
        # passive voice: "were launched (by X)"
        if p.pos == "verb" and i > 0 and is_participle(low[i]):
            k = i - 1
            while k >= s and low[k] in ("also", "reportedly", "allegedly", "not", "n't", "being", "been",
                                        "already", "later", "then", "first"):
                k -= 1
            if k >= s and low[k] in _BE:
                c.passive = True
            elif k >= s and c.headline and low[k] not in _HAVE and low[k].isalpha():
                c.passive = True    # headline style: "Opposition leader arrested days before vote"
            elif j < len(low) and low[j] == "by" and not (k >= s and low[k] in _HAVE):
                c.passive = True    # a reduced relative: "the talks, mediated by Egypt, ..."
        if c.passive:
            by = None
            for k in range(j, e):
                if low[k] == "by":
                    by = self._first_after(toks, k + 1, e, mentions, None)
                    break
            c.actor = by
            c.target = self._actor_before(text, toks, low, s, i, mentions, sent_range, verbs)
        elif p.pos == "noun":
            c.actor = self._noun_actor(text, toks, low, s, i, j, e, mentions, sent_range, verbs)
        else:
            c.actor = self._actor_before(text, toks, low, s, i, mentions, sent_range, verbs)
            # "Talks between A and B broke down"
            between = [k for k in range(s, i) if low[k] == "between"]
            if between:
                b = self._first_after(toks, between[0] + 1, i, mentions, None)
                if b:
                    c.actor = b
                    c.target = self._first_after(toks, between[0] + 1, i, mentions, b.code)
                    c.between = True
        if c.target is None and not c.passive:   # a passive has no object: "was arrested in Cape Verde"
            excl = c.actor.code if c.actor else None
            if p.pos == "noun":
                # a nominal event's target is introduced by a preposition ("criticism of X", "talks with X")
                c.target = self._first_after(toks, j, e, mentions, excl, preps=p.preps or _NOUN_TARGET_PREPS,
                                             low=low, actor=c.actor)
            else:
                c.target = self._first_after(toks, j, e, mentions, excl, preps=p.preps or None, low=low,
                                             actor=c.actor)
                if c.target is None and p.preps:
                    # any object, but not across a comma ("fired tear gas at protesters, the third
                    # day of demonstrations called by Y")
                    ce = next((k for k in range(j, min(e, len(low))) if low[k] == ","), e)
                    c.target = self._first_after(toks, j, ce, mentions, excl, actor=c.actor)
                if c.target is None:
                    c.target = self._place_object(toks, low, j, e, mentions, excl)
            if c.target is not None and c.actor is not None and p.pos == "verb" \
                    and self._co_subject(text, c.actor, c.target, toks[i][0], mentions):
                # "South Korea, the United States and Japan staged an exercise involving a U.S.
                # carrier": a co-actor named again after the verb is not its target
                c.target = None
        if p.code == "150" and p.pos == "verb":
            self._aimed_launch(c, toks, low, j, e, mentions)
        if c.target is None and c.actor is not None and p.pos == "verb" and not c.passive:
            # "Turkey and Syria agreed": with nothing else named, the partner of a pair is the target
            c.target = self._conjunct_after(text, c.actor, mentions, headline=c.headline)
            # a coordinated pair is the rules' reading; a parse of headline-ese ("Iran, IAEA agree")
            # does not override it
            c.between = c.between or c.target is not None
        # location: "in/at/near PLACE" in the clause, before any relative or subordinate clause
        # ("signed a deal that would allow shipments from Ukrainian ports": not signed in Ukraine)
        le = next((k for k in range(j, min(e, len(toks))) if low[k] in _SUBORD or low[k] in _CLAUSE_BREAK), e)
        for m in mentions:
            if toks[j - 1][1] <= m.start and (le >= len(toks) or m.end <= toks[min(le, len(toks)) - 1][1]) \
                    and (m.kind == "place" or (m.kind == "country" and not m.metonym)):
                k = self._tok_at(toks, m.start)
                if k is not None and k > 0 and low[k - 1] in ("in", "at", "near", "from", "off", "over"):
                    c.location = {"name": m.name, "code": m.code}
                    break
        # modality
        pre = low[s:i]
        near = low[max(s, i - 4):i]
        c.negated = any(w in _NEG for w in near) or any(w in _NEG_VERBS for w in pre)
        # "Iran denied that it had supplied drones": a denied clause is not asserted
        if s > 0 and not c.negated:
            gov = low[max(0, s - 8):s]
            c.negated = any(w in _DENY for w in gov)
        inf = any(pre[k] == "to" and k + 1 < len(pre) and pre[k + 1] not in
                  ("the", "a", "an", "his", "her", "its", "their", "our", "this", "that") for k in range(len(pre)))
        c.hypothetical = any(w in _MODAL for w in pre) or (inf and p.pos == "noun") or \
            (p.pos == "verb" and i > 0 and low[i - 1] == "to") or (s > 0 and low[s - 1] in _MODAL)
        # date: a time expression of the clause (not a duration, not "since X", not after a speech verb)
        a = toks[s][0] if s < len(toks) else sent_range[0]
        b = toks[e - 1][1] if 0 < e <= len(toks) else sent_range[1]
        best = None
        # "said Saab had been kidnapped": a past perfect happened before the time the sentence names
        perfect = p.pos == "verb" and "had" in low[max(s, i - 3):i]
        for t in timexes:
            if t.type not in ("DATE", "TIME") or not (sent_range[0] <= t.start < sent_range[1]):
                continue
            k = self._tok_at(toks, t.start)
            if k is not None and k > j and p.pos == "verb" and any(
                    low[x] == "to" and x + 1 < k and toks[x + 1][2] in _base_verbs() for x in range(j, k)):
                continue      # "agreed to hold an election in 2024": the time of the complement's event
            prevw = low[k - 1] if k else ""
            prev2 = low[k - 2] if k and k > 1 else ""
            if prevw in ("since", "until", "through", "by", "till") or prev2 in ("since",):
                continue
            if prevw in ("said", "says", "told", "reported", "announced", "added") or \
                    prev2 in ("said", "says", "told", "reported", "announced"):
                continue
            nominal = _NOMINAL_TIME.match(text, t.end)
            if nominal and (nominal[1] or (prevw in _NOUN_DETS and nominal[2] and nominal[2] not in _PREPS | _SUBORD)):
                continue      # "the 1994 genocide", "last year's vote": the time of a noun, not of the clause
            inside = a <= t.start < b
            if not inside and t.start > c.start:
                continue      # a later clause's time belongs to that clause
            if perfect and not inside:
                continue
            if not inside and self._in_anchor(t, timexes, text):
                continue
            dist = min(abs(t.start - c.start), abs(t.end - c.end))
            key = (not inside, dist)
            if best is None or key < best[0]:
                best = (key, t)
        if best:
            c.date, c.date_timex, c.date_from = best[1].value, best[1].id, "timex"

    @staticmethod
    def _modality(c: _Cand, low: list[str]) -> None:
        """A stated intention or threat to act is an event of its own code (03x / 13x)."""
        if c.pattern.pos != "verb" or c.negated:
            return
        found = modality_of(low, c.tok, c.end_tok)
        if found is None:
            return
        kind, c.modality_marker = found
        m = recode(c.pattern.code, kind)
        if kind in ("appeal", "demand") and not m.code:
            c.modality_marker = None
            return      # "urged X to attack": no appeal code for that act; the appeal verb codes it
        c.hypothetical, c.modality, c.modality_row = False, m.kind, m.row
        if m.code and m.code != c.pattern.code:
            c.intended = c.pattern.code
            c.pattern = replace(c.pattern, code=m.code)

    def _speech_acts(self, text, sentences, attributions, mentions, cands, timexes) -> list[_Cand]:
        """Attributions whose content judges a named party: criticism (111) or praise (051)."""
        taken = {c.start for c in cands}
        sent_starts = [a for a, _ in sentences]
        out = []
        for att, code, party in speech_acts(text, attributions, mentions, taken):
            src = att.source
            actor = next((m for m in mentions if m.start == src.start), None) or \
                Mention(src.start, src.end, text[src.start:src.end], entity=src.entity, name=src.name,
                        kind="person", code=src.code)
            pat = Pattern(code=code, pos="verb", words=tuple(att.cue.text.lower().split()), objects=frozenset(),
                          preps=frozenset(), row=-1)
            si = max(0, bisect.bisect_right(sent_starts, att.cue.start) - 1)
            c = _Cand(pattern=pat, tok=-1, end_tok=-1, start=att.cue.start, end=att.cue.end, sent=si,
                      actor=actor, target=party, rule="speech_acts:evaluative.tsv")
            c.attributions.append(att.id)
            t = statement_time(att, timexes, sentences[si], describes=objas_cue(att.cue.text))
            if t is not None:
                c.date, c.date_timex, c.date_from = t.value[:10], t.id, "timex"
            out.append(c)
        return out

    @staticmethod
    def _fold_intent_markers(cands: list[_Cand]) -> list[_Cand]:
        """"pledged to withdraw": the pledge is the intention to withdraw (0356), not a second event;
        its participants fill the intention's where the intention has none."""
        by_tok = {(c.sent, c.tok): c for c in cands if c.pattern.code[:2] in ("02", "03", "10", "13")}
        drop = set()
        for c in cands:
            m = by_tok.get((c.sent, c.modality_marker)) if c.modality_marker is not None else None
            if m is None or m is c:
                continue
            if c.modality in ("appeal", "demand"):
                # "X urged Y to withdraw": X appeals to Y (the infinitive's subject) to withdraw
                c.actor, c.target, c.roles_set = m.actor, m.target or c.actor, True
            else:
                c.actor, c.target = c.actor or m.actor, c.target or m.target
            c.date, c.date_timex, c.date_from = (c.date, c.date_timex, c.date_from) if c.date else \
                (m.date, m.date_timex, m.date_from)
            drop.add(id(m))
        return [c for c in cands if id(c) not in drop]

    @staticmethod
    def _in_anchor(t: Timex, timexes, text) -> bool:
        """A time expression inside '<duration> after ...' is not the main clause's time."""
        before = text[max(0, t.start - 120):t.start]
        return bool(re.search(r"\b(?:after|before)\b[^.;]*$", before)) and any(
            d.type == "DURATION" and d.end <= t.start and re.match(r"\s+(?:after|before)\b", text[d.end:d.end + 8])
            and t.start - d.end < 120 for d in timexes)

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
        joint = r"\s+and\s+(?:the\s+)?|\s*,\s*" if headline else r"\s+and\s+(?:the\s+)?"
        for n, m in enumerate(mentions):
            if m.start > actor.end and re.fullmatch(joint, text[actor.end:m.start], re.I) \
                    and m.kind in ("country", "person", "organization") and m.code != actor.code:
                nxt = mentions[n + 1] if n + 1 < len(mentions) else None
                if nxt is not None and re.fullmatch(r"\s*,?\s*and\s+|\s*,\s*", text[m.end:nxt.start]):
                    return None
                return m
        return None

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
                if re.fullmatch(r"(?:['’]s?)?(?:\s+[\w-]+){0,3}\s*", gap) and (gap.startswith(("'", "’"))
                                                                               or m.text[0].isupper()):
                    if not re.search(r"\b(?:of|with|to|for|against|between|by|from|in|at|on)\b", gap):
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
            if subj.text.lower() in ("it", "this", "that") and any(w in _BE for w in between):
                return None       # "It was the third attack": the pronoun is the happening, not its actor
        return subj

    def _anchor_dates(self, cands, text, sentences, sent_toks, timexes, published) -> None:
        """'<duration> after|before <clause>': the clause's events get the main event's date -/+ duration."""
        from .timexes import shift_value  # the time stage's arithmetic

        by_sent: dict[int, list[_Cand]] = {}
        for c in cands:
            by_sent.setdefault(c.sent, []).append(c)
        tx_by_id = {t.id: t for t in timexes}
        for si, lst in by_sent.items():
            toks, low = sent_toks[si]
            ss, se = sentences[si]
            for t in timexes:
                if t.type != "DURATION" or not (ss <= t.start < se):
                    continue
                k = self._tok_at(toks, t.end)
                if k is None or k >= len(low) or low[k] not in ("after", "before", "later", "earlier"):
                    continue
                if low[k] in ("later", "earlier"):
                    self._shift_relative(t, low[k], lst, cands, timexes, published, shift_value)
                    continue
                sign = -1 if low[k] == "after" else 1
                pivot = toks[k][0]
                main = [c for c in lst if c.end <= t.start]
                sub = [c for c in lst if c.start > pivot]
                if not sub:
                    continue
                ref = None
                if main:
                    m = main[-1]
                    ref = m.date or self._coref_date(m, cands)
                if ref is None and not main:
                    continue
                if ref is None:
                    ref = published
                if not ref:
                    continue
                val = shift_value(ref, t.value, sign)
                if not val:
                    continue
                for c in sub:
                    c.date, c.date_timex, c.date_from = val, t.id, "anchor"
        # undated events coreferent with an earlier dated one take its date
        for c in cands:
            if c.date is None:
                d = self._coref_date(c, cands)
                if d:
                    c.date, c.date_from = d, "coreference"
        # a headline tells the lede's news: an undated headline event takes the lede's date
        lede = next((o for o in cands if not o.headline and o.sent <= 3 and o.date and not o.hypothetical
                     and o.date_from != "anchor"), None)
        for c in cands:
            if c.headline and c.date is None and lede is not None:
                c.date, c.date_timex, c.date_from = lede.date, lede.date_timex, "headline"


    @staticmethod
    def _shift_relative(t: Timex, word: str, lst, cands, timexes, published, shift_value) -> None:
        """'<event> a day earlier' / 'A day later, <event>': the event is dated from the time in focus
        (the latest dated event before it, else the latest date mentioned, else the publication date)."""
        before = [c for c in lst if c.end <= t.start]
        targets = [before[-1]] if before else [c for c in lst if c.start >= t.end][:1]
        sign = 1 if word == "later" else -1
        for c in targets:
            ref = next((o.date for o in reversed(cands) if o is not c and o.start < c.start and o.date
                        and o.date_from != "relative" and len(o.date) >= 10), None)
            if ref is None:
                ref = next((x.value for x in reversed(timexes) if x.end <= min(c.start, t.start)
                            and x.type in ("DATE", "TIME") and len(x.value) >= 10 and x.value[:1].isdigit()),
                           None) or published
            val = shift_value(ref[:10], t.value, sign) if ref else None
            if val:
                c.date, c.date_timex, c.date_from = val, t.id, "relative"

    @staticmethod
    def _coref_date(c: _Cand, cands) -> str | None:
        """The date of the latest earlier report of the same kind of event by a compatible actor."""
        # a background event dated by an anchor ("a year after the military seized power") is not the
        # story's happening; the same kind of event means the same three-digit code
        prev = [o for o in cands if o is not c and o.start < c.start and o.date and not o.hypothetical
                and o.date_from != "anchor" and o.pattern.code[:3] == c.pattern.code[:3]
                and (c.actor is None or (o.actor is not None and o.actor.code == c.actor.code))]
        # (a named actor's event is not dated by an actor-less report: "The missile was launched
        # at 2:55 p.m." does not date "South Korea ... staged an exercise")
        return prev[-1].date if prev else None

    def _series(self, cands, text, sentences, sent_toks, timexes) -> None:
        owner_words = r"(?:[Ii]ts|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|a|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}['’]s)"
        pat = re.compile(rf"\b{owner_words}\s+(\d+)(?:st|nd|rd|th)?|\b{owner_words}\s+("
                         + "|".join(_ORDINALS) + r")\b")
        for m in pat.finditer(text):
            ordinal = int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2).lower()]
            if m.group(1) and not re.match(r"\d+(?:st|nd|rd|th)", text[m.start(1):m.start(1) + 6]):
                continue
            rest = re.match(r"\s+((?:[\w-]+\s+){0,2}?)(?!(?:of|the|a|an|this|that|these|those|in|on|at|to|for)\s)"
                            r"([a-z-]+)\s+(since|this|last|so\s+far|of\s+the\s+year|in|within)\b",
                            text[m.end():m.end() + 80])
            if not rest or ordinal < 1:
                continue
            noun = head = singular(rest.group(2))
            # "its fifth ICBM launch": words that narrow the kind counted stay with the noun
            narrow = [w for w in rest.group(1).split() if w.lower() not in _SERIES_MODIFIERS]
            if narrow:
                noun = " ".join(rest.group(1).split() + [head])
            anchor_pos = m.end() + rest.end()
            since = since_mod = None
            for t in timexes:
                if t.start >= anchor_pos - 5 and t.start <= anchor_pos + 3:
                    since, since_mod = t.value, t.mod
                    break
            if rest.group(3).startswith(("this", "of", "last")):
                for t in timexes:
                    if m.end() <= t.start <= m.end() + rest.end() + 15:
                        since, since_mod = t.value, t.mod
                        break
            si = next((n for n, (a, b) in enumerate(sentences) if a <= m.start() < b), None)
            owners = [c for c in cands if c.sent == si and not c.hypothetical]
            if not owners and si is not None:
                # "It was North Korea's 12th launch since May": the latest event of the noun's kind
                roots = {p.code[:2] for p in [*self.index.get(head, ()), *self.index.get(head + "s", ())]}
                owners = [c for c in cands if si - 3 <= c.sent < si and not c.hypothetical
                          and c.pattern.code[:2] in roots][-1:]
            if not owners:
                continue
            # the event the phrase comments on: the nearest before it, else after
            before = [c for c in owners if c.end <= m.start()]
            owner = before[-1] if before else owners[0]
            mod = since_mod if since and since.startswith("P") else None
            if ordinal == 1 and since and not since.startswith("P") and rest.group(3) == "since":
                # "its first launch since May 9": the first AFTER that day's (or period's) launch
                mod = "AFTER"
            owner.series = Series(ordinal, noun, since, mod)
            # a trigger inside the series phrase itself ("12th test") is the same event
            for c in list(cands):
                if c is not owner and m.start() <= c.start <= anchor_pos:
                    cands.remove(c)

    def _sources(self, cands, sentences, attributions: list[Attribution], text) -> None:
        starts = [x for x, _ in sentences]

        def sent_of(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        by_sent: dict[int, list[tuple[int, Attribution]]] = {}
        for a in attributions:
            sa = sent_of(a.cue.start)
            for n in range(sent_of(a.content.start), sent_of(max(a.content.start, a.content.end - 1)) + 1):
                by_sent.setdefault(n, []).append((sa, a))
            for n in (sa - 1, sa, sa + 1):
                by_sent.setdefault(n, []).append((sa, a))
        for c in cands:
            seen = set()
            for sa, a in by_sent.get(c.sent, ()):
                if a.id in seen:
                    continue
                seen.add(a.id)
                inside = a.content.start <= c.start and c.end <= a.content.end
                near = False
                if not inside and c.pattern.objects:
                    if abs(sa - c.sent) <= 1:
                        content = a.content.text.lower()
                        near = any(re.search(rf"\b{re.escape(w)}\b", content) for w in c.pattern.objects)
                if inside or near:
                    src = a.source
                    ref = ActorRef(src.entity, src.name, src.code)
                    if all((r.entity, r.name) != (ref.entity, ref.name) for r in c.sources):
                        c.sources.append(ref)
                    c.attributions.append(a.id)

    def _merge(self, cands: list[_Cand]) -> list[_Cand]:
        """Reports of one happening in the article become one event (same root, actor, date)."""
        out: list[_Cand] = []
        for c in cands:
            twin = None
            for o in out:
                if o.pattern.code[:2] != c.pattern.code[:2] or o.hypothetical != c.hypothetical \
                        or o.negated != c.negated:
                    continue
                if o.sent == c.sent and o.pattern.code[:3] != c.pattern.code[:3]:
                    continue    # "the talks, mediated by Egypt": two kinds of happening in one sentence
                ac, oc = (c.actor.code if c.actor else None), (o.actor.code if o.actor else None)
                if ac and oc and ac != oc:
                    continue
                tc, otc = (c.target.code if c.target else None), (o.target.code if o.target else None)
                if tc and otc and tc != otc:
                    continue
                if not _same_day(c.date, o.date):
                    if c.date and o.date:
                        continue
                    # an undated report far from the other merges only when the actor is named and equal,
                    # or when one is the headline and the other in the lede (the first three sentences)
                    lede = (c.headline or o.headline) and max(c.sent, o.sent) <= 3 \
                        and c.pattern.code[:3] == o.pattern.code[:3]
                    if abs(c.sent - o.sent) > 1 and not lede \
                            and not (ac and ac == oc and c.pattern.code == o.pattern.code):
                        continue
                twin = o
                break
            if twin is None:
                out.append(c)
                continue
            if twin.headline and not c.headline and not twin.from_body:
                # the body's first report names the participants more exactly than the headline
                twin.actor, twin.target = c.actor or twin.actor, c.target or twin.target
                twin.from_body = True
            twin.actor = twin.actor or c.actor
            twin.target = twin.target or c.target
            bound = ("publication", "report", "narrative")
            if twin.date and c.date and (len(c.date) > len(twin.date) or (
                    twin.date_from in bound and c.date_from not in bound)):
                # the more precise of the two, a stated date over an upper bound
                twin.date, twin.date_timex, twin.date_from = c.date, c.date_timex, c.date_from
            if not twin.date:
                twin.date, twin.date_timex, twin.date_from = c.date, c.date_timex, c.date_from
            twin.location = twin.location or c.location
            twin.series = twin.series or c.series
            for s in c.sources:
                if s not in twin.sources:
                    twin.sources.append(s)
            twin.attributions += [a for a in c.attributions if a not in twin.attributions]
            if len(c.pattern.code) > len(twin.pattern.code):
                twin.pattern = c.pattern          # the more specific code of the same root
        return out

    def _to_event(self, n: int, c: _Cand, text: str, sentences) -> Event:
        info = self.codes.get(c.pattern.code)
        ss, se = sentences[c.sent]

        def ref(m: Mention | None) -> ActorRef | None:
            return ActorRef(m.entity, m.name, m.code) if m else None

        if c.actor is not None and c.target is not None and c.actor.entity and c.actor.entity == c.target.entity:
            c.target = None    # no one acts on themselves here: one entity found for both roles

        return Event(
            id=f"v{n}", cameo=c.pattern.code, plover=info.plover if info else None,
            goldstein=info.goldstein if info else None,
            trigger=Span(c.start, c.end, text[c.start:c.end]), actor=ref(c.actor), target=ref(c.target),
            date=c.date, date_timex=c.date_timex, location=c.location, sources=c.sources,
            negated=c.negated, hypothetical=c.hypothetical, series=c.series,
            sentence={"start": ss, "end": se}, quad_class=info.quad_class if info else None,
            cameo_name=info.name if info else None,
            date_from=c.date_from, attributions=c.attributions, modality=c.modality, intended=c.intended,
            rule=(c.rule or f"{c.pattern.file}:{c.pattern.row + 1}")
                 + (f"+modality.tsv:{c.modality_row}" if c.modality_row else ""))


_EXTRACTOR: EventExtractor | None = None


def _extractor() -> EventExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EventExtractor()
    return _EXTRACTOR


def extract_events(text, sentences, mentions, timexes, attributions, *, published=None, quote_spans=(),
                   parses=None, found=None):
    return _extractor().extract(text, sentences, mentions, timexes, attributions, published=published,
                                quote_spans=quote_spans, parses=parses, found=found)


def find_triggers(text, sentences, quote_spans=()):
    """Per sentence: (tokens, lower-case forms, triggers); pass it back to extract_events as ``found``."""
    return _extractor().triggers(text, sentences, quote_spans)
