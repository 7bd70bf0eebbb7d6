"""`dateline ingest` as a real subprocess on real files into a real SQLite file: idempotent,
resumable after SIGKILL, failures stored as rows while the run goes on."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
LAUNCH_DAYS = ["2019-05-04", "2019-05-09", "2019-07-25", "2019-07-31", "2019-08-02", "2019-08-06",
               "2019-08-10", "2019-08-16", "2019-08-24", "2019-09-10", "2019-10-02", "2019-10-31"]
PLACES = ["Wonsan", "Kusong", "Hamhung", "Tongchon", "Sondok", "Kaechon", "Sunchon", "Yonghung"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def cli(*args: str, db: Path, env_extra: dict | None = None, **kw) -> subprocess.Popen | subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "dateline.cli", *args, "--db", str(db)]
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240, cwd=REPO, **kw)


def small_articles(folder: Path, n: int = 30) -> list[Path]:
    """n short articles (our own words), each a different day and place."""
    import datetime as dt

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    base = dt.date(2019, 5, 1)
    for i in range(n):
        d = base + dt.timedelta(days=3 * i)
        p = folder / f"story-{i:02d}.txt"
        p.write_text(
            f"SEOUL — North Korea fired a short-range missile from near {PLACES[i % len(PLACES)]} on "
            f"{DAYS[d.weekday()]}, South Korea's military said. The missile flew about {100 + 10 * i} kilometers "
            f"before it fell into the sea.\n\nAnalysts said story number {i} would not be the last.\n")
        out.append((p, d.isoformat()))
    # the publication date comes with the batch, as a newsroom archive would give it
    return out


def stored(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT record_id, published, n_events FROM articles ORDER BY record_id").fetchall()
    finally:
        con.close()


def test_ingest_twice_stores_once(tmp_path):
    src = tmp_path / "in"
    arts = small_articles(src, 6)
    batch = tmp_path / "batch.jsonl"
    with batch.open("w") as f:
        for p, d in arts[:3]:
            f.write(json.dumps({"id": p.stem + "-web", "text": "Web copy. " + p.read_text(), "published": d,
                                "url": f"https://news.example/{p.stem}"}) + "\n")
        # the same URL again, with other text (an update): stored once, by URL
        p, d = arts[0]
        f.write(json.dumps({"id": "dup", "text": "Updated. " + p.read_text(), "published": d,
                            "url": f"https://news.example/{p.stem}?utm_source=rss"}) + "\n")
    db = tmp_path / "x.db"
    r1 = cli("ingest", str(src), str(batch), "--published", "2019-05-01", db=db)
    assert r1.returncode == 0, r1.stderr
    assert "9 article(s) stored" in r1.stderr and "1 already in the store" in r1.stderr
    first = stored(db)
    r2 = cli("ingest", str(src), str(batch), str(src / "story-00.txt"), db=db)
    assert r2.returncode == 0, r2.stderr
    assert "0 article(s) stored" in r2.stderr and "11 already in the store" in r2.stderr
    assert stored(db) == first
    # the same text under another name (no URL) is the same article
    (tmp_path / "copy.txt").write_text((src / "story-01.txt").read_text().replace("\n", "\r\n"))
    r3 = cli("ingest", str(tmp_path / "copy.txt"), db=db)
    assert "1 already in the store" in r3.stderr
    assert stored(db) == first


def test_killed_half_way_and_resumed_stores_each_article_once(tmp_path):
    src = tmp_path / "in"
    small_articles(src, 30)
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db", str(db), "--quiet",
           "--published", "2019-05-01"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    killed_at = None
    deadline = time.time() + 120
    try:
        while time.time() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    n = 0
                if n >= 5:
                    proc.send_signal(signal.SIGKILL)
                    killed_at = n
                    break
            time.sleep(0.005)
    finally:
        if proc.poll() is None and killed_at is None:
            proc.kill()
        proc.wait()
    assert killed_at is not None, "the ingest finished before it could be killed: make the folder bigger"
    assert proc.returncode == -signal.SIGKILL
    partial = stored(db)
    assert 5 <= len(partial) < 30
    r = cli("ingest", str(src), "--quiet", "--published", "2019-05-01", db=db)
    assert r.returncode == 0, r.stderr
    full = stored(db)
    assert len(full) == 30 and len({x[0] for x in full}) == 30
    assert set(partial) <= set(full)                               # nothing stored was lost or changed
    # the same as a clean run, event by event
    clean = tmp_path / "clean.db"
    cli("ingest", str(src), "--quiet", "--published", "2019-05-01", db=clean)
    assert full == stored(clean)
    q = "SELECT count(*) FROM events"
    assert sqlite3.connect(db).execute(q).fetchone() == sqlite3.connect(clean).execute(q).fetchone()
    q = "SELECT count(*) FROM events GROUP BY article_key, event_id HAVING count(*) > 1"
    assert sqlite3.connect(db).execute(q).fetchall() == []


def test_bad_inputs_become_failure_rows_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in"
    good = small_articles(src, 3)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "latin1.txt").write_bytes("SEOUL — North Korea fired a missile on Monday, officials said. Café."
                                     .encode("utf-8").replace("é".encode(), b"\xe9"))
    (src / "batch.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": "TOKYO — Japan protested to North Korea on Friday.", "published": "2019-11-01"}),
        "{not json",
        json.dumps({"id": "j3"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "j5", "text": "Talks resumed on Monday in Stockholm.", "published": "2019-10-07"}),
    ]) + "\n")
    (src / "broken.rss").write_text("<rss><channel><title>x</title></channel></rss>")
    (src / "notes.bin").write_bytes(b"\x00" * 10)          # unknown extension in a folder: not read
    db = tmp_path / "bad.db"
    r = cli("ingest", str(src), str(tmp_path / "missing.txt"), db=db)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    for needle in ("empty", "binary", "not JSON", "no \"text\"", "JSON object is expected", "missing.txt",
                   "broken.rss"):
        assert needle in r.stderr, needle
    ids = [x[0] for x in stored(db)]
    assert sorted(ids) == sorted([p.stem for p, _ in good] + ["latin1", "j1", "j5"])
    with open_store(db) as s:
        fails = s.failures()
    codes = sorted(f["code"] for f in fails)
    assert codes == sorted(["empty", "binary", "bad_json", "no_text", "bad_record", "not_found", "bad_feed"])
    # a re-run adds nothing and loses nothing; failures stay one row per input
    r2 = cli("ingest", str(src), str(tmp_path / "missing.txt"), db=db)
    assert r2.returncode == 1
    assert sorted(x[0] for x in stored(db)) == sorted(ids)
    with open_store(db) as s:
        assert len(s.failures()) == len(fails)


def test_feed_and_html_inputs(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Launch</title><link href="https://atom.example/1"/><id>tag:atom.example,2019:1</id>
<updated>2019-10-31T18:00:00+09:00</updated><author><name>Pat Example</name></author>
<content type="html">&lt;p&gt;SEOUL — North Korea fired two missiles on Thursday, the military said.&lt;/p&gt;</content></entry>
<entry><title>Empty</title><link href="https://atom.example/2"/><id>tag:atom.example,2019:2</id>
<updated>2019-10-31T19:00:00+09:00</updated></entry>
</feed>""")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Talks</title><meta property='article:published_time' content='2019-10-05'>"
                    "</head><body><article><h1>Talks</h1><p>STOCKHOLM — North Korean and American negotiators met "
                    "in Stockholm on Saturday for their first working-level talks in months, officials said.</p>"
                    "<p>The talks broke off after a day, the North Korean side said.</p></article></body></html>")
    db = tmp_path / "f.db"
    r = cli("ingest", str(feed), str(page), db=db)
    assert r.returncode == 1 and "no content or summary" in r.stderr
    with open_store(db) as s:
        arts = {a["url"] or a["record_id"]: a for a in s.rows("SELECT * FROM articles")}
    assert arts["https://atom.example/1"]["published"] == "2019-10-31"
    assert arts["https://atom.example/1"]["outlet"] == "Example Atom"
    assert "page" in arts and arts["page"]["published"] == "2019-10-05"


def test_library_ingest_progress_and_summary(tmp_path):
    src = tmp_path / "in"
    small_articles(src, 4)
    seen = []

    class P:
        def start(self, total):
            seen.append(("start", total))

        def advance(self, n=1, note=""):
            seen.append(("advance", note))

        def stop(self):
            seen.append(("stop",))

    with open_store(tmp_path / "lib.db") as s:
        summ = ingest([src], s, progress=P(), published="2019-05-01")
    assert summ.stored == 4 and summ.failed == 0 and summ.events >= 4
    assert seen[0] == ("start", 4) and seen[-1] == ("stop",) and len(seen) == 6
    assert "4 article(s) stored" in summ.line()
