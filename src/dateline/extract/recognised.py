"""The statistical recogniser's names, corrected by the entity lists before they join the article's
entities: a lone title is no name, a name ending in a place word is a place, and a name the
recogniser calls a place is a person where the article or the lists say so (a first name the
gazetteer knows, a person's verb or a party label after it, a person of that name already named)."""
from __future__ import annotations

import functools

from .. import lang
from ..resources import read_tsv
from .entities import _time_names, context_words
from .gazetteer import _plain_rows, load
from .regexes import regex


@functools.lru_cache(maxsize=1)
def _recognised_lists() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(w.lower() for w in lang.abbreviations(kind="title")), frozenset(context_words("place_heads")))


def recognised_kind(surface: str, kind: str) -> str | None:
    """The kind of a name the statistical recogniser found (person, organization, place), corrected
    by the entity lists: a lone title ("Brig" of "Brig. Gen. X") is no name (None), and a name ending
    in a place word ("Halfaya Bridge", "Tahrir Square") is a place whatever the label."""
    titles, place_heads = _recognised_lists()
    words = surface.split()
    if not words or len(surface) < 2 or (len(words) == 1 and words[0].rstrip(".").lower() in titles):
        return None
    if len(words) > 1 and words[-1] in place_heads:
        return "place"
    return kind


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names of the people the gazetteer knows (its leaders and the Phoenix people), less the
    family names written first ("Kim"), month and weekday names, the words that are no names, and any
    word that is a name of the gazetteer's own or opens one ("Victoria", "Hong" of "Hong Kong")."""
    gaz = load()
    firsts = {ld.name.split()[0] for ld in gaz.leaders if " " in ld.name}
    firsts |= {row[0].split()[0] for row in _plain_rows("phoenix_people.tsv", 8) if " " in row[0]}
    family = {r["word"] for r in read_tsv("entities", "surname_first.tsv")}
    openers = {f.split()[0] for f, es in gaz.surface.items()
               if any(e.kind != "person" for e in es)}
    other = _time_names() | {r["word"] for r in read_tsv("entities", "not_names.tsv")}
    return frozenset(w for w in firsts if w.isalpha() and w[:1].isupper() and len(w) > 2
                     and w not in family and w not in openers and w not in other)


@functools.lru_cache(maxsize=1)
def _person_verbs() -> frozenset[str]:
    return frozenset(lang.speech_verbs_for("name_cue"))


def is_person_name(text: str, start: int, end: int, people: set[str], surnames=frozenset()) -> bool:
    """Whether a name the recogniser calls a place or an organisation is a person: a person of that
    name (or, for one word, with that name part) is already named in the article; or it is a full
    name (two to four words, the last not a place word) opening with a known first name, ending with a
    word the recogniser calls a person alone elsewhere (``surnames``), or followed by a person's verb
    ("X said") or a party label ("X (D-Ohio)")."""
    surface = text[start:end]
    words = surface.split()
    if surface in people:
        return True
    if not 2 <= len(words) <= 4 or words[-1] in _recognised_lists()[1] or surface in load().surface:
        return False
    if words[0] in given_names() or words[-1] in surnames:
        return True          # a known first name, or a last name the recogniser calls a person alone
    after = regex("entities", "word_after").match(text, end)
    if after and after.group(1).lower() in _person_verbs():
        return True
    return bool(regex("entities", "party_label").match(text, end))


def first_name_before(text: str, start: int) -> int:
    """Where a recognised person's name starts: a known first name right before it that the
    recogniser left out (glued to a quotation dash, "―Jane Roe") belongs to the name."""
    m = regex("entities", "word_before").search(text, max(0, start - 30), start)
    return m.start(1) if m and m.group(1) in given_names() else start


def drop_lone_words(text: str, ents) -> None:
    """A one-word person only the recogniser found ("Members", "Democrats", "God") and that no stage
    joined to a full name is kept only where it is a surname the gazetteer knows or a person's verb
    follows one of its mentions ("Quill said"); otherwise it is dropped with its mentions."""
    gaz = load()
    gone = set()
    for e in ents.entities:
        if e.kind != "person" or " " in e.name or not (e.source or "").startswith("model:ner") \
                or e.name in gaz.by_surname or e.name in gaz.phoenix_by_surname:
            continue
        if any((a := regex("entities", "word_after").match(text, m.end)) and a.group(1).lower() in _person_verbs()
               for m in e.mentions):
            continue
        if e.name.isupper():       # an acronym ("CNBC") is a body's name, not a person's
            e.kind = "organization"
            for m in ents.mentions:
                if m.entity == e.id:
                    m.kind = "organization"
            continue
        gone.add(e.id)
    if gone:
        ents.entities = [e for e in ents.entities if e.id not in gone]
        ents.mentions = [m for m in ents.mentions if m.entity not in gone]
