"""`dateline serve` under load: a real server on 127.0.0.1, next to a bare route of the same process.

    .venv/bin/python benchmarks/bench_serve.py [--clients 50] [--seconds 30] [--ingest 100] [--workers 1]

The demo store (examples/ ingested into a temporary SQLite file) is served by `dateline serve` in a
subprocess. CLIENTS threads, each with its own keep-alive connection, issue requests back to back
for SECONDS over the events page, the timeline page, article pages, cluster pages and the JSON API
(events, timeline, clusters), while `dateline ingest` writes INGEST more articles (variants of the
examples with their own URLs) into the same store. Every client also requests /healthz, a bare
FastAPI route of the same server that touches no store: it is the peer, and the ratio of each
route's latency to it is the cost of the route itself rather than of the server and the machine.

Printed: per route p50/p99 (ms), requests, errors; the ratios to the peer; requests per second;
what the ingest stored. The exit status is 1 when any request failed or a route's p99 is over 1 s.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "server"))


def build_store(root: Path) -> Path:
    from dateline.store import open_store
    from dateline.store.ingest import ingest

    db = root / "demo.db"
    with open_store(db) as store:
        ingest([REPO / "examples"], store)
    return db


def ingest_batch(root: Path, n: int) -> Path:
    """N articles for the concurrent ingest: the example texts with a line of their own and a URL each."""
    texts = sorted((REPO / "examples" / "articles").glob("*.txt"))
    path = root / "more.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            t = texts[i % len(texts)].read_text(encoding="utf-8")
            fh.write(json.dumps({"id": f"load-{i}", "url": f"https://load.example/{i}",
                                 "text": t + f"\n\nUpdate {i}: this article was revised.\n"}) + "\n")
    return path


def start_server(db: Path, port: int, workers: int, log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port),
           "--log-level", "warning"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"the server did not start: {log.read_text(errors='replace')[-2000:]}")


def routes(port: int) -> dict[str, list[str]]:
    """Paths per route name, from the store as served."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/api/events?limit=500&all=true")
    events = json.loads(c.getresponse().read())["events"]
    clusters = [e["cluster"] for e in events]
    articles = sorted({e["evidence"]["article_key"] for e in events if e.get("evidence")})
    return {
        "page /events": ["/events", "/events?actor=PRK", "/events?cameo=15&sort=goldstein&desc=true",
                         "/events?q=missile"],
        "page /timeline": ["/timeline?actor=PRK", "/timeline?actor=PRK&target=USA", "/timeline?actor=PRK&unit=week"],
        "page /articles": [f"/articles/{a}" for a in articles],
        "page /clusters": [f"/clusters/{c_}" for c_ in clusters],
        "api /api/events": ["/api/events?" + urlencode(p) for p in
                            ({"actor": "PRK"}, {"cameo": "15", "limit": 10}, {"since": "2019-08"}, {"q": "launch"})],
        "api /api/timeline": ["/api/timeline?actor=PRK", "/api/timeline?actor=PRK&unit=week"],
        "api /api/clusters": [f"/api/clusters/{c_}" for c_ in clusters],
        "peer /healthz": ["/healthz"],
    }


def client(port: int, plan: dict[str, list[str]], stop: float, out: dict, errors: list, seed: int) -> None:
    rnd = random.Random(seed)
    names = list(plan)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < stop:
        name = rnd.choice(names)
        path = rnd.choice(plan[name])
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers={"accept": "text/html" if name.startswith("page") else "*/*"})
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            ok, status = False, type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        dt = time.perf_counter() - t0
        out[name].append(dt)
        if not ok:
            errors.append(f"{path}: {status}")
    conn.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--ingest", type=int, default=100, help="articles ingested during the run (0: none)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (dateline serve --workers)")
    args = ap.parse_args()
    from server_fixtures import free_port

    root = Path(tempfile.mkdtemp(prefix="dateline-bench-serve-"))
    db = build_store(root)
    port = free_port()
    server = start_server(db, port, args.workers, root / "server.log")
    try:
        plan = routes(port)
        batch = ingest_batch(root, args.ingest) if args.ingest else None
        ing = subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(batch), "--db", str(db), "-q"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ}) if batch else None
        out: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, plan, stop, out, errors, i)) for i in range(args.clients)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        ingest_log = ""
        if ing is not None:
            ingest_log = ing.communicate(timeout=600)[0].decode(errors="replace").strip().splitlines()
        return report(args, out, errors, wall, ingest_log)
    finally:
        server.terminate()
        server.wait(30)


def report(args, out: dict[str, list[float]], errors: list[str], wall: float, ingest_log) -> int:
    total = sum(len(v) for v in out.values())
    peer = out.get("peer /healthz") or [float("nan")]
    p50_peer, p99_peer = pct(peer, 50), pct(peer, 99)
    print(f"{args.clients} clients for {args.seconds:g} s, {total} requests ({total / wall:.0f}/s), "
          f"{len(errors)} error(s); server processes: {args.workers}")
    print(f"{'route':<22}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}{'p50/peer':>10}{'p99/peer':>10}")
    worst = 0.0
    for name in sorted(out):
        xs = out[name]
        p50, p99 = pct(xs, 50), pct(xs, 99)
        worst = max(worst, p99)
        print(f"{name:<22}{len(xs):>9}{p50 * 1000:>9.1f}{p99 * 1000:>9.1f}{p50 / p50_peer:>10.1f}{p99 / p99_peer:>10.1f}")
    if ingest_log:
        print("ingest during the run: " + " / ".join(line.removeprefix("dateline: ") for line in ingest_log[-2:]))
    for e in errors[:10]:
        print(f"error: {e}")
    ok = not errors and worst < 1.0
    print(f"{'PASS' if ok else 'FAIL'}: {len(errors)} error(s), worst p99 {worst * 1000:.0f} ms (limit 1000 ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
