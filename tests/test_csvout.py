"""dateline.csvout: one CSV writer; cells a spreadsheet would run as formulas are neutralised."""
from __future__ import annotations

import csv
import io

import pytest

from dateline.csvout import CsvWriter, safe_cell, write_csv


@pytest.mark.parametrize("value,written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd", "'-2+3+cmd"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\rx", "'\rx"),
    ("-7.2", "-7.2"),              # a number in text stays a number
    ("+3", "+3"),
    ("-1e3", "-1e3"),
    ("-inf", "'-inf"),             # not a finite number
    (-7.2, -7.2),
    (3, 3),
    (None, None),
    ("North Korea fired", "North Korea fired"),
    ("a=b", "a=b"),                # only the first character counts
    ("", ""),
])
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_writer_round_trip():
    out = io.StringIO()
    write_csv(out, ["text", "goldstein"], [["=1+1", -7.2], ["plain", 1.0]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["text", "goldstein"], ["'=1+1", "-7.2"], ["plain", "1.0"]]
    assert "\r\n" not in out.getvalue()
    w = CsvWriter(out)
    w.writerows([["@x"]])
    assert out.getvalue().endswith("'@x\n")


# ------------------------------------------------------------------ every CSV the project writes
def test_no_other_csv_writer_in_the_package():
    """csv.writer / csv.DictWriter appear only in dateline.csvout: every CSV goes through safe_cell."""
    import ast
    from pathlib import Path

    import dateline

    root = Path(dateline.__file__).parent
    found = []
    for py in root.rglob("*.py"):
        if py.name == "csvout.py":
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter") and \
                    isinstance(node.value, ast.Name) and node.value.id == "csv":
                found.append(f"{py.relative_to(root)}:{node.lineno}")
    assert found == []


HOSTILE = ["=HYPERLINK(\"http://evil.example\")", "+1+cmd", "-2-cmd", "@SUM(A1)", "\tx", "\rx"]


def _hostile_store(path):
    from dateline.store import open_store

    with open_store(path) as s:
        for i, bad in enumerate(HOSTILE):
            day = f"2019-05-{10 + i:02d}"
            text = f"{bad} fired a missile."
            rec = {"schema": "dateline/article@1",
                   "article": {"id": f"a{i}", "title": bad, "url": f"{bad}/{i}", "published": day,
                               "published_from": "given", "dateline": None, "authors": [bad], "outlet": bad,
                               "text": text},
                   "entities": [], "timexes": [], "quotes": [
                       {"id": "q1", "start": 0, "end": len(bad), "text": bad, "cue": None, "speaker": None}],
                   "attributions": [],
                   "events": [{"id": "v1", "cameo": "150", "plover": None, "goldstein": -7.2, "quad_class": 4,
                               "trigger": {"start": len(bad) + 1, "end": len(bad) + 6, "text": "fired"},
                               "actor": {"entity": None, "name": bad, "code": None},
                               "target": {"entity": None, "name": bad, "code": None},
                               "date": day, "location": None, "sources": [{"entity": None, "name": bad, "code": None}],
                               "negated": False, "hypothetical": False, "series": None,
                               "sentence": {"start": 0, "end": len(text)}, "rule": bad, "date_from": "timex"}]}
            s.add_article(rec)
            s.add_failure(source=bad, item_id=bad, code="bad_input", message=bad)


@pytest.mark.parametrize("argv", [["events", "--all"], ["events", "--sentences"], ["timeline"], ["count"],
                                  ["dyads"], ["quotes"], ["failures"], ["export"]])
def test_every_csv_output_is_safe(tmp_path, argv):
    import contextlib

    from dateline.cli import main

    db = tmp_path / "hostile.db"
    _hostile_store(db)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv + ["--format", "csv", "--db", str(db)])
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(rows) > 1 or argv == ["dyads"]          # dyads count coded actors only
    cells = [c for r in rows for c in r]
    bad = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and safe_cell(c) != c]
    assert bad == []


def test_carriage_returns_and_newlines_are_quoted():
    out = io.StringIO()
    write_csv(out, ["a", "b"], [["x\ry", "p\nq"], ["r\r\n", 1]])
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [["a", "b"], ["x\ry", "p\nq"], ["r\r\n", "1"]]
    assert out.getvalue().count("\n") == 5           # 3 row ends + the two newlines inside quoted cells
