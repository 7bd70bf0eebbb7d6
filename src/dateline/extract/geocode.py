"""Geocoding: each country and place entity of a record to a GeoNames record (dateline.geo).

A country entity is its country's record. A place entity is looked up by its name (else by the
names it is mentioned by) and disambiguated by
  * the state the extraction gave it (a gazetteer place's code: "Belfast" GBR) - a hard constraint;
  * a qualifier written after a mention ("Tulsa, Okla.", "BAGHDAD, Iraq") - a hard constraint;
  * the gazetteer's type of the place (a region is an administrative area, a city a populated place;
    landmarks, seas and borders have no record in the data and stay unresolved);
  * the states the article names (its countries and the states of its coded places), then population.
A name whose best reading is neither in the article's states nor a large place (100,000 people or a
capital), or whose two best readings are close, stays unresolved rather than guessed.
The event locations take the record of their place.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter

from ..geo import Gazetteer, Place, gazetteer, name_key as _name_key
from ..record import Entity, Event, Span
from ..resources import multi, read_tsv

CONTEXT_BONUS = 2.0        # log10 units: a place in a state the article names counts as 100x larger
CAPITAL_BONUS = 1.0
MARGIN = 0.5               # the best reading must be 10**0.5 (about 3x) ahead of the next
PROMINENT = 100_000        # a place this large may be read without context
CODED_TOWN = 10_000        # a place the gazetteer does not list gives its state to the entity from this size
_PROXY = {"ADM1": 1e6, "PCLI": 1e7, "CONT": 1e9}     # sizes for areas without a population
_CLASSES = {"city": {"P"}, "region": {"A", "L"}}
_NO_RECORD = {"landmark", "sea", "border"}
_QUALIFIER = re.compile(r",\s+((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*){0,2})")

# geo.name_key of the names and mention texts read (a function of the string alone; articles repeat
# their names)
name_key = functools.lru_cache(maxsize=4096)(_name_key)


@functools.lru_cache(maxsize=1)
def _place_types() -> dict[str, str]:
    """The gazetteer's type of each place name (resources/gazetteer/places.tsv)."""
    return {r["name"]: r["type"] for r in read_tsv("gazetteer", "places.tsv")}


@functools.lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    out = {}
    for r in read_tsv("geo", "us_state_abbreviations.tsv"):
        for form in [r["code"], *multi(r["ap"])]:
            out[form] = f"US.{r['code']}"
            out[form.rstrip(".")] = f"US.{r['code']}"
    return out


def _qualifier(gaz: Gazetteer, words: str) -> tuple[str, str | None] | None:
    """(country, admin1) of a state or country written after a place, else None."""
    abbr = _state_abbreviations()
    for cand in (words, words.split()[0]):
        if cand in abbr or cand.rstrip(".") in abbr:
            a1 = abbr.get(cand) or abbr[cand.rstrip(".")]
            if cand.isupper() and len(cand) == 2 and words != cand:
                continue
            return "US", a1
        for p, _primary in gaz.lookup(cand):
            if p.feature_code == "PCLI":
                return p.country, None
            if p.feature_code == "ADM1":
                return p.country, p.admin1
    return None


@functools.lru_cache(maxsize=1)
def _state_patterns() -> list[re.Pattern]:
    """The patterns of resources/geo/state_patterns.tsv with the abbreviations filled in."""
    ap, usps = [], []
    for r in read_tsv("geo", "us_state_abbreviations.tsv"):
        ap += multi(r["ap"])
        usps.append(r["code"])
    out = []
    for r in read_tsv("geo", "state_patterns.tsv"):
        forms = ap + (usps if r["usps"] == "yes" else [])
        alt = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
        out.append(re.compile(r["regex"].replace("{abbr}", alt)))
    return out


def _state_spans(gaz: Gazetteer, text: str, entities: list[Entity]) -> dict[str, list[tuple[int, int]]]:
    """admin1 -> spans of the state's abbreviations that no place or country mention covers."""
    taken = None        # (read from the mentions at the first abbreviation found: most texts have none)
    abbr = _state_abbreviations()
    found: dict[str, list[tuple[int, int]]] = {}
    for rx in _state_patterns():
        for m in rx.finditer(text):
            s, e = m.span(1)
            a1 = abbr.get(m.group(1)) or abbr.get(m.group(1).rstrip("."))
            if a1 and taken is None:
                taken = [(k.start, k.end, x.kind) for x in entities for k in x.mentions]
            # a recogniser's other label on exactly this span ("N.C." an organisation) gives way
            if a1 and not any(x < e and s < y and (kind in ("place", "country") or (x, y) != (s, e))
                              for x, y, kind in taken):
                found.setdefault(a1, []).append((s, e))
                taken.append((s, e, "place"))
    return found


def add_state_mentions(gaz: Gazetteer, text: str, entities: list[Entity], *,
                       keep: frozenset[str] = frozenset()) -> dict[str, Place]:
    """US states named by abbreviation ("(D-N.C.)", "Tulsa, Okla.") become mentions of a place entity
    of the state (made when the article has none): entity id -> the state's record. An entity the
    recogniser labelled otherwise ("N.C." an organisation) gives those mentions up, and is dropped
    when it has no other (unless an event names it: ``keep``)."""
    out: dict[str, Place] = {}
    abbr = _state_abbreviations()
    for x in entities:          # made by an earlier run: the same state again
        a1 = x.mentions and x.source == "pattern:state-abbreviation" and abbr.get(x.mentions[0].text.rstrip("."))
        if a1 and gaz.admin1(a1):
            out[x.id] = gaz.admin1(a1)
    ids = None          # (the entities' numbers, read where a state's entity is made)
    for a1, spans in sorted(_state_spans(gaz, text, entities).items()):
        state = gaz.admin1(a1)
        if state is None:
            continue
        ent = next((x for x in entities if x.kind == "place" and x.name == state.name
                    and _place_types().get(x.name) == "region"), None)
        if ent is None:
            if ids is None:
                ids = [int(x.id[1:]) for x in entities if x.id[1:].isdigit()]
            ids.append(max(ids, default=0) + 1)
            clash = any(x.name == state.name for x in entities)
            ent = Entity(id=f"e{ids[-1]}", name=f"{state.name} State" if clash else state.name, kind="place",
                         code="USA", source="pattern:state-abbreviation")
            entities.append(ent)
        spans_set = set(spans)
        for other in entities:
            mine = [m for m in other.mentions if (m.start, m.end) in spans_set]
            if other is not ent and mine:
                other.mentions = [m for m in other.mentions if (m.start, m.end) not in spans_set]
        ent.mentions += [Span(s, e, text[s:e]) for s, e in sorted(spans)]
        out[ent.id] = state
    entities[:] = [x for x in entities if x.mentions or x.source != "model:ner" or x.id in keep]
    return out


def _context(gaz: Gazetteer, entities: list[Entity]) -> Counter:
    """The states the article names (ISO alpha-2), by number of mentions."""
    ctx: Counter = Counter()
    for e in entities:
        if e.code and e.kind in ("country", "place"):
            c = gaz.country(e.code)
            if c is not None:
                ctx[c.country] += len(e.mentions) or 1
    return ctx


def _score(p: Place, ctx: Counter, constrained: bool) -> float:
    size = p.population or _PROXY.get(p.feature_code) or 500
    s = math.log10(max(size, 1))
    if constrained or p.country in ctx:
        s += CONTEXT_BONUS
    if p.feature_code == "PPLC":
        s += CAPITAL_BONUS
    return s


def choose(cands: list[tuple[Place, bool]], ctx: Counter, *, country: str | None = None,
           admin1: str | None = None, classes: set[str] | None = None) -> Place | None:
    """The record a name denotes among its candidates, or None where the evidence does not decide."""
    pool = [p for p, _ in cands if (country is None or p.country == country)
            and (admin1 is None or p.admin1 == admin1 or p.feature_code == "PCLI")
            and (classes is None or p.feature_class in classes)]
    if not pool:
        return None
    constrained = country is not None
    primary = {p.id for p, prim in cands if prim}
    ranked = sorted(pool, key=lambda p: (-_score(p, ctx, constrained), p.id not in primary, p.id))
    best = ranked[0]
    in_context = constrained or best.country in ctx or best.feature_class == "L"
    if not in_context and (best.population or 0) < PROMINENT and best.feature_code != "PPLC":
        return None
    if len(ranked) > 1 and _score(best, ctx, constrained) - _score(ranked[1], ctx, constrained) < MARGIN:
        return None
    return best


def _constraints(gaz: Gazetteer, e: Entity, text: str) -> tuple[str | None, str | None]:
    country = None
    if e.code:
        c = gaz.country(e.code)
        country = c.country if c else "--"       # a state the data does not know: nothing matches
    admin1 = None
    found = set()
    for m in e.mentions:
        q = _QUALIFIER.match(text, m.end)
        if q:
            r = _qualifier(gaz, q.group(1))
            if r is not None:
                found.add(r)
    if len(found) == 1:
        qc, qa = found.pop()
        if country is None or country == qc:
            country, admin1 = qc, qa
    return country, admin1


def resolve_entity(gaz: Gazetteer, e: Entity, text: str, ctx: Counter) -> Place | None:
    if e.kind == "country":
        return gaz.country(e.code) if e.code else None
    if e.kind != "place":
        return None
    kind = _place_types().get(e.name)
    if kind in _NO_RECORD:
        return None
    country, admin1 = _constraints(gaz, e, text)
    cands = gaz.lookup(e.name)
    if not cands:       # (the other names it is mentioned by are read only where its own finds nothing)
        key = name_key(e.name)
        others = sorted({m.text for m in e.mentions if name_key(m.text) != key})
        cands = next((found for found in map(gaz.lookup, others) if found), ())
    if cands:
        return choose(list(cands), ctx, country=country, admin1=admin1, classes=_CLASSES.get(kind or ""))
    return None


def geocode(text: str, entities: list[Entity], events: list[Event], *, gaz: Gazetteer | None = None) -> None:
    """Set ``geo`` on every country and place entity that resolves, and on the event locations; US states
    named by abbreviation are added as place mentions first."""
    gaz = gaz or gazetteer()
    refs = frozenset(r.entity for ev in events for r in (ev.actor, ev.target, *ev.sources) if r and r.entity)
    states = add_state_mentions(gaz, text, entities, keep=refs)
    ctx = _context(gaz, entities)
    by_name: dict[tuple[str, str | None], dict | None] = {}
    for e in entities:
        p = states.get(e.id) or resolve_entity(gaz, e, text, ctx)
        e.geo = p.to_geo() if p else None
        by_name.setdefault((e.name, e.code), e.geo)
    for ev in events:
        if ev.location:
            ev.location["geo"] = by_name.get((ev.location.get("name"), ev.location.get("code")))


@functools.lru_cache(maxsize=1)
def _iso3_of() -> dict[str, str]:
    """ISO alpha-2 (GeoNames' country) -> the gazetteer's state code (countries.tsv), for the states the
    data knows."""
    gaz = gazetteer()
    out = {}
    for r in read_tsv("gazetteer", "countries.tsv"):
        c = gaz.country(r["code"])
        if c is not None and c.country:
            out.setdefault(c.country, r["code"])
    return out


def code_places_from_geonames(text: str, entities: list[Entity], mentions) -> None:
    """A place with no state that resolves to one GeoNames record (resolve_entity: clearly ahead of any
    other reading) of a state the article names lies in that state: the code goes to the entity and
    its mentions ("Dundalk" in a story naming Ireland); not a large place of a state the story never
    names, nor a hamlet (fewer than CODED_TOWN people: a surname the recogniser took for a place,
    "Crowell", is a village somewhere), nor an acronym, which names a state or body more often than a
    town, nor a name only seen in compounds ("a Santiago-based group": no mention of the place), nor
    a record found by another of its names."""
    todo = [e for e in entities if e.kind == "place" and not e.code and not e.name.isupper()     # ("PRC": no town)
            and any(text[m.end:m.end + 1] != "-" for m in e.mentions)]      # ("a Santiago-based group")
    if not todo:
        return
    gaz = gazetteer()
    ctx = _context(gaz, entities)
    coded = {}
    for e in todo:
        p = resolve_entity(gaz, e, text, ctx)
        if p is not None and name_key(p.name) not in {name_key(e.name)} | {name_key(m.text) for m in e.mentions}:
            continue        # read through another of the record's names ("Hughes" for a town called otherwise)
        code = _iso3_of().get(p.country or "") if p is not None and p.feature_class in ("P", "A") \
            and p.country in ctx and (p.population or _PROXY.get(p.feature_code) or 0) >= CODED_TOWN else None
        if code:
            e.code, e.source = code, f"{e.source}+geonames"
            coded[e.id] = code
    for m in mentions:
        if m.entity in coded and m.code is None:
            m.code = coded[m.entity]


@functools.lru_cache(maxsize=1)
def _namesakes() -> dict[str, tuple[str, str, frozenset[str]]]:
    """Names of a state that are a region's of another (resources/geo/state_namesakes.tsv)."""
    return {r["name"]: (r["country"], r["region_of"], frozenset(multi(r["other_names"])))
            for r in read_tsv("geo", "state_namesakes.tsv")}


def code_state_namesakes(entities: list[Entity], mentions, home: str | None) -> None:
    """"flew back to Georgia", "Atlanta, Georgia": a state's name that is also a region's of another
    state is the region where the article is one of that state's (``home``) or writes it right after a
    place of that state, and names the country in no other way (state_namesakes.tsv)."""
    for name, (country, region, others) in _namesakes().items():
        named = [k for k, m in enumerate(mentions) if m.kind == "country" and m.code == country and m.text == name]
        if not named or any(m.text in others for m in mentions if m.code == country):
            continue
        after_place = any(k and mentions[k - 1].kind == "place" and mentions[k - 1].code == region
                          and 0 < mentions[k].start - mentions[k - 1].end <= 2 for k in named)
        if home != region and not after_place:
            continue
        ids = {mentions[k].entity for k in named}
        for m in mentions:
            if m.entity in ids:
                m.kind, m.code = "place", region
        for e in entities:
            if e.id in ids:
                e.kind, e.code, e.geo, e.source = "place", region, None, f"{e.source}+namesake"
