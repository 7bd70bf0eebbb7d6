"""Names over the whole article: a surname alone or the last words of a longer name joined to the one
person named in full with them, bare surnames no stage marked, and the genders the text gives people
(honorifics, the first pronoun after a name).
"""
from __future__ import annotations

import functools
import re

from ..record import Mention, Span
from .entities import EntityResult, capital_led
from .entity_index import Cover, matches_at_words
from .entity_words import _lex, _time_names, context_words
from .regexes import regex, source

_WORD = re.compile(r"[A-Za-z]+")


# how far after a person's name the first personal pronoun is taken to be theirs ("X said she ...")
_GENDER_REACH = 80


@functools.lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    out = {w: "m" for w in context_words("masculine_words")}
    out.update({w: "f" for w in context_words("feminine_words")})
    return out


def infer_genders(text: str, res: EntityResult) -> None:
    """A person the article calls he or she: an honorific before a mention ("Ms. X"), or the first
    personal pronoun after a mention in its sentence, before any other person ("X said she would").
    The majority of those cues goes to every mention of the person (none where they tie)."""
    words = _gender_words()
    votes: dict[str, list[str]] = {}
    people = [m for m in res.mentions if m.kind == "person" and m.entity]
    for k, m in enumerate(people):
        before = _WORD.findall(text[max(0, m.start - 6):m.start])
        if before and before[-1][:1].isupper() and before[-1] in words:
            votes.setdefault(m.entity, []).append(words[before[-1]])
        stop = min(m.end + _GENDER_REACH, people[k + 1].start if k + 1 < len(people) else len(text))
        full_stop = text.find(". ", m.end, stop)
        for w in _WORD.finditer(text, m.end, stop if full_stop == -1 else full_stop):
            if w.group() in words and w.group().islower():    # pronouns ("Mr" there is someone else's)
                votes.setdefault(m.entity, []).append(words[w.group()])
                break
    for m in res.mentions:
        got = votes.get(m.entity or "")
        if got and got.count("m") != got.count("f"):
            m.gender = "m" if got.count("m") > got.count("f") else "f"


def join_surnames(res: EntityResult) -> None:
    """A person named by one word ("Axelrod", the headline's or a quotation's) or by the last words of
    a longer name ("Suu Kyi") is the one person the article names in full with those words as a name
    part ("David Axelrod", "Aung San Suu Kyi"): one entity, the full name's, with its state,
    whichever came first and whichever stage found it."""
    people = [e for e in res.entities if e.kind == "person"]
    full: dict[str, list] = {}
    for e in people:
        parts = e.name.split()
        if len(parts) > 1:
            for w in {parts[0], parts[-1]}:
                full.setdefault(w, []).append(e)
        for n in range(2, len(parts)):      # "Suu Kyi" of "Aung San Suu Kyi"
            full.setdefault(" ".join(parts[-n:]), []).append(e)
    gone = {}
    for e in people:
        # ("Bin Laden" opening a sentence is the "bin Laden" of "Osama bin Laden")
        owners = full.get(e.name) or (full.get(e.name[0].lower() + e.name[1:], []) if " " in e.name else [])
        guessed = e.source == "gazetteer:surname" and not owners
        if guessed:
            # a gazetteer official guessed from a bare surname ("Cooper") yields to the person the
            # article names in full with it ("Jane Cooper"), whichever stage found them, and the
            # guess's state goes with the guess
            owners = [o for o in full.get(e.mentions[0].text if e.mentions else "", []) if o is not e]
        if len(owners) != 1:
            continue
        into = owners[0]
        into.mentions.extend(e.mentions)
        into.mentions.sort(key=lambda s: s.start)
        into.code = into.code if guessed else into.code or e.code
        gone[e.id] = into
    if not gone:
        return
    res.entities = [e for e in res.entities if e.id not in gone]
    for m in res.mentions:
        into = gone.get(m.entity or "")
        if into is not None:
            m.entity, m.name, m.code = into.id, into.name, into.code


def pronoun_gender(word: str) -> str | None:
    """"m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    return _gender_words().get(word) if word.islower() else None


_BARE = capital_led(source("entities", "bare_surname"))     # (its matches start with a capital)


def add_bare_surnames(text: str, res: EntityResult) -> None:
    """A surname alone ("Roe", "Roe's") that no stage marked is the one person the article names in
    full with that surname (whichever stage found them: the recogniser's people come after the
    gazetteer's surname step); not where two people share it, nor after another capitalised name
    word ("Jane Roe" beside "Peter Roe")."""
    owners: dict[str, list] = {}
    for e in res.entities:
        parts = e.name.split()
        if e.kind == "person" and len(parts) > 1 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
            owners.setdefault(parts[-1], []).append(e)
    owners = {k: v[0] for k, v in owners.items() if len(v) == 1}
    if not owners:
        return
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for w in matches_at_words(_BARE, text, owners):     # (_BARE's matches that may start a bare surname)
        e = owners.get(w.group(1))
        s, end = w.span(1)
        if e is None or not busy.free(s, end):
            continue
        before = _BARE_AFTER_NAME.search(text, max(0, s - 40), s)
        if before and before.group().strip(" .") not in _not_given():
            continue
        added.append(Mention(s, end, w.group(1), entity=e.id, name=e.name, kind="person", code=e.code,
                             form="surname"))
        e.mentions.append(Span(s, end, w.group(1)))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)
        for e in res.entities:
            e.mentions.sort(key=lambda x: x.start)


_BARE_AFTER_NAME = regex("entities", "name_word_before")



@functools.lru_cache(maxsize=1)
def _not_given() -> frozenset[str]:
    """Capitalised words before a surname that are no one's first name: months, weekdays, non-names."""
    return frozenset(_time_names()) | frozenset(_lex("not_names.tsv"))
