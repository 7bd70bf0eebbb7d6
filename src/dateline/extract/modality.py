"""Modality as CAMEO codes it: stated intentions and threats are events of their own.

"X will send aid" reports that X stated an intention (CAMEO 033), not that aid was sent; "X will
strike unless ..." and "X threatened to expel ..." are threats (13x). The act's code is mapped
through ``resources/cameo/modality.tsv``; the function words that mark an intention, a threat, a
condition or a mere possibility are lists in ``resources/cameo/grammar.json``. Such an event
happened (the statement was made), so it is not hypothetical; a hedged act ("could strike") and a
negated one keep their flags.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ..resources import path, read_tsv


@dataclass(frozen=True)
class Modality:
    kind: str            # "intent" | "threat"
    code: str            # the code of the intention or threat ("" = the act keeps its own code)
    row: int | None      # the modality.tsv row that mapped it (provenance), None when unmapped


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = json.loads(path("cameo", "grammar.json").read_text(encoding="utf-8"))
    keys = ("intent_auxiliaries", "intent_verbs", "threat_verbs", "threat_conditions", "hedges",
            "clause_breaks", "subordinators")
    return {k: frozenset(data[k]["words"]) for k in keys}


@functools.lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str, int]]:
    """act code prefix -> (intent code, threat code, row number in the file)."""
    return {r["act"]: (r["intent"], r["threat"], n) for n, r in enumerate(read_tsv("cameo", "modality.tsv"), start=1)}


def _window(low: list[str], i: int, size: int = 6) -> list[int]:
    """Token indices before ``i`` in the same clause, nearest first (at most ``size``)."""
    w = _words()
    out = []
    for k in range(i - 1, max(-1, i - 1 - size), -1):
        if low[k] in (",", ".") or low[k] in w["clause_breaks"] or (low[k] in w["subordinators"] and low[k] != "to"):
            break
        out.append(k)
    return out


def modality_of(low: list[str], i: int, end: int) -> tuple[str, int] | None:
    """("intent" | "threat", the marker's token index) or None for the event verb at token ``i``
    (its trigger ends at ``end``)."""
    w = _words()
    before = _window(low, i)
    if any(low[k] in w["hedges"] for k in before):
        return None
    kind, marker = None, None
    for n, k in enumerate(before):
        if low[k] in w["intent_auxiliaries"]:
            kind, marker = "intent", k
            break
        if low[k] == "to":
            gov = next((x for x in before[n + 1:n + 3] if low[x] not in ("not", "be", "is", "are", "was", "were")),
                       None)
            if gov is not None and low[gov] in w["threat_verbs"]:
                return "threat", gov
            if gov is not None and low[gov] in w["intent_verbs"]:
                kind, marker = "intent", gov
            break
    if kind is None:
        return None
    warn = next((k for k in range(marker - 1, max(-1, marker - 7), -1) if low[k] in w["threat_verbs"]), None)
    if warn is not None:
        return "threat", warn    # "warned that it would strike"
    if any(x in w["threat_conditions"] for x in low[end:]):
        return "threat", marker  # "will strike unless ..."
    return kind, marker


def recode(code: str, kind: str) -> Modality:
    """The code of an intention or threat to do the act ``code``."""
    tab = table()
    for n in range(len(code), 1, -1):
        row = tab.get(code[:n])
        if row is None:
            continue
        intent, threat, line = row
        if kind == "threat":
            hostile = code[:2] >= "13"
            new = threat or (intent if hostile else "")
            return Modality("threat" if new else "intent", new or intent, line)
        return Modality("threat" if intent.startswith("13") else kind, intent, line)
    return Modality(kind, "", None)
