"""Writing Phoenix phrases ("LEONID_KUCHMA_", "BAN_KI-MOON", "AMNESTY_INTERNATIONAL_") as news does."""
from __future__ import annotations

import re

from phoenix import HERE, read_tsv

# States whose names are written surname first in English news, and whose hyphenated given
# names keep the second syllable in lower case ("Ban Ki-moon", "Ma Ying-jeou").
# (Vietnamese names are written surname first, but news uses the last word alone: "Dung".)
SURNAME_FIRST_STATES = {"KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "KHM"}
# States whose names keep "Van", "Le", "Da" ... capitalised.
EAST_ASIA = SURNAME_FIRST_STATES | {"VNM", "LAO", "MMR", "THA", "SGP"}
SUFFIXES = {"JR", "JR.", "SR", "SR.", "II", "III", "IV"}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII"}
ORG_SMALL = {"OF", "THE", "AND", "FOR", "ON", "IN", "TO", "AT", "DE", "LA", "DU", "DES", "ET", "A", "AN", "BY"}

_PARTICLES = read_tsv(HERE / "name_particles.tsv")
SPACE_PARTICLES = {r["particle"] for r in _PARTICLES if r["where"] in ("space", "both")}
HYPHEN_PARTICLES = {r["particle"] for r in _PARTICLES if r["where"] in ("hyphen", "both")}


def _cap(w: str) -> str:
    """'KUCHMA' -> 'Kuchma', "O'BRIEN" -> "O'Brien", 'MCCAIN' -> 'McCain', 'N.' -> 'N.'."""
    if not w:
        return w
    if w.upper() in ROMAN:
        return w.upper()
    if re.fullmatch(r"(?:[A-Z]\.)+", w):
        return w
    low = w.lower()
    out = low[:1].upper() + low[1:]
    m = re.match(r"([A-Za-z])'([a-z])", out)
    if m and len(out) > 3:
        out = out[0] + "'" + out[2].upper() + out[3:]
    if re.match(r"Mc[a-z]", out) and len(out) > 3:
        out = "Mc" + out[2].upper() + out[3:]
    return out


def person_word(w: str, first: bool, east_asian: bool, surname_first: bool) -> str:
    if "-" in w:
        parts = w.split("-")
        out = []
        for i, p in enumerate(parts):
            if i == 0 and p in HYPHEN_PARTICLES and not first and not east_asian and len(parts) > 1:
                out.append(p.lower())
            elif i > 0 and surname_first:
                out.append(p.lower())
            else:
                out.append(_cap(p))
        return "-".join(out)
    if not first and not east_asian and w in SPACE_PARTICLES:
        return w.lower()
    if w in ("JR", "SR"):
        return _cap(w) + "."
    return _cap(w)


def join_particles(words: list[str]) -> list[str]:
    """['BASHAR', 'AL', 'ASSAD'] -> ['BASHAR', 'AL-ASSAD']: news hyphenates the Arabic article."""
    out: list[str] = []
    for i, w in enumerate(words):
        if out and out[-1] in ("AL", "EL") and len(out) > 1 and w.isalpha():
            out[-1] = out[-1] + "-" + w
        else:
            out.append(w)
    return out


def person_name(words: list[str], state: str | None) -> str:
    """['BAN', 'KI-MOON'], 'KOR' -> 'Ban Ki-moon'; ['BASHAR', 'AL-ASSAD'] -> 'Bashar al-Assad'."""
    east = state in EAST_ASIA
    sf = state in SURNAME_FIRST_STATES
    return " ".join(person_word(w, i == 0, east, sf) for i, w in enumerate(words))


def org_name(words: list[str], acronyms: set[str]) -> str:
    """['AMNESTY', 'INTERNATIONAL'] -> 'Amnesty International'; ['UN', 'MISSION'] -> 'UN Mission'."""
    out = []
    for i, w in enumerate(words):
        if w in acronyms or (len(w) == 2 and w.isalpha() and w not in ORG_SMALL) or re.fullmatch(r"(?:[A-Z]\.)+", w) or not re.search(r"[AEIOUY]", w):
            out.append(w)
        elif i > 0 and w in ORG_SMALL:
            out.append(w.lower())
        elif "-" in w:
            out.append("-".join(p if p in acronyms else _cap(p) for p in w.split("-")))
        else:
            out.append(_cap(w))
    return " ".join(out)


def surname(words: list[str], singles: set[str], state: str | None, families: set[str],
            western: set[str]) -> str:
    """The word news uses alone on second reference.

    A one-word synonym of the record that is one of the name's words says it ("+PUTIN_"); else,
    for surname-first states, the first word unless it is a Western given name and no listed family
    name ("Fanny Law" in Hong Kong); for Singapore and Malaysia the first word when it is a listed
    family name ("Lee Hsien Loong"); else the last word that is not a suffix ("Jr.", "III")."""
    core = [w for w in words if w not in SUFFIXES]
    for w in core:
        if w in singles:
            return w
    if len(core) > 1 and state in SURNAME_FIRST_STATES and (core[0] in families or core[0] not in western):
        return core[0]
    if len(core) > 1 and state in ("SGP", "MYS") and core[0] in families:
        return core[0]
    return core[-1] if core else words[-1]


def korean_alias(words: list[str], state: str | None) -> list[str] | None:
    """['KIM', 'SUNG', 'HO'] in South Korea -> ['KIM', 'SUNG-HO'], as South Korean news writes it."""
    if state == "KOR" and len(words) == 3 and all(w.isalpha() and len(w) <= 4 for w in words[1:]):
        return [words[0], words[1] + "-" + words[2]]
    return None
