#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into dateline's trigger-pattern format.

    python tools/petrarch/convert_verbs.py ../shared/data/petrarch2 --out src/dateline/resources/cameo

writes ``petrarch_patterns.tsv`` in the column format of ``patterns.tsv`` (code, pos, trigger,
objects, preps, notes, subjects) plus ``source`` (CAMEO.2.0.txt:line of the pattern), the verb forms
PETRARCH lists that ``irregular_verbs.tsv`` lacks (``petrarch_irregular_verbs.tsv``),
``PETRARCH2-LICENSE.txt``, and prints how many patterns it converted and why it dropped the
others. Only what that format says faithfully is converted: a verb (or verb + particle / noun
phrase) with an object word list (a word or a synonym set's one-word members), a preposition
that introduces the target, subject words before the verb. Codes missing from codes.tsv and
wordings of PETRARCH's discard list (sports, entertainment) are dropped. Deterministic.
"""
from __future__ import annotations

import argparse
import collections
import shutil
import sys
from pathlib import Path

from phoenix import HERE, read_list, read_tsv
from verbs import Pattern, Synset, Verb, read_verb_file

REPO = HERE.parents[1]
VERB_FILE = "CAMEO.2.0.txt"
SOURCE = ("github.com/openeventdata/petrarch2 at commit 676801cd (2019-03-18), folder "
          "petrarch2/data/dictionaries, file CAMEO.2.0.txt (last update 30 April 2015); Copyright (c) 2015 "
          "Open Event Data Alliance, development funded by the U.S. NSF; MIT licence (PETRARCH2-LICENSE.txt "
          "beside this file)")
PARTICLES = read_list("verb_particles.txt")


class Drop(Exception):
    """A pattern the format cannot say; the message is the reason counted in the report."""


def singular(w: str) -> str:
    w = w.lower().strip("_")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _flat(items: list) -> list:
    out = []
    for x in items:
        out.extend(_flat(x[1]) if isinstance(x, tuple) else [x])
    return out


class Converter:
    def __init__(self, synsets: dict[str, Synset], codes: set[str], discards: set[str]):
        self.synsets, self.codes, self.discards = synsets, codes, discards
        self.counts: collections.Counter = collections.Counter()
        self.preps: set[str] = set()          # every word that heads a (PREP ...) in the dictionary

    def words_of(self, item, what: str) -> list[str]:
        """An object or subject item as a word list: 'SANCTIONS' -> ['sanction'];
        '&CURRENCY' -> its one-word members."""
        if isinstance(item, str) and item.startswith("&"):
            syn = self.synsets.get(item)
            if syn is None:
                raise Drop("undefined synonym set")
            one = [m.lower() for m in syn.members if " " not in m]     # members are singular already
            self.counts[f"(synonym-set members of more than one word left out of {what} lists)"] += \
                len(syn.members) - len(one)
            if not one:
                raise Drop("synonym set of multi-word phrases only")
            return list(dict.fromkeys(one))
        if isinstance(item, str) and item.isalpha() or (isinstance(item, str) and "-" in item):
            return [singular(item)]
        raise Drop(f"{what} is not a word or a synonym set")

    def _phrases(self, item) -> list[list[str]] | None:
        """A noun phrase as its wordings (lower case): '{ARMS SHIPMENT}' or 'DEBT_RELIEF' -> one;
        '{&MILITARY AID}' -> one per member of the set ('military aid', 'army aid', ...); else None."""
        if isinstance(item, str) and "_" in item.strip("_") and not item.startswith("&"):
            return [[w.lower() for w in item.strip("_").split("_") if w]]
        if not (isinstance(item, tuple) and item[0] == "{"):
            return None
        out: list[list[str]] = [[]]
        for w in item[1]:
            if isinstance(w, str) and w.startswith("&") and w in self.synsets:
                alts = [m.lower().split() for m in self.synsets[w].members]
            elif isinstance(w, str) and w[:1].isalpha():
                alts = [[w.lower().strip("_")]]
            else:
                raise Drop("noun phrase with a marker or an undefined set")
            out = [o + a for o in out for a in alts]
        if len(out) > 40:
            raise Drop("noun phrase of synonym sets with more than 40 wordings")
        return out

    def _pp(self, item) -> tuple[str, list]:
        prep, inner = item[1][0], item[1][1:]
        if not isinstance(prep, str) or not prep.isalpha():
            raise Drop("prepositional phrase without a preposition word")
        return prep.lower(), inner

    def frame(self, p: Pattern) -> dict:
        """A pattern -> {extra (trigger words after the verb), objects, preps, subjects}."""
        everything = _flat(p.pre) + _flat(p.post)
        for mark, why in (("$", "source marker $ (actor not the subject)"), ("^", "any-noun-phrase marker ^"),
                          ("%", "compound marker %")):
            if mark in everything:
                raise Drop(why)
        if "+" in _flat(p.pre):
            raise Drop("target before the verb")
        subjects = [w for item in p.pre for w in self.words_of(item, "subject")]
        post = list(p.post)
        extra: list[str] = []
        while post and isinstance(post[0], str) and post[0] in PARTICLES:
            extra.append(post.pop(0).lower())
        out = {"extra": extra, "objects": [], "preps": [], "subjects": subjects}
        if post == ["+"]:
            return out                        # the target is the direct object: the default
        if post and isinstance(post[-1], tuple) and post[-1][0] == "(":
            prep, inner = self._pp(post[-1])
            if inner in ([], ["+"]):
                out["preps"] = [prep]
                post = post[:-1]
        if len(post) > 1:
            if len(post) == 2 and all(isinstance(x, str) and x.isalpha() for x in post):
                out["extra"] += [w.lower() for w in post]     # "- * MILITARY AID": two words as a phrase
                return out
            raise Drop("more than one object constraint")
        if not post:
            return out
        item = post[0]
        if isinstance(item, tuple) and item[0] == "(":
            prep, inner = self._pp(item)
            if len(inner) != 1 or inner[0] == "+":
                raise Drop("prepositional phrase with several parts")
            out["extra"].append(prep)         # "look into allegations": trigger "look into", object
            item = inner[0]
            if isinstance(item, str) and item.lower() in self.preps:
                out["preps"] = [item.lower()]     # "(OUT OF)": "drive out" + the target's "of"
                return out
        if isinstance(item, str) and item.lower() in self.preps and not out["extra"][-1:] == [item.lower()]:
            out["preps"] = out["preps"] or [item.lower()]     # "- * WITH": the target follows "with"
            return out
        phrases = self._phrases(item)
        if phrases:
            out["extras"] = [out["extra"] + ph for ph in phrases]
        elif item == "+":
            raise Drop("target marker after a particle or preposition")
        else:
            out["objects"] = self.words_of(item, "object")
        return out

    def code_of(self, code: str) -> tuple[str, str]:
        """'0871' -> ('0871', ''); '042:043' -> ('042', 'PETRARCH codes 043 for the target')."""
        if code in ("", "---"):
            raise Drop("null code --- (no event)")
        first, _, second = code.partition(":")
        if not first:
            raise Drop("code only for the target ([:B])")
        if not first.isdigit():
            raise Drop("code not numeric")
        if first not in self.codes:
            raise Drop("code not in codes.tsv")
        note = f"; PETRARCH also codes {second} for the target" if second and second != first else ""
        note = note or ("; PETRARCH codes it both ways" if second else "")
        return first, note

    def discarded(self, verb: Verb, extra: list[str], objects: list[str]) -> bool:
        """A wording of the discard list: an object or a phrase word that is a discard entry
        ("champion", "baseball"), or verb + word that is one ("bowl out", "blasted runs")."""
        words = extra + objects
        if any(w in self.discards for w in words):
            return True
        forms = _verb_forms(verb)
        return any(f"{f} {w}" in self.discards or f"{f} {w}s" in self.discards for f in forms for w in words)


def _verb_forms(v: Verb) -> set[str]:
    b = v.words[0].lower()
    forms = {b, b + "s", b + "es", b + "ed", b + "d", b + "ing", b[:-1] + "ing" if b.endswith("e") else b}
    return forms | {f.lstrip("+").split("_")[0].lower() for f in v.forms}


def read_discards(path: Path) -> set[str]:
    """Phoenix.discards.txt phrases in lower case ('+' = skip the whole story: same here)."""
    out = set()
    for ln in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = ln.split("#", 1)[0].strip().lstrip("+").strip()
        if body and not body[0].isdigit():
            out.add(" ".join(body.lower().replace("_", " ").split()))
    return out


def origin_verbs(block, p: Pattern) -> list[Verb]:
    """The verbs of the block that the pattern's comment names as where it was found ("# RUSH",
    "# END , END", "# ANNOUNCE <ab 02 Dec 2005>"); all the block's verbs when it names none of them.
    PETRARCH applies a pattern to every verb of the block, whose synonyms are broad (WordNet:
    STATION and BASE beside STAGE): the origin verb is the wording a coder checked."""
    names = {n.strip().strip("_").replace(" ", "_") for n in p.origin.split("<", 1)[0].split(",") if n.strip()}
    named = [v for v in block.verbs if _names_of(v) & names]
    return named or block.verbs


def _names_of(v: Verb) -> set[str]:
    """How a pattern comment may name the verb: 'PULL_OUT', 'PULL', 'PULLED_OUT', 'SAYS'."""
    rest = "_".join(v.words[1:])
    heads = _verb_forms(Verb([v.words[0]], [], v.code, v.line))
    out = {"_".join(v.words), v.words[0]} | {f.lstrip("+").upper().strip("_") for f in v.forms}
    out |= {(h.upper() + "_" + rest) if rest else h.upper() for h in heads}
    return out


CONJUNCTIONS = ("and", "or")


def coordinated(v: Verb) -> bool:
    """A verb entry that ends in a conjunction (SHOT_AND, KILLED_OR, ARREST_AND) stands for the first
    verb of a coordination ("shot and killed"): dateline codes each verb of one by its own rows, and
    a trigger ending in "and" would report one happening twice under two codes."""
    return v.words[-1].lower() in CONJUNCTIONS


def rows_for_block(conv: Converter, block, drops: collections.Counter) -> list[list[str]]:
    rows = []
    for v in [v for v in block.verbs if coordinated(v)]:
        drops["verb ending in a conjunction (SHOT_AND): each verb of a coordination has its own rows"] += 1
    block_verbs = [v for v in block.verbs if not coordinated(v)]
    for v in block_verbs:                               # the bare verbs with a code
        try:
            code, _ = conv.code_of(v.code)
        except Drop:
            continue
        if code == "010":
            drops["bare verb coded 010 (a plain statement stays an attribution, issue #11)"] += 1
            continue
        trig = " ".join(w.lower() for w in v.words)
        rows.append([code, "verb", trig, "", "", f"PETRARCH block {block.name}: the verb alone", "",
                     f"{VERB_FILE}:{v.line}"])
    for p in block.patterns:
        try:
            code, note = conv.code_of(p.code)
            fr = conv.frame(p)
        except Drop as d:
            drops[f"pattern: {d}"] += 1
            continue
        kept = 0
        for v, extra in ((v, e) for v in origin_verbs(block, p) if not coordinated(v)
                         for e in fr.get("extras", [fr["extra"]])):
            if conv.discarded(v, extra, fr["objects"]):
                drops["pattern x verb: a wording of Phoenix.discards.txt"] += 1
                continue
            trig = " ".join([w.lower() for w in v.words] + extra)
            text = " ".join(p.text.split())
            notes = f"PETRARCH block {block.name}, pattern \"- {text} [{p.code}]\" ({' '.join(p.origin.split()) or 'no origin'}){note}"
            rows.append([code, "verb", trig, "|".join(fr["objects"]), "|".join(fr["preps"]), notes,
                         "|".join(dict.fromkeys(fr["subjects"])), f"{VERB_FILE}:{p.line}"])
            kept += 1
        drops["= patterns converted"] += 1 if kept else 0
    return rows


def convert(args: argparse.Namespace) -> collections.Counter:
    synsets, blocks, bad = read_verb_file(args.src / VERB_FILE)
    codes = {r["code"] for r in read_tsv(args.codes)}
    conv = Converter(synsets, codes, read_discards(args.src / "Phoenix.discards.txt"))
    conv.preps = {x[1][0].lower() for b in blocks for p in b.patterns for x in p.pre + p.post
                  if isinstance(x, tuple) and x[0] == "(" and x[1] and isinstance(x[1][0], str)}
    drops: collections.Counter = collections.Counter({"pattern: unreadable line": bad})
    drops["= patterns read"] = sum(len(b.patterns) for b in blocks) + bad
    rows, seen = [], set()
    for b in blocks:
        for r in rows_for_block(conv, b, drops):
            key = (r[0], r[2], r[3], r[4], r[6])
            if key in seen:
                drops["row: repeats an earlier row (same code, trigger, objects, preps, subjects)"] += 1
                continue
            seen.add(key)
            rows.append(r)
    drops.update(conv.counts)
    drops["= rows written"] = len(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "petrarch_patterns.tsv", rows, drops)
    known = {r["base"] for r in read_tsv(args.codes.parent / "irregular_verbs.tsv")}
    irr = irregular_rows(blocks, known)
    write_irregular(args.out / "petrarch_irregular_verbs.tsv", irr)
    drops["= irregular verbs written (petrarch_irregular_verbs.tsv)"] = len(irr)
    shutil.copyfile(args.src / "LICENSE", args.out / "PETRARCH2-LICENSE.txt")
    return drops


def _regular(b: str) -> dict[str, str]:
    """The forms a naive English rule gives ('stop' -> 'stoped': why PETRARCH lists 'STOPPED')."""
    cons = b[-1:] == "y" and b[-2:-1] not in "aeiou"
    past = b + "d" if b.endswith("e") else (b[:-1] + "ied" if cons else b + "ed")
    third = b[:-1] + "ies" if cons else (b + "es" if b.endswith(("s", "sh", "ch", "x", "z", "o")) else b + "s")
    ing = b[:-1] + "ing" if b.endswith("e") and not b.endswith(("ee", "ye", "oe")) else b + "ing"
    return {"past": past, "participle": past, "third": third, "ing": ing}


def irregular_rows(blocks, known: set[str]) -> list[list[str]]:
    """Forms PETRARCH lists in {...} for one-word verbs that dateline's irregular_verbs.tsv lacks and
    that a naive rule gets wrong: -ING is the participle in -ing, -S the third person, a form in -N
    the past participle, the rest the past (the base itself when none is listed and the
    base ends in -t or -d: PUT {PUTS PUTTING})."""
    rows, seen = [], set(known)
    for b in blocks:
        for v in b.verbs:
            base = v.words[0].lower()
            if len(v.words) != 1 or not v.forms or base in seen:
                continue
            forms = [f.lower() for f in v.forms if f.replace("-", "").isalpha()
                     and f.lower() not in (base.replace("ize", "ise"), base.replace("ise", "ize"))]
            got = dict(_regular(base))
            ing = [f for f in forms if f.endswith("ing")]
            third = [f for f in forms if f.endswith("s") and f not in ing]
            rest = [f for f in forms if f not in ing and f not in third]
            parts = [f for f in rest if f.endswith("n") and len(rest) > 1]
            pasts = [f for f in rest if f not in parts] or ([base] if not rest and base.endswith(("t", "d")) else [])
            got.update({k: "|".join(x) for k, x in (("ing", ing), ("third", third), ("past", pasts),
                                                      ("participle", parts or pasts)) if x})
            if got == _regular(base):
                continue
            seen.add(base)
            rows.append([base, got["past"], got["participle"], got["third"], got["ing"], f"{VERB_FILE}:{v.line}"])
    return rows


def write_irregular(path: Path, rows: list[list[str]]) -> None:
    head = [
        "# petrarch_irregular_verbs.tsv -- verb forms listed in the PETRARCH2 CAMEO verb dictionary ({...} after a",
        "# verb) for the one-word verbs that irregular_verbs.tsv lacks and that a naive rule would inflect wrongly.",
        f"# Source: {SOURCE}.",
        "# Produced by tools/petrarch/convert_verbs.py; do not edit by hand. Columns as in irregular_verbs.tsv",
        "# (base, past, participle, third, ing) plus source (CAMEO.2.0.txt:line of the verb). PETRARCH does not",
        "# label its forms: -ing -> ing, -s -> third, a form in -n beside another -> participle, the rest -> past;",
        "# a slot PETRARCH leaves out is filled by the regular rule.",
        "base\tpast\tparticiple\tthird\ting\tsource",
    ]
    path.write_text("\n".join(head + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")


def write(path: Path, rows: list[list[str]], drops: collections.Counter) -> None:
    head = [
        "# petrarch_patterns.tsv -- event trigger patterns converted from the PETRARCH2 CAMEO verb dictionary.",
        f"# Source: {SOURCE}.",
        "# Produced by tools/petrarch/convert_verbs.py (python tools/petrarch/convert_verbs.py <petrarch2 dir> "
        "--out <this folder>); do not edit by hand: change the script and rerun.",
        "# Columns as in patterns.tsv (read its header: code, pos, trigger, objects, preps, notes, subjects), plus",
        "#   source   CAMEO.2.0.txt:line of the PETRARCH pattern (of the verb line for a verb alone).",
        "# A pattern gives one row per verb its comment names as where it was found (PETRARCH applies it to every",
        "# verb of the block, whose WordNet synonyms are broad; a pattern naming none gives a row per verb). Converted: verb",
        "# (+ particle, + noun phrase or preposition words as the trigger; a noun phrase with a synonym set gives a",
        "# row per wording), one object word or a synonym set's",
        "# one-word members as objects, a (PREP) or (PREP +) as the target's preposition, words before '*' as",
        "# subjects; a code A:B is coded A (the source's act; notes say what PETRARCH codes for the target).",
        "# Dropped: patterns with $ ^ % markers, two object constraints, null or unknown codes (codes.tsv),",
        "# wordings of Phoenix.discards.txt, and bare verbs coded 010. Not wired into the event extractor.",
        f"# {drops['= rows written']} rows from {drops['= patterns converted']} of {drops['= patterns read']} "
        "patterns (counts by reason: tools/petrarch/README.md).",
        "code\tpos\ttrigger\tobjects\tpreps\tnotes\tsubjects\tsource",
    ]
    path.write_text("\n".join(head + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="folder with the PETRARCH2 dictionaries")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dateline" / "resources" / "cameo")
    ap.add_argument("--codes", type=Path, default=REPO / "src" / "dateline" / "resources" / "cameo" / "codes.tsv")
    args = ap.parse_args(argv)
    for k, v in sorted(convert(args).items()):
        print(f"{v:7d}  {k}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
