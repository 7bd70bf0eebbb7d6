"""Entity steps that code a group by where it acts or whose members it gathers.

Local bodies ("police", "detectives") act where they are: one whose state came only from the
article's default (its focus or home state) takes the state of the town its sentence sets it in
("police found the explosives in a shed in <a town of another state>") (code_local_bodies). Officials
of an organisation's member states ("foreign ministers of member states") meet as that organisation:
an intergovernmental body's when the article names one (add_member_state_groups).
"""
from __future__ import annotations

import functools
import re

from ..record import Entity, Mention, Span
from ..resources import read_tsv
from .entities import EntityResult
from .entity_index import Cover, letter_runs, matches_at_words
from .entity_words import context_words
from .regexes import regex

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
# the entity sources whose state is only the article's default, not read from the words around it
_DEFAULTED = ("+article-focus", "+home-state")


@functools.lru_cache(maxsize=1)
def _local_bodies() -> frozenset[str]:
    return frozenset(context_words("local_bodies"))


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence around ``pos`` (a full stop before a capital, or a line break)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    end = _SENTENCE_END.search(text, pos)
    return start, (end.start() + 1 if end else len(text))


def _set_in(text: str, mentions: list[Mention], a: int, b: int) -> set[str]:
    """The states of the places the sentence ``text[a:b]`` sets something in ("in X", "near X")."""
    prep = regex("entities", "local_place_before")
    return {m.code for m in mentions if a <= m.start < b and m.kind in ("place", "country") and m.code
            and m.code != "IGO"
            and prep.search(text, max(a, m.start - 24), m.start)}


def code_local_bodies(text: str, res: EntityResult, home: str | None) -> None:
    """A local body (context.json local_bodies: "police", "detectives") whose state is only the
    article's default, in a sentence that sets it in a place of one other state ("in X", "near X"),
    acts for that state: that mention only (the body named elsewhere keeps its state); not one that
    reports ("police said ... in X": the place is the report's); a place named right after the body
    ("police in X") is where it is, whatever other places the sentence names."""
    words = _local_bodies()
    by_id = res.by_id()
    for m in res.mentions:
        if m.kind != "organization" or not m.code or not m.text or m.text.split()[-1].lower() not in words:
            continue
        ent = by_id.get(m.entity or "")
        defaulted = (ent is not None and (ent.source or "").endswith(_DEFAULTED)) or \
            (ent is None and m.form == "agent" and m.code == home)
        if not defaulted or regex("entities", "report_verb_after").match(text, m.end):
            continue      # "police said the bomb was made in X": the report's place, not theirs
        a, b = _sentence(text, m.start)
        states = _stationed_at(text, res.mentions, m) or _set_in(text, res.mentions, a, b)
        if len(states) == 1 and m.code not in states:
            m.code = next(iter(states))


def _stationed_at(text: str, mentions: list[Mention], body: Mention) -> set[str]:
    """The state of a place named right after a body with a preposition of being somewhere ("police
    in the Comoros"): where it is, whatever other places its sentence names; empty where none."""
    prep = regex("entities", "local_place_before")
    for m in mentions:
        if body.end < m.start <= body.end + 24 and m.kind in ("place", "country") and m.code and m.code != "IGO":
            got = prep.search(text, body.end, m.start)
            return {m.code} if got is not None and got.start() <= body.end + 1 else set()
    return set()


def add_member_state_groups(text: str, res: EntityResult) -> None:
    """"Foreign ministers of member states", "envoys from the member countries": officials of the
    member states of an organisation act for it, an intergovernmental body (IGO) where the article
    names one and no other kind of body (regexes.json member_states_after). Never over another mention."""
    if not any(m.code == "IGO" and m.kind == "organization" for m in res.mentions):
        return
    nouns = _member_nouns()
    after = regex("entities", "member_states_after")
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for w in letter_runs(nouns).finditer(text):         # (the _WORD runs a member noun may be)
        low = w.group().lower()
        if low not in nouns or not busy.free(w.start(), w.end()):
            continue
        got = after.match(text, w.end())
        if got is None:
            continue
        added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                             code="IGO", form="agent"))
        busy.take(w.start(), w.end())
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)


@functools.lru_cache(maxsize=1)
def _member_nouns() -> frozenset[str]:
    """Plural nouns of officials that may gather a body's member states (context.json member_officials)."""
    return frozenset(context_words("member_officials"))


def places_named_as_bodies(res: EntityResult) -> None:
    """A name the recogniser took for an organisation where the article names a place by the same words
    elsewhere ("<Town>'s streets" beside "in <Town>") is that place: its mentions take the place's kind
    and state (before the home state is guessed for an organisation)."""
    places: dict[str, Entity] = {}
    for e in res.entities:
        if e.kind == "place":
            for name in [e.name] + [s.text for s in e.mentions]:
                places.setdefault(name, e)
    if not places:
        return
    moved: dict[str, Entity] = {}
    for e in res.entities:
        place = places.get(e.name)
        if e.kind == "organization" and e.code is None and (e.source or "").startswith("model:") and place:
            e.kind, e.code, e.source = "place", place.code, f"{e.source}+place"
            moved[e.id] = e
    for m in res.mentions:
        if m.entity in moved:
            m.kind, m.code = "place", moved[m.entity].code


@functools.lru_cache(maxsize=1)
def _body_members() -> frozenset[str]:
    return frozenset(context_words("body_members"))


def add_body_members(text: str, res: EntityResult) -> None:
    """"Members of Congress", "officials from the Defense Ministry", "envoys of Iran": people of a body or
    state named right after "of"/"from" (regexes.json member_of_body) act for it (context.json
    body_members); not where a name before them says whose they are ("U.S. officials"), nor where the
    phrase goes on to another body or state ("envoys from Iran and Iraq"). Never over another mention."""
    words = _body_members()
    link, more = regex("entities", "member_of_body"), regex("entities", "member_of_more")
    starting = {m.start: m for m in res.mentions if m.code and m.kind in ("organization", "country", "place")}
    ends = {m.end for m in res.mentions}
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for w in letter_runs(words).finditer(text):         # (the _WORD runs a member word may be)
        low = w.group().lower()
        if low not in words or not busy.free(w.start(), w.end()) or w.start() - 1 in ends:
            continue
        got = link.match(text, w.end())
        body = starting.get(got.end()) if got else None
        if body is None or more.match(text, body.end):
            continue
        added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                             code=body.code, form="agent"))
        busy.take(w.start(), w.end())
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)


# the sources of a person found by a title ("Foreign Minister X") or a role word before the name
_TITLED = ("pattern:title", "pattern:role-before")


def code_titled_by_dateline(res: EntityResult) -> None:
    """With no home state: a person titled as an official ("Foreign Minister X", "immigration official
    X") whose title names no state is an official of the state the article is datelined in
    ("WELLINGTON, New Zealand --"), as ministries and armed forces named alone are
    (entity_codes.default_generic_codes); not one titled with an office one person holds at a time
    ("President X": not_home names the states whose holder was another; the dateline's may have none);
    where the story's body names the dateline's state again and names it more than any other state, so
    is any person it ties to no state (the people a reporter meets where the story is filed: "MIAMI --"
    over a story of Miami and Havana; not a story filed at a summit abroad about other states' affairs)."""
    state = res.dateline_state
    if state is None:
        return
    leads = _dateline_state_named_again(res, state) and _most_named(res) == state
    for ent in res.entities:
        if ent.kind == "person" and ent.code is None and not res.not_home.get(ent.id) \
                and ((ent.source or "") in _TITLED or (leads and _untied_stranger(res, ent))):
            res.give_code(ent, state, "+dateline")


def _dateline_state_named_again(res: EntityResult, state: str) -> bool:
    """Does the story's body (after its dateline) name the dateline's state again?"""
    return any(m.code == state and m.kind in ("country", "place") and m.start >= res.dateline_end
               for m in res.mentions)


def state_counts(res: EntityResult) -> dict[str, int]:
    """How often the article names each state (not IGO or NGO) by its coded mentions, as the home
    state (entity_context.home_state) weighs them: places coded from GeoNames follow the states the
    article names, people from a variant of a gazetteer name may be foreign to it (name_variants), so
    neither counts; a person tied by origin or kin (entity_ties) counts once, however often named
    (a foreigner the story is about)."""
    counts: dict[str, int] = {}
    looked_up = {e.id for e in res.entities if (e.source or "").endswith(("+geonames", "+variant"))}
    tied, seen = {e.id for e in res.entities if (e.source or "").endswith(("+origin", "+kin"))}, set()
    for m in res.mentions:
        if m.code and m.code not in ("IGO", "NGO") and m.entity not in looked_up \
                and m.kind in ("country", "person", "organization", "place"):
            counts[m.code] = counts.get(m.code, 0) + (m.entity not in tied or m.entity not in seen)
            seen.add(m.entity)
    return counts


def _most_named(res: EntityResult) -> str | None:
    """The state the article's coded mentions name most (``state_counts``), if one leads."""
    counts = state_counts(res)
    ranked = sorted(counts.values(), reverse=True)
    return max(counts, key=counts.__getitem__) if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]) else None


def _untied_stranger(res: EntityResult, ent: Entity) -> bool:
    """A person the patterns or the recogniser found, whom the text ties to no state."""
    return not res.ties.get(ent.id) and not (ent.source or "").startswith("gazetteer")


def code_people_by_foreign_dateline(res: EntityResult, home: str | None) -> None:
    """An article datelined in a state other than its home state ("HAVANA --" over a story mostly
    about the United States): a person the patterns or the recogniser found, whom the text ties to
    no state at all, is of the dateline's state (the people a reporter meets where the story is
    filed), not of none; only where the story's body names the dateline's state again (a town of the
    gazetteer's that the story never places in its state may be another state's namesake, and a story
    that never returns to the dateline's state may be wholly about the home state's people)."""
    state = res.dateline_state
    if home is None or state is None or state == home:
        return
    if not _dateline_state_named_again(res, state):
        return
    for ent in res.entities:
        if ent.kind == "person" and ent.code is None and _untied_stranger(res, ent) and not res.not_home.get(ent.id):
            res.give_code(ent, state, "+dateline")


@functools.lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Nouns of groups that act (agent_nouns.tsv, context.json home_groups)."""
    return frozenset(r["word"].lower() for r in read_tsv("entities", "agent_nouns.tsv")) | \
        frozenset(context_words("home_groups"))


def group_noun_after(text: str, pos: int) -> bool:
    """Is the word right after ``pos`` a group's noun ("U.S. forces", "Kenyan officials"): the name
    before it qualifies the group, it is no region written after a place ("Springfield, Ill.")."""
    got = regex("entities", "word_after").match(text, pos)
    return got is not None and got.group(1) in _group_nouns()


_SMALL = frozenset({"and", "of", "the", "for", "on", "in", "de", "du", "des", "la", "le"})


def _initials(name: str) -> set[str]:
    """The acronyms a body's name makes: the first letters of its words but the small ones, with and
    without a first word ("U.S. Immigration and Naturalization Service": USINS, INS)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL and w[:1].isalpha()]
    letters = "".join(w[0].upper() for w in words)
    return {letters, letters[1:]} if len(words) > 2 else {letters}


def code_acronyms_of_named(res: EntityResult) -> None:
    """A body the recogniser named by an acronym alone ("the INS decision"), with no state of its own,
    is the coded body of the article whose name makes that acronym ("the U.S. Immigration and
    Naturalization Service"): it takes its state (one such state only), before the home state is
    guessed for it."""
    named = [e for e in res.entities if e.kind == "organization" and e.code]
    for e in res.entities:
        acr = e.name.replace(".", "")
        if e.kind != "organization" or e.code or not (2 <= len(acr) <= 6 and acr.isalpha() and acr.isupper()) \
                or not (e.source or "").startswith("model:"):
            continue
        codes = {o.code for o in named if any(acr in _initials(n) for n in [o.name] + [s.text for s in o.mentions])}
        if len(codes) == 1:
            res.give_code(e, codes.pop(), "+acronym")


def add_named_acronyms(text: str, res: EntityResult) -> None:
    """An acronym that nothing found, standing alone in the text ("the RNC agreed"), is a mention of
    the one coded body of the article whose name (of three words or more but the small ones) makes it
    ("the Republican National Committee"), with that body's state; not where two bodies make it, nor
    for a body with no state (its acronym would only put a party with no code in a role)."""
    owners: dict[str, set[str]] = {}
    for e in res.entities:
        if e.kind != "organization" or not e.code:
            continue
        for n in {e.name} | {s.text for s in e.mentions}:
            if len([w for w in re.split(r"[\s-]+", n) if w and w.lower() not in _SMALL]) >= 3:
                for acr in _initials(n):
                    owners.setdefault(acr, set()).add(e.id)
    if not owners:
        return
    by_id = res.by_id()
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for m in matches_at_words(regex("entities", "bare_acronym"), text, owners):     # (the acronyms owned)
        ids = owners.get(m.group())
        if not ids or len(ids) != 1 or not busy.free(m.start(), m.end()):
            continue
        ent = by_id[next(iter(ids))]
        ent.mentions.append(Span(m.start(), m.end(), m.group()))
        added.append(Mention(m.start(), m.end(), m.group(), entity=ent.id, name=ent.name, kind="organization",
                             code=ent.code, form="acronym"))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda x: x.start)
        for e in res.entities:
            e.mentions.sort(key=lambda x: x.start)


@functools.lru_cache(maxsize=1)
def _place_group_nouns() -> frozenset[str]:
    return frozenset(context_words("home_groups")) | frozenset(context_words("place_group_nouns"))


def add_place_groups(text: str, res: EntityResult) -> None:
    """"the Miami relatives", "Chicago residents", "Havana officials": a town or region named right
    before a noun of people (context.json home_groups, place_group_nouns) says where they are from; the
    people act, for the place's state (a mention over the noun, so that the place stays a place). Not
    before a name ("Chicago teenager X": the person acts) nor over another mention. First, the bare
    acronyms of the coded bodies become their mentions (add_named_acronyms)."""
    add_named_acronyms(text, res)
    words = _place_group_nouns()
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    people = {m.start for m in res.mentions if m.kind == "person"}
    added = []
    for m in res.mentions:
        if m.kind != "place" or not m.code or m.code in ("IGO", "NGO") or text[m.end:m.end + 1] != " ":
            continue
        w = _WORD.match(text, m.end + 1)
        if w is None or w.group() not in words or not busy.free(w.start(), w.end()) \
                or w.end() + 1 in people or text[w.end():w.end() + 1] == "-":
            continue
        added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=w.group(), kind="organization",
                             code=m.code, form="agent"))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda x: x.start)
