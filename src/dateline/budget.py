"""The per-article time budget in the process that analyses (``Alarm``).

In the main thread, timer signals raise AnalysisTimeout: one after ``max_seconds`` of this process's
CPU (ITIMER_PROF), one after the clock's budget (ITIMER_REAL; not in a pool's worker, whose parent
keeps the clock and replaces the worker). In any other thread (a Dask worker runs its tasks in a
thread pool; signals reach only the main thread) one watchdog thread per process raises it in the
analysing thread (``PyThreadState_SetAsyncExc``) once the thread's own CPU clock passes
``max_seconds`` or the clock passes the wall budget (it sleeps until the next deadline can pass). Either
way the exception is raised where Python code runs next: work inside one long C call ends when the
call returns.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time

from .errors import DatelineError
from .settings import Settings, wall_seconds


class AnalysisTimeout(DatelineError):
    code = "timeout"

    def __init__(self, message: str = "time budget exceeded", **kw):      # raised as a class by the watchdog
        super().__init__(message, **kw)


class Watchdog:
    """Deadlines of the threads now analysing an article: (thread CPU clock, CPU deadline, clock
    deadline, fired) by thread ident; each passed deadline raises AnalysisTimeout once in its thread."""

    SLACK = 0.01

    def __init__(self):
        self.cond = threading.Condition()
        self.watched: dict[int, list] = {}
        self.thread: threading.Thread | None = None

    def watch(self, cpu_seconds: float, wall_seconds: float | None) -> None:
        ident = threading.get_ident()
        clock = time.pthread_getcpuclockid(ident)
        wall_end = None if wall_seconds is None else time.monotonic() + wall_seconds
        with self.cond:
            self.watched[ident] = [clock, time.clock_gettime(clock) + cpu_seconds, wall_end, False]
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="dateline-budget", daemon=True)
                self.thread.start()
            self.cond.notify()

    def unwatch(self) -> None:
        ident = threading.get_ident()
        with self.cond:
            entry = self.watched.pop(ident, None)
            if entry is not None and entry[3]:
                _raise_in(ident, None)          # a timeout not yet raised is dropped with its article

    def _run(self) -> None:
        with self.cond:
            while True:
                self.cond.wait(self._check())

    def _check(self) -> float | None:
        """Raise in each thread past a deadline; the seconds until the next deadline can pass (a thread's
        CPU clock runs no faster than the clock), None if no thread is watched."""
        now, wait = time.monotonic(), None
        for ident, entry in list(self.watched.items()):
            clock, cpu_end, wall_end, fired = entry
            if fired:
                continue
            try:
                left = cpu_end - time.clock_gettime(clock)
            except OSError:                     # the thread is gone
                del self.watched[ident]
                continue
            if wall_end is not None:
                left = min(left, wall_end - now)
            if left <= 0:
                entry[3] = True
                _raise_in(ident, AnalysisTimeout)
            else:
                wait = left if wait is None else min(wait, left)
        return None if wait is None else wait + self.SLACK


def _raise_in(ident: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in thread ``ident`` at its next Python step (None: withdraw one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc) if exc else None)


WATCHDOG = Watchdog()


class Alarm:
    """``with Alarm(settings):`` one article's analysis under its budget (module docstring)."""

    TIMERS = ((signal.ITIMER_PROF, signal.SIGPROF), (signal.ITIMER_REAL, signal.SIGALRM)) \
        if hasattr(signal, "setitimer") else ()
    parent_keeps_clock = False          # set in a pool's worker process

    def __init__(self, settings: Settings):
        self.seconds = (settings.max_seconds, wall_seconds(settings))
        self.main = threading.current_thread() is threading.main_thread()
        self.on = bool(self.TIMERS) if self.main else hasattr(time, "pthread_getcpuclockid")
        self.old: list = []
        self.timers = self.TIMERS[:1] if self.parent_keeps_clock else self.TIMERS

    def _fire(self, signum, frame):
        raise AnalysisTimeout()

    def __enter__(self):
        if self.on and self.main:
            for (timer, sig), seconds in zip(self.timers, self.seconds):
                self.old.append(signal.signal(sig, self._fire))
                signal.setitimer(timer, seconds)
        elif self.on:
            WATCHDOG.watch(self.seconds[0], None if self.parent_keeps_clock else self.seconds[1])
        return self

    def __exit__(self, *exc):
        if self.on and self.main:
            for (timer, sig), old in zip(self.timers, self.old):
                signal.setitimer(timer, 0)
                signal.signal(sig, old)
            self.old = []
        elif self.on:
            WATCHDOG.unwatch()
