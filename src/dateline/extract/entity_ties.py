"""Ties of people to states: what the text says of a person with no state of their own that links them
to a state ("Saudi radical X", "X, a 24-year-old Cuban,", "X ... back in his native Tanzania"), read before
the article's home state is guessed for them (entity_context.assign_home_state).

A person tied to a state other than the home state does not take the home state, nor, in an article
datelined in another state, one tied to no state: a null code is better than a wrong one. A person
whose ties all name one state, by nationality ("a 24-year-old Cuban", "the Cuban boy X", "X, of
Havana,") or origin ("his native C", "born in C", "a citizen of C", "a C native"), takes that state,
as CAMEO coders code a person by nationality; a birthplace before the name ("Kenyan-born X") is no
nationality and gives none.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from ..record import Mention
from ..resources import read_tsv
from .entities import EntityResult
from .entity_words import context_words
from .regexes import regex

# how far after a person's name an origin phrase of theirs may name the state ("X, 31, later
# moved back to his native C"), within the sentence and before any other person
_ORIGIN_REACH = 160
_PLACE_KINDS = ("country", "place")


def _coded_place(m: Mention) -> bool:
    return m.kind in _PLACE_KINDS and bool(m.code) and m.code not in ("IGO", "NGO")


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Lower-case nouns of a person (context.json tie_person_nouns, person_descriptors; the
    gazetteer's person roles)."""
    roles = (w for r in read_tsv("gazetteer", "roles.tsv") if r.get("person") == "1"
             for w in r["word"].lower().replace("-", " ").split())
    return frozenset(context_words("tie_person_nouns")) | frozenset(context_words("person_descriptors")) \
        | frozenset(roles)


def _person_noun(word: str) -> bool:
    """A noun of a person: listed, or one of occupation by its ending ("marathoner", "economist")."""
    return word in _person_nouns() or (len(word) >= 6 and word.isalpha()
                                       and word.endswith(tuple(context_words("person_noun_endings"))))


def _demonym_before(text: str, ms: list[Mention], k: int) -> tuple[str | None, bool]:
    """"Saudi radical X", "the Cuban boy X", "Kenyan-born X": the state named right before the
    name, with only lower-case words between, the last a noun of a person ("Canadian officials
    said X" is no tie); and whether it is the person's nationality (a birthplace, "Kenyan-born X", is
    not: the person may be another state's citizen)."""
    prev = ms[k - 1] if k else None
    if prev is None or not _coded_place(prev) or prev.end > ms[k].start:
        return None, False
    gap = regex("entities", "tie_demonym_gap").fullmatch(text, prev.end, ms[k].start)
    if gap is None:
        return None, False
    words = gap.group().split()
    if gap.group().startswith("-born"):
        return (prev.code if len(words) == 1 or _person_noun(words[-1]) else None), False
    # (a name, not a demonym, is the subject of a verb: "New York charged X")
    return (prev.code if prev.form == "adjective" and words and _person_noun(words[-1]) else None), True


def _apposed_after(text: str, ms: list[Mention], k: int) -> tuple[str | None, bool]:
    """"X, a 24-year-old Cuban,", "X, 44, of Havana,", "X, from Cuba,": the state of the apposition
    right after the name; and whether it is the person's own ("X, the envoy to Peru,": a role held
    towards a state, its words ending in a preposition of context.json towards_prepositions, is not)."""
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    if nxt is None or not _coded_place(nxt) \
            or not regex("entities", "tie_apposed_gap").fullmatch(text, ms[k].end, nxt.start):
        return None, False
    words = text[ms[k].end:nxt.start].replace(",", " ").split()
    return nxt.code, not (words and words[-1].lower() in context_words("towards_prepositions"))


def _served_before(text: str, ms: list[Mention], k: int) -> str | None:
    """"Putin's spokesman X", "Truman's secretary of state, X": the state of a coded person whose
    possessive opens the title right before the name (regexes.json tie_served_gap, its last word a
    noun of a person): the person serves that person's state."""
    prev = ms[k - 1] if k else None
    if prev is None or prev.kind != "person" or not prev.code or prev.code in ("IGO", "NGO") \
            or prev.end > ms[k].start:
        return None
    gap = regex("entities", "tie_served_gap").fullmatch(text, prev.end, ms[k].start)
    words = gap.group(1).split() if gap else []
    return prev.code if words and any(_person_noun(w) for w in words) else None


def _origin_after(text: str, ms: list[Mention], k: int) -> str | None:
    """"X ... back in his native Tanzania", "X, a native of Cuba", "X, born in Havana", "X, a Havana
    native": a state or place given as the person's origin later in their sentence, before any other
    person is named."""
    m = ms[k]
    for o in ms[k + 1:]:
        if o.start - m.end > _ORIGIN_REACH or o.kind == "person" \
                or regex("entities", "sentence_break").search(text, m.end, o.start):
            return None
        if not _coded_place(o):
            continue
        if regex("entities", "tie_origin_before").search(text[max(m.end, o.start - 40):o.start]) \
                or regex("entities", "tie_origin_after").match(text, o.end):
            return o.code
    return None


def _role_of_body(text: str, ms: list[Mention], k: int) -> bool:
    """"The board named X on Monday as chief economist of the World Bank": a role of an international
    body that the person's clause gives with "as", before any other person (not a former one)."""
    nxt = next((o for o in ms[k + 1:k + 6] if o.kind in ("person", "organization")), None)
    if nxt is None or nxt.kind != "organization" or nxt.code != "IGO":
        return False
    got = regex("entities", "tie_role_of_body").fullmatch(text, ms[k].end, nxt.start)
    words = got.group(1).split() if got else []
    return bool(words) and _person_noun(words[-1]) and not set(words) & set(context_words("former_words"))


def title_of_body(text: str, ms: list[Mention], k: int, is_title: Callable[[str], bool]) -> str | None:
    """"Deputy Foreign Minister of Iran X", "Director of the U.S. National Security Agency (NSA)
    X": the code of the coded body or state that stands right before the person (or before the
    acronym in parentheses that follows it) when a title ending in "of (the)" opens it; ``is_title``
    says whether words are a title (entity_context._title_chain)."""
    j = k - 1
    if j >= 0 and text[ms[j].end:ms[k].start] == ") " and j and ms[j - 1].entity == ms[j].entity \
            and regex("entities", "acronym_open").fullmatch(text, ms[j - 1].end, ms[j].start):
        j -= 1                                         # the body's acronym in parentheses
    elif j < 0 or text[ms[j].end:ms[k].start] != " ":
        return None
    body = ms[j]
    if not body.code or body.kind not in ("country", "organization"):
        return None
    anchor = body.start         # ("of the U.S. National Security Agency": the state's name before the body's)
    if j and ms[j - 1].kind == "country" and text[ms[j - 1].end:body.start] == " ":
        anchor = ms[j - 1].start
    got = regex("entities", "title_of_before").search(text, max(0, anchor - 60), anchor)
    words = got.group(1).split() if got else []
    last = words[-1].lower() if words else ""
    if not words or (last.endswith("s") and (last[:-1] in _person_nouns() or last[:-2] in _person_nouns())):
        return None                                    # a title is one person's ("Supporters of Ghana X")
    return body.code if any(is_title(" ".join(words[i:])) for i in range(len(words))) else None


def title_named_with_state(text: str, ms: list[Mention], k: int) -> str | None:
    """"Trade Minister X" where the article also says "Kenya's trade minister" (or "the Kenyan trade
    minister"): the one state the article names the person's capitalised title with (two or three
    words, the last a noun of a person); none where it names it with two states."""
    got = regex("entities", "title_words_before").search(text, max(0, ms[k].start - 60), ms[k].start)
    words = got.group(1).replace("-", " ").split() if got else []
    if not words or words[-1].lower() not in _person_nouns():
        return None
    gap = regex("entities", "state_title_gap")
    after = [(o.code, g.end()) for o in ms if o.kind == "country" and _coded_place(o) and (g := gap.match(text, o.end))]
    if not after:
        return None         # (no state with room for the title after it: the title's expression is not made)
    title = re.compile(r"\s+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
    codes = {code for code, at in after if title.match(text, at)}
    return codes.pop() if len(codes) == 1 else None


def tie_people(text: str, res: EntityResult) -> None:
    """Record in ``res.ties`` the states the text ties each person with no state to (a demonym or a
    state's name right before the name, an apposition naming a state, an origin phrase); a person
    whose only ties are to one state (a nationality or an origin; a birthplace alone is none) takes it,
    as a coder codes "a 31-year-old Yemeni" YEM, and one given a role of an international body with
    "as" is IGO."""
    by_id = res.by_id()
    ms = res.mentions
    origins: dict[str, set[str]] = {}
    for k, m in enumerate(ms):
        ent = by_id.get(m.entity or "")
        if m.kind != "person" or ent is None or ent.code:
            continue
        served = _served_before(text, ms, k)
        for code, nationality in (_demonym_before(text, ms, k), _apposed_after(text, ms, k), (served, True)):
            if code:
                res.ties[ent.id] = res.ties.get(ent.id, frozenset()) | {code}
                if nationality:
                    origins.setdefault(ent.id, set()).add(code)     # a nationality: the person's state
        if _role_of_body(text, ms, k):
            res.give_code(ent, "IGO", "+role-of-body")
            continue
        origin = _origin_after(text, ms, k)
        if origin:
            origins.setdefault(ent.id, set()).add(origin)
            res.ties[ent.id] = res.ties.get(ent.id, frozenset()) | {origin}
    for eid, codes in origins.items():
        ent = by_id[eid]
        if len(codes) == 1 and res.ties[eid] == codes and ent.code is None:
            res.give_code(ent, next(iter(codes)), "+origin")
    _tie_kin(text, res)


def _tie_kin(text: str, res: EntityResult) -> None:
    """"Elian's father, X": a person with no state named in apposition to a close relative of a person
    with one (regexes.json tie_kin_gap) shares that state, where the text ties them to no other."""
    by_id = res.by_id()
    ms = res.mentions
    for kin, m in zip(ms, ms[1:]):
        ent = by_id.get(m.entity or "")
        if ent is None or ent.kind != "person" or ent.code or kin.kind != "person" or not kin.code \
                or kin.code in ("IGO", "NGO") or not regex("entities", "tie_kin_gap").fullmatch(text, kin.end, m.start):
            continue
        res.ties[ent.id] = res.ties.get(ent.id, frozenset()) | {kin.code}
        if res.ties[ent.id] == {kin.code}:
            res.give_code(ent, kin.code, "+kin")


def may_take_home(res: EntityResult, eid: str, home: str) -> bool:
    """May the entity ``eid`` take the home state: the text ties it to no other state, and, in an
    article datelined in another state (whose people may be either state's), ties it to the home state."""
    ties = res.ties.get(eid, frozenset())
    if any(code != home for code in ties):
        return False
    return res.dateline_state in (None, home) or home in ties


def drop_namesake_codes(res: EntityResult) -> None:
    """A person the Phoenix dictionaries know by a two-word name alone (a given name and a surname, no
    title or role in the text: "gazetteer:phoenix") whose state the article names nowhere is a namesake
    ("Manuel Gonzalez" in a story about Miami and Cuba is no Costa Rican official): the dictionary's
    state goes, and the text's ties or the home state may give one (before them). Not where the text
    names no state at all, nor for a longer name, which is more likely the dictionary's own person."""
    named = {m.code for m in res.mentions if m.code and m.kind in ("country", "place", "organization")}
    if not named - {"IGO", "NGO"}:
        return      # (a text that names no state leaves the dictionary's standing)
    for ent in res.entities:
        if ent.kind == "person" and ent.source == "gazetteer:phoenix" and ent.code not in named | {None} \
                and len(ent.name.split()) == 2:
            ent.code, ent.source = None, "text:namesake"
            for m in res.mentions:
                if m.entity == ent.id:
                    m.code = None
