"""Entities: states, people, organisations and places, with their mentions and state codes.

Three sources, in order of trust: the gazetteer (states, capitals as metonyms, officials with
terms of office, organisations, places), patterns for names the gazetteer does not know
(titles and roles, appositions "X, a senior analyst at Y,", speech verbs "said X"), and name
coreference inside the article ("Kim" -> the last full name with that surname mentioned).
A generic organisation ("Defense Ministry") takes its state from a possessive or adjective
("Japan's Defense Ministry", "the South Korean Defense Ministry").
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field

from ..record import Entity, Mention, Span
from .. import lang
from .entity_codes import (dateline_state, international_name, leader_bodies, person_codes, place_codes_on,
                           resolve_gazetteer)
from .entity_index import Cover, Inside, Named, by_start, words_end
from .entity_words import _lex, _next_words, _prev_word, _time_names, context_words
from .gazetteer import Entry, Gazetteer, Leader, load
from .org_names import acronym_bodies, generic_inside, lower_sub_bodies
from .people import (leader_codes_on, leader_for, link_honorific_surnames, office_held_by_others, phoenix_official,
                     phoenix_state, shared_state)
from .recognised import given_names
from .regexes import regex, source

# A capitalised name token: "Kim", "Jae-in", "O'Brien", "McDonald", an initial "J." (regexes.json)
_NAME_TOK = source("entities", "name_token")


def _name_run(max_words: int) -> str:
    """A run of up to max_words capitalised name words on one line ("Kim Jong Un", "Ludwig van Beethoven")."""
    joiner, suffix = source("entities", "name_joiner"), source("entities", "name_suffix")
    return rf"{_NAME_TOK}(?:{joiner}{_NAME_TOK}){{0,{max_words - 1}}}{suffix}"


def capital_led(pattern: str) -> re.Pattern:
    """``pattern``, every match of which starts with a capital letter A-Z, compiled to be tried only
    where one stands (a lookahead the engine tests first: at every other position the scan fails at
    once instead of trying each branch)."""
    return re.compile(f"(?=[A-Z])(?:{pattern})")


_NAME = _name_run(4)
NAME_RE = re.compile(_NAME)
_NAME_TOK_RE = re.compile(_NAME_TOK)
# a capitalised run long enough for a title before a name ("Hungarian Prime Minister Viktor Orban")
# (a name token opens with its capital, a character class: the scan tries the rest only there)
_TITLED_NAME_RE = re.compile(_name_run(7))
# group 2: the run's first word
_CAP_WORDS = capital_led(r"(?<![\w'’-])(?=(([A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*)(?:\s[A-Z][\w'’]*){0,2})(?![\w-]))")



# where a match of _CAP_WORDS may start: a capital after no character of its words, and the run of
# those characters there (its group 2 is a prefix of the run). The character before the capital is
# tested after it (a lookbehind over both): the expression opens with a character class, which the
# scan looks for before it tries the rest
_CAP_START = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w'’-]*")


def _surname_runs(text: str, words: frozenset[str], own: frozenset[str]):
    """The matches of _CAP_WORDS in ``text`` whose first word (group 2), or that word less its last two
    characters (a possessive), is one of ``words`` or ``own``. _CAP_WORDS only looks ahead, so it
    matches at every position where it can: it is tried only where its first word can start, a capital
    opening a run of its words' characters (_CAP_START). Where the run holds no hyphen, the first word
    is the whole run (each of its characters continues the word, and nothing that may follow the run
    fails the closing lookahead), and is tested before the expression is tried."""
    for r in _CAP_START.finditer(text):
        run = r.group()
        if "-" not in run and run not in words and run not in own and run[:-2] not in words \
                and run[:-2] not in own:
            continue
        m = _CAP_WORDS.match(text, r.start())
        if m is None:
            continue
        first = m.group(2)
        if first in words or first in own or first[:-2] in words or first[:-2] in own:
            yield m


# one or more titles ("Brig. Gen. Nabil Abdullah") before the name
_TITLES = lang.abbreviations(kind="title")
_HONORIFIC = re.compile("(?=[" + "".join(sorted({re.escape(t[0]) for t in _TITLES})) + r"])\b(?:(?:"
                        + "|".join(map(re.escape, _TITLES)) + rf")\.\s+)+({_NAME})")
# what every match of _HONORIFIC holds: a title, its full stop and a space; a text without one is not
# scanned (led by the titles' literal letters, the search skips from one of their first letters to the next)
_HONORIFIC_NEEDS = re.compile("(?:" + "|".join(map(re.escape, _TITLES)) + r")\.\s")


@functools.lru_cache(maxsize=1)
def _org_run() -> re.Pattern:
    """regexes.json's run of capitalised words that may hold an organisation's name (it opens with
    its capital, a character class: the scan tries the rest only there)."""
    return re.compile(source("entities", "org_run"))


@dataclass
class _Raw:
    start: int
    end: int
    text: str
    kind: str
    name: str
    code: str | None
    form: str
    role: str | None = None
    metonym: bool = False
    leaders: tuple[Leader, ...] = ()
    source: str = "gazetteer"
    entity_key: tuple | None = None
    not_home: frozenset[str] = frozenset()      # states whose office the person's title names is another's


_OF_NAME = regex("entities", "of_name")
_WORD_BEFORE = regex("entities", "word_before")
_HYPHEN_DEMONYM = regex("entities", "hyphen_demonym_after")
_LOWER_WORD_BEFORE = regex("entities", "lower_word_before")
_AND = regex("entities", "conjunction")


@dataclass
class EntityResult:
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # entity id -> states it is not an official of ("President X" where that state's president was
    # another): the home state is not guessed for it (people.office_held_by_others)
    not_home: dict[str, frozenset[str]] = field(default_factory=dict)
    # the state of the dateline's place ("WELLINGTON, New Zealand --"), if the article has one
    dateline_state: str | None = None
    # where the dateline ends (0 where there is none): the story's body starts there
    dateline_end: int = 0
    # entity id -> states the text ties the person to ("Saudi radical X", "his native C"): the home
    # state is not guessed for one tied to another (entity_ties)
    ties: dict[str, frozenset[str]] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def give_code(self, ent: Entity, code: str, why: str = "") -> None:
        """Give entity ``ent`` the state ``code`` (``why`` appended to its source), and every mention
        of it that has none."""
        ent.code = code
        if why:
            ent.source = f"{ent.source}{why}"
        for x in self.mentions:
            if x.entity == ent.id and x.code is None:
                x.code = code


def _choose(entries: list[Entry]) -> Entry:
    order = {"country": 0, "person": 1, "organization": 2, "place": 3}
    return sorted(entries, key=lambda e: (order.get(e.kind, 9), e.form == "contextual"))[0]


class EntityExtractor:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or load()
        self.org_heads = _lex("org_heads.tsv")
        self.not_names = _lex("not_names.tsv")
        self.speech = lang.speech_verbs_for("name_cue")      # lang/en/speech_verbs.tsv, uses column
        self.surname_first = _lex("surname_first.tsv")
        self.given_names = {ld.name.split()[0] for ld in self.gaz.leaders if len(ld.name.split()) > 1
                            and ld.name.split()[0] not in self.surname_first}
        self.name_words = self.given_names | self.not_names
        self._chosen: dict[str, Entry] = {}     # surface form -> the entry _choose picks (the gazetteer is fixed)
        # the first words of the gazetteer's surnames (a run of capitalised words opening with none of
        # them and no article's surname is no surname: _surnames)
        self.surname_openers = frozenset(k.split()[0] for k in (*self.gaz.by_surname, *self.gaz.phoenix_by_surname)
                                         if k.split())

    # ---------------------------------------------------------------- gazetteer
    def _gazetteer_mentions(self, text: str) -> list[_Raw]:
        out = []
        chosen = self._chosen
        for s, e, form in self.gaz.find(text):
            s, form = self._lowercase_lead(text, s, form)
            entry = chosen.get(form) or chosen.setdefault(form, _choose(self.gaz.surface[form]))
            if entry.kind == "place" and _OF_NAME.match(text, e):
                continue      # "the Gulf of Aden" is not "the Gulf" (the Persian Gulf)
            if entry.kind == "place" and (g := _WORD_BEFORE.search(text, max(0, s - 30), s)) \
                    and g.group(1) in given_names():
                continue      # "Emily Lyons", "Whitney Houston": a surname after a first name, no town
            if entry.kind == "country" and entry.form == "adjective" and (h := _HYPHEN_DEMONYM.match(text, e)):
                second = [x for x in self.gaz.surface.get(h.group(1), ()) if x.kind == "country"
                          and x.form == "adjective"]
                if second:         # "Cuban-Americans": people of the second state
                    entry, e = second[0], h.end()
            out.append(_Raw(s, e, text[s:e], entry.kind, entry.name, entry.code, entry.form,
                            leaders=entry.leaders, role=entry.category))
        return out

    def _lowercase_lead(self, text: str, s: int, form: str) -> tuple[int, str]:
        """A lower-case word before a match that, capitalised, makes a longer name the gazetteer knows
        ("northern Ireland" is Northern Ireland, not Ireland; "south Korea" is South Korea)."""
        if not ("a" <= text[s - 2:s - 1] <= "z" and text[s - 1:s] == " "):
            return s, form        # (the expression needs a letter a-z and a space right before s)
        m = _LOWER_WORD_BEFORE.search(text, max(0, s - 20), s)
        if m and (longer := m.group(1).capitalize() + " " + form) in self.gaz.surface:
            return m.start(1), longer
        return s, form

    def _pattern_people(self, text: str, sentences, taken: list[tuple[int, int]]) -> list[_Raw]:
        out: list[_Raw] = []
        busy = Cover(len(text), taken)

        roles = self.gaz.roles
        titles, not_names = self.gaz.titles, self.not_names
        for m in _TITLED_NAME_RE.finditer(text):
            name = m.group()
            if " " not in name and "\t" not in name:
                continue          # one word (the run's words are joined by spaces and tabs alone)
            s, e = m.start(), m.end()
            toks = name.split()
            if len(toks) < 2:
                continue          # a single word is a name only through coreference (below)
            # strip leading title/role words and phrases and non-names ("President", "Prime Minister",
            # "The"); a stripped title is evidence of a person
            titled = False

            def past(at: int, words: list[str]) -> int:
                """The offset after these words of the run (and the space after them)."""
                for t in words:
                    at = text.index(t, at) + len(t)
                while at < e and text[at].isspace():
                    at += 1
                return at

            while toks:
                n = 0
                for k in (3, 2) if len(toks) > 2 else ():   # (two words or one: no title of two or three words before more)
                    phrase = " ".join(toks[:k]) if len(toks) > k else None
                    if phrase is not None and (phrase.lower() in roles or phrase in titles):
                        n = k
                        break
                if n == 0:
                    t0 = text.index(toks[0], s)
                    if not busy.free(t0, t0 + len(toks[0])) and len(toks) > 1:
                        # a state already named ("Hungarian" of "Hungarian Prime Minister X")
                        s, toks = past(s, toks[:1]), toks[1:]
                        continue
                    if not (toks[0].lower() in roles or toks[0] in titles or toks[0] in not_names):
                        break
                    n = 1
                titled = titled or toks[0] not in not_names
                s, toks = past(s, toks[:n]), toks[n:]
            if not titled and len(toks) > 3:
                # "Ruritanian Prime Minister Viktor X", "Acme Chief Executive Jane X": a title inside
                # the run starts the name after it
                for k in range(1, len(toks) - 2):
                    n = next((q for q in (3, 2, 1) if k + q <= len(toks) - 2
                              and (" ".join(toks[k:k + q]).lower() in roles or " ".join(toks[k:k + q]) in self.gaz.titles)), 0)
                    if n:
                        s, toks, titled = past(s, toks[:k + n]), toks[k + n:], True
                        break
            while toks and (toks[-1] in self.not_names or toks[-1].lower() in roles):
                toks = toks[:-1]
                e = words_end(text, s, len(toks) - 1) if toks else s
            if not toks or e <= s:
                continue
            name = text[s:e]
            if not busy.free(s, e):
                continue
            if len(toks) < 2:
                continue          # a single word is a name only through coreference (below)
            if any(t in self.org_heads for t in toks):
                continue
            why = "title" if titled else self._person_evidence(text, s, e, len(toks))
            if not why:
                continue
            out.append(_Raw(s, e, name, "person", name, None, "pattern", source=f"pattern:{why}"))
            busy.take(s, e)
        return out

    def _person_evidence(self, text: str, s: int, e: int, ntok: int) -> str | None:
        prev = [w for w in _prev_word(text, s, 2)]
        nxt = _next_words(text, e, 3)
        roles = self.gaz.roles
        if prev and (prev[-1].lower() in roles or prev[-1] in self.gaz.titles):
            return "role-before"
        if prev and prev[-1].lower() in self.speech:
            return "speech-verb-before"
        if prev and prev[-1] in ("By", "by") and ntok >= 2:
            return "byline"
        if nxt and nxt[0].lower() in self.speech:
            return "speech-verb-after"
        if prev and prev[-1] == "," and nxt and (nxt[0] in (",", ".") or nxt[0].lower() in self.speech):
            # "the U.N. envoy for Sudan, Volker Perthes, said": the name stands in apposition to a role
            seg = re.split(r"[.;:!?\n,(]", text[max(0, s - 120):s].rstrip().rstrip(","))[-1]
            if any(w.lower().strip("'’s") in roles for w in seg.split()[-6:]):
                return "role-apposition"
        if nxt and nxt[0] == "," and len(nxt) > 1 and nxt[1].lower() in context_words("apposition_openers"):
            follow = regex("entities", "apposition_role").match(text[e:])
            if follow and any(w.lower().strip("'’s") in roles for w in follow.group(1).split()[:6]):
                return "apposition"
            if follow and nxt[1].lower() in ("who", "whose"):
                return "relative-clause"
        own = regex("entities", "apposition_owner").match(text, e)
        if own and any(w.lower().strip("'’s") in roles for w in own.group(1).split()[:4]):
            return "apposition"      # "X, Poland's foreign minister,"
        return None

    def _honorific_people(self, text: str, raws: list[_Raw]) -> list[_Raw]:
        """"Mr. Rhodes", "Dr. Lee": an honorific makes a person of the name after it, even where the
        gazetteer knows a place of that name; a person already in the gazetteer keeps its entry."""
        out = []
        need = _HONORIFIC_NEEDS.search(text)
        if need is None:
            return out
        people = Cover(len(text), [(r.start, r.end) for r in raws if r.kind == "person"])
        # (each match opens with a title, its full stop and a space, a match of _HONORIFIC_NEEDS: none
        # starts before the first of those, and the scan from there finds the same matches)
        for m in _HONORIFIC.finditer(text, need.start()):
            s, e = m.span(1)
            if people.covers(s):
                continue
            out.append(_Raw(s, e, text[s:e], "person", text[s:e], None, "pattern", source="pattern:honorific"))
        return out

    def _pattern_orgs(self, text: str, taken: list[tuple[int, int]], absorbable=()) -> list[_Raw]:
        out = []
        busy = Cover(len(text), taken)
        absorbed = {(r.start, r.end) for r in absorbable}
        spare = Cover(len(text), [t for t in taken if t not in absorbed])
        opening, inside = by_start(absorbable), Inside(absorbable)
        for m in _org_run().finditer(text):
            toks = m.group().split()
            if self.org_heads.isdisjoint(toks):
                continue
            # the organisation ends at its last head word ("NK News", "Korea Institute for ...")
            heads = [i for i, t in enumerate(toks) if t in self.org_heads]
            last = heads[-1]
            # "Ministry of Defence", "Commission on Human Rights" (not "the Council on Monday")
            complement = last + 2 < len(toks) and (toks[last + 1] == "of" or (
                toks[last + 1] == "on" and not any(t in _time_names() for t in toks[last + 2:])))
            if last == 0 and not complement:
                continue
            s = m.start()
            if toks[0] == "The":       # "The Union of Concerned Scientists": the article is not the name
                toks, heads, last = toks[1:], [h - 1 for h in heads], last - 1
                s = regex("entities", "leading_the").match(text, s).end()
                if last < 0 or (last == 0 and not complement):
                    continue

            def end_of(n: int) -> int:
                return min(m.end(), words_end(text, s, n))

            code = None
            e = end_of(last)
            # a country's name or demonym opening the name ("Kenya National Commission", "Pakistan Army")
            prefix = next((r for r in opening.get(s, ()) if r.end < e), None)
            if prefix is not None and prefix.kind == "organization" and _AND.search(text, prefix.end, e):
                prefix = None     # "the FBI and Justice Department": two bodies, not one
            if prefix is not None and any(r.code == "IGO" and international_name(r.text) for r in inside.within(s, e)):
                continue      # "a Libyan World Court case": a demonym before an international body's name
            if prefix is not None and not busy.free(s, e) and spare.free(s, e):
                code = prefix.code
                if not complement:
                    out.append(_Raw(s, e, text[s:e], "organization", " ".join(toks[:last + 1]), code, "pattern",
                                    source="pattern:org-head"))
                    continue
            if complement and spare.free(s, end_of(len(toks) - 1)) \
                    and (busy.free(s, e) or code is not None):
                # "Central Committee of Sudanese Doctors", "Union of Concerned Scientists": the head's
                # complement is part of the name (and a demonym in it gives the state)
                last = len(toks) - 1
                e = end_of(last)
                code = code or next((r.code for r in inside.within(s, e)), None)
            elif not busy.free(s, e) \
                    and not generic_inside(toks, spare.free(s, e), inside.within(s, e), e,
                                           self.name_words):
                continue
            name = " ".join(toks[:last + 1])
            out.append(_Raw(s, e, text[s:e], "organization", name, code, "pattern", source="pattern:org-head"))
        return out

    # ---------------------------------------------------------------- main
    def extract(self, text: str, sentences: list[tuple[int, int]], *, published: _dt.date | None = None,
                dateline_end: int = 0, bylines: list[str] = ()) -> EntityResult:
        raws = lower_sub_bodies(text, resolve_gazetteer(self.gaz, text, self._gazetteer_mentions(text), dateline_end))
        honored = self._honorific_people(text, raws)
        if honored:
            cover = Cover(len(text), [(h.start, h.end) for h in honored])
            raws = [r for r in raws if not cover.overlaps(r.start, r.end)] + honored
        # a demonym inside an organisation's "of" complement ("Committee of Sudanese Doctors") is absorbed
        # and so is a country's name opening one or standing in its complement ("Kenya National
        # Commission on Human Rights", "Bank of Japan"): the organisation takes the country's code
        # and so is a named organisation opening a longer one the gazetteer does not know ("Homeland
        # Security Investigations"): a body of its own, with the parent's state
        absorbable = [r for r in raws if (r.kind == "country" and r.form in ("adjective", "name", "alias"))
                      or (r.kind == "organization" and (r.form == "generic" or (r.form == "org" and r.code)))]
        ab_ids = {id(r) for r in absorbable}     # (absorbable is a filter of raws: identity = membership)
        taken = [(r.start, r.end) for r in raws if id(r) not in ab_ids]
        orgs = self._pattern_orgs(text, taken + [(r.start, r.end) for r in absorbable], absorbable)
        inside = Inside(absorbable)
        absorbed = {id(r) for o in orgs for r in inside.within(o.start, o.end)}
        raws = [r for r in raws if id(r) not in absorbed]
        taken = [(r.start, r.end) for r in raws] + [(r.start, r.end) for r in orgs]
        people = self._pattern_people(text, sentences, taken)
        raws = sorted(raws + orgs + people, key=lambda r: r.start)
        raws = acronym_bodies(text, raws, lambda s, e, code: _Raw(s, e, text[s:e], "organization", text[s:e], code,
                                                                  "pattern", source="pattern:acronym"))
        person_codes(text, raws)
        if published:
            leader_codes_on(raws, published)
            place_codes_on(raws, published)
            for r in raws:
                if r.kind == "person" and r.code is None and r.source == "pattern:title":
                    r.not_home = office_held_by_others(self.gaz, text, r.start, r.name, published)
        raws = self._surnames(text, raws, published, set(bylines))
        leader_bodies(text, raws)
        res = self._build(raws)
        res.dateline_state = dateline_state(text, raws, dateline_end)
        res.dateline_end = dateline_end
        return res

    def _surnames(self, text: str, raws: list[_Raw], published, bylines: set[str]) -> list[_Raw]:
        """Surname-only mentions ("Kim", "President Moon") linked to a full name or the gazetteer."""
        persons = [r for r in raws if r.kind == "person"]
        known: dict[str, list[_Raw]] = {}
        for p in persons:
            sur = self._surname_of(p)
            if sur:
                known.setdefault(sur, []).append(p)
            # the surname as this article spells it ("Volodymyr Zelenskiy" -> "Zelenskiy" for Zelensky)
            written = regex("entities", "possessive_end").sub("", p.text.split()[-1]) if len(p.text.split()) >= 2 \
                else None
            if written and written != sur and written[:1].isupper() and p.leaders:
                known.setdefault(written, []).append(p)
        tables = (known, self.gaz.by_surname, self.gaz.phoenix_by_surname)     # looked up, never joined
        if not any(tables):
            return raws
        by_surname, phoenix = self.gaz.by_surname, self.gaz.phoenix_by_surname
        link_honorific_surnames(raws, known)
        # a person named in full in the article outranks a place of the same name ("Rhodes", "Austin")
        raws = [r for r in raws if not (r.kind == "place" and r.form == "place" and r.text in known)]
        busy = Cover(len(text), [(r.start, r.end) for r in raws])
        extra = []
        named: dict[str, Named] = {}     # surname -> the people known by it (no byline names)
        # a run is looked up below only where its first word (or that word less a possessive "'s")
        # opens a surname of the tables: ``known`` gains only surnames already in them
        own = frozenset(k.split()[0] for k in known if k.split())
        for m in _surname_runs(text, self.surname_openers, own):
            # the longest run of capitalised words (up to three) that is a known surname
            words = m.group(1).split()
            if words[0].endswith(("'s", "’s")):
                words = [words[0][:-2]]           # "Kim's climb"
            n = len(words)
            joined = " ".join(words)
            if joined not in known and joined not in by_surname and joined not in phoenix:
                continue          # part of a longer name ("Example Wire", "Trump Tower")
            sur = " ".join(words[:n])
            s = m.start(1)
            e = s + len(sur) if n == 1 else words_end(text, s, n - 1)
            if not busy.free(s, e):
                continue
            nxt = text[e:e + 2]
            if nxt[:1] and nxt[:1].isalpha():
                continue
            prev = _prev_word(text, s, 1)
            title = self._title_before(text, s)
            if prev and not title and _NAME_TOK_RE.fullmatch(prev[0]) and text[s - 1:s] == " " \
                    and text[s - 1 - len(prev[0]):s - 1] == prev[0] and prev[0] not in self.not_names \
                    and prev[0] not in _time_names() and prev[0].lower() not in self.gaz.roles:
                continue          # another person's given name ("Conan O'Brien" is not Robert O'Brien)
            # the full name mentioned nearest before (not a byline name), else after
            if sur not in named:
                named[sur] = Named(p for p in known.get(sur, []) if p.name not in bylines)
            cands = named[sur].people
            # of several people with the surname, a bare surname is the one the article named first
            # (writers name the second in full: "Ted Cruz ... his father, Rafael Cruz ... Cruz said")
            target = named[sur].target(s)
            if target is not None:
                extra.append(_Raw(s, e, sur, "person", target.name, target.code, "surname",
                                  leaders=target.leaders, source="coref:surname", entity_key=("person", target.name)))
                continue
            if title or (not cands and self._distinctive_surname(sur)):
                got, later = self._official(s, e, sur, title, published)
                if got is not None:
                    extra.append(got)
                if later:
                    # later bare surnames resolve to this one
                    known.setdefault(sur, []).append(got)
                    if got.name not in bylines:
                        named[sur].add(got)
        return sorted(raws + extra, key=lambda r: r.start)

    def _title_before(self, text: str, s: int) -> str | None:
        """The gazetteer title right before a surname, the longest of its last three words ("Prime
        Minister Koizumi": "Prime Minister", not "Minister"), the words joined as the text spaces them."""
        words = _prev_word(text, s, 3)
        for n in range(len(words), 0, -1):
            title = " ".join(words[-n:])
            if title in self.gaz.titles and (n == 1 or text[s - len(title) - 1:s - 1] == title):
                return title
        return None

    def _official(self, s: int, e: int, sur: str, title: str | None, published) -> tuple[_Raw | None, bool]:
        """The official a surname (with a title) names: a gazetteer leader on the day, else the one Phoenix
        person in a government role then, else the state all gazetteer leaders with that surname and
        title share, else the state of the Phoenix people with that surname who ever governed; and
        whether later bare surnames resolve to the one found."""
        lds = leader_for(self.gaz, sur, title, published)
        if lds:
            ld = lds[0]
            return _Raw(s, e, sur, "person", ld.name, ld.code, "surname", leaders=self.gaz.terms.get(ld.name, (ld,)),
                        source="gazetteer:title+surname" if title else "gazetteer:surname"), True
        if not title:
            return None, False
        if rows := phoenix_official(self.gaz.phoenix_by_surname, sur, published):
            now = next(r for r in rows if r.in_office(published) and r.cameo[3:6] == "GOV")
            return _Raw(s, e, sur, "person", now.name, now.code, "surname", leaders=rows,
                        source="phoenix:title+surname"), True
        if code := shared_state(self.gaz, sur, title):
            # "President Bush" between two presidents Bush: who is open, the state is not
            return _Raw(s, e, sur, "person", sur, code, "surname", source="gazetteer:title+surname+state"), False
        if sur not in self.gaz.by_surname and (held := phoenix_state(self.gaz.phoenix_by_surname, sur, published)):
            # "President Reagan" in an article of a later day: the state of the one person with that
            # surname who held a government role (or of all of them)
            who, code = held
            rows = tuple(r for r in self.gaz.phoenix_by_surname[sur] if r.name == who) if who else ()
            return _Raw(s, e, sur, "person", who or sur, code, "surname", leaders=rows,
                        source="phoenix:title+surname+state"), True
        return None, False

    def _distinctive_surname(self, sur: str) -> bool:
        """A bare surname names a gazetteer official only when one person has it and it is not
        also a given name or a place ("Putin" yes; "Charles", "Moon", "Lee" no)."""
        people = {ld.name for ld in self.gaz.by_surname.get(sur, [])}
        return len(sur) > 3 and len(people) == 1 and sur not in self.given_names \
            and all(e.kind == "person" for e in self.gaz.surface.get(sur, []))

    def _surname_of(self, p: _Raw) -> str | None:
        if p.leaders:
            return p.leaders[0].surname
        toks = p.name.split()
        if len(toks) < 2:
            return toks[0] if toks and p.source == "pattern:honorific" else None
        if toks[0] in self.surname_first:
            return toks[0]
        return toks[-1]

    def _build(self, raws: list[_Raw]) -> EntityResult:
        res = EntityResult()
        ents: dict[tuple, Entity] = {}
        for r in raws:
            key = r.entity_key or (r.kind, r.name, r.code if r.kind != "person" else None)
            if r.kind == "person" and r.entity_key is None:
                key = ("person", r.name)
            ent = ents.get(key)
            if ent is None:
                ent = Entity(id=f"e{len(ents) + 1}", name=r.name, kind=r.kind, code=r.code,
                             source=r.source + (":" + r.form if r.source == "gazetteer" else ""))
                ents[key] = ent
            elif ent.code is None and r.code:
                ent.code = r.code
            ent.mentions.append(Span(r.start, r.end, r.text))
            if r.not_home:
                res.not_home[ent.id] = res.not_home.get(ent.id, frozenset()) | r.not_home
            res.mentions.append(Mention(r.start, r.end, r.text, entity=ent.id, name=ent.name, kind=r.kind,
                                        code=r.code or ent.code, role=r.role, metonym=r.metonym, form=r.form))
        code_of = {e.id: e.code for e in ents.values()}
        for m in res.mentions:       # codes learnt later in the article flow back
            if m.code is None:
                m.code = code_of[m.entity]
        res.entities = list(ents.values())
        return res


_EXTRACTOR: EntityExtractor | None = None


def extract_entities(text: str, sentences: list[tuple[int, int]], *, published=None, dateline_end: int = 0,
                     bylines: list[str] = ()) -> EntityResult:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EntityExtractor()
    return _EXTRACTOR.extract(text, sentences, published=published, dateline_end=dateline_end,
                              bylines=bylines)

