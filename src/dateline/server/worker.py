"""Analysis in worker processes with a time budget: the server never analyses in its own process.

A worker is a spawned process that loads the pipeline once, then analyses one article at a time
(a dict of the JSONL batch fields: ``id``, ``text`` or ``html``, ``published``, ``title``, ``url``,
``outlet``), read by the same reader as ``dateline analyze --input-format jsonl``. The server waits
``max_seconds`` (the per-article time budget of the settings) for the answer; past it the worker is
killed and replaced, and the article gets a ``timeout`` error. Workers are started when first needed.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import queue
import threading
from dataclasses import asdict

from ..errors import DatelineError, InputError
from ..settings import Settings

STARTUP_SECONDS = 180        # loading the pipeline in a fresh worker (not part of an article's budget)


class AnalysisTimeout(DatelineError):
    code = "timeout"


class WorkerError(DatelineError):
    code = "worker"


def _main(conn, settings: dict) -> None:
    """The worker's loop (in the child process)."""
    import warnings

    try:
        from ..ingest.readers import Failed, read_jsonl
        from ..pipeline import analyze_raw
    except BaseException as e:  # noqa: BLE001 - said to the server, which reports it
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    warnings.simplefilter("ignore")
    s = Settings(**settings)
    try:        # load the pipeline and its data now, outside any article's time budget
        from ..ingest.readers import RawArticle
        analyze_raw(RawArticle(id="warm-up", text="North Korea fired a missile on Friday, officials said."),
                    settings=s)
    except Exception:  # noqa: BLE001 - a model that cannot load is reported per article below
        pass
    conn.send(("ready",))
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        try:
            line = json.dumps(item, ensure_ascii=False).encode("utf-8")
            got = next(read_jsonl(line, "<request>", s.max_bytes))
            if isinstance(got, Failed):
                conn.send(("error", got.error.code, got.error.message))
                continue
            conn.send(("ok", analyze_raw(got, settings=s).to_dict()))
        except DatelineError as e:
            conn.send(("error", e.code, e.message))
        except Exception as e:  # noqa: BLE001 - the article fails, the worker goes on
            conn.send(("error", "internal", f"{item.get('id')}: internal error while analysing "
                                            f"({type(e).__name__}: {e})"))


class _Worker:
    def __init__(self, ctx, settings: Settings):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_main, args=(child, asdict(settings)), daemon=True, name="dateline-analyze")
        self.proc.start()
        child.close()
        self.ready = False

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
        if said[0] != "ready":
            raise WorkerError(f"the analysis worker could not start: {said[1]}")
        self.ready = True

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class Workers:
    """At most ``size`` worker processes, each serving one request at a time."""

    def __init__(self, settings: Settings, size: int = 2):
        self.settings = settings
        self.size = size
        self.ctx = mp.get_context("spawn")
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self.lock = threading.Lock()
        self.live = 0
        self.closed = False

    def _take(self) -> _Worker:
        with self.lock:
            if self.closed:
                raise WorkerError("the server is shutting down")
            try:
                return self.idle.get_nowait()
            except queue.Empty:
                pass
            if self.live < self.size:
                self.live += 1
                try:
                    return _Worker(self.ctx, self.settings)
                except Exception:
                    self.live -= 1
                    raise
        try:
            return self.idle.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            raise WorkerError("every analysis worker is busy; try again") from None

    def _drop(self, w: _Worker) -> None:
        w.kill()
        with self.lock:
            self.live -= 1

    def analyze(self, item: dict) -> dict:
        """The record of one article; raises the article's DatelineError, AnalysisTimeout past the budget.
        A fresh worker that dies while starting is replaced once before the error is given."""
        try:
            return self._analyze(item)
        except WorkerError as e:
            if "starting" not in e.message and "could not start" not in e.message:
                raise
            return self._analyze(item)

    def _analyze(self, item: dict) -> dict:
        w = self._take()
        try:
            w.wait_ready()
            w.conn.send(item)
            if not w.conn.poll(self.settings.max_seconds):
                raise AnalysisTimeout(f"{item.get('id')}: analysis took more than the time budget of "
                                      f"{self.settings.max_seconds} s (max_seconds in the settings); the article "
                                      f"was not analysed")
            answer = w.conn.recv()
        except (AnalysisTimeout, WorkerError, EOFError, OSError) as e:
            self._drop(w)
            if isinstance(e, DatelineError):
                raise
            raise WorkerError(f"{item.get('id')}: the analysis worker died ({type(e).__name__})") from None
        self.idle.put(w)
        if answer[0] == "ok":
            return answer[1]
        if answer[1] == "internal":
            raise DatelineError(answer[2], code="internal")
        raise InputError(answer[2], code=answer[1])     # the article's own problem: a 4xx

    def close(self) -> None:
        with self.lock:
            self.closed = True
        while True:
            try:
                w = self.idle.get_nowait()
            except queue.Empty:
                break
            try:
                w.conn.send(None)
            except OSError:
                pass
            w.proc.join(2)
            if w.proc.is_alive():
                w.kill()
