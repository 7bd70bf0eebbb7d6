"""Entity steps that code people and groups by the group they belong to.

A person with no state of their own whose group the article names with one body or state ("a U.N.
inspection team" ... "X led his team") belongs to that body or state (code_people_by_group).
"""
from __future__ import annotations

import functools
import re

from .entities import EntityResult
from .entity_words import context_words
from .regexes import regex

_WORD = re.compile(r"[A-Za-z]+")


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
    body or state only ("a U.N. inspection team") belongs to that body or state: every mention."""
    people = [m for m in res.mentions if m.kind == "person" and m.entity and m.code is None]
    if not people:
        return
    owners = group_owners(text, res)
    if not owners:
        return
    by_id = res.by_id()
    link = regex("entities", "person_group")
    for m in people:
        ent = by_id.get(m.entity)
        if ent is None or ent.code is not None:
            continue
        got = link.match(text, m.end)
        if got is None:
            continue
        key = next((k for w in got.group(1).split() if (k := _group_key(w))), None)
        if key is None or key not in owners:
            continue
        _code_entity(res, m.entity, owners[key], "+group")


def _code_entity(res: EntityResult, entity: str | None, code: str, why: str) -> None:
    """Give an entity with no state ``code``, and every mention of it with none."""
    ent = res.by_id().get(entity or "")
    if ent is None or ent.code is not None:
        return
    ent.code, ent.source = code, f"{ent.source}{why}"
    for x in res.mentions:
        if x.entity == ent.id and x.code is None:
            x.code = code

