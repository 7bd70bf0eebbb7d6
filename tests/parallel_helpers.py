"""Analyzers for the worker-pool tests: importable by name in a spawned worker (tests/ is on its path).

``slow_or_dying``: the rules-only pipeline, except that an article whose text holds SLOW sleeps far past
any budget and one holding DIE ends its worker process on the spot."""
from __future__ import annotations

import dataclasses
import os
import time


def slow_or_dying(raw, settings) -> dict:
    from dateline.parallel import default_analyzer

    text = raw.text or ""
    if "SLOW" in text:
        time.sleep(600)
    if "DIE" in text:
        os._exit(3)
    return default_analyzer(raw, dataclasses.replace(settings, model="none"))
