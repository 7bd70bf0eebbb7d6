"""Faults while writing: a full disk (a file-size limit on the ingest process) and a read-only store
give one clear error line, no traceback, and lose nothing committed; a run without the fault then
stores the rest, each article once."""
from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store_fixtures import pg_server  # noqa: F401 - fixture

from dateline.store import open_store

REPO = Path(__file__).resolve().parents[2]
N = 8


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N):
        (folder / f"s{i}.txt").write_text(
            f"SEOUL — North Korea fired a short-range missile on Monday from near site {i}, South Korea's military "
            f"said. The missile flew about {100 + i} kilometers before it fell into the sea, officials said.\n" * 3)
    return folder


def _ingest(folder: Path, db: str, limit: int | None = None) -> subprocess.CompletedProcess:
    def cap():
        if limit:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", db, "--published",
                           "2019-05-06"], cwd=REPO, capture_output=True, text=True, timeout=300, preexec_fn=cap,
                          env=dict(os.environ))


def _count(db: str) -> int:
    with open_store(db, readonly=True) as s:
        return int(s.scalar("SELECT count(*) AS n FROM articles"))


def test_full_disk_is_a_clear_error_and_loses_nothing(tmp_path):
    folder = _corpus(tmp_path / "in")
    db = tmp_path / "store.db"
    open_store(db).close()
    r = _ingest(folder, str(db), limit=db.stat().st_size + 40_000)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "cannot write the store" in r.stderr and str(db) in r.stderr
    kept = _count(str(db))
    assert kept < N
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    again = _ingest(folder, str(db))
    assert again.returncode == 0, again.stderr
    assert _count(str(db)) == N
    assert f"{N - kept} article(s) stored, {kept} already" in again.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root")
def test_read_only_sqlite_store_is_a_clear_error(tmp_path):
    folder = _corpus(tmp_path / "in")
    db = tmp_path / "ro" / "store.db"
    db.parent.mkdir()
    open_store(db).close()
    for p in db.parent.iterdir():
        p.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        r = _ingest(folder, str(db))
    finally:
        db.parent.chmod(0o755)
    assert r.returncode == 2 and "Traceback" not in r.stderr and str(db) in r.stderr


def test_read_only_postgres_store_is_a_clear_error(tmp_path, pg_server):
    import psycopg

    folder = _corpus(tmp_path / "in")
    url = pg_server.new_database()
    open_store(url).close()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(), autocommit=True) as c:
        c.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    r = _ingest(folder, url)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "cannot write the store" in r.stderr and "read-only" in r.stderr
    assert _count(url) == 0
