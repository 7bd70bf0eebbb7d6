#!/usr/bin/env python3
"""Convert the PETRARCH2/Phoenix actor dictionaries into dateline gazetteer files.

    python tools/petrarch/convert_actors.py ../shared/data/petrarch2 --out src/dateline/resources/gazetteer

writes ``phoenix_people.tsv`` (one row per person per dated role), ``phoenix_organizations.tsv``
(IGOs, NGOs and non-state armed groups missing from the hand-made organizations.tsv) and
``PETRARCH2-LICENSE.txt`` (the MIT licence the derived files are under), and prints what it
dropped and why. The output depends only on the inputs: the Phoenix files, dateline's
gazetteer files (to leave out what they already have) and the UD English treebanks (for the
list of common English words), so a rerun gives the same bytes.
"""
from __future__ import annotations

import argparse
import collections
import re
import shutil
import sys
from pathlib import Path

from phoenix import (HERE, Block, agent_words, capitalised_words, common_words, read_actor_file, read_list,
                     read_tsv, words_of)
from names import EAST_ASIA, join_particles, korean_alias, org_name, person_name, surname

ACTOR_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt"]
REPO = HERE.parents[1]
SOURCE = ("github.com/openeventdata/petrarch2 at commit 676801cd (2019-03-18), folder "
          "petrarch2/data/dictionaries; Copyright (c) 2014-2015 Open Event Data Alliance; MIT licence "
          "(PETRARCH2-LICENSE.txt beside this file)")
NAME_OK = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'-")


class Context:
    """What the conversion consults besides the Phoenix records."""

    def __init__(self, src: Path, gazetteer: Path, treebanks: Path):
        self.iso = {r["code"] for r in read_tsv(gazetteer / "countries.tsv")}
        self.code_map = {r["cameo"]: r["iso"] for r in read_tsv(HERE / "code_map.tsv")}
        self.places = _place_forms(gazetteer)
        self.orgs = {f.lower() for r in read_tsv(gazetteer / "organizations.tsv")
                     for f in [r["name"]] + _multi(r.get("aliases"))}
        self.leaders = {f.lower() for r in read_tsv(gazetteer / "leaders.tsv")
                        for f in [r["name"]] + _multi(r.get("aliases"))}
        sf = REPO / "src" / "dateline" / "resources" / "entities" / "surname_first.tsv"
        self.surname_first = {r["word"].upper() for r in read_tsv(sf)}
        self.titles = read_list("title_words.txt") | agent_words(src / "Phoenix.agents.txt")
        self.org_words = read_list("org_words.txt")
        self.common = common_words(treebanks)
        self.capitalised = capitalised_words(treebanks)
        self.any_lower = common_words(treebanks, least=1)
        self.given: set[str] = set()
        self.given_west: set[str] = set()      # first words of people of states that put them first
        self.acronyms: set[str] = set()

    def state(self, cameo: str) -> str:
        """CAMEO actor code -> ISO alpha-3 / IGO / '' (see code_map.tsv): 'UKRGOV' -> 'UKR',
        'IGOUNO' -> 'IGO', 'NGOUSAENV' -> 'USA', 'IMGMUSALQ' -> ''."""
        head = cameo[:3]
        if head in self.code_map:
            return self.code_map[head]
        if head in self.iso:
            return head
        if head in ("NGO", "IMG", "INT") and len(cameo) >= 6:
            nxt = cameo[3:6]
            return self.code_map.get(nxt, nxt if nxt in self.iso else "")
        return ""


def _multi(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _place_forms(gaz: Path) -> set[str]:
    out = set()
    for r in read_tsv(gaz / "countries.tsv"):
        for col in ("name", "aliases", "adjectives", "capital", "capital_aliases", "contextual_aliases"):
            out.update(f.lower() for f in _multi(r.get(col)))
    for r in read_tsv(gaz / "places.tsv"):
        out.update(f.lower() for f in [r["name"]] + _multi(r.get("aliases")))
    return out


def _initial(w: str) -> bool:
    return len(w.rstrip(".")) == 1


def _clean(words: list[str]) -> bool:
    return bool(words) and all(set(w) <= NAME_OK and any(c.isalpha() for c in w) for w in words)


def _is_state_block(b: Block) -> bool:
    return b.file == ACTOR_FILES[0] and bool(b.roles) and all(
        r.start is None and r.end is None and len(r.cameo) == 3 for r in b.roles)


def _is_person(b: Block, ctx: Context) -> bool:
    words = words_of(b.names[0][0])
    if not _clean(words) or any(w in ctx.org_words for w in words):
        return False
    if any(r.start or r.end for r in b.roles) or "COUNTRYINFO" in b.comment.upper():
        return True
    if any(r.cameo.startswith("MNC") for r in b.roles):
        return False        # companies: a first word that is also a given name ("Nabi ...") is not enough
    return 2 <= len(words) <= 5 and words[0] in ctx.given and b.file != ACTOR_FILES[2]


def _person_state(b: Block, ctx: Context) -> str:
    """The state used to write the name: of the latest dated national role, else of any role."""
    dated = sorted((r for r in b.roles if (r.start or r.end) and ctx.state(r.cameo) not in ("", "IGO")),
                   key=lambda r: (r.start or r.end))
    for r in reversed(dated):
        return ctx.state(r.cameo)
    for r in b.roles:
        if ctx.state(r.cameo) not in ("", "IGO"):
            return ctx.state(r.cameo)
    return ""


def person_record(b: Block, ctx: Context, drops: collections.Counter) -> dict | None:
    """One Phoenix record -> {name, aliases, surname, rows}; None (with the reason counted) if dropped."""
    state = _person_state(b, ctx)
    forms, singles = [], set()
    for phrase, _ in b.names:
        w = words_of(phrase)
        if not _clean(w) or any(x in ctx.titles for x in w):
            continue
        if len(w) == 1:
            singles.add(w[0])
        elif w not in forms:
            forms.append(w)
    if not forms:
        drops["person: single-word name (or only titled forms)"] += 1
        return None
    words = join_particles(forms[0])
    if all(_initial(w) for w in words[:-1]) or _initial(words[-1]):
        drops["person: initials and one word only"] += 1
        return None
    if len(words) == 2 and all(ctx.capitalised.get(w[:1] + w[1:].lower(), 0) >= 5 for w in words):
        drops["person: two frequent name words (namesakes likely)"] += 1
        return None
    name = person_name(words, state)
    if len(name.replace(" ", "")) < 6:
        drops["person: name under 6 letters"] += 1
        return None
    if all(w in ctx.common for w in words if len(w.rstrip(".")) > 1):
        drops["person: every word a common English word"] += 1
        return None
    if name.lower() in ctx.places:
        drops["person: name of a state or place"] += 1
        return None
    sur_word = surname(words, singles, state, ctx.surname_first, ctx.given_west)
    sur = name.split()[words.index(sur_word)] if sur_word in words else person_name([sur_word], state)
    aliases = []
    ko = korean_alias(words, state)
    for w in forms[1:] + ([ko] if ko else []):
        a = person_name(join_particles(w), state)
        if a != name and a not in aliases and a.lower() not in ctx.places and len(w) >= 2:
            aliases.append(a)
    rows = _role_rows(b, ctx)
    if not rows:
        drops["person: no readable role"] += 1
        return None
    return {"name": name, "aliases": aliases, "surname": sur, "rows": rows, "line": b.line, "file": b.file}


def _role_rows(b: Block, ctx: Context) -> list[dict]:
    seen, rows = set(), []
    for r in b.roles:
        key = (r.cameo, r.start, r.end)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"code": ctx.state(r.cameo), "cameo": r.cameo,
                     "start": r.start.isoformat() if r.start else "", "end": r.end.isoformat() if r.end else "",
                     "source": f"{b.file}:{r.line}"})
    # dated roles in time order, the undated default (PETRARCH's "otherwise") last
    rows.sort(key=lambda x: (x["start"] == "" and x["end"] == "", x["start"] or x["end"], x["end"] or "9"))
    return rows


def merge_people(recs: list[dict], ctx: Context, drops: collections.Counter) -> list[dict]:
    """One record per name; a name held by people of different states is dropped as ambiguous;
    an alias shared by two names is dropped from both; hand-made leaders.tsv people are left out."""
    by_name: dict[str, list[dict]] = {}
    for r in recs:
        by_name.setdefault(r["name"], []).append(r)
    out = []
    for name, group in by_name.items():
        states = [{x["code"] for x in g["rows"] if x["code"] not in ("", "IGO")} for g in group]
        nonempty = [s for s in states if s]
        if len(group) > 1 and nonempty and any(not (s & nonempty[0]) for s in nonempty[1:]):
            drops["person: same name, different states"] += len(group)
            continue
        if name.lower() in ctx.leaders or any(a.lower() in ctx.leaders for g in group for a in g["aliases"]):
            drops["person: in leaders.tsv (hand-made wins)"] += len(group)
            continue
        rec = dict(group[0])
        rec["aliases"] = list(dict.fromkeys(a for g in group for a in g["aliases"]))
        rows = {(x["cameo"], x["start"], x["end"]): x for g in group for x in g["rows"]}
        rec["rows"] = sorted(rows.values(), key=lambda x: (x["start"] == "" and x["end"] == "",
                                                          x["start"] or x["end"], x["end"] or "9"))
        out.append(rec)
    owners = collections.Counter(a for r in out for a in set(r["aliases"]) | {r["name"]})
    for r in out:
        kept = [a for a in r["aliases"] if owners[a] == 1]
        drops["person alias: shared by two people"] += len(r["aliases"]) - len(kept)
        r["aliases"] = kept
    return sorted(out, key=lambda r: (r["file"] != ACTOR_FILES[0], ACTOR_FILES.index(r["file"]), r["line"]))


ORG_PREFIX = {"IGO": "igo", "NGO": "ngo"}


def org_record(b: Block, ctx: Context, drops: collections.Counter) -> dict | None:
    codes = [r.cameo for r in b.roles if not (r.start or r.end)] or [r.cameo for r in b.roles]
    if not codes:
        return None
    cameo = codes[0]
    category = "armed_group" if b.file == ACTOR_FILES[2] else ORG_PREFIX.get(cameo[:3])
    if category is None:
        drops["organisation: not an IGO/NGO/armed group (MNC, ...)"] += 1
        return None
    forms, extra = [], []
    for phrase, _ in b.names:
        for inner in re.findall(r"\(([A-Z]{2,6})\)", phrase):
            if inner not in ctx.common and inner.lower() not in ctx.places:
                extra.append(inner)          # "(ETA)": the group's acronym
        w = words_of(re.sub(r"\([^)]*\)", " ", phrase))
        if w and w[0] == "THE":
            w = w[1:]
        if not _clean(w) or (len(w) == 1 and (w[0] in ctx.common or len(w[0]) < 3)):
            continue
        if w[-1] in ctx.titles and w[-1] not in ctx.org_words:
            continue        # an agent noun phrase ("UN_ENVOY_"), not a name
        if len(w) > 1 and all(x in ctx.common or x in ctx.titles for x in w) and not any(
                x in ctx.org_words for x in w):
            continue
        f = org_name(w, ctx.acronyms)
        if " " not in f and not f.isupper() and (w[0] in ctx.any_lower or ctx.capitalised.get(f, 0) >= 1):
            continue        # one word that is also an English word or a frequent name ("Olive", "Lightning")
        if f not in forms:
            forms.append(f)
    forms += [a for a in extra if a not in forms]
    first = words_of(re.sub(r"\([^)]*\)", " ", b.names[0][0]))
    if category == "armed_group" and 2 <= len(first) <= 4 and first[0] in ctx.given and \
            not any(x in ctx.org_words for x in first):
        drops["organisation: armed-group record named like a person"] += 1
        return None
    if not forms:
        drops["organisation: no usable name (common word, agent noun, symbols)"] += 1
        return None
    if any(f.lower() in ctx.orgs for f in forms[:1]):
        drops["organisation: in organizations.tsv (hand-made wins)"] += 1
        return None
    aliases = [f for f in forms[1:] if f.lower() not in ctx.orgs and f.lower() not in ctx.places]
    return {"name": forms[0], "aliases": aliases, "code": ctx.state(cameo), "category": category,
            "cameo": cameo, "source": f"{b.file}:{b.line}"}


def merge_orgs(recs: list[dict], drops: collections.Counter) -> list[dict]:
    out: dict[str, dict] = {}
    for r in recs:
        if r["name"] in out:
            drops["organisation: repeated record"] += 1
            prev = out[r["name"]]
            prev["aliases"] = list(dict.fromkeys(prev["aliases"] + r["aliases"]))
            continue
        out[r["name"]] = r
    owners = collections.Counter(a for r in out.values() for a in set(r["aliases"]) | {r["name"]})
    for r in out.values():
        r["aliases"] = [a for a in r["aliases"] if owners[a] == 1 and a != r["name"]]
    return list(out.values())


def _header(kind: str, cols: str, counts: str, args: argparse.Namespace) -> list[str]:
    return [
        f"# {kind} -- derived from the PETRARCH2/Phoenix actor dictionaries ({', '.join(ACTOR_FILES)}).",
        f"# Source: {SOURCE}.",
        "# Produced by tools/petrarch/convert_actors.py (python tools/petrarch/convert_actors.py "
        "<petrarch2 dir> --out <this folder>); do not edit by hand: change the script and rerun.",
        "# Phoenix roles stop in 2015 and carry its errors; codes are CAMEO actor codes as written (cameo) and the",
        "# state they name as ISO 3166-1 alpha-3 (code; IGO for international bodies; empty for regions,",
        "# defunct states and non-state codes: tools/petrarch/code_map.tsv). PETRARCH reads both ends of a",
        "# date range as inclusive; dateline reads end as the first day out of office (one day of difference).",
        f"# Columns (tab-separated; '|' separates aliases): {cols}",
        f"# {counts}",
    ]


def write_people(path: Path, people: list[dict], args) -> int:
    lines = _header("phoenix_people.tsv", "name (as news writes it), aliases, surname (second references), "
                    "code, cameo, start, end (YYYY-MM-DD, empty = open), source (file:line of the role)",
                    f"{len(people)} people; one row per person per role; rows without dates are PETRARCH's "
                    "default code for dates no range covers.", args)
    lines.append("name\taliases\tsurname\tcode\tcameo\tstart\tend\tsource")
    n = 0
    for p in people:
        for r in p["rows"]:
            lines.append("\t".join([p["name"], "|".join(p["aliases"]), p["surname"], r["code"], r["cameo"],
                                    r["start"], r["end"], r["source"]]))
            n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def write_orgs(path: Path, orgs: list[dict], args) -> None:
    lines = _header("phoenix_organizations.tsv", "name, aliases, code, category (igo|ngo|armed_group), "
                    "generic (always 0), cameo, source (file:line of the record)",
                    f"{len(orgs)} organisations missing from organizations.tsv (which wins where both have one).",
                    args)
    lines.append("name\taliases\tcode\tcategory\tgeneric\tcameo\tsource")
    for o in orgs:
        lines.append("\t".join([o["name"], "|".join(o["aliases"]), o["code"], o["category"], "0", o["cameo"],
                                o["source"]]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def convert(args: argparse.Namespace) -> collections.Counter:
    ctx = Context(args.src, args.gazetteer, args.treebanks)
    blocks = [b for f in ACTOR_FILES for b in read_actor_file(args.src / f)]
    drops: collections.Counter = collections.Counter()
    for b in blocks:
        if _is_state_block(b):
            ctx.places.update(" ".join(words_of(p)).lower() for p, _ in b.names)
        elif b.file == ACTOR_FILES[0] and any(r.start or r.end for r in b.roles):
            w = words_of(b.names[0][0])
            if len(w) >= 2 and w[0] not in ctx.titles and w[0] not in ctx.org_words:
                ctx.given.add(w[0])
                if ctx.state(b.roles[0].cameo) not in EAST_ASIA:
                    ctx.given_west.add(w[0])
        elif b.file != ACTOR_FILES[0]:
            ctx.acronyms.update(w[0] for w in (words_of(p) for p, _ in b.names)
                                if len(w) == 1 and w[0].isalpha() and w[0] not in ctx.common and len(w[0]) <= 7)
    people, orgs = [], []
    for b in blocks:
        if _is_state_block(b):
            continue
        if _is_person(b, ctx):
            rec = person_record(b, ctx, drops)
            if rec:
                people.append(rec)
        elif b.file != ACTOR_FILES[0]:
            rec = org_record(b, ctx, drops)
            if rec:
                orgs.append(rec)
        else:
            drops["Countries file: state agency / group record (not converted)"] += 1
    people = merge_people(people, ctx, drops)
    orgs = merge_orgs(orgs, drops)
    args.out.mkdir(parents=True, exist_ok=True)
    drops["= people rows written"] = write_people(args.out / "phoenix_people.tsv", people, args)
    drops["= people written"] = len(people)
    write_orgs(args.out / "phoenix_organizations.tsv", orgs, args)
    drops["= organisations written"] = len(orgs)
    shutil.copyfile(args.src / "LICENSE", args.out / "PETRARCH2-LICENSE.txt")
    return drops


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="folder with the PETRARCH2 dictionaries")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dateline" / "resources" / "gazetteer")
    ap.add_argument("--gazetteer", type=Path, default=REPO / "src" / "dateline" / "resources" / "gazetteer",
                    help="dateline's hand-made gazetteer (what it has is left out)")
    ap.add_argument("--treebanks", type=Path, default=None,
                    help="UD English treebanks for the common-word list (default: SRC/../treebanks)")
    args = ap.parse_args(argv)
    args.treebanks = args.treebanks or args.src.parent / "treebanks"
    for k, v in sorted(convert(args).items()):
        print(f"{v:7d}  {k}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
