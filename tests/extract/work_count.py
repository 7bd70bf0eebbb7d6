"""Work a module's code does, counted as the lines it executes (``sys.settrace``): a deterministic
measure for tests that a stage's work grows linearly with its input, where a timing would be
flaky on a shared machine. Timing targets live in benchmarks/bench_growth.py."""
from __future__ import annotations

import sys


def lines_run(fn, *modules) -> int:
    """Lines of ``modules`` executed while ``fn()`` runs (other code runs untraced)."""
    files = {m.__file__ for m in modules}
    n = 0

    def local(frame, event, arg):
        nonlocal n
        if event == "line":
            n += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename in files else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        fn()
    finally:
        sys.settrace(old)
    return n


def growth(make, run, *modules, n: int = 40) -> float:
    """How much more work ``run(make(2n))`` takes than ``run(make(n))`` in ``modules``: about 2 when
    it is linear, 4 when it is quadratic."""
    small = lines_run(lambda: run(make(n)), *modules)
    large = lines_run(lambda: run(make(2 * n)), *modules)
    return large / max(small, 1)
