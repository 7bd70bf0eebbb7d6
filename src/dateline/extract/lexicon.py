"""English inflection for dictionary triggers: base form -> every surface form.

Regular rules plus the irregular and consonant-doubling table in resources/cameo/irregular_verbs.tsv.
"""
from __future__ import annotations

import functools

from ..resources import read_tsv

_VOWELS = set("aeiou")


@functools.lru_cache(maxsize=1)
def irregular() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    # the project's table wins over the forms converted from PETRARCH2's dictionary
    for name in ("petrarch_irregular_verbs.tsv", "irregular_verbs.tsv"):
        try:
            rows = read_tsv("cameo", name)
        except Exception:  # noqa: BLE001 - the tables are optional for the regular rules
            continue
        out.update((r["base"].lower(), r) for r in rows)
    return out


@functools.lru_cache(maxsize=None)
def verb_forms(base: str) -> frozenset[str]:
    base = base.lower()
    row = irregular().get(base)
    if row:
        forms = {base}
        for k in ("past", "participle", "third", "ing"):
            forms.update(x for x in row.get(k, "").lower().split("|") if x)
        return frozenset(forms)
    forms = {base}
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(base + "es")
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms.update({base + "d", base[:-1] + "ing"})
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms.update({base[:-1] + "ied", base + "ing"})
    else:
        forms.update({base + "ed", base + "ing"})
    return frozenset(forms)


@functools.lru_cache(maxsize=None)
def plural(noun: str) -> str:
    """The regular plural of a noun ("test" -> "tests", "country" -> "countries", "launch" -> "launches")."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2].lower() not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def noun_forms(base: str) -> frozenset[str]:
    base = base.lower()
    return frozenset({base, plural(base)})


@functools.lru_cache(maxsize=1)
def _participles() -> frozenset[str]:
    return frozenset(x for r in irregular().values() for x in r.get("participle", "").lower().split("|") if x)


@functools.lru_cache(maxsize=1)
def _irregular_pasts() -> frozenset[str]:
    """Irregular simple-past forms that are not also a base form ("struck", "met"; not "hit", "put")."""
    table = irregular()
    return frozenset(x for r in table.values() for x in r.get("past", "").lower().split("|")
                     if x and x not in table and not x.endswith("ed"))


@functools.lru_cache(maxsize=1)
def _unchanged_pasts() -> frozenset[str]:
    """Verbs whose simple past is their base form ("hit", "cut", "put", "shut", "set")."""
    return frozenset(b for b, r in irregular().items() if b in r.get("past", "").lower().split("|"))


def is_unchanged_past(word: str) -> bool:
    """The word is a verb whose past is its base form: after a subject it may report a past act."""
    return word.lower() in _unchanged_pasts()


def is_past_form(word: str) -> bool:
    """A regular ("-ed") or irregular ("struck", "held") past form: a verb reading, not a bare stem."""
    w = word.lower()
    return w.endswith("ed") or w in _irregular_pasts()


def is_participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w in _participles()


def singular(noun: str) -> str:
    """The singular of a regular English plural ("launches" -> "launch", "tests" -> "test")."""
    w = noun.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
