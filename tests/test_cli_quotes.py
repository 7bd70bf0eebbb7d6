"""`dateline quotes` in every format, in-process, on a store written by hand (a real SQLite file)."""
from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout

import pytest

from dateline import cli
from dateline.store import open_store


def run(*args: str) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = cli.main(list(args))
    return code, buf.getvalue()


def _record(aid: str, published: str, speaker: str, mentions: list[str], code: str, text: str) -> dict:
    ent = {"id": "e1", "name": speaker, "kind": "person", "code": code,
           "mentions": [{"start": 0, "end": len(m), "text": m} for m in [speaker, *mentions]]}
    quote = {"id": "q1", "start": 5, "end": 5 + len(text), "text": text, "cue": "said", "attribution": None,
             "speaker": {"entity": "e1", "name": speaker if len(mentions) < 9 else None, "code": code}}
    return {"schema": "dateline/article@1",
            "article": {"id": aid, "title": aid, "url": None, "published": published, "published_from": "given",
                        "published_evidence": None, "dateline": None, "authors": [], "contributors": [],
                        "outlet": "Wire", "text": f"Text of {aid}: {text}"},
            "entities": [ent], "timexes": [], "quotes": [quote], "attributions": [], "events": []}


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "q.db")
    with open_store(path) as s:
        s.add_article(_record("a1", "2019-05-04", "Kim Jong Un", ["Kim"], "PRK", "=We will wait for a bold decision"))
        s.add_article(_record("a2", "2019-10-31", "Kim", [], "PRK", "The clock on talks is running"))
        s.add_article(_record("a3", "2019-10-31", "Laura Example", [], "USA", "Talks are not dead"))
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_quotes_every_format(db, fmt):
    code, out = run("quotes", "--db", db, "--speaker", "Kim Jong Un", "--state", "PRK", "--since", "2019-05",
                    "--text", "talks", "--format", fmt)
    assert code == 0
    if fmt == "json":
        (row,) = json.loads(out)
        assert row["speaker"] == "Kim Jong Un" and row["date"] == "2019-10-31" and row["article"] == "a2"
    elif fmt == "jsonl":
        assert [json.loads(x)["article"] for x in out.splitlines()] == ["a2"]
    elif fmt == "csv":
        (row,) = list(csv.DictReader(io.StringIO(out)))
        assert row["speaker"] == "Kim Jong Un" and row["text"] == "The clock on talks is running"
    else:
        assert "Kim Jong Un" in out and "The clock on talks is running" in out and "1 quotation(s)" in out


def test_quotes_csv_is_safe_for_spreadsheets(db):
    code, out = run("quotes", "--db", db, "--speaker", "Kim Jong Un", "--format", "csv")
    texts = [r["text"] for r in csv.DictReader(io.StringIO(out))]
    assert code == 0 and texts[0] == "'=We will wait for a bold decision"


def test_quotes_of_a_speaker_by_another_name(db):
    code, out = run("quotes", "--db", db, "--speaker", "kim", "--format", "jsonl")
    assert code == 0 and [json.loads(x)["article"] for x in out.splitlines()] == ["a1", "a2"]
    code, out = run("quotes", "--db", db, "--speaker", "Example", "--format", "json")
    assert [r["text"] for r in json.loads(out)] == ["Talks are not dead"]


def test_quotes_nothing_found_and_errors(db, capsys):
    code, out = run("quotes", "--db", db, "--speaker", "Nobody")
    assert code == 0 and "(nothing found)" in out
    assert cli.main(["quotes", "--db", db, "--state", "North Korea"]) == 2
    assert "three-letter code" in capsys.readouterr().err
    assert cli.main(["quotes", "--db", db + ".missing"]) == 2
    assert "no such store" in capsys.readouterr().err


def test_quotes_on_a_store_from_before_the_quotes_table(db):
    """A store written by an older dateline (schema 2) is brought up to date by `dateline quotes`."""
    import sqlite3

    with sqlite3.connect(db) as c:
        for stmt in ("DROP TABLE cluster_aliases",  # migration 7
                     "ALTER TABLE articles DROP COLUMN story_names",  # migration 6
                     "DROP INDEX IF EXISTS events_location_geonameid", "DROP TABLE places",
                     "ALTER TABLE events DROP COLUMN location_geonameid",  # migration 5
                     "DROP TABLE quotes_fts", "DROP TABLE speaker_names", "DROP TABLE speakers", "DROP TABLE quotes",
                     "ALTER TABLE events DROP COLUMN date_mod", "ALTER TABLE clusters DROP COLUMN date_mod",
                     "DELETE FROM schema_version WHERE version >= 3"):
            c.execute(stmt)
    code, out = run("quotes", "--db", db, "--speaker", "Laura Example", "--format", "json")
    assert code == 0 and [r["text"] for r in json.loads(out)] == ["Talks are not dead"]


def test_a_name_of_several_speakers_is_said(db):
    code, out = run("quotes", "--db", db, "--speaker", "Example")
    assert code == 0 and "1 quotation(s)" in out and "is" not in out.splitlines()[0]     # one speaker: no note
    with open_store(db) as s:
        s.add_article(_record("a4", "2019-11-02", "Sam Example", [], "GBR", "A third voice"))
    code, out = run("quotes", "--db", db, "--speaker", "Example")
    assert out.splitlines()[0] == "'Example' is 2 speakers: Laura Example (USA); Sam Example (GBR)"
    assert "2 quotation(s)" in out
