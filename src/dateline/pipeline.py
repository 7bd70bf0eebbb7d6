"""The analysis pipeline: one article in, one article record out.

The article becomes one spaCy ``Doc``; dateline's registered components (``dateline.components``,
put in order by ``dateline.nlp.build.make_nlp``) each read the layers before them and write their
own, in one direction:

    metadata -> sentences -> timexes -> triggers -> [parse] -> entities -> attribution -> events -> geocode

and ``Record.from_doc`` turns the annotated Doc into the article record.
"""
from __future__ import annotations

import datetime as _dt
import time

from .errors import InputError, too_large
from .ingest.readers import RawArticle, from_html
from .nlp.build import make_nlp, new_doc, run, run_many
from .record import Record, article_id
from .settings import Settings, load_settings


def _read_html(raw: RawArticle) -> str:
    """The raw article's text, taken from its HTML page when it came as one (metadata filled in)."""
    if raw.html is not None and raw.text is None:
        page = from_html(raw.html, id=raw.id, url=raw.url)
        raw.text = page.text
        raw.title = raw.title or page.title
        raw.outlet = raw.outlet or page.outlet
        raw.authors = raw.authors or page.authors
        if not raw.published and page.published:
            raw.published, raw.published_from = page.published, "metadata"
    return raw.text or ""


def _prepare(raw: RawArticle, settings: Settings, today: _dt.date | None):
    """The pipeline and the new Doc of one article (the text checked: not empty, within max_bytes)."""
    text = _read_html(raw)
    if not text.strip():
        raise InputError(f"{raw.id}: the text is empty: nothing to analyse", code="empty")
    size = len(text.encode("utf-8"))
    if size > settings.max_bytes:
        raise too_large(f"{raw.id}: the text", size, settings.max_bytes)
    nlp = make_nlp(settings)
    return nlp, new_doc(nlp, text, input=raw, today=today, published_from=raw.published_from or "given",
                        warnings=list(raw.warnings))


def analyze_raw(raw: RawArticle, *, settings: Settings | None = None, today: _dt.date | None = None,
                timings: dict | None = None) -> Record:
    """Analyse one article. ``timings``, when given, accumulates the seconds spent in each stage
    (component)."""
    settings = settings or load_settings()
    t0 = time.perf_counter()
    nlp, doc = _prepare(raw, settings, today)
    if timings is not None:
        timings["tokens"] = timings.get("tokens", 0.0) + time.perf_counter() - t0
    return Record.from_doc(run(nlp, doc, timings=timings))


def analyze_many(raws: list[RawArticle], *, settings: Settings | None = None, today: _dt.date | None = None,
                 timings: dict | None = None) -> "list[Record | Exception]":
    """Analyse several articles together: the same records as ``analyze_raw`` one by one, with the
    statistical parse run once over all their sentences (``nlp.pipe`` batching across articles, the
    model's cost per batch shared). One Record, or the exception that article raised, per article."""
    settings = settings or load_settings()
    nlp = make_nlp(settings)
    t0 = time.perf_counter()
    out: list = []
    for raw in raws:
        try:
            out.append(_prepare(raw, settings, today)[1])
        except Exception as exc:  # noqa: BLE001 - that article fails, the others go on
            out.append(exc)
    if timings is not None:
        timings["tokens"] = timings.get("tokens", 0.0) + time.perf_counter() - t0
    live = [i for i, d in enumerate(out) if not isinstance(d, Exception)]
    for i, doc in zip(live, run_many(nlp, [out[i] for i in live], timings=timings)):
        try:
            out[i] = doc if isinstance(doc, Exception) else Record.from_doc(doc)
        except Exception as exc:  # noqa: BLE001
            out[i] = exc
    return out


def analyze(text: str | None = None, *, html: str | None = None, published: str | None = None,
            id: str | None = None, title: str | None = None, url: str | None = None,
            outlet: str | None = None, settings: Settings | None = None, timings: dict | None = None) -> Record:
    """Analyse one article given as plain text or as an HTML page; returns its Record."""
    if text is None and html is None:
        raise InputError("analyze: give the article's text or html", code="no_text")
    raw = RawArticle(id=id or article_id(text or html or ""), text=text, html=html, published=published,
                     title=title, url=url, outlet=outlet)
    return analyze_raw(raw, settings=settings, timings=timings)
