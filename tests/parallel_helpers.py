"""Analyzers for the worker-pool tests: importable by name in a spawned worker (tests/ is on its path).

``slow_or_dying``: the rules-only pipeline, except that an article whose text holds SLOW sleeps far past
any budget (using no CPU), one holding LATE sleeps one second first, one holding BUSY computes far past any budget, and one holding DIE ends its
worker process on the spot."""
from __future__ import annotations

import dataclasses
import os
import time

# Short articles of our own (id, text, publication date); the place names make events and entities.
ARTICLES = [
    ("a1", "North Korea fired two missiles on Friday, South Korea's military said.", "2019-10-04"),
    ("a2", "Russia and Ukraine agreed on Tuesday to exchange prisoners, officials said.", "2019-09-03"),
    ("a3", "Police arrested dozens of protesters in Hong Kong on Sunday.", "2019-10-06"),
    ("a4", "Iran accused the United States of economic terrorism on Monday.", "2019-09-16"),
    ("a5", "France sent troops to Mali on Wednesday, the defence ministry said.", "2019-11-13"),
    ("a6", "Japan protested to China about ships near the islands on Thursday.", "2019-08-22"),
]
TEXTS = [text for _, text, _ in ARTICLES]


def rules_settings(**kw):
    """The rules-only profile's settings, with ``kw`` changed."""
    from dateline.settings import load_settings

    return dataclasses.replace(load_settings(model="none"), **kw)


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
