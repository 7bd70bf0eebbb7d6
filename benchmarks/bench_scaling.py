"""Scaling: articles per second of the analysis on 1, 2, ... N processes and on a Dask LocalCluster,
with the speed-up over one process, in one command.

    .venv/bin/python benchmarks/bench_scaling.py [--limit 150] [--jobs 1,2] [--repeat 5] [--model default]
                                                 [--no-dask]

The texts are the TimeBank + AQUAINT + PolNeAR texts of ../shared/data (a fixed random sample of
``--limit``). Every side starts fresh processes each round and warms them before it is timed, so that
no side meets texts it analysed in an earlier round (one process: a new process, the pipeline loaded
and the warm-up article analysed; a pool: its workers started and each warmed alike, the start-up
timed apart; Dask: the LocalCluster started once, as ``--dask local:2`` starts it, its workers
restarted each round and warmed alike), the sides run interleaved, ``--repeat`` times, and the
median, minimum and maximum are printed with the ratios. The records of every side are compared with
those of one process (they must be identical), and each pool or Dask worker's peak memory is printed.
The machine's other load counts: say next to the numbers whether it was shared.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import load_texts  # noqa: E402


def _raws(docs):
    from dateline.ingest.readers import RawArticle

    return [(d["id"], RawArticle(id=d["id"], text=d["text"], published=d.get("published"),
                                 published_from="given" if d.get("published") else None)) for d in docs]


def run_jobs(docs, settings, jobs: int) -> tuple[float, list, dict]:
    """(seconds, outcomes, extra) of one timed run on ``jobs`` processes (warm)."""
    from dateline import parallel

    tasks = _raws(docs)
    if jobs == 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as one:
            return one.submit(_one_process, docs, settings).result()
    pool = parallel.Pool(settings, jobs)
    startup = pool.start()
    t0 = time.perf_counter()
    out = [o for _, o in pool.map(tasks)]
    dt = time.perf_counter() - t0
    return dt, out, {"startup": startup, "peak_mb": [k / 1024 for k in pool.peak_kib]}


def _one_process(docs, settings) -> tuple[float, list, dict]:
    """The one-process side in a fresh process, warmed as a pool worker is (the pipeline loaded, the warm-up
    article analysed), then timed over texts it has not seen: a process that had analysed them in an
    earlier round would find its caches (the vocabulary's new words, memoised look-ups) filled by them."""
    from dateline import parallel

    list(parallel.in_process([], settings))
    t0 = time.perf_counter()
    out = [o for _, o in parallel.in_process(_raws(docs), settings)]
    return time.perf_counter() - t0, out, {"peak_mb": [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]}


def run_dask(docs, settings, client) -> tuple[float, list, dict]:
    from dateline.dask_pool import _warm, analyze_dask
    import dataclasses

    client.restart()                # fresh workers each round, as the other sides', warmed alike
    client.run(_warm, dataclasses.asdict(settings), None)
    t0 = time.perf_counter()
    out = [o for _, o in analyze_dask(_raws(docs), settings, "local", client=client)]
    dt = time.perf_counter() - t0
    return dt, out, {"peak_mb": [kib / 1024 for kib in client.run(_peak_kib).values()]}


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=150)
    ap.add_argument("--jobs", default=None, help="comma-separated process counts (default 1..cores)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--model", default="default")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    from dateline import parallel
    from dateline.settings import load_settings

    settings = load_settings(model=args.model)
    docs = load_texts(args.limit)
    if not docs:
        print("error: no TimeBank, AQUAINT or PolNeAR texts under ../shared/data", file=sys.stderr)
        return 2
    chars = sum(len(d["text"]) for d in docs)
    counts = [int(x) for x in args.jobs.split(",")] if args.jobs else list(range(1, parallel.cores() + 1))
    print(f"scaling: {len(docs)} texts ({chars} characters), profile {args.model}, {parallel.cores()} cores, "
          f"{args.repeat} interleaved runs per side")
    client = None
    if not args.no_dask:
        try:
            from distributed import Client

            from dateline.dask_pool import local_cluster
            client = Client(local_cluster(2))        # as `--dask local:2` makes it
        except ImportError:
            print("dask: not installed (pip install 'dateline[dask]'); its side is left out")
    sides = [f"jobs {n}" for n in counts] + (["dask local:2"] if client else [])
    times: dict[str, list[float]] = {s: [] for s in sides}
    extra: dict[str, dict] = {}
    reference = None
    same: dict[str, bool] = {s: True for s in sides}
    try:
        for _ in range(args.repeat):
            for side in sides:
                if side.startswith("jobs"):
                    dt, out, ex = run_jobs(docs, settings, int(side.split()[1]))
                else:
                    dt, out, ex = run_dask(docs, settings, client)
                times[side].append(dt)
                extra.setdefault(side, {}).update(ex)
                if reference is None:
                    reference = out
                same[side] &= out == reference
    finally:
        if client is not None:
            cluster = client.cluster
            client.close()
            cluster.close()
    base = statistics.median(times[sides[0]])
    print(f"{'side':<14}{'articles/s':>11}{'(min':>8}{'max)':>8}{'speed-up':>10}  records      notes")
    for side in sides:
        med = statistics.median(times[side])
        rate = [len(docs) / t for t in times[side]]
        ex = extra.get(side, {})
        notes = []
        if "startup" in ex:
            notes.append(f"workers start in {ex['startup']:.1f} s")
        if ex.get("peak_mb"):
            notes.append("peak MB per process " + "/".join(f"{m:.0f}" for m in ex["peak_mb"]))
        print(f"{side:<14}{len(docs) / med:>11.2f}{min(rate):>8.2f}{max(rate):>8.2f}{base / med:>9.2f}x  "
              f"{'identical' if same[side] else 'DIFFERENT'}    {'; '.join(notes)}")
    for side in sides[1:]:
        print(f"ratio: {side} = {base / statistics.median(times[side]):.2f}x the articles/s of {sides[0]} "
              f"(median of {args.repeat})")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
