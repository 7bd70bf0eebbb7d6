"""petrarch_patterns.tsv: the PETRARCH2 verb patterns converted to the patterns.tsv format (not
wired into the event extractor): it loads, every code is a CAMEO code of codes.tsv, every row names
its PETRARCH line, and the converter reproduces it where the source dictionary is at hand."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.resources import read_tsv

ROOT = Path(__file__).resolve().parents[2]
CAMEO = ROOT / "src" / "dateline" / "resources" / "cameo"
SHARED = ROOT.parent / "shared" / "data" / "petrarch2"
NAME = "petrarch_patterns.tsv"


def header_of(name):
    return next(ln for ln in (CAMEO / name).read_text(encoding="utf-8").splitlines()
                if not ln.startswith("#")).split("\t")


def test_same_columns_as_patterns_tsv_plus_source():
    assert header_of(NAME) == header_of("patterns.tsv") + ["source"]


def test_it_loads_and_every_code_exists_and_every_row_has_a_source():
    rows = read_tsv("cameo", NAME)
    codes = {r["code"] for r in read_tsv("cameo", "codes.tsv")}
    assert len(rows) > 3000
    for r in rows:
        assert r["code"] in codes, r
        assert r["pos"] == "verb" and r["trigger"] == r["trigger"].lower() and r["trigger"].strip(), r
        assert re.fullmatch(r"CAMEO\.2\.0\.txt:\d+", r["source"]), r
        for col in ("objects", "preps", "subjects"):
            assert all(w and w == w.strip() and w == w.lower() for w in (r[col].split("|") if r[col] else [])), r


def test_no_bare_statement_verbs_and_no_null_codes():
    rows = read_tsv("cameo", NAME)
    assert not [r for r in rows if r["code"] == "010" and not r["objects"] and r["trigger"] in ("say", "tell", "add")]
    assert all(r["code"] not in ("", "---") for r in rows)


def test_header_states_source_licence_and_how_produced():
    text = (CAMEO / NAME).read_text(encoding="utf-8")
    head = text.split("\ncode\t", 1)[0]
    assert "676801cd" in head and "MIT" in head and "convert_verbs.py" in head
    assert (CAMEO / "PETRARCH2-LICENSE.txt").read_text(encoding="utf-8").startswith("The MIT License")


@pytest.mark.skipif(not SHARED.is_dir(), reason="the PETRARCH2 dictionaries are not at ../shared/data/petrarch2")
def test_sources_point_at_pattern_or_verb_lines():
    lines = (SHARED / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    for r in read_tsv("cameo", NAME)[::41]:
        line = lines[int(r["source"].split(":")[1]) - 1]
        if line.startswith("-"):
            assert f"[{r['code']}" in line, (r, line)
        else:
            assert r["trigger"].split()[0].upper() in line.upper(), (r, line)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the PETRARCH2 dictionaries are not at ../shared/data/petrarch2")
def test_the_converter_reproduces_the_file(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "petrarch" / "convert_verbs.py"), str(SHARED),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for name in (NAME, "petrarch_irregular_verbs.tsv", "PETRARCH2-LICENSE.txt"):
        assert (tmp_path / name).read_bytes() == (CAMEO / name).read_bytes(), \
            f"{name}: rerun tools/petrarch/convert_verbs.py (codes.tsv, irregular_verbs.tsv or the script changed)"


def test_irregular_forms_file_has_the_irregular_verbs_columns_and_no_verb_twice():
    irr = read_tsv("cameo", "petrarch_irregular_verbs.tsv")
    assert header_of("petrarch_irregular_verbs.tsv") == header_of("irregular_verbs.tsv") + ["source"]
    known = {r["base"] for r in read_tsv("cameo", "irregular_verbs.tsv")}
    bases = [r["base"] for r in irr]
    assert bases and len(bases) == len(set(bases)) and not set(bases) & known
    for r in irr:
        assert all(r[c] and r[c] == r[c].lower() for c in ("base", "past", "participle", "third", "ing")), r
        assert re.fullmatch(r"CAMEO\.2\.0\.txt:\d+", r["source"]) and r["ing"].endswith("ing"), r


def test_no_trigger_carries_a_comment():
    assert not [r for r in read_tsv("cameo", NAME) if ";" in r["trigger"] or "#" in r["trigger"]]


def test_converted_rows_fill_only_the_wordings_the_own_rows_leave_open():
    """A converted row is read for a first word the own rows constrain by objects, when its own
    objects differ; never for a phrase or object the own rows have, a word they take bare, or that
    word with a preposition the own rows read as the target's."""
    from dateline.extract.event_lexicon import _vocabulary_rows
    own: dict[str, set] = {}
    preps: dict[str, set] = {}
    bare, phrases = set(), set()
    rows = list(_vocabulary_rows())
    for name, _, r in rows:
        words = r["trigger"].lower().split()
        objs = {o for o in r["objects"].split("|") if o}
        if name == "patterns.tsv":
            phrases.add(" ".join(words))
            preps.setdefault(words[0], set()).update(p for p in r["preps"].split("|") if p)
            if objs or len(words) > 1:
                own.setdefault(words[0], set()).update(objs)
            else:
                bare.add(words[0])
    converted = [(r["trigger"].lower().split(), {o for o in r["objects"].split("|") if o})
                 for name, _, r in rows if name != "patterns.tsv"]
    assert converted
    for words, objs in converted:
        assert " ".join(words) not in phrases and words[0] not in bare
        assert not objs & own.get(words[0], set())
        assert len(words) < 2 or words[1] not in preps.get(words[0], set())     # "withdraw from"
    assert any(words[0] in own for words, _ in converted)     # gaps beside the own rows are filled
