"""The record store, measured as ratios against a peer run in the same command.

    .venv/bin/python benchmarks/bench_store.py [--limit N] [--repeat 5] [--model default] [--growth N]
                                               [--events 1000000] [--skip-ingest] [--skip-queries]

1. Ingest rate: articles per second of `ingest` (analysis + store + merging, into a fresh SQLite
   file, one process) over the TimeBank + AQUAINT + PolNeAR texts, next to the same analysis alone
   on the same texts (the peer): both warmed, interleaved, median of --repeat with min and max; the
   ratio is the cost of storing and merging.
   With --growth N: store time per article from an empty store to N generated articles (random actors
   and codes, one block after another; bench_store_growth.py is the scale issue's benchmark: the demo's
   records along a backfill, probes at fixed sizes up to 100,000, interleaved).
2. Queries: `count` and `timeline` (dateline.timeline.queries, with the store's indexes) on a store
   of N generated events (clusters; default one million), next to a plain full scan of the same
   table answering the same question (SQLite's NOT INDEXED).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


def load_texts(limit: int | None) -> list[dict]:
    docs = []
    for sub in ("TimeBank", "AQUAINT"):
        for p in sorted((SHARED / "tempeval3" / "TBAQ-cleaned" / sub).glob("*.tml")):
            root = ET.parse(p).getroot()
            el = root.find(".//TEXT")
            dct = next((t.get("value", "")[:10] for t in root.iter("TIMEX3")
                        if t.get("functionInDocument") == "CREATION_TIME"), "")
            docs.append({"id": f"{sub}/{p.stem}", "text": "".join(el.itertext()) if el is not None else "",
                         **({"published": dct} if dct else {})})
    for split in ("train", "dev"):
        for p in sorted((SHARED / "polnear" / split / "text").glob("*.txt")):
            docs.append({"id": f"polnear/{split}/{p.stem}", "text": p.read_text(encoding="utf-8", errors="replace")})
    docs = [d for d in docs if d["text"].strip()]
    if limit:
        random.Random(7).shuffle(docs)
        docs = docs[:limit]
    return docs


def bench_ingest(limit: int | None, repeat: int = 5, model: str = "default") -> None:
    """Ingest (analysis + store + merging, into a fresh SQLite file, one process) next to the same
    analysis of the same texts with nothing stored: both warmed, interleaved (the order alternating),
    ``repeat`` times; medians with min and max."""
    import statistics

    from dateline import parallel
    from dateline.ingest.readers import RawArticle
    from dateline.settings import load_settings
    from dateline.store import open_store
    from dateline.store.ingest import ingest

    docs = load_texts(limit)
    if not docs:
        print("ingest: no texts found under", SHARED)
        return
    settings = load_settings(model=model, jobs=1)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"ingest: {len(docs)} texts ({words} words) from TimeBank, AQUAINT, PolNeAR; profile {model}; "
          f"{repeat} interleaved runs per side")
    tasks = [(d["id"], RawArticle(id=d["id"], text=d["text"], published=d.get("published"),
                                  published_from="given" if d.get("published") else None)) for d in docs]
    times: dict[str, list[float]] = {"analyze only": [], "ingest": []}
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text(json.dumps(docs[0]) + "\n", encoding="utf-8")
        list(parallel.in_process(tasks[:1], settings))                 # warm: the analysis side
        with open_store(Path(tmp) / "warm.db") as store:               # warm: the ingest side
            ingest([warm], store, settings=settings, jobs=1)

        def analyze_only():
            t0 = time.perf_counter()
            for _ in parallel.in_process(tasks, settings):
                pass
            times["analyze only"].append(time.perf_counter() - t0)

        def ingest_all(i):
            with open_store(Path(tmp) / f"bench{i}.db") as store:
                t0 = time.perf_counter()
                summ = ingest([batch], store, settings=settings, jobs=1)
                times["ingest"].append(time.perf_counter() - t0)
                return summ, store.counts()

        for i in range(repeat):
            if i % 2:
                summ, counts = ingest_all(i)
                analyze_only()
            else:
                analyze_only()
                summ, counts = ingest_all(i)
    for side, ts in times.items():
        rates = [len(docs) / t for t in ts]
        print(f"  {side:<13}: {len(docs) / statistics.median(ts):8.1f} articles/s (min {min(rates):.1f}, "
              f"max {max(rates):.1f}; median {statistics.median(ts):.1f} s)")
    t_an, t_in = statistics.median(times["analyze only"]), statistics.median(times["ingest"])
    print(f"  stored {summ.stored} articles: {counts['events']} reports -> {counts['clusters']} events; "
          f"{summ.failed} failed")
    print(f"  ratio ingest/analyze rate: {t_an / t_in:.2f} (1.00 = storing and merging cost nothing); "
          f"storing and merging: {(t_in - t_an) / len(docs) * 1e3:.1f} ms per article")


def bench_growth(n: int, block: int = 1000, per_day: int = 20) -> None:
    """Store time per article as the store grows from empty to ``n`` generated articles (actors and
    codes drawn as in the generated query store, a few reports each, ``per_day`` articles a day
    within a week either way, so that merge candidates exist at a steady rate, as in a backfill):
    ms per article of the first and of the last block of ``block`` articles."""
    import statistics

    from dateline.store import open_store

    rnd = random.Random(11)
    start = dt.date(2019, 1, 1).toordinal()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "growth.db") as store:
        per_block, cpu_block = [], []
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(n):
            day = dt.date.fromordinal(start + i // per_day + rnd.randrange(-7, 8))   # a backfill: a steady rate
            text = f"Generated article {i}."
            events = [{"id": f"v{j}", "cameo": rnd.choice(CODES), "date": day.isoformat(), "date_from": "timex",
                       "actor": {"code": (a := rnd.choice(ACTORS)), "name": a},
                       "target": {"code": (t := rnd.choice(ACTORS)), "name": t},
                       "trigger": {"start": 0, "end": 9, "text": "Generated"}, "sentence": {"start": 0, "end": len(text)}}
                      for j in range(rnd.randint(1, 4))]
            store.add_article({"article": {"id": f"g{i}", "text": text, "url": f"https://example.org/g/{i}",
                                           "published": (day + dt.timedelta(days=1)).isoformat()},
                               "entities": [{"name": a, "kind": "place"} for a in rnd.sample(ACTORS, 3)],
                               "events": events})
            if (i + 1) % block == 0:
                per_block.append((time.perf_counter() - t0) / block * 1e3)
                cpu_block.append((time.process_time() - c0) / block * 1e3)
                t0, c0 = time.perf_counter(), time.process_time()
        counts = store.counts()
    if len(per_block) < 2:
        print(f"growth: give at least {2 * block} articles")
        return
    step = max(1, len(per_block) // 10)
    print(f"growth: {n} generated articles ({counts['events']} reports -> {counts['clusters']} events), ms per "
          f"article by block of {block}, every {step}th block:")
    print("  wall: " + " ".join(f"{x:.2f}" for x in per_block[::step]))
    print("  CPU : " + " ".join(f"{x:.2f}" for x in cpu_block[::step]) + "   (this process's CPU time: what other "
          "load on the machine changes least)")
    for what, xs in (("CPU", cpu_block), ("wall", per_block)):
        first, last = statistics.median(xs[:3]), statistics.median(xs[-3:])
        print(f"ratio: store {what} time per article, last 3 blocks / first 3 blocks (medians): {last / first:.2f} "
              f"(flat: 1.0, target <= 1.3)")


ACTORS = ["PRK", "USA", "KOR", "JPN", "CHN", "RUS", "IRN", "ISR", "SYR", "UKR", "GBR", "FRA", "DEU", "IND", "PAK",
          "AFG", "IRQ", "TUR", "EGY", "SAU", "NGA", "ETH", "VEN", "CUB", "BRA", "MEX", "CAN", "AUS", "IGO", "PSE"]
CODES = ["010", "020", "036", "040", "042", "043", "051", "057", "061", "111", "112", "120", "130", "138", "141",
         "150", "152", "163", "173", "180", "190", "193", "195", "1821"]


def fill(store, n: int) -> float:
    rnd = random.Random(42)
    t0 = time.perf_counter()
    start = dt.date(2000, 1, 1).toordinal()
    span = dt.date(2020, 12, 31).toordinal() - start
    batch = []
    with store.transaction():
        for i in range(n):
            day = dt.date.fromordinal(start + rnd.randrange(span)).isoformat()
            code = rnd.choice(CODES)
            actor = rnd.choice(ACTORS)
            target = rnd.choice(ACTORS + [None])
            neg = rnd.random() < 0.03
            batch.append((f"g{i:08d}", code[:2], code, code[:2], -7.2, 4, day, day, day, day, 1, actor,
                          actor, target, target, rnd.randint(1, 9), rnd.randint(1, 12), rnd.randint(1, 5),
                          int(neg), 0))
            if len(batch) == 50_000:
                _insert(store, batch)
                batch = []
        if batch:
            _insert(store, batch)
    if hasattr(store, "conn"):
        store.conn.execute("ANALYZE")
    return time.perf_counter() - t0


def _insert(store, rows) -> None:
    store.conn.executemany(
        "INSERT INTO clusters (id, family, cameo, root, goldstein, quad_class, date, day, day_first, day_last, "
        "precision, actor, actor_name, target, target_name, n_articles, n_reports, n_sources, negated, hypothetical) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def bench_queries(n: int) -> None:
    from dateline.store import open_store
    from dateline.timeline import queries as Q

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "million.db")
        secs = fill(store, n)
        print(f"queries: a SQLite store of {n} generated events (filled in {secs:.1f} s)")
        f = dict(actor="PRK", cameo="150", since="2019-05-01", until="2019-10-31")
        t_count, c = timed(lambda: Q.count_only(store, **f))
        scan_count = ("SELECT count(*) AS n FROM clusters NOT INDEXED WHERE negated = 0 AND hypothetical = 0 "
                      "AND actor = ? AND cameo >= '150' AND cameo < '151' AND day_first >= ? AND day_last <= ?")
        t_scan, s = timed(lambda: store.scalar(scan_count, ("PRK", "2019-05-01", "2019-10-31")))
        assert c == s, (c, s)
        t_list, rows = timed(lambda: Q.count(store, **f), repeat=3)
        print(f"  count PRK 150 2019-05..10 : {t_count * 1e3:8.2f} ms ({c} events; with the list: "
              f"{t_list * 1e3:.2f} ms)   full scan: {t_scan * 1e3:8.2f} ms   ratio scan/count: {t_scan / t_count:.0f}x")
        tf = dict(actor="PRK", since="2019-01-01", until="2019-12-31")
        t_tl, tl = timed(lambda: Q.timeline(store, **tf))
        scan_tl = ("SELECT * FROM clusters NOT INDEXED WHERE negated = 0 AND hypothetical = 0 AND actor = ? "
                   "AND day_first >= ? AND day_last <= ? ORDER BY day_first, cameo, date, id")
        t_scan2, s2 = timed(lambda: store.rows(scan_tl, ("PRK", "2019-01-01", "2019-12-31")))
        assert len(tl) == len(s2)
        print(f"  timeline PRK 2019         : {t_tl * 1e3:8.2f} ms ({len(tl)} events)   full scan: {t_scan2 * 1e3:8.2f} ms"
              f"   ratio scan/timeline: {t_scan2 / t_tl:.1f}x")
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="ingest only N texts (a quick run)")
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the generated store (default 1e6)")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-queries", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved runs per ingest side (default 5)")
    ap.add_argument("--model", default="default", help="the profile of the ingest sides (default, none)")
    ap.add_argument("--growth", type=int, default=0, metavar="N",
                    help="also time storing N generated articles, block by block (the scale issue: 100000)")
    a = ap.parse_args()
    if not a.skip_ingest:
        bench_ingest(a.limit, a.repeat, a.model)
    if a.growth:
        bench_growth(a.growth)
    if not a.skip_queries:
        bench_queries(a.events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
