"""Store fixtures: a real SQLite file and a real PostgreSQL server (started by the tests).

Imported by the store tests (`from store_fixtures import *`): tests keep one conftest.py.

The server is Debian's `postgresql` package: initdb + pg_ctl into a temporary folder, on a free
port on 127.0.0.1, run as the `postgres` user (through runuser) when the tests run as root. When
no server can be started, the PostgreSQL half of the parametrised tests is skipped with the reason.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from dateline.store import open_store


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    cands = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return cands[-1] if cands else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self):
        self.initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError("initdb/pg_ctl not found (install Debian's postgresql package)")
        self.root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        self.user = os.environ.get("USER") or "postgres"
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if not runuser:
                raise RuntimeError("running as root and runuser is missing")
            shutil.chown(self.root, "postgres")
            os.chmod(self.root, 0o700)
            self.prefix = [runuser, "-u", "postgres", "--"]
            self.user = "postgres"
        else:
            import getpass
            self.user = getpass.getuser()

    def _run(self, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
        return subprocess.run(self.prefix + list(args), capture_output=True, text=True, timeout=timeout)

    def start(self) -> None:
        r = self._run(self.initdb, "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                      "--no-sync", "--locale=C")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr.strip()[-300:]}")
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        r = self._run(self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "30",
                      "start")
        if r.returncode:
            log = (self.root / "log").read_text(errors="replace")[-500:] if (self.root / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {r.stderr.strip()[-300:]} {log}")

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{db}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:10]
        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    if os.environ.get("DATELINE_NO_PG"):
        pytest.skip("PostgreSQL tests turned off (DATELINE_NO_PG is set)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed")
    try:
        srv = PgServer()
        srv.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired, KeyError, LookupError) as e:
        pytest.skip(f"PostgreSQL tests skipped: no server could be started here ({e})")
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """A fresh, empty store of each kind: a real SQLite file, a new database on a real server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    srv = request.getfixturevalue("pg_server")
    return srv.new_database()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def event(eid: str, cameo: str = "150", *, actor: str | None = "PRK", target: str | None = None,
          date: str | None = None, negated: bool = False, hypothetical: bool = False, series: dict | None = None,
          location: dict | None = None, start: int = 0, end: int = 5, sentence: tuple[int, int] = (0, 20),
          trigger: str = "fired", sources: list[str] | None = None) -> dict:
    names = {"PRK": "North Korea", "USA": "United States", "JPN": "Japan", "KOR": "South Korea", "CHN": "China"}
    return {
        "id": eid, "cameo": cameo, "plover": "MOBILIZE" if cameo.startswith("15") else None,
        "goldstein": -7.2 if cameo.startswith("15") else -6.5 if cameo.startswith("14") else 1.0,
        "quad_class": 4 if cameo.startswith("15") else 3,
        "trigger": {"start": start, "end": end, "text": trigger},
        "actor": {"entity": "e1", "name": names.get(actor, actor), "code": actor} if actor else None,
        "target": {"entity": "e2", "name": names.get(target, target), "code": target} if target else None,
        "date": date, "date_timex": None, "location": location,
        "sources": [{"entity": None, "name": s, "code": None} for s in (sources or [])],
        "negated": negated, "hypothetical": hypothetical, "series": series,
        "sentence": {"start": sentence[0], "end": sentence[1]}, "rule": "test:rule", "date_from": "timex",
    }


def record(aid: str, published: str | None, events: list[dict], *, url: str | None = None,
           text: str | None = None, outlet: str | None = None) -> dict:
    return {
        "schema": "dateline/article@1",
        "article": {"id": aid, "title": f"Title {aid}", "url": url, "published": published,
                    "published_from": "given", "published_evidence": None, "dateline": None, "authors": [],
                    "contributors": [], "outlet": outlet, "text": text or f"North Korea fired a missile ({aid})."},
        "entities": [], "timexes": [], "quotes": [], "attributions": [], "events": events,
    }


class _Build:
    event = staticmethod(event)
    record = staticmethod(record)


@pytest.fixture
def build():
    """build.record(...) and build.event(...): article records written by hand (no analysis)."""
    return _Build
