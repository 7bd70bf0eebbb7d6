"""ingest's --input-format/--model/stdin, `dateline failures`, `merge --format text`, safe CSV:
in-process, on real SQLite files, with articles written for the tests."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import redirect_stdout

import pytest

from dateline import cli

LAUNCH = "SEOUL — North Korea fired two ballistic missiles on Thursday, South Korea's military said."
LAUNCH_2 = "TOKYO — North Korea launched two missiles on Thursday, Japan's defence ministry said."


def run(*args: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = cli.main(list(args))
    return code, buf.getvalue()


def _jsonl(*objs) -> bytes:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs).encode() + b"\n"


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    path = str(tmp_path / "s.db")
    data = _jsonl({"id": "seoul", "text": LAUNCH, "published": "2019-10-31"}, "not json",
                  {"id": "empty", "text": ""})
    code, _ = run("ingest", "--quiet", "--input-format", "jsonl", "--model", "none", "--db", path, "-",
                  stdin=data, monkeypatch=monkeypatch)
    assert code == 1                       # two inputs failed, the run went on
    return path


def test_ingest_reads_stdin_as_jsonl_with_the_rules_only_model(db):
    code, out = run("events", "--db", db, "--format", "json")
    (ev,) = json.loads(out)
    assert code == 0 and ev["actor"] == "PRK" and ev["cameo"] == "150" and ev["day"] == "2019-10-31"


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_failures_are_listed_with_their_errors(db, fmt):
    code, out = run("failures", "--db", db, "--format", fmt)
    assert code == 0
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in out.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    else:
        assert "bad_json" in out and "2 failed input(s)" in out and "<stdin>:2: not JSON" in out
        return
    assert sorted(r["code"] for r in rows) == ["bad_json", "no_text"]
    assert all(r["message"] and r["source"] == "<stdin>" for r in rows)


@pytest.mark.parametrize("name,fmt,ids", [
    ("batch.jsonl", "text", ["batch"]),      # a .jsonl file read as one text when told so
    ("batch.jsonl", "auto", ["a"]),
    ("batch.txt", "jsonl", ["a"]),           # a batch without the extension
])
def test_ingest_input_format_overrides_the_extension(tmp_path, name, fmt, ids):
    import sqlite3

    f = tmp_path / name
    f.write_bytes(_jsonl({"id": "a", "text": LAUNCH, "published": "2019-10-31"}))
    path = str(tmp_path / "f.db")
    code, _ = run("ingest", "--quiet", "--model", "none", "--input-format", fmt, "--db", path, str(f))
    assert code == 0
    with sqlite3.connect(path) as c:
        assert [r[0] for r in c.execute("SELECT record_id FROM articles")] == ids


def test_ingest_rejects_an_unknown_model(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(LAUNCH)
    code = cli.main(["ingest", "--quiet", "--model", "no_such_pipeline_xyz", "--db", str(tmp_path / "m.db"), str(f)])
    err = capsys.readouterr().err
    assert code in (1, 2) and "no_such_pipeline_xyz" in err and "Traceback" not in err


def test_merge_text_prints_the_clusters(tmp_path):
    a, b = tmp_path / "seoul.txt", tmp_path / "tokyo.txt"
    a.write_text(LAUNCH)
    b.write_text(LAUNCH_2)
    code, out = run("merge", "--model", "none", "--published", "2019-10-31", str(a), str(b))
    assert code == 0
    section = out[out.index("Happenings across articles"):]
    assert "2 report(s) in 2 article(s)" in section
    assert "in seoul" in section and "in tokyo" in section and "military exercise or weapons test" in section


def test_every_csv_output_is_safe_for_spreadsheets(tmp_path, monkeypatch):
    path = str(tmp_path / "inj.db")
    data = _jsonl({"id": "=cmd|' /C calc'!A0", "text": "=" + LAUNCH, "published": "2019-10-31",
                   "title": "@SUM(1+1)", "outlet": "+Outlet"})
    code, _ = run("ingest", "--quiet", "--input-format", "jsonl", "--model", "none", "--db", path, "-",
                  stdin=data, monkeypatch=monkeypatch)
    assert code == 0
    for cmd in (["events", "--sentences"], ["export"], ["claims"], ["dyads"], ["failures"], ["count"], ["timeline"]):
        code, out = run(*cmd, "--db", path, "--format", "csv")
        assert code == 0, cmd
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")) and not (cell.startswith("-") and not
                                                                    cell.lstrip("-").replace(".", "").isdigit()), (cmd, cell)


def test_no_publication_date_warns_once_and_suggests_published(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Officials met on Friday to discuss the budget.")
    b.write_text("Ministers met on Monday to discuss the budget.")
    assert cli.main(["analyze", "--model", "none", str(a), str(b)]) == 0
    err = capsys.readouterr().err
    assert err.count("no publication date") == 1 and "--published" in err
    assert cli.main(["analyze", "--model", "none", "--published", "2019-10-31", str(a)]) == 0
    assert "no publication date" not in capsys.readouterr().err
    assert cli.main(["ingest", "--quiet", "--model", "none", "--db", str(tmp_path / "u.db"), str(a), str(b)]) == 0
    err = capsys.readouterr().err
    assert "2 article(s) have no publication date" in err and "--published" in err
