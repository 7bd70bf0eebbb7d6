"""The statistical recogniser's names, corrected by the entity lists before they join the article's
entities: a lone title is no name, a name ending in a place word is a place, and a name the
recogniser calls a place is a person where the article or the lists say so (a first name the
gazetteer knows, a person's verb or a party label after it, a person of that name already named)."""
from __future__ import annotations

import functools

from .. import lang
from ..resources import read_tsv
from .entity_words import _time_names, context_words
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


def lone_word_kind(ent, text: str) -> str | None:
    """The kind of a one-token name the recogniser calls a person: an acronym ("CNBC") is a body's;
    a plural, a role or group noun ("Senator", "Muslims"), a word the article also writes in lower
    case ("Members" beside "members"), or a word after "a"/"an" before a lower-case noun ("a Karen
    guerrilla camp") is nobody's (None), unless the gazetteer knows it as a surname or a person's verb
    follows it; anything else stays a person."""
    word = ent.text
    if _us_state_abbreviation(word, text[ent.end_char:ent.end_char + 1]):
        return None          # "(Ky.)" after a legislator: the state, left to geocoding
    if word.isupper() and len(word) > 1:
        return "organization"
    gaz = load()
    if word in gaz.by_surname or word in gaz.phoenix_by_surname:
        return "person"
    after = regex("entities", "word_after").match(text, ent.end_char)
    if after and after.group(1).lower() in _person_verbs():
        return "person"
    if after and after.group(1).islower() and regex("entities", "indefinite_before").search(
            text, max(0, ent.start_char - 4), ent.start_char):
        return None          # "a Karen guerrilla camp": a modifier of the noun after it
    low = word.lower()
    if ent.root.tag_ in _plural_tags() or low in gaz.roles or low in _group_words():
        return None
    for form in {low, low[:-1] if low.endswith("s") else low}:
        if _lower_in(text, form):
            return None      # the word written in lower case in the article: a common noun
    return "person"


def _lower_in(text: str, word: str) -> bool:
    """Whether ``word`` (lower case) stands in the text as a word of its own, in lower case."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(word, at + 1)
    return False


@functools.lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    """Nouns of groups and peoples (context.json home_groups, ethnic_words): no person's name alone."""
    return frozenset(w.lower() for k in ("home_groups", "ethnic_words") for w in context_words(k))


@functools.lru_cache(maxsize=1)
def _plural_tags() -> frozenset[str]:
    return frozenset(context_words("plural_tags"))


@functools.lru_cache(maxsize=1)
def _us_state_abbreviations() -> frozenset[str]:
    """The AP abbreviations of the U.S. states (resources/geo/us_state_abbreviations.tsv: "Ky.", "Okla.")."""
    return frozenset(a for r in read_tsv("geo", "us_state_abbreviations.tsv") for a in r["ap"].split("|") if a)


def _us_state_abbreviation(word: str, after: str) -> bool:
    """"Ky." (or "Ky" with the full stop after it)."""
    return word in _us_state_abbreviations() or (after == "." and word + "." in _us_state_abbreviations())
