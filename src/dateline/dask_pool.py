"""Analysis on a Dask cluster (`dateline ingest --dask SCHEDULER`; the optional extra ``dateline[dask]``).

``SCHEDULER`` is the address of a running Dask distributed scheduler (``tcp://host:8786``) or
``local:N`` for a LocalCluster of N single-threaded worker processes on this machine. Articles are
sent to the workers as records in batches (``BATCH`` articles a task), at most ``WINDOW_PER_WORKER``
batches per worker running or queued (and at most ``HELD`` times that many not yet stored, the results
of batches done before an earlier one); each worker loads the pipeline once (dateline.nlp caches it per
process, loaded when the worker is warmed up) and answers outcomes as dateline.parallel does. The
outcomes come back in input order to the one writer (dateline.store.ingest), which stores each
article exactly once: a task that Dask runs again after a worker died only analyses again, and a
batch whose workers keep dying gives its articles ``worker`` failure rows.

A ``local:N`` cluster's workers run with glibc's own malloc trim threshold: Dask's nanny sets
``MALLOC_TRIM_THRESHOLD_=65536`` for the processes it spawns (``distributed.nanny.pre-spawn-environ``),
which hands freed memory back to the kernel so eagerly that the pipeline's many small allocations
cost a worker ~15% more CPU in page faults (1.3 s of system time per 150 articles, measured with
``benchmarks/bench_scaling.py``'s texts). A cluster of your own takes the same setting in its
workers' Dask configuration (``pre-spawn-environ: {MALLOC_TRIM_THRESHOLD_: null}``), and with
``distributed.worker.profile.enabled: false`` (``local_cluster``).
"""
from __future__ import annotations

import dataclasses
import itertools
import pickle
from collections import deque
from typing import Any, Iterable, Iterator

from .errors import DatelineError
from .parallel import Analyzer, Outcome, _item_id, analyze_items, warm_up
from .settings import Settings

BATCH = 8
WINDOW_PER_WORKER = 4
HELD = 3            # batches done but waiting for an earlier one: at most (HELD - 1) windows
PRE_SPAWN = "distributed.nanny.pre-spawn-environ"


class DaskError(DatelineError):
    code = "dask"


def _batch(items: list, settings: dict, analyzer: Analyzer | None) -> bytes:
    """A Dask task: the outcomes of a batch of articles (in the worker), parsed together where the
    pipeline parses (``parallel.analyze_items``: the records of one at a time), pickled.

    Pickled here, in the task, because a worker weighs every result it holds (``dask.sizeof``, once when
    it stores it and again when it sends it): over a list of nested article records that walk cost the
    worker's event loop about 3% of an analysing worker's time; the size of bytes is known at once, and
    the pickling is the same work Dask would do to send the list."""
    return pickle.dumps(analyze_items(items, Settings(**settings), analyzer), protocol=pickle.HIGHEST_PROTOCOL)


def _warm(settings: dict, analyzer: Analyzer | None) -> bool:
    """Load the pipeline in a worker before the first batch (run on every worker)."""
    warm_up(Settings(**settings), analyzer)
    return True


def connect(scheduler: str):
    """A Dask client for ``tcp://...`` (or any scheduler address) or ``local:N``."""
    try:
        from distributed import Client
    except ImportError:
        raise DaskError("--dask needs Dask distributed: pip install 'dateline[dask]'") from None
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler[6:])
        except ValueError:
            n = 0
        if n < 1:
            raise DaskError(f"--dask {scheduler}: local:N needs a number of workers of at least 1")
        return Client(local_cluster(n))
    try:
        return Client(scheduler, timeout=30)
    except (OSError, ValueError, TimeoutError) as e:
        raise DaskError(f"--dask {scheduler}: cannot reach the scheduler ({type(e).__name__}: {e})") from None


def local_cluster(n: int):
    """A LocalCluster of ``n`` single-threaded worker processes spawned without Dask's malloc trim
    threshold (module docstring; a MALLOC_TRIM_THRESHOLD_ in this process's environment still holds) and
    without the worker's statistical profiler (for the dashboard's profile page: it samples the task
    thread's stack every 10 ms, about 5% of an analysing worker's time)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({f"{PRE_SPAWN}.MALLOC_TRIM_THRESHOLD_": None, "distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")


def analyze_dask(tasks: Iterable[tuple[Any, Any]], settings: Settings, scheduler: str, *,
                 analyzer: Analyzer | None = None, client=None) -> Iterator[tuple[Any, Outcome | None]]:
    """(context, item or None) in, (context, outcome or None) out in input order, analysed on Dask."""
    own = client is None
    client = client or connect(scheduler)
    try:
        yield from _run(client, iter(tasks), settings, analyzer)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client, tasks: Iterator, settings: Settings, analyzer) -> Iterator[tuple[Any, Outcome | None]]:
    from distributed import wait as dask_wait

    sdict = dataclasses.asdict(settings)
    client.run(_warm, sdict, analyzer)
    window = WINDOW_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    order: deque = deque()           # (context, batch index or None, position in the batch)
    batches: dict[int, tuple[Any, list[str]]] = {}      # batch index -> (future, article ids)
    results: dict[int, list] = {}
    batch_ids = itertools.count()
    exhausted = False
    while True:
        while not exhausted and len(_running(batches)) < window and len(batches) < HELD * window:
            b, items, exhausted = _next_batch(tasks, order, batch_ids)
            if items:
                fut = client.submit(_batch, items, sdict, analyzer, pure=False, retries=1)
                batches[b] = (fut, [_item_id(x) for x in items])
        while order:
            ctx, b, i = order[0]
            if b is not None and b not in results:
                if not batches[b][0].done():
                    break
                results[b] = _outcomes(*batches.pop(b))
            order.popleft()
            if b is None:
                yield ctx, None
                continue
            yield ctx, results[b][i]
            if i == len(results[b]) - 1:
                del results[b]
        if exhausted and not order:
            return
        running = _running(batches)
        if running:         # the head batch is among them: a done later batch must not wake this loop again
            dask_wait(running, return_when="FIRST_COMPLETED")


def _running(batches: dict) -> list:
    """The futures of the submitted batches not yet done."""
    return [f for f, _ in batches.values() if not f.done()]


def _next_batch(tasks: Iterator, order: deque, batch_ids) -> tuple[int, list, bool]:
    """Read up to BATCH articles to analyse (and the items around them that are not analysed)."""
    items: list = []
    b = next(batch_ids)
    for ctx, item in tasks:
        if item is None:
            order.append((ctx, None, 0))
            continue
        order.append((ctx, b, len(items)))
        items.append(item)
        if len(items) >= BATCH:
            return b, items, False
    return b, items, True


def _outcomes(future, ids: list[str]) -> list[Outcome]:
    try:
        return pickle.loads(future.result())
    except Exception as e:  # noqa: BLE001 - KilledWorker and the like: the batch's articles fail
        return [("error", "worker", f"{i}: the Dask task of its batch failed ({type(e).__name__}: {e}); the "
                                    f"article was not analysed") for i in ids]
