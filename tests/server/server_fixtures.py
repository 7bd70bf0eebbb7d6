"""Server fixtures: a store built from the repo's examples/ plus hostile articles, one real uvicorn
server subprocess on 127.0.0.1 over it, and one Chromium (Debian's, driven by Playwright) per session.

Imported by the server tests (`from server_fixtures import *`): tests keep one conftest.py.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TOKEN = "test-token-7f3a"

# Articles written for these tests: markup, event handlers, javascript: URLs and template syntax in
# the title, the outlet, the URL, the text, a quotation and a speaker's organisation.
HOSTILE = [
    {"id": "hostile-1", "published": "2019-11-05", "url": "javascript:window.__xss=3",
     "title": '<script>window.__xss=1</script>Launch "><img src=x onerror=window.__xss=2>',
     "outlet": "{{ 7*7 }} Times",
     "text": ('SEOUL — North Korea fired a ballistic missile on Monday, Nov. 4, <script>window.__xss=4</script>'
              'South Korean officials said, its 13th launch since May.\n\n"We will respond {{ 7*7 }} '
              '<img src=x onerror=window.__xss=5>," said Kim Example, a spokesman for the "><img src=x '
              'onerror=window.__xss=6> ministry.\n\nJapan condemned the launch on Tuesday. See '
              'javascript:window.__xss=7 for details.')},
    {"id": "hostile-2", "published": "2019-11-06", "url": "https://example.org/a?x=\"><svg onload=window.__xss=8>",
     "title": "{% for x in range(3) %}loop{% endfor %} ${7*7} #{7*7}",
     "text": ("TOKYO — Japan's defence minister said on Wednesday that North Korea launched two missiles "
              "on Nov. 6 <svg onload=window.__xss=9>.")},
    {"id": "hostile-3", "published": "2019-12-04", "url": '=HYPERLINK("https://evil.example","x")',
     "outlet": "@SUM(1+1)", "title": "-2+3",
     "text": "SEOUL — North Korea fired a missile on Tuesday, Dec. 3, officials said."},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> Path:
    """A SQLite store with examples/ and the hostile articles, ingested as the demo does."""
    from dateline.store import open_store
    from dateline.store.ingest import ingest

    root = tmp_path_factory.mktemp("served")
    batch = root / "hostile.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    db = root / "served.db"
    with open_store(db) as store:
        ingest([REPO / "examples", batch], store)
    return db


class Server:
    def __init__(self, db: Path, root: Path):
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = root / "settings.toml"
        settings.write_text(f'serve_token = "{TOKEN}"\nmax_seconds = 60\n', encoding="utf-8")
        env = {**os.environ, "DATELINE_SETTINGS": str(settings)}
        self.log = open(root / "server.log", "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port",
                                      str(self.port), "--log-level", "warning"], env=env, cwd=root,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dateline serve exited: {(root / 'server.log').read_text(errors='replace')}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).read()
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        raise RuntimeError("dateline serve did not answer within 60 s")

    def request(self, path: str, *, method: str = "GET", body: bytes | dict | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        """(status, headers, body) of one request; errors are answers, not exceptions."""
        data = json.dumps(body).encode("utf-8") if isinstance(body, dict) else body
        h = {"content-type": "application/json"} if isinstance(body, dict) else {}
        req = urllib.request.Request(self.url + path, data=data, method=method, headers={**h, **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
        except urllib.error.HTTPError as e:
            return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()

    def json(self, path: str, **kw):
        status, _, body = self.request(path, **kw)
        return status, json.loads(body)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="session")
def server(served_db, tmp_path_factory):
    srv = Server(served_db, tmp_path_factory.mktemp("server"))
    yield srv
    srv.stop()


def _skip(reason: str):
    """A skip, or a failure where the browser is required ($DATELINE_REQUIRE_BROWSER, set by .ci/run)."""
    if os.environ.get("DATELINE_REQUIRE_BROWSER"):
        pytest.fail(f"the browser tests are required here: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright (never `playwright install`); skipped, saying why, without it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip("the playwright package is not installed (pip install -e '.[dev]')")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium); "
                    ".ci/run does")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                               args=CHROMIUM_ARGS)
    except Exception as e:  # noqa: BLE001 - a Chromium that cannot start is a skip with its reason
        pw.stop()
        _skip(f"Chromium at {CHROMIUM} cannot start: {e}")
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def page(browser, tmp_path):
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    pg = ctx.new_page()
    pg.shots = tmp_path          # screenshots of each page go into the test's temporary folder
    yield pg
    ctx.close()


def shot(pg, name: str) -> Path:
    """A screenshot into the test's folder (and into $DATELINE_SCREENSHOTS when set: docs/screenshots)."""
    path = Path(pg.shots) / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    extra = os.environ.get("DATELINE_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / f"{name}.png")
    return path
