"""Eight `dateline ingest` processes started at once on a brand-new store (a SQLite file that does not
exist yet, an empty PostgreSQL database): every process succeeds and the store holds exactly what
one clean ingest stores (the same articles and the same events)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store_fixtures import pg_server, store_url  # noqa: F401 - fixtures

from dateline.store import open_store

REPO = Path(__file__).resolve().parents[2]
WAYS = 8
PLACES = ["Wonsan", "Kusong", "Hamhung", "Sondok"]


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, place in enumerate(PLACES):
        (folder / f"story-{i}.txt").write_text(
            f"SEOUL — North Korea fired a short-range missile from near {place} on Monday, South Korea's "
            f"military said. The missile flew about {120 + 10 * i} kilometers.\n")
    return folder


def _ingest(folder: Path, db: str) -> subprocess.Popen:
    # the rules-only profile: what races here is the store, and nine statistical pipelines would only
    # make the processes longer
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", db,
                             "--published", "2019-05-06", "--model", "none"], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ))


def _content(db: str) -> tuple[list, list]:
    with open_store(db, readonly=True) as s:
        arts = [tuple(r.values()) for r in s.rows(
            "SELECT record_id, dedup, n_events, published FROM articles ORDER BY record_id")]
        evs = [tuple(r.values()) for r in s.rows(
            "SELECT a.record_id, e.event_id, e.cameo, e.actor_code, e.target_code, e.date, e.trigger_text "
            "FROM events e JOIN articles a ON a.key = e.article_key ORDER BY a.record_id, e.event_id")]
        assert s.scalar("SELECT count(*) AS n FROM failures") == 0
    return arts, evs


def _new_store(kind: str, tmp_path: Path, request, name: str) -> str:
    if kind == "sqlite":
        return str(tmp_path / f"{name}.db")
    return request.getfixturevalue("pg_server").new_database()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_eight_ingests_at_once_on_a_new_store(kind, tmp_path, request):
    folder = _corpus(tmp_path / "in")
    clean = _new_store(kind, tmp_path, request, "clean")
    r = _ingest(folder, clean)
    out, err = r.communicate(timeout=240)
    assert r.returncode == 0, err
    expected = _content(clean)
    assert len(expected[0]) == len(PLACES) and expected[1]

    racy = _new_store(kind, tmp_path, request, "racy")
    t0 = time.perf_counter()
    procs = [_ingest(folder, racy) for _ in range(WAYS)]
    results = [(p.wait(timeout=300), p.communicate()) for p in procs]
    for code, (_, err) in results:
        assert code == 0, err
        assert "Traceback" not in err, err
    assert _content(racy) == expected, f"{WAYS} concurrent ingests in {time.perf_counter() - t0:.1f} s"
