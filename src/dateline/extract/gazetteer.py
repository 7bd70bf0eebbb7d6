"""The gazetteer: states, capitals, demonyms, officials with terms, organisations, places, roles.

Built once from the TSV files in ``resources/gazetteer`` (each states its sources) into one
Aho-Corasick automaton over surface forms. Matching is case-sensitive on the forms as written,
plus an UPPER-CASE variant for names that appear in datelines ("TOKYO") and a lower-case
variant for generic organisation types ("the defense ministry").
"""
from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field

import ahocorasick

from ..isodate import iso_date
from ..resources import ResourceError, multi, path, read_tsv
from .entity_words import context_words
from .regexes import regex

GAZ = "gazetteer"
_LED_BY = regex("entities", "led_by")


@dataclass(frozen=True)
class Leader:
    name: str
    surname: str
    code: str
    role: str
    titles: tuple[str, ...]
    start: _dt.date | None
    end: _dt.date | None
    cameo: str = ""      # the CAMEO actor code as written (Phoenix rows: "UKRGOV"); "" for leaders.tsv
    source: str = ""     # provenance of a derived row ("Phoenix.Countries.actors.txt:49618")

    def in_office(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    """What one surface form denotes."""
    kind: str            # country|person|organization|place
    name: str            # canonical name
    code: str | None
    form: str            # name|alias|adjective|capital|contextual|org|generic|place|leader
    category: str | None = None
    leaders: tuple[Leader, ...] = ()


@dataclass(eq=False)
class Gazetteer:
    countries: dict[str, dict] = field(default_factory=dict)       # code -> row
    leaders: list[Leader] = field(default_factory=list)
    by_surname: dict[str, list[Leader]] = field(default_factory=dict)
    terms: dict[str, tuple[Leader, ...]] = field(default_factory=dict)    # name -> every office held
    roles: dict[str, dict] = field(default_factory=dict)           # lower word -> row
    titles: set[str] = field(default_factory=set)                  # "President", "Prime Minister"
    surface: dict[str, list[Entry]] = field(default_factory=dict)
    automaton: object = None
    # Phoenix people with a state by surname: they name someone alone only with a title (people.py)
    phoenix_by_surname: dict[str, list[Leader]] = field(default_factory=dict)

    def add(self, form: str, entry: Entry, *, upper: bool = False, lower: bool = False) -> None:
        forms = {form}
        if upper:
            forms.add(form.upper())
        if lower:
            forms.add(form.lower())
        for f in forms:
            if len(f) < 2:
                continue
            lst = self.surface.setdefault(f, [])
            if entry not in lst:
                lst.append(entry)

    def build(self) -> None:
        a = ahocorasick.Automaton()
        for form in self.surface:
            a.add_word(form, form)
        a.make_automaton()
        self.automaton = a

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest matches at word boundaries: (start, end, surface form)."""
        cands = []
        for end_idx, form in self.automaton.iter(text):
            end = end_idx + 1
            start = end - len(form)
            if start > 0 and (text[start - 1].isalnum() or (text[start - 1] in "-" and form[0].isalnum())):
                continue
            if end < len(text) and text[end].isalnum() and form[-1].isalnum():
                continue
            if end < len(text) and text[end] == "-" and form[-1].isalnum() and end + 1 < len(text) \
                    and text[end + 1].islower() and not _LED_BY.match(text, end):
                continue          # "Seoul-based" is an adjective; "Saudi-led" names the state that leads
            cands.append((start, end, form))
        cands = _drop_article_prefixed(cands)
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out, last_end = [], -1
        for s, e, f in cands:
            if s >= last_end:
                out.append((s, e, f))
                last_end = e
        return out



def _drop_article_prefixed(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A form that opens with a lower-case article ("the Commonwealth") gives way to a longer name
    starting inside it and running past it ("the Commonwealth of Independent States"): the
    article is not part of the longer name, and leftmost-longest would pick the shorter one."""
    lead = [c for c in cands if c[2][:4] == "the "]
    if not lead:
        return cands
    drop = set()
    for c in lead:
        if any(c[0] < o[0] < c[1] < o[1] for o in cands):
            drop.add(c)
    return [c for c in cands if c not in drop]


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    g = Gazetteer()
    for row in read_tsv(GAZ, "countries.tsv"):
        code = row["code"]
        g.countries[code] = row
        name = row["name"]
        country = Entry("country", name, code, "name")
        g.add(name, country, upper=True)
        for al in multi(row.get("aliases")):
            g.add(al, Entry("country", name, code, "alias"), upper=not al.isupper())
        for adj in multi(row.get("adjectives")):
            g.add(adj, Entry("country", name, code, "adjective"))
        for cap in multi(row.get("capital")) + multi(row.get("capital_aliases")):
            g.add(cap, Entry("place", cap if cap in multi(row.get("capital")) else
                             (multi(row.get("capital")) or [cap])[0], code, "capital"), upper=True)
        for al in multi(row.get("contextual_aliases")):
            g.add(al, Entry("country", name, code, "contextual"))
    heads = frozenset(context_words("lowercase_place_heads"))
    for row in read_tsv(GAZ, "places.tsv"):
        code = row["code"] or None
        e = Entry("place", row["name"], code, "place", category=row.get("type") or None)
        g.add(row["name"], e, upper=True)
        for al in multi(row.get("aliases")):
            g.add(al, Entry("place", row["name"], code, "place", category=row.get("type") or None),
                  upper=True)
        for form in [row["name"]] + multi(row.get("aliases")):
            words = form.split()
            if len(words) > 1 and words[-1] in heads and words[0][:1].isupper():     # (not "the gulf")
                # news writes a feature's head in lower case ("the Crimean peninsula", "Sichuan province")
                g.add(" ".join(words[:-1] + [words[-1].lower()]),
                      Entry("place", row["name"], code, "place", category=row.get("type") or None))
    for row in read_tsv(GAZ, "organizations.tsv"):
        generic = row.get("generic") == "1"
        code = row["code"] or None
        e = Entry("organization", row["name"], code, "generic" if generic else "org",
                  category=row.get("category") or None)
        for form in [row["name"]] + multi(row.get("aliases")):
            g.add(form, e, lower=generic)
    people: dict[str, list[Leader]] = {}
    for row in read_tsv(GAZ, "leaders.tsv"):
        ld = Leader(row["name"], row.get("surname") or row["name"].split()[-1], row["code"],
                    row.get("role") or "", tuple(multi(row.get("titles"))),
                    iso_date(row.get("start", "")), iso_date(row.get("end", "")))
        g.leaders.append(ld)
        people.setdefault(row["name"], []).append(ld)
        g.titles.update(ld.titles)
        for sn in {ld.surname, row["name"].split()[-1]}:
            lst = g.by_surname.setdefault(sn, [])
            lst.append(ld)
        for al in multi(row.get("aliases")):
            people.setdefault("\x00" + al, []).append(ld)
    terms: dict[str, list[Leader]] = {}
    for ld in g.leaders:
        terms.setdefault(ld.name, []).append(ld)
    g.terms = {k: tuple(v) for k, v in terms.items()}
    for key, lds in people.items():
        form = key[1:] if key.startswith("\x00") else key
        canonical = lds[0].name
        rows = g.terms[canonical]
        g.add(form, Entry("person", canonical, rows[0].code, "leader", leaders=rows))
    for row in read_tsv(GAZ, "roles.tsv"):
        g.roles[row["word"].lower()] = row
    _add_phoenix(g)
    g.build()
    return g


def _add_phoenix(g: Gazetteer) -> None:
    """People and organisations converted from the PETRARCH2/Phoenix actor dictionaries
    (tools/petrarch/convert_actors.py). They come after the hand-made files, which win: a form
    any hand-made row already has (a leader, a state, a place, an organisation) is not added.
    Phoenix people are matched by full name and alias only; they are kept out of ``leaders``,
    ``by_surname`` and ``titles`` (which date articles and resolve bare surnames), so their
    surname alone names them only after the full name in the same article."""
    hand = set(g.surface)
    people: dict[str, list[Leader]] = {}
    forms: dict[str, list[str]] = {}
    day = functools.lru_cache(maxsize=None)(iso_date)
    for name, aliases, sur, code, cameo, start, end, source in _plain_rows("phoenix_people.tsv", 8):
        if name not in people:
            forms[name] = [name] + aliases.split("|") if aliases else [name]
            people[name] = []
        people[name].append(Leader(name, sur, code, "", (), day(start), day(end), cameo, source))
        if code and code != "IGO" and sur:
            g.phoenix_by_surname.setdefault(sur, []).append(people[name][-1])
    short = _first_and_last(people, hand, {r["word"] for r in read_tsv("entities", "surname_first.tsv")})
    for name, rows in people.items():
        entry = Entry("person", name, _default_code(rows), "phoenix", leaders=tuple(rows))
        for form in forms[name] + short.get(name, []):
            if form not in hand:
                g.surface.setdefault(form, []).append(entry)     # one entry per form: no dedup scan
    rows = read_tsv(GAZ, "phoenix_organizations.tsv")
    spelled = _spelled_out(rows)
    for row in rows:
        name = spelled.get((row["name"], row["cameo"]), row["name"])
        e = Entry("organization", name, row["code"] or None, "org", category=row["category"])
        for form in [row["name"]] + multi(row["aliases"]):
            if form not in hand:
                g.add(form, e)


def _first_and_last(people: dict[str, list[Leader]], taken, family: set[str]) -> dict[str, list[str]]:
    """"Carlos Menem" for "Carlos Saul Menem": a Phoenix name of three or four words, written with its
    first word and its surname alone, where the surname is the last word and no other Phoenix person
    has it, the words before it are given names (first words of Phoenix names; the first is no family
    name written first), and nobody else, nor any form of the hand-made files (``taken``), reads so."""
    firsts = {n.split()[0] for n in people if " " in n}
    lasts: dict[str, int] = {}
    for name in people:
        lasts[name.split()[-1]] = lasts.get(name.split()[-1], 0) + 1
    out: dict[str, list[str]] = {}
    for name, rows in people.items():
        words = name.split()
        if not 3 <= len(words) <= 4 or rows[0].surname != words[-1] or lasts[words[-1]] != 1 \
                or words[0] in family or not all(w in firsts for w in words[:-1]) \
                or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            continue
        form = f"{words[0]} {words[-1]}"
        if form not in people and form not in taken:
            out[name] = [form]
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def _spelled_out(rows) -> dict[tuple[str, str], str]:
    """Phoenix lists an acronym ("OAU") and the full name ("Organization of African Unity") as two
    rows of one CAMEO code: the acronym's row is named by the full name whose capitals spell it."""
    full: dict[str, list[str]] = {}
    for row in rows:
        if not row["name"].isupper():
            full.setdefault(row["cameo"], []).append(row["name"])
    out = {}
    for row in rows:
        name = row["name"]
        if name.isupper() and " " not in name:
            match = [f for f in full.get(row["cameo"], []) if _initials(f) == name]
            if len(match) == 1:
                out[(name, row["cameo"])] = match[0]
    return out


def _plain_rows(name: str, width: int):
    """Rows of a generated TSV (no stray spaces, no quoting) as tuples, for speed; checked by
    tests/resources/test_petrarch_data.py."""
    with path(GAZ, name).open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln[0] != "#"]
    for ln in lines[1:]:
        cells = ln.rstrip("\n").split("\t")
        if len(cells) != width:
            raise ResourceError(f"{name}: expected {width} cells, got {len(cells)}: {ln[:80]!r}")
        yield cells


def _default_code(rows: list[Leader]) -> str | None:
    """A Phoenix person's state when the article has no date: of the latest dated national role,
    else of any role with a state."""
    dated = sorted((r for r in rows if r.code and r.code != "IGO" and (r.start or r.end)),
                   key=lambda r: r.start or r.end)
    if dated:
        return dated[-1].code
    return next((r.code for r in rows if r.code), None)
