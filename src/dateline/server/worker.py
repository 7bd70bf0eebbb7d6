"""Analysis in worker processes with a time budget: the server never analyses in its own process.

A worker (dateline.parallel.Worker, as for `ingest --jobs`) is a spawned process that loads the
pipeline once, then analyses one article at a time
(a dict of the JSONL batch fields: ``id``, ``text`` or ``html``, ``published``, ``title``, ``url``,
``outlet``), read by the same reader as ``dateline analyze --input-format jsonl``. The server waits
``max_wall_seconds`` of the clock for the answer (the worker keeps the ``max_seconds`` CPU budget
itself); past it the worker is killed and replaced, and the article gets a ``timeout`` error. Workers are started when first needed.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading

from ..errors import DatelineError, InputError
from ..parallel import STARTUP_SECONDS, AnalysisTimeout, Worker as _Worker, WorkerError, timeout_message
from ..settings import Settings, wall_seconds

__all__ = ["AnalysisTimeout", "STARTUP_SECONDS", "WorkerError", "Workers"]


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
            w.conn.send((0, item))
            if not w.conn.poll(wall_seconds(self.settings)):
                raise AnalysisTimeout(timeout_message(item, self.settings))
            _, answer = w.conn.recv()
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
