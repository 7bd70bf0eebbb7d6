"""Entity steps over the whole article, after the gazetteer, the patterns and the recogniser.

Definite descriptions ("the court") join the organisation named before with that head noun; groups
named by their noun alone ("police", "prosecutors") act for the state of their place or the article's;
places take the state of the region named after them; the article's home state goes to the people and
bodies that have no state of their own. The state a person's role gives them is read in entity_titles,
names and genders in entity_names (both re-exported here for the modules that read them from here).
"""
from __future__ import annotations

import functools
import re

from ..record import Mention, Span
from .entities import EntityResult
from .entity_groups import add_community_mentions
from .entity_codes import us_state_after
from .entity_index import Cover, letter_runs, letter_tree
from .entity_local import (state_counts, add_body_members, add_member_state_groups, add_place_groups, code_acronyms_of_named,
                           code_local_bodies, code_people_by_foreign_dateline, code_titled_by_dateline,
                           group_noun_after, places_named_as_bodies)
from .entity_names import add_bare_surnames, infer_genders, join_surnames, pronoun_gender  # noqa: F401
from .entity_ties import may_take_home, tie_people
from .entity_titles import _title_chain, _title_words, code_people_from_context  # noqa: F401
from .entity_words import _lex, context_words
from .geocode import code_places_from_geonames, code_state_namesakes
from .regexes import regex


# A state that most of an article's coded mentions belong to is the article's home state: the
# people and organisations it names without any other state act there (domestic politics).
HOME_STATE_SHARE = 0.5
HOME_STATE_MIN_MENTIONS = 3
# The state of the dateline's place, where it holds this share of the coded mentions, is the home
# state even where another is named more: the story is filed where it happens (a story from Miami
# about a Cuban boy: the officials, lawmakers and relatives it names without a state are American)
DATELINE_HOME_SHARE = 0.4


def home_state(res: EntityResult) -> str | None:
    """The state (not IGO) of at least half of the article's coded mentions, if any; the dateline's
    state where it has DATELINE_HOME_SHARE of them."""
    counts = state_counts(res)
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    total = sum(counts.values())
    filed = res.dateline_state
    if filed and filed != code and counts.get(filed, 0) >= max(HOME_STATE_MIN_MENTIONS, DATELINE_HOME_SHARE * total):
        return filed
    return code if n >= HOME_STATE_MIN_MENTIONS and n >= HOME_STATE_SHARE * total else None


def assign_home_state(res: EntityResult) -> str | None:
    """People and organisations found by pattern or recogniser with no state of their own take the
    article's home state (a gazetteer organisation with no state is transnational and keeps none; a
    person titled with an office that the home state's gazetteer holder held that day, or one the
    text ties to another state, keeps none: entity_ties; in an article datelined in another state,
    only those tied to the home state take it, and those tied to no state take the dateline's:
    code_people_by_foreign_dateline);
    with no home state, an official titled with no state is the dateline state's
    (code_titled_by_dateline), a body whose name says it spans states is international
    (code_international_bodies). Returns the home state (assigning it only strengthens it, so it
    stays the article's)."""
    places_named_as_bodies(res)
    code_acronyms_of_named(res)
    home = home_state(res)
    code_state_namesakes(res.entities, res.mentions, home)
    if home is None:
        code_titled_by_dateline(res)
        code_international_bodies(res)
        return None
    for ent in res.entities:
        if ent.code is None and ent.kind in ("person", "organization") and may_take_home(res, ent.id, home) \
                and not (ent.source or "").startswith("gazetteer") and home not in res.not_home.get(ent.id, ()):
            res.give_code(ent, home, "+home-state")
    code_people_by_foreign_dateline(res, home)
    return home


@functools.lru_cache(maxsize=1)
def _international() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(context_words("international_words") + context_words("regional_words")),
            frozenset(context_words("intergovernmental_heads")))


def code_international_bodies(res: EntityResult) -> None:
    """A body the gazetteer does not know, that no state claims (no state of its own nor the article's),
    and whose name says it spans states ("Third World Water Forum", "Association of African Jurists"):
    IGO where its head word is a body of states' (context.json intergovernmental_heads), else NGO."""
    words, heads = _international()
    changed = {}
    for ent in res.entities:
        if ent.kind != "organization" or ent.code is not None or (ent.source or "").startswith("gazetteer"):
            continue
        name = ent.name.split()
        if any(w in words for w in name):
            ent.code = "IGO" if any(w in heads for w in name) else "NGO"
            changed[ent.id] = ent.code
    for m in res.mentions:
        if m.entity in changed and m.code is None:
            m.code = changed[m.entity]


_DEFINITE = regex("entities", "definite")


@functools.lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(_lex("org_heads.tsv"))


def add_definite_descriptions(text: str, res: EntityResult) -> None:
    """"the court", "the council", "the agency": a definite description by an organisation's head
    noun refers to the organisation of that head named most recently before it."""
    heads = _org_heads()
    by_id = res.by_id()
    named: list[tuple[int, str, Mention]] = []      # (position, head noun, the mention that named it)
    for m in res.mentions:
        ent = by_id.get(m.entity)
        if ent is None or ent.kind != "organization" or m.form == "definite":
            continue
        words = [w for w in ent.name.split() + m.text.split() if w in heads]
        if words:
            named.append((m.start, words[-1].lower(), m))
    named_heads = {head for _, head, _ in named}
    if not any(head in text for head in named_heads):
        return        # (no head noun named is in the text as written lower-case: no "the <head>" to find)
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for d in _DEFINITE.finditer(text):
        head_at = d.group(1)
        if head_at not in named_heads:
            continue
        s, e = d.start() - 1, d.end()        # (the match opens at the "he" of "the")
        prior = [m for pos, head, m in named if head == head_at and pos < s]
        if not prior or not busy.free(s, e):
            continue
        m = prior[-1]
        added.append(Mention(s, e, text[s:e], entity=m.entity, name=m.name, kind="organization", code=m.code,
                             form="definite"))
        by_id[m.entity].mentions.append(Span(s, e, text[s:e]))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)


_OUTSIDER = regex("entities", "outsider_before")
_OF_AFTER = regex("entities", "member_of_body")


@functools.lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    return frozenset(context_words("home_groups"))


@functools.lru_cache(maxsize=1)
def _outsider_words() -> frozenset[str]:
    return frozenset(context_words("outsider_groups"))


@functools.lru_cache(maxsize=1)
def _cause_groups() -> frozenset[str]:
    return frozenset(context_words("cause_groups"))


_ARMED_CAUSE = regex("entities", "armed_cause_before")
_GROUP_PLACE = regex("entities", "group_place")


@functools.lru_cache(maxsize=1)
def _of_groups() -> frozenset[str]:
    return frozenset(context_words("of_groups"))


def add_agent_mentions(text: str, res: EntityResult, home: str | None) -> None:
    """"Prosecutors charged ...", "police detained ...", "lawmakers voted ...": a domestic group named
    by its noun alone (context.json home_groups) acts for the state of the place it is said to be in
    ("demonstrators in Baghdad", "rebels based in Congo"), else for the article's home state ``home``
    (agent nouns take the state of their context; a state's name before the noun is read by the event
    rules). Never over another mention, and nothing where neither gives a state. Communities acting
    as groups ("militant Protestants") and officials of member states first; local bodies last take
    the state of the town they act in (entity_groups, entity_local)."""
    add_community_mentions(text, res, home)
    add_place_groups(text, res)
    add_member_state_groups(text, res)
    add_body_members(text, res)
    add_kin_mentions(text, res, home)
    words = _agent_words() | _outsider_words()
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    ends = {m.end for m in res.mentions}
    people = {m.start for m in res.mentions if m.kind == "person"}
    coded_at = {m.start: m.code for m in res.mentions if m.code and m.kind in ("place", "country")}
    added = []
    for w in letter_runs(words | _placed_words()).finditer(text):     # (the _WORD runs an agent word may be)
        low = w.group().lower()
        if not busy.free(w.start(), w.end()):
            continue
        placed = _placed_at(text, w.end(), coded_at) if low in _placed_words() else None
        if placed:      # "Cuban exiles living in Miami": they act where they live, not for their origin
            added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                                 code=placed, form="placed"))
            continue
        if low not in words:
            continue
        before = text[max(0, w.start() - 4):w.start()]
        owner = regex("entities", "owner_before_gap").search(before)
        if w.start() - 1 in ends or w.start() in ends or before.endswith("-") or (
                owner and w.start() - len(owner.group()) in ends):
            continue      # "Russian forces", "Japan's military", "pro-government forces": the name says whose
        if w.end() + 1 in people and text[w.end()] == " ":
            continue      # "lawmaker Jane Roe": a title, the person acts
        if low in _outsider_words() or low != "ministers" and _OUTSIDER.search(text, max(0, w.start() - 20), w.start()) \
                or low in _cause_groups() and _ARMED_CAUSE.search(text, max(0, w.start() - 20), w.start()):
            added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                                 code=None, form="agent"))
            continue      # "foreigners", "foreign investors": a group of no state, not the home state's
        of = _OF_AFTER.match(text, w.end())
        if of and (low in _of_groups() or coded_at.get(of.end(), home) != home):
            continue      # "families of the victims", "ministers of <state>": not home
        code = _placed_at(text, w.end(), coded_at)
        if code or home:
            added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                                 code=code or home, form="agent"))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)
    code_local_bodies(text, res, home)


@functools.lru_cache(maxsize=1)
def _placed_words() -> frozenset[str]:
    """Plural nouns of people who may live away from the state of their origin (context.json
    placed_groups: "exiles", "emigres")."""
    return frozenset(context_words("placed_groups"))


def _placed_at(text: str, end: int, coded_at: dict[int, str]) -> str | None:
    """The state of the place that a group noun ending at ``end`` is said to be in ("exiles in Miami",
    "emigres living in Paris", "police in Lima", "the boy's relatives in Miami"; regexes.json
    group_place), if one is named there."""
    where = _GROUP_PLACE.match(text, end)
    return coded_at.get(where.end()) if where else None


_KIN = regex("entities", "kin_after_possessive")


@functools.lru_cache(maxsize=1)
def _kin_word() -> re.Pattern:
    """A noun of kin as a word after white space: where the text has none, no match of _KIN has one as
    its group 2 (a word of [a-z] after white space), and add_kin_mentions has nothing to add. (Led by
    the white space and the words a tree of their letters, the expression costs a fraction of a scan
    with _KIN.)"""
    return re.compile(r"\s%s\b" % letter_tree([w for w in context_words("kin_nouns") if re.fullmatch("[a-z]+", w)]))


@functools.lru_cache(maxsize=1)
def _kin_nouns() -> frozenset[str]:
    return frozenset(context_words("kin_nouns"))


def add_kin_mentions(text: str, res: EntityResult, home: str | None) -> None:
    """"Elian's father", "the boy's father", "the victims' relatives": a close relative named by the
    noun of kin alone (context.json kin_nouns) after a possessive acts for the state of the person or
    body whose kin they are, or, after a noun of someone unnamed ("the boy's"), for the home state
    ``home``; where the text places them ("the boy's relatives in Miami"), for that place's state;
    nothing after a pronoun ("his father") or an uncoded name."""
    kin_nouns = _kin_nouns()
    # a match of _kin_word is a maximal run of letters that is a noun of kin: where the word runs the
    # stage reads anyway (letter_runs) hold none, it has none either
    if next(letter_runs(kin_nouns).finditer(text), None) is None or _kin_word().search(text) is None:
        return
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    owners = {m.end: m for m in res.mentions}
    coded_at = {m.start: m.code for m in res.mentions if m.code and m.kind in ("place", "country")}
    added = []
    for k in _KIN.finditer(text):
        s, e = k.span(2)
        if k.group(2) not in kin_nouns or not busy.free(s, e):
            continue
        owner = owners.get(k.start())
        code = home if k.group(1) else owner.code if owner is not None and owner.code not in ("IGO", "NGO") else None
        code = _placed_at(text, e, coded_at) or code      # "the boy's relatives in Miami"
        if code:
            added.append(Mention(s, e, text[s:e], entity=None, name=k.group(2), kind="organization", code=code,
                                 form="agent"))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)


_REGION_AFTER = regex("entities", "region_after")


def code_places_from_region(text: str, res: EntityResult) -> None:
    """A place with no state followed by a coded place or state after a comma ("Springfield,
    Ill.", "Kismayo, Somalia") lies in that state, and so does a coded place followed by a region of
    another state ("Birmingham, Ala."): the code goes to every mention of the place; a
    place still with none takes the state of its GeoNames record, where one is clear (geocode); then
    people with no state are tied to the states named with them (entity_ties)."""
    by_id = res.by_id()
    ms = res.mentions
    for k, m in enumerate(ms):
        ent = by_id.get(m.entity)
        if ent is None or ent.kind != "place":
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        # a place the gazetteer codes, followed by a region of another state, is a town of the same
        # name there ("Birmingham, Ala.", "London, Ontario"); a state after it ("X, Georgia") may be a
        # region's namesake and does not move it
        kinds = ("place",) if ent.code else ("place", "country")
        code = nxt.code if nxt is not None and nxt.kind in kinds \
            and _REGION_AFTER.fullmatch(text, m.end, nxt.start) and not group_noun_after(text, nxt.end) else None
        if code is None and us_state_after(text, m.end):
            code = context_words("party_label_state")[0]      # "Tulsa, Okla.": a U.S. state's abbreviation
        if not code or code == ent.code:
            continue
        ent.code = code
        for x in ms:
            if x.entity == ent.id:
                x.code = code
    code_places_from_geonames(text, res.entities, res.mentions)
    tie_people(text, res)
