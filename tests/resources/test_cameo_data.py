"""Validation of the CAMEO event-coding data files in src/dateline/resources/cameo/."""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

CAMEO_DIR = Path(__file__).resolve().parents[2] / "src" / "dateline" / "resources" / "cameo"

CODES_HEADER = ["code", "name", "goldstein", "quad_class", "plover", "plover_mode", "short_label"]
PATTERNS_HEADER = ["code", "pos", "trigger", "objects", "preps", "notes", "subjects"]
IRREGULAR_HEADER = ["base", "past", "participle", "third", "ing"]

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
ROOTS = [f"{i:02d}" for i in range(1, 21)]


def load(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a TSV data file; '#' lines are comments, blank lines ignored."""
    path = CAMEO_DIR / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return header, list(reader)


def expected_quad(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


@pytest.fixture(scope="module")
def codes() -> dict[str, dict[str, str]]:
    header, rows = load("codes.tsv")
    assert header == CODES_HEADER
    return {r[0]: dict(zip(header, r)) for r in rows}


# ---------------------------------------------------------------- codes.tsv

def test_codes_header_and_columns():
    header, rows = load("codes.tsv")
    assert header == CODES_HEADER
    assert rows, "codes.tsv has no rows"
    for r in rows:
        assert len(r) == len(CODES_HEADER), r


def test_codes_format_unique_and_parented():
    _, rows = load("codes.tsv")
    seen = Counter(r[0] for r in rows)
    dups = [c for c, k in seen.items() if k > 1]
    assert not dups, f"duplicate codes: {dups}"
    codes = set(seen)
    for c in codes:
        assert re.fullmatch(r"\d{2,4}", c), c
        assert 1 <= int(c[:2]) <= 20, c
        if len(c) > 2:
            assert c[:-1] in codes, f"{c}: parent {c[:-1]} missing"


def test_every_code_has_a_short_label(codes):
    for code, r in codes.items():
        label = r["short_label"]
        assert label and label == label.strip() and "not specified" not in label, code
        assert label[0] == label[0].lower(), f"{code}: short labels are lower case ({label!r})"
    assert codes["150"]["short_label"] == "military exercise or weapons test"


def test_all_roots_present(codes):
    for root in ROOTS:
        assert root in codes, f"root {root} missing"
        assert f"{root}0" in codes, f"{root}0 missing"
    assert len(codes) > 300


def test_reference_codes(codes):
    # the project's reference points (CAMEO 1.1b3 / GDELT Goldstein / PLOVER crosswalk)
    assert codes["150"]["goldstein"] == "-7.2" and codes["150"]["plover"] == "MOBILIZE"
    assert codes["018"]["goldstein"] == "3.4" and codes["018"]["plover"] == ""
    assert codes["111"]["plover"] == "ACCUSE"
    assert codes["125"]["plover"] == "REJECT"
    assert codes["166"]["plover"] == "SANCTION"
    assert codes["139"]["name"] == "Give ultimatum"
    assert codes["164"]["name"] == "Halt negotiations"
    for c in ("2041", "2042", "1711", "1831", "0871"):
        assert c in codes


def test_goldstein_quad_plover(codes):
    for c, row in codes.items():
        name = row["name"]
        assert name and name == name.strip(), c
        g = float(row["goldstein"])
        assert -10.0 <= g <= 10.0, c
        assert row["quad_class"] == str(expected_quad(c)), c
        assert row["plover"] in PLOVER_TYPES or row["plover"] == "", c
        if row["plover_mode"]:
            assert row["plover"], f"{c}: mode without a PLOVER type"
        if c[:2] in ("01", "02"):
            assert row["plover"] == "", f"{c}: CAMEO 01/02 have no PLOVER type"
        else:
            assert row["plover"], f"{c}: missing PLOVER type"


# ---------------------------------------------------------------- patterns.tsv

def test_patterns_header_and_rows(codes):
    header, rows = load("patterns.tsv")
    assert header == PATTERNS_HEADER
    assert len(rows) >= 400
    for r in rows:
        assert len(r) == len(PATTERNS_HEADER), r
        code, pos, trigger, objects, preps, _notes, _subjects = r
        assert code in codes or code == "---", f"unknown code {code}: {r}"
        assert pos in ("verb", "noun"), r
        assert trigger and trigger == trigger.strip() and "  " not in trigger, r
        assert trigger == trigger.lower() or any(w.isupper() for w in trigger.split()), r
        for cell in (objects, preps):
            if cell:
                items = cell.split("|")
                assert all(x and x == x.strip() and " " not in x for x in items), r
                assert len(items) == len(set(items)), f"repeated item in {r}"


def test_patterns_no_duplicates():
    _, rows = load("patterns.tsv")
    full = Counter(tuple(r) for r in rows)
    assert not [r for r, k in full.items() if k > 1]
    # the same (code, pos, trigger, objects) twice would be ambiguous to the matcher
    keyed = Counter((r[0], r[1], r[2], r[3]) for r in rows)
    assert not [r for r, k in keyed.items() if k > 1]
    # one trigger+objects+subjects must not map to two different codes (a subject-constrained row,
    # listed first, may give the same trigger another code: "a quake struck" is no attack)
    codes_for = {}
    for r in rows:
        codes_for.setdefault((r[1], r[2], r[3], r[6]), set()).add(r[0])
    assert not {k: v for k, v in codes_for.items() if len(v) > 1}


def test_every_root_has_patterns():
    _, rows = load("patterns.tsv")
    per_root = Counter(r[0][:2] for r in rows)
    for root in ROOTS:
        assert per_root[root] >= 5, f"root {root}: only {per_root[root]} patterns"


def test_attribution_cues_are_not_events():
    _, rows = load("patterns.tsv")
    triggers = {(r[1], r[2]) for r in rows}
    for cue in ("say", "tell", "add", "state", "report"):
        assert ("verb", cue) not in triggers


# ---------------------------------------------------------------- irregular_verbs.tsv

def test_irregular_verbs():
    header, rows = load("irregular_verbs.tsv")
    assert header == IRREGULAR_HEADER
    assert len(rows) >= 150
    bases = Counter(r[0] for r in rows)
    assert not [b for b, k in bases.items() if k > 1]
    for r in rows:
        assert len(r) == len(IRREGULAR_HEADER), r
        assert all(cell.strip() for cell in r), r
        assert all(re.fullmatch(r"[a-z-]+(\|[a-z-]+)*", cell) for cell in r), r
    forms = {r[0]: r for r in rows}
    assert forms["send"][1:3] == ["sent", "sent"]
    assert forms["break"][2] == "broken"
    assert forms["stop"] == ["stop", "stopped", "stopped", "stops", "stopping"]
    assert forms["visit"][1] == "visited"


def test_irregular_first_words_of_patterns_are_covered():
    """Verb triggers whose first word is irregular must be listed (spot check)."""
    _, prow = load("patterns.tsv")
    _, irow = load("irregular_verbs.tsv")
    bases = {r[0] for r in irow}
    firsts = {r[2].split()[0] for r in prow if r[1] == "verb"}
    for v in ("send", "break", "fight", "shoot", "hold", "meet", "give", "take", "lay", "pay",
              "lend", "speak", "fly", "go", "throw", "strike", "withdraw", "freeze", "seek",
              "stab", "ban", "expel", "kidnap", "gun", "scrap", "stop", "step", "swap", "free",
              "deny", "occupy", "rally", "supply", "veto", "embargo"):
        if v in firsts:
            assert v in bases, v


# ---------------------------------------------------------------- SOURCES.md

def test_sources_file():
    text = (CAMEO_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("codes.tsv", "patterns.tsv", "irregular_verbs.tsv", "Goldstein", "PLOVER", "1.1b3"):
        assert name in text
