"""SIGKILL at 20 random moments (seeded) of a run of `dateline ingest` on SQLite and on PostgreSQL,
each killed run resumed by the next; then one run to the end: the store holds exactly what one clean
ingest stores (each article once, the same events), nothing half-written. The rules-only profile
(--model none) keeps each process short, so that the kills fall at every stage: start-up, store
creation and migration, analysis, and inside article transactions."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store_fixtures import pg_server  # noqa: F401 - fixture

from dateline.store import open_store

REPO = Path(__file__).resolve().parents[2]
KILLS = 20
N = 40


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N):
        (folder / f"s{i:02d}.txt").write_text(
            f"SEOUL — North Korea fired a short-range missile on Monday from near site {i}, South Korea's military "
            f"said. Japan protested on Tuesday, and the United States held talks with South Korea about launch {i}.\n")
    return folder


def _cmd(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", db, "--quiet", "--model", "none",
            "--published", "2019-05-06"]


def _content(db: str):
    with open_store(db, readonly=True) as s:
        arts = [tuple(r.values()) for r in s.rows("SELECT record_id, dedup, n_events FROM articles ORDER BY record_id")]
        evs = [tuple(r.values()) for r in s.rows(
            "SELECT a.record_id, e.event_id, e.cameo, e.actor_code, e.target_code, e.date FROM events e "
            "JOIN articles a ON a.key = e.article_key ORDER BY a.record_id, e.event_id")]
        dup = s.rows("SELECT article_key, event_id FROM events GROUP BY article_key, event_id HAVING count(*) > 1")
    return arts, evs, dup


class _Counter:
    """How many articles the store holds, read over one connection kept open (a new store opened at
    every poll cost the run it watches a share of the machine: a PostgreSQL connection is a server process)."""

    def __init__(self, db: str) -> None:
        self.db, self.con = db, None

    def __call__(self) -> int:
        try:
            if self.con is None:
                self.con = self._connect()
            return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])
        except Exception:  # noqa: BLE001 - not created yet, or half-way through its creation
            self.close()
            return 0

    def _connect(self):
        if "://" in self.db:
            import psycopg

            return psycopg.connect(self.db, autocommit=True)
        if not Path(self.db).exists():
            raise FileNotFoundError(self.db)
        return sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1, isolation_level=None)

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def _url(kind: str, tmp_path: Path, request, name: str) -> str:
    return str(tmp_path / f"{name}.db") if kind == "sqlite" else request.getfixturevalue("pg_server").new_database()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_twenty_kills_then_resume_equals_a_clean_run(kind, tmp_path, request):
    folder = _corpus(tmp_path / "in")
    clean = _url(kind, tmp_path, request, "clean")
    r = subprocess.run(_cmd(folder, clean), cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    expected = _content(clean)
    assert len(expected[0]) == N
    db = _url(kind, tmp_path, request, "killed")
    rng = random.Random(14)
    killed = 0
    count = _Counter(db)
    for _ in range(KILLS):
        # a random moment: right at start-up (store creation, migration) or after 1 or 2 more articles,
        # with a jitter of a few milliseconds (inside the next article's transaction or analysis)
        target = count() + rng.choice([0, 1, 1, 2])
        proc = subprocess.Popen(_cmd(folder, db), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ))
        deadline = time.time() + 120
        while proc.poll() is None and time.time() < deadline and count() < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.03))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
    count.close()
    assert killed >= KILLS - 2, f"only {killed} runs were still going when killed"
    r = subprocess.run(_cmd(folder, db), cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    arts, evs, dup = _content(db)
    assert dup == []
    assert (arts, evs) == expected[:2]
