"""The analysis pipeline: one article in, one article record out.

Stages run in one direction, each reading what the one before wrote:
metadata -> sentences -> time expressions -> entities -> attribution -> events.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
import time
from contextlib import contextmanager

from .article import extract_meta
from .errors import InputError, too_large
from .extract.attribution import extract_attributions
from .extract.entities import extract_entities
from .extract.entity_context import (add_agent_mentions, add_definite_descriptions, assign_home_state,
                                     code_people_from_context, infer_genders, join_surnames)
from .extract.events import extract_events, find_triggers
from .extract.geocode import geocode
from .extract.timexes import tag_timexes
from .isodate import iso_date
from .ingest.readers import RawArticle, from_html
from .record import ArticleMeta, Entity, Mention, Record, Span
from .settings import Settings, load_settings
from .text import split_sentences


def _parse_date(value: str | None, what: str) -> _dt.date | None:
    if not value:
        return None
    d = iso_date(value)
    if d is None:
        raise InputError(f"{what}: '{value}' is not an ISO date (YYYY-MM-DD or a datetime)", code="bad_date")
    return d


def _article_id(text: str) -> str:
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@contextmanager
def _stage(timings: dict | None, name: str):
    if timings is None:
        yield
        return
    t0 = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0


def analyze_raw(raw: RawArticle, *, settings: Settings | None = None, today: _dt.date | None = None,
                timings: dict | None = None) -> Record:
    """Analyse one article. ``timings``, when given, accumulates the seconds spent in each stage."""
    settings = settings or load_settings()
    warnings = list(raw.warnings)
    published_from = raw.published_from or "given"
    if raw.html is not None and raw.text is None:
        page = from_html(raw.html, id=raw.id, url=raw.url)
        raw.text = page.text
        raw.title = raw.title or page.title
        raw.outlet = raw.outlet or page.outlet
        raw.authors = raw.authors or page.authors
        if not raw.published and page.published:
            raw.published, published_from = page.published, "metadata"
    text = raw.text or ""
    if not text.strip():
        raise InputError(f"{raw.id}: the text is empty: nothing to analyse", code="empty")
    size = len(text.encode("utf-8"))
    if size > settings.max_bytes:
        raise too_large(f"{raw.id}: the text", size, settings.max_bytes)
    given = _parse_date(raw.published, f"{raw.id}: published")     # stored as YYYY-MM-DD
    with _stage(timings, "metadata"):
        meta = extract_meta(text, title=raw.title, published=given.isoformat() if given else None,
                            published_from=published_from,
                            outlet=raw.outlet, authors=raw.authors, today=today, url=raw.url)
    dct = _parse_date(meta.published, f"{raw.id}: published")
    with _stage(timings, "sentences"):
        sentences = split_sentences(text)
    with _stage(timings, "timexes"):
        timexes = tag_timexes(text, dct, sentences=sentences)
    bylines = meta.authors + meta.contributors
    with _stage(timings, "events"):
        found = find_triggers(text, sentences)
    with _stage(timings, "parse"):
        parses = _parse_sentences(text, sentences, settings.model, story_start=meta.dateline_end)
    with _stage(timings, "entities"):
        ents = extract_entities(text, sentences, published=dct, dateline_end=meta.dateline_end, bylines=bylines)
        _add_bylines(text, ents, bylines)
        if parses:
            _add_recognised(text, ents, parses.values())
        join_surnames(ents)
        add_definite_descriptions(text, ents)
        code_people_from_context(text, ents)
        infer_genders(text, ents)
        add_agent_mentions(text, ents, assign_home_state(ents))
    with _stage(timings, "attribution"):
        # the dateline ("BRUSSELS, Dec. 15 (Reuters) -") is not part of anything anyone said
        cut = meta.dateline_end
        att_sentences = [(cut, b) if a < cut < b else (a, b) for a, b in sentences] if cut else sentences
        quotes, attributions = extract_attributions(text, att_sentences, ents.mentions)
    quote_spans = [(q.start, q.end) for q in quotes]
    with _stage(timings, "events"):
        events = extract_events(text, sentences, ents.mentions, timexes, attributions,
                                published=meta.published, quote_spans=quote_spans, parses=parses, found=found,
                                statements=settings.statements)
    with _stage(timings, "geocode"):
        geocode(text, ents.entities, events)
    article = ArticleMeta(
        id=raw.id or _article_id(text), text=text, title=meta.title, url=raw.url, published=meta.published,
        published_from=meta.published_from, published_evidence=meta.published_evidence,
        dateline=meta.dateline, authors=meta.authors, contributors=meta.contributors, outlet=meta.outlet)
    return Record(article=article, entities=ents.entities, timexes=timexes, quotes=quotes,
                  attributions=attributions, events=events, warnings=warnings)


def _parse_sentences(text: str, sentences, model: str | None, *, story_start: int = 0) -> dict:
    """Parse every sentence (names come from the recogniser everywhere, not only where the event
    dictionary found a trigger): sentence index -> parsed span; {} for the rules-only profile. A
    dateline ("SEOUL, Aug 6 (Reuters) -") is left out."""
    from .nlp import load_pipeline, parse

    nlp = load_pipeline(model)
    if nlp is None or not sentences:
        return {}
    # events use heads, relations and entities only: the taggers are not run (about 10% of the time)
    skip = [p for p in ("tagger", "morphologizer", "lemmatizer", "attribute_ruler") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        spans = parse(nlp, text, [(max(a, min(story_start, b)), b) for a, b in sentences])
    return dict(enumerate(spans))


def _overlaps(mentions, s: int, e: int, maxlen: int) -> bool:
    """Whether a mention overlaps [s, e): ``mentions`` sorted by start, none longer than ``maxlen``."""
    i = bisect.bisect_left(mentions, e, key=lambda m: m.start)      # mentions[:i] start before e
    while i > 0:
        i -= 1
        if mentions[i].start + maxlen <= s:
            return False                                            # it and every earlier one end by s
        if mentions[i].end > s:
            return True
    return False


def _add_mention(text: str, ents, s: int, e: int, kind: str, name: str, source: str,
                 maxlen: int | None = None) -> bool:
    """Add a mention of a person/organisation/place the extractors did not find (bylines, the
    recogniser): to the entity of that name, else to a new one; never over an existing mention.
    ``maxlen`` (the longest mention, when the mentions are sorted by start) makes the test a search."""
    if (_overlaps(ents.mentions, s, e, maxlen) if maxlen is not None
            else any(m.start < e and s < m.end for m in ents.mentions)):
        return False
    entity = next((x for x in ents.entities if x.kind == kind and x.name == name), None)
    if entity is None and kind == "person" and " " not in name:
        # a surname alone is the person named in full before ("Kim" -> Kim Jong Un)
        entity = next((x for x in ents.entities if x.kind == "person" and name in x.name.split()), None)
    if entity is None:
        entity = Entity(id=f"e{len(ents.entities) + 1}", name=name, kind=kind, code=None, source=source)
        ents.entities.append(entity)
    entity.mentions.append(Span(s, e, text[s:e]))
    bisect.insort(ents.mentions, Mention(s, e, text[s:e], entity=entity.id, name=entity.name, kind=kind,
                                         code=entity.code, form=source), key=lambda m: m.start)
    return True


def _add_recognised(text: str, ents, spans) -> None:
    """People, organisations and places the recogniser found where the gazetteer and the patterns
    found nothing (they never override a gazetteer entity)."""
    from .extract.entities import recognised_kind
    from .nlp import entity_type

    kinds = {"PER": "person", "ORG": "organization", "LOC": "place"}
    per_doc: dict[int, tuple[list, list[int]]] = {}          # each Doc's entities, read once
    ms = ents.mentions
    maxlen = max((m.end - m.start for m in ms), default=0) \
        if all(a.start <= b.start for a, b in zip(ms, ms[1:])) else None
    for span in spans:
        span = span if hasattr(span, "start") else span[:]     # a whole Doc: its span
        if id(span.doc) not in per_doc:
            got = list(span.doc.ents)
            per_doc[id(span.doc)] = (got, [e.start for e in got])
        doc_ents, starts = per_doc[id(span.doc)]
        i = bisect.bisect_left(starts, span.start)          # span.ents, without a scan of the Doc per span
        while i < len(doc_ents) and doc_ents[i].end <= span.end:
            ent = doc_ents[i]
            i += 1
            kind = kinds.get(entity_type(ent.label_) or "")
            kind = recognised_kind(ent.text, kind) if kind else None
            if kind is None:
                continue
            if _add_mention(text, ents, ent.start_char, ent.end_char, kind, ent.text, "model:ner", maxlen) \
                    and maxlen is not None:
                maxlen = max(maxlen, ent.end_char - ent.start_char)


def _add_bylines(text: str, ents, names: list[str]) -> None:
    """Authors and contributors are people of the article even where no pattern found them."""
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            _add_mention(text, ents, m.start(), m.end(), "person", name, "byline")
        if not any(x.kind == "person" and x.name == name for x in ents.entities):
            ents.entities.append(Entity(id=f"e{len(ents.entities) + 1}", name=name, kind="person", code=None,
                                        source="byline"))


def analyze(text: str | None = None, *, html: str | None = None, published: str | None = None,
            id: str | None = None, title: str | None = None, url: str | None = None,
            outlet: str | None = None, settings: Settings | None = None, timings: dict | None = None) -> Record:
    """Analyse one article given as plain text or as an HTML page; returns its Record."""
    if text is None and html is None:
        raise InputError("analyze: give the article's text or html", code="no_text")
    raw = RawArticle(id=id or _article_id(text or html or ""), text=text, html=html, published=published,
                     title=title, url=url, outlet=outlet)
    return analyze_raw(raw, settings=settings, timings=timings)
