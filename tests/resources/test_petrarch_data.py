"""The files derived from the PETRARCH2/Phoenix dictionaries: format, codes, provenance, licence,
and (where the source dictionaries are at hand) that the converter reproduces them byte for byte."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "src" / "dateline" / "resources" / "gazetteer"
SHARED = ROOT.parent / "shared" / "data" / "petrarch2"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SOURCE = re.compile(r"^(Phoenix\.(?:Countries|International|MilNonState)\.actors\.txt):(\d+)$")


def rows(name):
    lines = (GAZ / name).read_text(encoding="utf-8").splitlines()
    head = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if not ln.startswith("#")]
    return head, body[0].split("\t"), [ln.split("\t") for ln in body[1:]]


def state_codes():
    _, header, rs = rows("countries.tsv")
    return {r[header.index("code")] for r in rs} | {"IGO", ""}


@pytest.mark.parametrize("name,header", [
    ("phoenix_people.tsv", ["name", "aliases", "surname", "code", "cameo", "start", "end", "source"]),
    ("phoenix_organizations.tsv", ["name", "aliases", "code", "category", "generic", "cameo", "source"]),
])
def test_derived_file_format_codes_and_provenance(name, header):
    head, got, rs = rows(name)
    assert got == header
    text = "\n".join(head)
    assert "676801cd" in text and "MIT" in text and "convert_actors.py" in text
    codes = state_codes()
    for r in rs:
        row = dict(zip(header, r))
        assert len(r) == len(header) and all(c == c.strip() for c in r), r
        assert row["name"] and row["code"] in codes, r
        assert re.fullmatch(r"[A-Z]{3,}", row["cameo"]), r
        assert SOURCE.match(row["source"]), r
        if "start" in row:
            assert all(not d or DATE.match(d) for d in (row["start"], row["end"])), r
            assert not (row["start"] and row["end"]) or row["start"] <= row["end"], r
            assert len(row["name"].split()) >= 2 and row["surname"] in row["name"].split(), r


def test_people_are_named_as_news_writes_them():
    _, header, rs = rows("phoenix_people.tsv")
    names = {r[0] for r in rs}
    assert {"Boris Yeltsin", "Todor Zhivkov", "Deng Alor Kuol"} <= names
    assert not any("_" in n or n.isupper() for n in names)


def test_the_mit_licence_travels_with_the_derived_files():
    lic = (GAZ / "PETRARCH2-LICENSE.txt").read_text(encoding="utf-8")
    assert lic.startswith("The MIT License") and "Open Event Data" in lic
    assert "PETRARCH2-LICENSE.txt" in (GAZ / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not SHARED.is_dir(), reason="the PETRARCH2 dictionaries are not at ../shared/data/petrarch2")
def test_sources_point_at_the_role_lines():
    _, header, rs = rows("phoenix_people.tsv")
    files = {}
    for r in rs[::97]:
        f, n = SOURCE.match(r[-1]).groups()
        lines = files.setdefault(f, (SHARED / f).read_text(encoding="utf-8", errors="replace").splitlines())
        assert r[4] in lines[int(n) - 1], (r, lines[int(n) - 1])


@pytest.mark.skipif(not SHARED.is_dir(), reason="the PETRARCH2 dictionaries are not at ../shared/data/petrarch2")
def test_the_converter_reproduces_the_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "petrarch" / "convert_actors.py"), str(SHARED),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("phoenix_people.tsv", "phoenix_organizations.tsv", "PETRARCH2-LICENSE.txt"):
        assert (tmp_path / name).read_bytes() == (GAZ / name).read_bytes(), \
            f"{name}: rerun tools/petrarch/convert_actors.py (the hand-made gazetteer or the script changed)"
