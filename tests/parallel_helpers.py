"""Analyzers for the worker-pool tests: importable by name in a spawned worker (tests/ is on its path).

``slow_or_dying``: the rules-only pipeline, except that an article whose text holds SLOW sleeps far past
any budget (using no CPU), one holding LATE sleeps one second first, one holding BUSY computes far past any budget, and one holding DIE ends its
worker process on the spot."""
from __future__ import annotations

import dataclasses
import os
import time


def slow_or_dying(raw, settings) -> dict:
    from dateline.parallel import default_analyzer

    text = raw.text or ""
    if "SLOW" in text:
        end = time.monotonic() + 600
        while time.monotonic() < end:           # short sleeps: a budget raised in a thread lands between them
            time.sleep(0.02)
    if "LATE" in text:
        time.sleep(1)
    if "BUSY" in text:
        end = time.monotonic() + 600
        while time.monotonic() < end:
            pass
    if "DIE" in text:
        os._exit(3)
    return default_analyzer(raw, dataclasses.replace(settings, model="none"))


def dies_once(raw, settings) -> dict:
    """Rules-only analysis; the article whose text holds KILL ends its worker process the first time
    any worker sees it (a marker file next to the batch, named by DATELINE_TEST_MARK, says it did)."""
    from dateline.parallel import default_analyzer

    mark = os.environ.get("DATELINE_TEST_MARK")
    if "KILL" in (raw.text or "") and mark and not os.path.exists(mark):
        open(mark, "w").close()
        os._exit(9)
    return default_analyzer(raw, dataclasses.replace(settings, model="none"))
