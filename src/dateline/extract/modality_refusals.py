"""Refusals and assurances: "X refused to endorse Y" and "X will not accept Z" reject (12x); "X assured
Y that it would not ..." is an intention (030). Split from ``modality`` (stated intentions and threats),
which maps a negated intention through ``refusal``; the codes are ``resources/cameo/modality.tsv``'s
refusal column, the words of assurance ``grammar.json`` assurance_verbs.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

from ..resources import read_tsv
from .event_lexicon import grammar_words


@dataclass(frozen=True)
class Modality:
    kind: str            # "intent" | "threat" | "appeal" | "demand" | "refusal"
    code: str            # the code of the intention or threat ("" = the act keeps its own code)
    row: int | None      # the modality.tsv row that mapped it (provenance), None when unmapped


@functools.lru_cache(maxsize=1)
def _refusals() -> dict[str, tuple[str, int]]:
    """act code prefix -> (the code of refusing it, row number), for acts a refusal rejects (12x)."""
    return {r["act"]: (r["refusal"], n) for n, r in enumerate(read_tsv("cameo", "modality.tsv"), start=1)
            if r.get("refusal")}


def refusal(code: str) -> Modality | None:
    """"X will not accept ...": a stated intention not to do a cooperative act rejects it (12x)."""
    tab = _refusals()
    for n in range(len(code), 1, -1):
        if code[:n] in tab:
            new, line = tab[code[:n]]
            return Modality("refusal", new, line)
    return None


def infinitive_to(low: list[str], i: int) -> int | None:
    """The index of the "to" of an infinitive whose verb is at ``i`` ("to withdraw", "to be
    expelled", "to have been freed"), or None."""
    k = i - 1
    aux = grammar_words("infinitive_auxiliaries")
    while k > max(0, i - 4) and low[k] in aux:
        k -= 1
    return k if k >= 0 and low[k] == "to" and k < i else None


def fold_refusals(cands: list, sent_toks, mentions=()) -> list:
    """"X refused to endorse Y": CAMEO codes the refusal (12x) only; the act refused is not a
    second, negated event. It names the refusal's code where the act has one ("refused to meet":
    the rejection of a meeting) and fills its missing participants."""
    by_end = {(c.sent, c.end_tok): c for c in cands if c.pattern.code.startswith("12") and c.pattern.pos == "verb"}
    drop = set()
    for c in cands:
        if c.pattern.pos != "verb" or not c.negated:
            continue
        to = infinitive_to(sent_toks[c.sent][1], c.tok)
        # (a time between: "refused on Monday to attend")
        gov = next((by_end[c.sent, to - k] for k in range(4) if (c.sent, to - k) in by_end), None) \
            if to is not None else None
        if gov is None or gov is c:
            continue
        m = refusal(c.pattern.code)
        if m is not None and len(m.code) >= len(gov.pattern.code) and gov.pattern.code in (m.code[:3], "120"):
            gov.pattern, gov.intended = replace(gov.pattern, code=m.code), c.pattern.code
        gov.actor, gov.target = gov.actor or c.actor, gov.target or c.target
        drop.add(id(c))
    assurances(cands, sent_toks, mentions)
    return [c for c in cands if id(c) not in drop]


def _assured(low: list[str], i: int) -> tuple[int, int] | None:
    """The clause of the act at ``i`` is the that-clause of a verb of assurance ("assured X that it
    would not ...", grammar.json assurance_verbs): at most 4 words between the verb and "that".
    Returns (the verb's index, the index of "that") or None."""
    verbs = grammar_words("assurance_verbs")
    for k in range(i - 1, max(-1, i - 15), -1):
        if low[k] in (".", ";") or low[k] in grammar_words("clause_breaks"):
            return None
        if low[k] == "that":
            g = next((g for g in range(k - 1, max(-1, k - 6), -1) if low[g] in verbs), None)
            return (g, k) if g is not None else None
    return None


def _addressee(toks, verb: int, that: int, mentions) -> object | None:
    """The one mention between a verb of assurance and its "that" ("assured Peru's leaders that"):
    the party reassured; None when there is none or more than one."""
    if not mentions or that <= verb + 1:
        return None
    a, b = toks[verb + 1][0], toks[that - 1][1]
    k = bisect.bisect_left([m.start for m in mentions], a)
    found = [m for m in mentions[k:k + 4] if a <= m.start and m.end <= b]
    return found[0] if len(found) == 1 else None


def assurances(cands: list, sent_toks, mentions=()) -> None:
    """"X assured Y that it would not join Z": a stated intention not to act, given to reassure the
    party addressed, is an intention (030), not the rejection (12x) a defiant "will not" states; its
    target is the party reassured (Y), not a party of the act renounced (Z)."""
    for c in cands:
        if c.modality != "refusal":
            continue
        toks, low = sent_toks[c.sent]
        found = _assured(low, c.tok)
        if found is None:
            continue
        c.pattern, c.modality = replace(c.pattern, code="030"), "intent"
        y = _addressee(toks, *found, mentions)
        if y is not None and y is not c.actor and not (c.actor is not None and c.actor.code and c.actor.code == y.code):
            c.target = y
