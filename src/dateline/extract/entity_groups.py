"""Entity steps that code people and groups by the group they belong to.

A person with no state of their own whose group the article names with one body or state ("a U.N.
inspection team" ... "X led his team") belongs to that body or state (code_people_by_group). A
religious or ethnic community acting as a group ("militant Protestants", "the Catholic side", "Hutu
forces") is a domestic group of the state it lives in (add_community_mentions).
"""
from __future__ import annotations

import functools
import re

from ..record import Mention
from ..resources import multi, read_tsv
from .entities import EntityResult, capital_led
from .entity_index import Cover, matches_at_words
from .entity_words import context_words
from .regexes import regex

_WORD = re.compile(r"[A-Za-z]+")
_CAP_WORD = capital_led(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")
_GROUP_AFTER = regex("entities", "community_group_after")


@functools.lru_cache(maxsize=1)
def _member_groups() -> frozenset[str]:
    """The group nouns of context.json member_groups, singular and plural."""
    words = context_words("member_groups")
    return frozenset(words) | frozenset(w + "s" for w in words)


def _group_key(word: str) -> str | None:
    """The singular group noun a word is (member_groups), else None."""
    groups = _member_groups()
    if word not in groups:
        return None
    return word[:-1] if word.endswith("s") and word[:-1] in groups else word


def group_owners(text: str, res: EntityResult) -> dict[str, str]:
    """Group noun -> the one code of the bodies and states the article names it with ("U.N. weapons
    inspection team", "the Chinese trade delegation"); a noun named with two codes is left out."""
    gap = regex("entities", "group_owner_gap")
    owners: dict[str, set[str]] = {}
    ms = [m for m in res.mentions if m.code and m.kind in ("organization", "country")
          and m.form not in ("agent", "definite")]
    for m in ms:
        stop = min(len(text), m.end + 60)
        for w in _WORD.finditer(text, m.end, stop):
            key = _group_key(w.group())
            if key is not None and gap.fullmatch(text, m.end, w.start()):
                owners.setdefault(key, set()).add(m.code)
                break
            if not w.group().islower():
                break
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}


def code_people_by_group(text: str, res: EntityResult) -> None:
    """A person with no state whose group ("X's team", "X led his team") the article names with one
    body or state only ("a U.N. inspection team") belongs to that body or state: every mention; so
    does one who leads a group that a body or state qualifies ("U.N. inspectors led by X")."""
    people = [m for m in res.mentions if m.kind == "person" and m.entity and m.code is None]
    if not people:
        return
    _code_group_leaders(text, res)
    by_id = res.by_id()
    link = regex("entities", "person_group")
    wanted = []           # (mention, group noun) of the people a group follows
    for m in people:
        ent = by_id.get(m.entity)
        if ent is None or ent.code is not None:
            continue
        got = link.match(text, m.end)
        if got is None:
            continue
        key = next((k for w in got.group(1).split() if (k := _group_key(w))), None)
        if key is not None:
            wanted.append((m, key))
    if not wanted:
        return            # (the groups' owners are read for these alone: none, and they are not looked for)
    owners = group_owners(text, res)
    for m, key in wanted:
        if key in owners:     # (a person coded by an earlier mention here is left as it is: _code_entity)
            _code_entity(res, m.entity, owners[key], "+group")


@functools.lru_cache(maxsize=1)
def _led_groups() -> frozenset[str]:
    """Nouns of groups a person may lead: member_groups, agent nouns (agent_nouns.tsv) and the plural
    person roles of gazetteer/roles.tsv ("inspectors", "monitors")."""
    roles = {r["word"] for r in read_tsv("gazetteer", "roles.tsv") if r.get("person") == "1" and " " not in r["word"]}
    agents = {r["word"].lower() for r in read_tsv("entities", "agent_nouns.tsv")}
    return _member_groups() | frozenset(agents) | frozenset(roles)


def _code_group_leaders(text: str, res: EntityResult) -> None:
    """"U.N. inspectors led by X", "a Chinese team headed by X": a person with no state who leads a group
    that a body or state qualifies belongs to it."""
    led = regex("entities", "group_led_by")
    ms = res.mentions
    for k in range(1, len(ms)):
        m, prev = ms[k], ms[k - 1]
        if m.kind != "person" or m.code is not None or not prev.code or prev.kind not in ("organization", "country") \
                or prev.form in ("agent", "definite") or m.start - prev.end > 80:
            continue
        got = led.fullmatch(text, prev.end, m.start)
        if got is not None and got.group(1) in _led_groups():
            _code_entity(res, m.entity, prev.code, "+group")


def _code_entity(res: EntityResult, entity: str | None, code: str, why: str = "+community") -> None:
    """Give an entity with no state ``code``, and every mention of it with none."""
    ent = res.by_id().get(entity or "")
    if ent is None or ent.code is not None:
        return
    res.give_code(ent, code, why)


@functools.lru_cache(maxsize=1)
def _plurals() -> frozenset[str]:
    return frozenset(r["plural"] for r in read_tsv("entities", "communities.tsv") if r["plural"])


@functools.lru_cache(maxsize=1)
def _communities() -> dict[str, tuple[str, ...]]:
    """A community's adjective and plural -> the states it lives in (communities.tsv; () = any)."""
    out: dict[str, tuple[str, ...]] = {}
    for r in read_tsv("entities", "communities.tsv"):
        for w in (r["word"], r["plural"]):
            if w:
                out[w] = tuple(multi(r["states"]))
    return out


def community_state(states: tuple[str, ...], named: dict[str, int], home: str | None) -> str | None:
    """The state a community acts for: of the states it lives in, the one the article names most (none
    where it names none of them, or two as often); a community of any state: the home state."""
    if not states:
        return home
    counts = sorted(((named.get(s, 0), s) for s in states), reverse=True)
    if not counts[0][0] or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def add_community_mentions(text: str, res: EntityResult, home: str | None) -> None:
    """"militant Protestants", "the Protestant side", "Hutu security forces": a community named alone in
    the plural, or as the adjective of a group noun (context.json community_groups), is a domestic group
    of the state it lives in (community_state); a name the recogniser took for it with no state of its
    own ("Hutus") takes that state. Never over another mention."""
    table = _communities()
    groups = frozenset(context_words("community_groups"))
    named: dict[str, int] = {}
    for m in res.mentions:
        if m.code and m.kind in ("country", "place"):
            named[m.code] = named.get(m.code, 0) + 1
    at = {(m.start, m.end): m for m in res.mentions}
    busy = Cover(len(text), list(at))
    added = []
    for w in matches_at_words(_CAP_WORD, text, table):      # (the capitalised words that may be in the table)
        word = w.group()
        if word not in table or text[w.end():w.end() + 1] == "-":
            continue
        s, e = w.span()
        nxt = _GROUP_AFTER.match(text, e)
        if nxt is not None and nxt.group(1) in groups:
            e = nxt.end(1)
        elif nxt is not None and nxt.group(2) in groups:
            e = nxt.end(2)
        elif word not in _plurals():
            continue        # an adjective before no group noun ("Protestant towns")
        code = community_state(table[word], named, home)
        if code is None:
            continue
        own = at.get((s, e))
        if own is not None and own.code is None and own.kind in ("person", "organization"):
            _code_entity(res, own.entity, code)
            continue
        if busy.free(s, e):
            added.append(Mention(s, e, text[s:e], entity=None, name=text[s:e].lower(), kind="organization",
                                 code=code, form="agent"))
            busy.take(s, e)
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)
