"""`timeline` lists the happenings no report dates after the dated ones, so it agrees with `count`."""
from __future__ import annotations

import json

import pytest

from dateline.cli import main


@pytest.fixture
def store_with_undated(tmp_path):
    (tmp_path / "dated.txt").write_text("North Korea fired two missiles on Friday, South Korea said.\n")
    (tmp_path / "undated.txt").write_text("Police in France arrested protesters, officials said.\n")
    db = str(tmp_path / "u.db")
    assert main(["ingest", str(tmp_path / "dated.txt"), "--published", "2019-10-04", "--db", db, "-q",
                 "--model", "none"]) == 0
    assert main(["ingest", str(tmp_path / "undated.txt"), "--db", db, "-q", "--model", "none"]) == 0
    return db


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_timeline_lists_undated_happenings_last_and_agrees_with_count(store_with_undated, capsys, by):
    db = store_with_undated
    capsys.readouterr()
    main(["count", "--db", db, "--format", "json"])
    counted = json.loads(capsys.readouterr().out)["count"]
    main(["timeline", "--db", db, "--format", "json", "--by", by])
    rows = json.loads(capsys.readouterr().out)
    rows = rows["events"] if isinstance(rows, dict) else rows
    assert len(rows) == counted == 2
    assert rows[0]["date"] == "2019-10-04" and rows[-1]["date"] is None
    main(["timeline", "--db", db, "--by", by])
    table = capsys.readouterr().out
    assert table.index("undated") > table.index("2019") and "2 event(s)" in table
