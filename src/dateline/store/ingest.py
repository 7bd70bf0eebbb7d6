"""Ingest: read inputs, analyse each article, store it with its events merged into clusters.

Idempotent: an article already in the store (same URL, or same normalised text when it has no
URL) is skipped before it is analysed. Resumable: each article is committed in one transaction
with its events and cluster assignments, so a run killed at any point loses nothing already
committed and a second run stores only what is missing. An input that cannot be read or analysed
becomes a failure row with its error, and the run goes on. Articles are analysed by ``--jobs``
worker processes (dateline.parallel; an article past the ``max_seconds`` budget fails with a
``timeout`` row and its worker is replaced), and this process stores them in input order.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

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
           published: str | None = None, input_format: str = "auto", jobs: int | None = None,
           dask: str | None = None, analyzer=None, stats: list | None = None) -> IngestSummary:
    """Analyse and store every article under ``paths`` ('-': stdin); ``input_format`` (auto, text,
    html, jsonl) says how to read every input, as `dateline analyze --input-format` does.

    ``jobs``: analysis processes (dateline.parallel.analyze_all; None: the ``jobs`` setting). This
    process stays the one writer: articles are stored in input order, one transaction each.
    ``dask``: analyse on a Dask cluster instead (dateline.dask_pool: a scheduler address or local:N).
    ``analyzer`` replaces the pipeline (tests); ``stats`` receives the worker pool, if one ran."""
    from ..parallel import analyze_all

    settings = settings or load_settings()
    progress = progress or Progress()
    summary = IngestSummary()
    t0 = time.perf_counter()
    sources = _sources(paths, input_format, store, summary, on_error)
    progress.start(sum(s.estimate() for s in sources))
    try:
        tasks = _tasks(sources, store, settings, published)
        if dask:
            from ..dask_pool import analyze_dask
            outcomes = analyze_dask(tasks, settings, dask, analyzer=analyzer)
        else:
            outcomes = analyze_all(tasks, settings, jobs=jobs, analyzer=analyzer, pool=stats)
        for ctx, outcome in outcomes:
            store_outcome(store, summary, ctx, outcome, progress=progress, on_error=on_error)
    finally:
        progress.stop()
        summary.seconds = time.perf_counter() - t0
    return summary


def _sources(paths, input_format: str, store: Store, summary: IngestSummary, on_error) -> list[Source]:
    sources: list[Source] = []
    for s in walk(paths, input_format=input_format):
        if isinstance(s, Failed):
            _fail(store, summary, on_error, source=s.id or "?", item=None, code=s.error.code, message=s.error.message)
        else:
            sources.append(s)
    summary.inputs = len(sources)
    return sources


def _tasks(sources: list[Source], store: Store, settings: Settings, published: str | None):
    """(context, article to analyse or None) for every item of the inputs, in order: an item that
    could not be read, or whose article is already stored, is not analysed."""
    for src in sources:
        for item in src.items(max_bytes=settings.max_bytes):
            if isinstance(item, Failed):
                yield ("failed", src.name, item.id, item.error.code, item.error.message), None
                continue
            if published:
                item.published, item.published_from = published, "given"
            key = dedup_key(url=item.url, text=item.text, html=item.html)
            if store.has_article(key):
                yield ("already",), None
                continue
            yield ("new", src.name, item.id, key), item


def store_outcome(store: Store, summary: IngestSummary, ctx: tuple, outcome, *, progress: Progress,
                  on_error=None) -> None:
    """Store what the analysis of one task gave (the one writer): the record, or its failure row."""
    if ctx[0] == "failed":
        _fail(store, summary, on_error, source=ctx[1], item=ctx[2], code=ctx[3], message=ctx[4])
        progress.advance(note="failed")
        return
    if ctx[0] == "already":
        summary.articles += 1
        summary.already += 1
        progress.advance(note="already stored")
        return
    _, source, item_id, key = ctx
    if outcome[0] != "ok":
        _fail(store, summary, on_error, source=source, item=item_id, code=outcome[1], message=outcome[2])
        progress.advance(note="failed")
        return
    rec = outcome[1]
    summary.articles += 1
    summary.undated += (rec.get("article") or {}).get("published_from") == "none"
    res = store.add_article(rec, dedup=key, source=source)
    if res.stored:
        summary.stored += 1
        summary.events += res.events
        summary.new_clusters += res.new_clusters
        summary.joined += res.joined_clusters
    else:
        summary.already += 1
    progress.advance()


def _fail(store: Store, summary: IngestSummary, on_error, *, source: str, item: str | None, code: str,
          message: str) -> None:
    summary.failed += 1
    summary.errors.append(message)
    store.add_failure(source=source, item_id=item, code=code, message=message)
    if on_error:
        on_error(message)
