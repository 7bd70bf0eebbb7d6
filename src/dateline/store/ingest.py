"""Ingest: read inputs, analyse each article, store it with its events merged into clusters.

Idempotent: an article already in the store (same URL, or same normalised text when it has no
URL) is skipped before it is analysed. Resumable: each article is committed in one transaction
with its events and cluster assignments, so a run killed at any point loses nothing already
committed and a second run stores only what is missing. An input that cannot be read or analysed
becomes a failure row with its error, and the run goes on.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import DatelineError
from ..ingest.readers import Failed
from ..ingest.walk import Source, walk
from ..settings import Settings, load_settings
from .base import Store, dedup_key


@dataclass
class IngestSummary:
    inputs: int = 0             # files read
    articles: int = 0           # articles seen (stored + already stored)
    stored: int = 0
    already: int = 0
    failed: int = 0
    events: int = 0
    new_clusters: int = 0
    joined: int = 0
    undated: int = 0            # stored articles with no publication date at all
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        s = (f"{self.stored} article(s) stored, {self.already} already in the store, {self.failed} failed "
             f"({self.inputs} input file(s)); {self.events} event report(s): {self.new_clusters} new event(s), "
             f"{self.joined} merged into known events; {self.seconds:.1f} s")
        if self.stored and self.seconds:
            s += f" ({self.rate:.1f} articles/s)"
        return s


class Progress:
    """What ingest tells a progress display (the CLI's is a rich bar); this one does nothing."""

    def start(self, total: int) -> None: ...
    def advance(self, n: int = 1, *, note: str = "") -> None: ...
    def stop(self) -> None: ...


def ingest(paths: list[str | Path], store: Store, *, settings: Settings | None = None,
           progress: Progress | None = None, on_error: Callable[[str], None] | None = None,
           published: str | None = None, input_format: str = "auto") -> IngestSummary:
    """Analyse and store every article under ``paths`` ('-': stdin); ``input_format`` (auto, text,
    html, jsonl) says how to read every input, as `dateline analyze --input-format` does."""
    from ..pipeline import analyze_raw

    settings = settings or load_settings()
    progress = progress or Progress()
    summary = IngestSummary()
    t0 = time.perf_counter()
    sources: list[Source] = []
    for s in walk(paths, input_format=input_format):
        if isinstance(s, Failed):
            _fail(store, summary, on_error, source=s.id or "?", item=None, code=s.error.code, message=s.error.message)
        else:
            sources.append(s)
    summary.inputs = len(sources)
    progress.start(sum(s.estimate() for s in sources))
    try:
        for src in sources:
            for item in src.items(max_bytes=settings.max_bytes):
                if isinstance(item, Failed):
                    _fail(store, summary, on_error, source=src.name, item=item.id, code=item.error.code,
                          message=item.error.message)
                    progress.advance(note="failed")
                    continue
                if published:
                    item.published, item.published_from = published, "given"
                key = dedup_key(url=item.url, text=item.text, html=item.html)
                summary.articles += 1
                if store.has_article(key):
                    summary.already += 1
                    progress.advance(note="already stored")
                    continue
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        rec = analyze_raw(item, settings=settings).to_dict()
                except DatelineError as e:
                    summary.articles -= 1
                    _fail(store, summary, on_error, source=src.name, item=item.id, code=e.code, message=e.message)
                    progress.advance(note="failed")
                    continue
                except Exception as e:  # noqa: BLE001 - one bad article must not stop the run
                    summary.articles -= 1
                    _fail(store, summary, on_error, source=src.name, item=item.id, code="internal",
                          message=f"{item.id}: internal error while analysing ({type(e).__name__}: {e})")
                    progress.advance(note="failed")
                    continue
                summary.undated += (rec.get("article") or {}).get("published_from") == "none"
                res = store.add_article(rec, dedup=key, source=src.name)
                if res.stored:
                    summary.stored += 1
                    summary.events += res.events
                    summary.new_clusters += res.new_clusters
                    summary.joined += res.joined_clusters
                else:
                    summary.already += 1
                progress.advance()
    finally:
        progress.stop()
        summary.seconds = time.perf_counter() - t0
    return summary


def _fail(store: Store, summary: IngestSummary, on_error, *, source: str, item: str | None, code: str,
          message: str) -> None:
    summary.failed += 1
    summary.errors.append(message)
    store.add_failure(source=source, item_id=item, code=code, message=message)
    if on_error:
        on_error(message)
