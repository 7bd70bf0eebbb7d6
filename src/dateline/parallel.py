"""Analysis on every core: worker processes, each loading the pipeline once, with a time budget per article.

One mechanism serves the command line (``analyze`` and ``ingest --jobs N``) and the server
(dateline.server.worker):

* ``Worker``: a spawned process that loads the pipeline once (outside any article's budget), then
  analyses the articles it is sent, those waiting in its pipe together (up to the ``batch`` setting:
  ``analyze_batch`` parses their sentences in one batched run of the model, the same records as one
  by one), answering each with an *outcome*:
  ``("ok", record dict)`` or ``("error", code, message)``. It takes a ``RawArticle`` or a dict of the
  JSONL batch fields (read by the same reader as ``--input-format jsonl``).
* ``Pool``: ``jobs`` workers fed from one iterator of tasks; outcomes come back in input order (one
  writer stores them), at most ``window`` tasks are in flight or waiting to be given back (a slow
  article stalls the others no further than that), each worker holds at most ``DEPTH`` articles
  (``batch`` where it parses them together).
  An article whose analysis uses more than ``max_seconds`` of CPU (the settings' per-article budget:
  work, which a busy machine does not change) or more than ``max_wall_seconds`` of the clock (a
  starved or stalled analysis) gets a ``timeout`` error, its worker is killed and replaced, and the
  batch goes on; so does an article whose worker dies (``worker`` error).
* ``analyze_all``: in-process for one job (no pool, no start-up cost; the budget by a timer signal;
  ``batch`` articles at a time),
  else a Pool. ``jobs`` None: the ``jobs`` setting, whose default 0 means one per core; with that
  default a batch too small to pay for starting workers stays in-process (fewer than TASKS_PER_WORKER
  articles a worker; TASKS_PER_WORKER_RULES in the rules-only profile, whose articles cost far less
  than a worker's start).
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

from .budget import Alarm as _Alarm, AnalysisTimeout
from .errors import DatelineError
from .settings import Settings, wall_seconds

STARTUP_SECONDS = 180        # loading the pipeline in a fresh worker (not part of an article's budget)
DEPTH = 2                    # articles handed to one worker at a time (the next one waits in its pipe)
TASKS_PER_WORKER = 8         # auto jobs: fewer articles than this per worker stay in-process
# the same for the rules-only profile (model "none"): an article takes 10-20 ms there, a worker's start
# (an interpreter, spaCy, the resources) 2-3 s, so a pool pays only for hundreds of articles a worker
TASKS_PER_WORKER_RULES = 200
WARM_UP = "North Korea fired a missile on Friday, officials said."

Outcome = tuple                # ("ok", record dict) | ("error", code, message)
Analyzer = Callable[[Any, Settings], dict]


class WorkerError(DatelineError):
    code = "worker"


def cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_analyzer(raw, settings: Settings) -> dict:
    from .pipeline import analyze_raw

    return analyze_raw(raw, settings=settings).to_dict()


def _item_id(item) -> str:
    return str(item.get("id") if isinstance(item, dict) else getattr(item, "id", None))


def timeout_message(item, settings: Settings) -> str:
    return (f"{_item_id(item)}: analysis took more than its budget of {settings.max_seconds} s of CPU "
            f"(max_seconds in the settings) or {wall_seconds(settings)} s of the clock (max_wall_seconds); "
            f"the article was not analysed")


def _read_item(item, settings: Settings):
    """A RawArticle for a JSONL-field dict (a RawArticle stays as it is); a failed read raises."""
    if not isinstance(item, dict):
        return item
    import json

    from .ingest.readers import Failed, read_jsonl

    line = json.dumps(item, ensure_ascii=False).encode("utf-8")
    got = next(read_jsonl(line, "<request>", settings.max_bytes))
    if isinstance(got, Failed):
        raise got.error
    return got


def _failure(item, exc: BaseException) -> Outcome:
    if isinstance(exc, DatelineError):
        return ("error", exc.code, exc.message)
    return ("error", "internal", f"{_item_id(item)}: internal error while analysing ({type(exc).__name__}: {exc})")


def analyze_one(item, settings: Settings, analyzer: Analyzer | None = None) -> Outcome:
    """The outcome of one article (RawArticle or JSONL-field dict); never raises for the article's faults."""
    import warnings

    try:
        item = _read_item(item, settings)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ("ok", (analyzer or default_analyzer)(item, settings))
    except AnalysisTimeout:
        raise                   # the budget's own message is given where the budget is kept
    except Exception as e:  # noqa: BLE001 - the article fails, the batch goes on
        return _failure(item, e)


def batch_size(settings: Settings, analyzer: Analyzer | None = None) -> int:
    """Articles analysed together: the ``batch`` setting where the default analyzer parses (the model's
    cost per batch is shared across articles), else 1 (nothing to share)."""
    from .nlp import NO_MODEL

    if analyzer is not None or str(settings.model).strip().lower() in NO_MODEL:
        return 1
    return max(1, settings.batch)


def analyze_batch(items: list, settings: Settings) -> list[Outcome]:
    """The outcomes of several articles analysed together (``pipeline.analyze_many``), in order: the
    same records as ``analyze_one`` each. The batch runs under one article's time budget; past it
    (or should the batch itself fail) each article is analysed again alone under its own budget, so
    that only a slow or faulty article fails."""
    import warnings

    from .pipeline import analyze_many

    outs: list = [None] * len(items)
    raws, at = [], []
    for i, item in enumerate(items):
        try:
            raws.append(_read_item(item, settings))
            at.append(i)
        except Exception as e:  # noqa: BLE001
            outs[i] = _failure(item, e)
    try:
        with _Alarm(settings), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = analyze_many(raws, settings=settings)
            for i, raw, res in zip(at, raws, results):
                outs[i] = _failure(raw, res) if isinstance(res, BaseException) else ("ok", res.to_dict())
    except Exception:  # noqa: BLE001 - AnalysisTimeout or a fault of the batch: one by one
        for i in at:
            outs[i] = _alone(items[i], settings, None)
    return outs


def analyze_items(items: list, settings: Settings, analyzer: Analyzer | None = None) -> list[Outcome]:
    """The outcomes of these articles, in order: together (``analyze_batch``) where the pipeline parses
    and there are several, else each alone under its own budget (``_alone``: a timer signal in the main
    thread, a watchdog thread's in any other thread, as in a Dask worker: dateline.budget)."""
    if len(items) > 1 and batch_size(settings, analyzer) > 1:
        return analyze_batch(items, settings)
    return [_alone(item, settings, analyzer) for item in items]


def _alone(item, settings: Settings, analyzer: Analyzer | None) -> Outcome:
    """``analyze_one`` under the article's own time budget (in this process)."""
    try:
        with _Alarm(settings):
            return analyze_one(item, settings, analyzer)
    except AnalysisTimeout:
        return ("error", AnalysisTimeout.code, timeout_message(item, settings))


# ----------------------------------------------------------------------------- the worker process
def _main(conn, settings: dict, analyzer: Analyzer | None) -> None:
    """The worker's loop (in the child process): (tag, item) in, (tag, outcome) out; None ends it."""
    import resource

    try:
        s = Settings(**settings)
        if analyzer is None:
            from .nlp.build import make_nlp
            make_nlp(s)
    except BaseException as e:  # noqa: BLE001 - said to the parent, which reports it
        try:
            conn.send(("failed", f"{type(e).__name__}: {e}"))
        except OSError:
            pass
        return
    _Alarm.parent_keeps_clock = True
    warm_up(s, analyzer)
    done, size, stop = 0, batch_size(s, analyzer), False
    conn.send(("ready",))
    while not stop:
        try:
            batch, stop = _take(conn, size)
        except (EOFError, OSError):
            return
        outs = analyze_batch([item for _, item in batch], s) if len(batch) > 1 else \
            [_alone(item, s, analyzer) for _, item in batch]       # its CPU budget kept here, the clock's by the parent
        done += len(batch)
        try:
            for (tag, _), out in zip(batch, outs):
                conn.send((tag, out))
        except (OSError, ValueError):
            return
    conn.send(("stats", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, done))
    conn.close()
    os._exit(0)         # nothing to flush: skip tearing down the pipeline's objects (a second or so)


def _take(conn, size: int, linger: float = 0.005) -> tuple[list, bool]:
    """The next articles sent to this worker: the first one waited for, then those already sent or
    arriving within ``linger`` seconds of each other, up to ``size``; and whether the stop message
    (None) came."""
    batch: list = []
    msg = conn.recv()
    while msg is not None:
        batch.append(msg)
        if len(batch) >= size or not conn.poll(linger):
            return batch, False
        msg = conn.recv()
    return batch, True


class Worker:
    """One worker process and its pipe."""

    def __init__(self, ctx, settings: Settings, analyzer: Analyzer | None = None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_main, args=(child, asdict(settings), analyzer), daemon=True,
                                name="dateline-analyze")
        self.proc.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()

    def take_ready(self, said: tuple) -> None:
        """Handle the first message of the worker."""
        if said[0] != "ready":
            raise WorkerError(f"the analysis worker could not start: {said[1]}")
        self.ready = True

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_SECONDS):
            raise WorkerError(f"the analysis worker did not start within {STARTUP_SECONDS} s")
        try:
            said = self.conn.recv()
        except EOFError:
            self.proc.join(5)
            raise WorkerError(f"the analysis worker exited while starting (exit code {self.proc.exitcode})") from None
        self.take_ready(said)

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()

    def stop(self) -> tuple[int, int] | None:
        """End the worker; its (peak memory in KiB, articles analysed) when it says them in time."""
        stats = None
        try:
            self.conn.send(None)
            deadline = time.monotonic() + 5
            while self.conn.poll(max(0.0, deadline - time.monotonic())):
                msg = self.conn.recv()
                if msg[0] == "stats":
                    stats = (msg[1], msg[2])
                    break
        except (OSError, EOFError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()
        return stats


# ----------------------------------------------------------------------------- the pool
@dataclass
class _Slot:
    worker: Worker
    inflight: deque = field(default_factory=deque)      # (seq, item), oldest first
    since: float = 0.0                                   # when the oldest in flight started


class Pool:
    """``jobs`` workers analysing tasks in input order; see the module's description."""

    def __init__(self, settings: Settings, jobs: int, *, analyzer: Analyzer | None = None,
                 window: int | None = None):
        self.settings, self.jobs, self.analyzer = settings, max(1, jobs), analyzer
        # a worker parses up to `batch` articles together: it holds that many; should a batch overrun an
        # article's budget, its articles are analysed again alone, so the first answer may take two budgets.
        # The worker keeps the CPU budget itself (its own timer); here the clock's budget is kept.
        self.batch = batch_size(settings, analyzer)
        self.depth = max(DEPTH, self.batch)
        self.budget = wall_seconds(settings) * (2 if self.batch > 1 else 1)
        self.window = window or max(4 * self.jobs * self.depth, 16)
        self.ctx = mp.get_context("spawn")
        self.slots: list[_Slot] = []
        self.peak_kib: list[int] = []          # peak memory of each worker that ended
        self.replaced = 0
        self._start_failures = 0

    def start(self) -> float:
        """Start every worker and wait until each has loaded the pipeline (else ``map`` starts them);
        returns the seconds that took."""
        t0 = time.monotonic()
        while len(self.slots) < self.jobs:
            self._spawn()
        for slot in self.slots:
            slot.worker.wait_ready()
            slot.since = time.monotonic()
        return time.monotonic() - t0

    def _spawn(self) -> _Slot:
        slot = _Slot(Worker(self.ctx, self.settings, self.analyzer))
        self.slots.append(slot)
        return slot

    def map(self, tasks: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Outcome | None]]:
        """(context, item or None) in; (context, outcome) out in the same order. A None item is not
        analysed (its outcome is None): it only keeps its place in the order."""
        tasks = iter(tasks)
        seq = itertools.count()
        order: deque = deque()               # (seq, context) not yet given back
        done: dict[int, Outcome | None] = {}
        waiting: deque = deque()             # (seq, item) for the next free worker
        exhausted = False
        try:
            while True:
                while not exhausted and len(order) < self.window:
                    try:
                        ctx, item = next(tasks)
                    except StopIteration:
                        exhausted = True
                        break
                    n = next(seq)
                    order.append((n, ctx))
                    if item is None:
                        done[n] = None
                    else:
                        waiting.append((n, item))
                while order and order[0][0] in done:
                    n, ctx = order.popleft()
                    yield ctx, done.pop(n)
                if exhausted and not order:
                    return
                if not self.slots and waiting:
                    for _ in range(self.jobs):
                        self._spawn()
                self._dispatch(waiting, exhausted)
                self._collect(waiting, done)
        finally:
            self.close()

    def _dispatch(self, waiting: deque, last: bool = False) -> None:
        # the last articles (no more to come) are shared out evenly, so that no worker is left with a
        # whole batch while the others have nothing to do
        depth = min(self.depth, max(1, -(-len(waiting) // max(1, len(self.slots))))) if last else self.depth
        for slot in self.slots:
            while waiting and len(slot.inflight) < depth:
                n, item = waiting.popleft()
                try:
                    slot.worker.conn.send((n, item))
                except (OSError, ValueError):
                    waiting.appendleft((n, item))       # the worker is gone: _collect replaces it
                    break
                if not slot.inflight:
                    slot.since = time.monotonic()
                slot.inflight.append((n, item))

    def _deadline(self, slot: _Slot) -> float:
        if not slot.worker.ready:
            return slot.worker.started + STARTUP_SECONDS
        return slot.since + self.budget if slot.inflight else float("inf")

    def _collect(self, waiting: deque, done: dict) -> None:
        busy = [s for s in self.slots if s.inflight or not s.worker.ready]
        if not busy:
            return
        timeout = max(0.0, min(self._deadline(s) for s in busy) - time.monotonic())
        ready = set(wait([s.worker.conn for s in busy], timeout))
        now = time.monotonic()
        for slot in list(busy):
            if slot.worker.conn in ready:
                self._receive(slot, waiting, done)
            elif now >= self._deadline(slot):
                self._expire(slot, waiting, done)

    def _receive(self, slot: _Slot, waiting: deque, done: dict) -> None:
        w = slot.worker
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            w.proc.join(5)
            if not w.ready:
                self._start_failed(slot, waiting, f"exited while starting (exit code {w.proc.exitcode})")
                return
            n, item = slot.inflight.popleft()
            done[n] = ("error", "worker", f"{_item_id(item)}: the analysis worker died while analysing it "
                                          f"(exit code {w.proc.exitcode}); the article was not analysed")
            self._replace(slot, waiting)
            return
        if not w.ready:
            try:
                w.take_ready(msg)
            except WorkerError as e:
                self._start_failed(slot, waiting, e.message)
                return
            slot.since = time.monotonic()
            return
        n, out = msg
        if slot.inflight and slot.inflight[0][0] == n:
            slot.inflight.popleft()
            done[n] = out
            slot.since = time.monotonic()

    def _expire(self, slot: _Slot, waiting: deque, done: dict) -> None:
        if not slot.worker.ready:
            self._start_failed(slot, waiting, f"did not start within {STARTUP_SECONDS} s")
            return
        n, item = slot.inflight.popleft()
        done[n] = ("error", AnalysisTimeout.code, timeout_message(item, self.settings))
        self._replace(slot, waiting)

    def _start_failed(self, slot: _Slot, waiting: deque, why: str) -> None:
        self._start_failures += 1
        if self._start_failures > 2 * self.jobs:
            raise WorkerError(f"the analysis workers cannot start: {why}")
        self._replace(slot, waiting)

    def _replace(self, slot: _Slot, waiting: deque) -> None:
        """Kill the slot's worker, give its other articles back to the queue, start a fresh one."""
        slot.worker.kill()
        waiting.extendleft(reversed(slot.inflight))
        slot.inflight.clear()
        slot.worker = Worker(self.ctx, self.settings, self.analyzer)
        self.replaced += 1

    def close(self) -> None:
        for slot in self.slots:
            if slot.inflight or not slot.worker.ready:
                slot.worker.kill()
                continue
            stats = slot.worker.stop()
            if stats:
                self.peak_kib.append(stats[0])
        self.slots = []


# ----------------------------------------------------------------------------- one job: in-process
def warm_up(settings: Settings, analyzer: Analyzer | None) -> None:
    """Load the pipeline's data now, outside any article's time budget (a failure shows per article)."""
    from .ingest.readers import RawArticle

    analyze_one(RawArticle(id="warm-up", text=WARM_UP, published="2019-10-04"), settings, analyzer)


def in_process(tasks: Iterable[tuple[Any, Any]], settings: Settings,
               analyzer: Analyzer | None = None) -> Iterator[tuple[Any, Outcome | None]]:
    if analyzer is None:
        from .geo import gazetteer
        from .nlp.build import make_nlp
        make_nlp(settings)                      # loading the model is no article's time
        gazetteer()                             # nor is indexing the GeoNames data on first use
    warm_up(settings, analyzer)                 # nor loading the rules' data on the first article
    for chunk in _chunks(tasks, batch_size(settings, analyzer)):
        outs = iter(analyze_items([item for _, item in chunk if item is not None], settings, analyzer))
        for ctx, item in chunk:
            yield ctx, (None if item is None else next(outs))


def _chunks(tasks: Iterable[tuple[Any, Any]], size: int) -> Iterator[list[tuple[Any, Any]]]:
    """Consecutive tasks holding ``size`` articles each (None items ride along), the last one shorter."""
    chunk, n = [], 0
    for ctx, item in tasks:
        chunk.append((ctx, item))
        n += item is not None
        if n >= size:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk


def analyze_all(tasks: Iterable[tuple[Any, Any]], settings: Settings, *, jobs: int | None = None,
                analyzer: Analyzer | None = None, pool: list | None = None) -> Iterator[tuple[Any, Outcome | None]]:
    """(context, item or None) in, (context, outcome or None) out, in input order; ``jobs``: see the
    module's description. ``pool``, when given, receives the Pool used (for its statistics)."""
    auto = jobs is None and not settings.jobs
    n = jobs or settings.jobs or cores()
    tasks = iter(tasks)
    if n > 1 and auto:
        head, need, items = [], n * (TASKS_PER_WORKER_RULES if settings.model == "none" else TASKS_PER_WORKER), 0
        for t in tasks:
            head.append(t)
            items += t[1] is not None
            if items >= need:
                break
        else:
            n = 1                                # a small batch: workers would cost more than they save
        tasks = itertools.chain(head, tasks)
    if n <= 1:
        yield from in_process(tasks, settings, analyzer)
        return
    p = Pool(settings, n, analyzer=analyzer)
    if pool is not None:
        pool.append(p)
    yield from p.map(tasks)
