"""Officials' names written one letter off the gazetteer's ("President Abdelaziz Bouteflicka",
"President Laurent Gbago"): a titled person the patterns found, with no state, whose surname
differs from the one gazetteer person with the same first name by a single letter added, dropped,
changed or two letters swapped, takes that person's code. Only where the title says an official is
meant, and never for a surname the gazetteer knows itself (a "Michael Brown" is no "Michael Browne")
nor a short one; a state's name is never guessed this way ("Cameron", "Angela", "Nigel" are people).
A person of any source whose name is a gazetteer person's with middle initials added ("Viktor F.
Yanukovych") is that person."""
from __future__ import annotations

import functools
import re

from .entities import EntityResult
from .gazetteer import load

# the shortest surname read as a misspelling of a longer one
MIN_LETTERS = 5
# the sources of a person found by a title ("President X") or a role word before the name
TITLED = ("pattern:title", "pattern:role-before")


def one_edit(a: str, b: str) -> bool:
    """Are a and b different and one insertion, deletion, substitution or swap of neighbours apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
                                       and a[i + 2:] == b[i + 2:])


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[str, str, str]]], frozenset[str]]:
    """Gazetteer people by first word (rest of the name, canonical name, code), and every last word
    of a gazetteer person's name."""
    people: dict[str, list[tuple[str, str, str]]] = {}
    lasts = set()
    for form, entries in load().surface.items():
        words = form.split()
        for e in entries:
            if e.kind == "person" and len(words) >= 2:
                lasts.add(words[-1])
                if e.code:
                    people.setdefault(words[0], []).append((" ".join(words[1:]), e.name, e.code))
    return people, frozenset(lasts)


def variant_code(name: str) -> str | None:
    """The code of the one gazetteer person this person's name is a one-letter variant of, else None."""
    people, lasts = _index()
    words = name.split()
    if len(words) < 2 or len(words[-1]) < MIN_LETTERS or words[-1] in lasts:
        return None
    rest = " ".join(words[1:])
    hits = {(n, c) for r, n, c in people.get(words[0], ()) if one_edit(rest, r)}
    return next(iter(hits))[1] if len(hits) == 1 else None


_INITIAL = re.compile(r"[A-Z]\.")


def initials_code(name: str) -> str | None:
    """The code of the gazetteer person named as this person without the middle initials, if one."""
    words = name.split()
    bare = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and _INITIAL.fullmatch(w))]
    if len(bare) == len(words) or len(bare) < 2:
        return None
    codes = {e.code for e in load().surface.get(" ".join(bare), ()) if e.kind == "person" and e.code}
    return next(iter(codes)) if len(codes) == 1 else None


def code_name_variants(res: EntityResult) -> None:
    """Titled people with no state take the code of the gazetteer person whose name they misspell by
    one letter, people of any source that of the one they name with middle initials added, and so do
    their mentions. Their source ends in "+variant": a person known only so does not make the article's
    home state (entity_context.home_state)."""
    got = {}
    for ent in res.entities:
        if ent.kind == "person" and ent.code is None:
            ent.code = initials_code(ent.name) or (variant_code(ent.name) if ent.source in TITLED else None)
            if ent.code:
                got[ent.id] = ent.code
                ent.source = f"{ent.source}+variant"
    for m in res.mentions:
        if m.code is None and m.entity in got:
            m.code = got[m.entity]
