"""The JSON API: thin views over dateline.timeline (queries, browse) and the store.

Filters are the CLI's (``actor``, ``target``, ``cameo``, ``since``, ``until``, ``q`` for --text,
``all``), plus ``plover``. Every list (events, timeline, claims, dyads, quotes) is paged by keyset
(dateline.timeline.browse): an opaque ``cursor`` (the ``next`` of the answer before, null on the last
page) and a ``limit`` capped per route; a cursor that is not the server's, or belongs to another
query, is a 400 ``bad_cursor``. Writes happen only in POST /api/ingest, with the configured token.
"""
from __future__ import annotations

import hmac
import io
import json
import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..errors import DatelineError
from ..store import Store, dedup_key, open_store
from ..timeline import browse
from ..timeline import queries as Q
from . import chart

router = APIRouter()
Text = Annotated[str | None, Query(max_length=200)]
Cursor = Annotated[str | None, Query(max_length=1000, description="the `next` of the previous page (opaque); "
                                     "absent for the first page")]


def page_size(cap: int):
    """The ``limit`` parameter of a list route whose pages hold at most ``cap`` rows."""
    return Annotated[int, Query(ge=1, le=1_000_000, description=f"rows per page, capped at {cap}")]


def store(request: Request) -> Store:
    return request.app.state.stores.get()


def filters(actor: Text = None, target: Text = None,
            cameo: Annotated[str | None, Query(max_length=4, description="CAMEO code or prefix (15, 150)")] = None,
            plover: Annotated[str | None, Query(max_length=40, description="PLOVER type (MOBILIZE)")] = None,
            since: Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
            until: Annotated[str | None, Query(max_length=10, description="inclusive")] = None,
            q: Annotated[str | None, Query(max_length=500, description="full text: every word must occur")] = None,
            text_in: Literal["sentence", "article", "both"] = "sentence",
            all: Annotated[bool, Query(description="include negated and hypothetical events")] = False) -> dict:
    f = {"actor": actor, "target": target, "cameo": cameo, "plover": plover, "since": since, "until": until,
         "text": q, "text_in": text_in, "include_all": all}
    return {k: v for k, v in f.items() if v not in (None, "")}


Filters = Annotated[dict, Depends(filters)]
StoreDep = Annotated[Store, Depends(store)]


def not_found(what: str) -> HTTPException:
    return HTTPException(404, detail={"code": "not_found", "message": what})


@router.get("/healthz", tags=["meta"], summary="Liveness (no store access): the peer route of the load benchmark")
def healthz() -> dict:
    return {"ok": True}


@router.get("/api/events", tags=["events"], summary="Events (happenings) that match, one page at a time")
def api_events(s: StoreDep, f: Filters, sort: Literal[tuple(browse.SORTS)] = "date", desc: bool = False,
               cursor: Cursor = None, limit: page_size(browse.MAX_LIMIT) = browse.DEFAULT_LIMIT
               ) -> dict:
    """Each happening with its best values, one reporting sentence and its place's GeoNames record
    (``location_geo``: id, name, country, admin1, lat, lon, feature class and code; null if none)."""
    return browse.events_page(s, sort=sort, desc=desc, cursor=cursor, limit=limit, **f)


@router.get("/api/clusters/{cid}", tags=["events"], summary="One happening with every report and its evidence")
def api_cluster(s: StoreDep, cid: str) -> dict:
    c = browse.cluster_detail(s, cid)
    if c is None:
        raise not_found(f"no event cluster {cid!r} in the store")
    return c


def timeline_data(s: Store, f: dict, either: str | None, unit: str, limit: int = browse.MAX_TIMELINE,
                  cursor: str | None = None) -> dict:
    rows, nxt = browse.timeline_page(s, either=either, limit=limit, cursor=cursor, **f)
    browse.add_places(s, rows)
    ser = chart.series(rows, unit)
    buckets = [{"period": d.isoformat(), "events": b["n"], "goldstein": round(b["goldstein"], 2),
                "quad_classes": {str(k): v for k, v in sorted(b["quads"].items())}} for d, b in ser["buckets"].items()]
    imprecise = [{"cluster": i["row"]["cluster"], "date": i["row"]["date"], "first": i["first"].isoformat(),
                  "last": i["last"].isoformat()} for i in ser["imprecise"]]
    return {"unit": unit, "events": rows, "truncated": nxt is not None, "next": nxt, "series": buckets,
            "imprecise": imprecise, "undated": browse.undated_count(s, either=either, **f)}


@router.get("/api/timeline", tags=["events"], summary="Dated events in order, with counts per day or week")
def api_timeline(s: StoreDep, f: Filters, either: Text = None, unit: Literal["day", "week"] = "day",
                 cursor: Cursor = None, limit: page_size(browse.MAX_TIMELINE) = browse.MAX_TIMELINE
                 ) -> dict:
    """One page of the dated happenings that match, in order (day, CAMEO code, date, cluster), with the
    counts per period of the happenings of this page (``series``; ``imprecise`` those whose date is
    coarser than the period); ``next`` pages on (``truncated``: there is a next page); ``undated``: how
    many happenings match but have no date (not on a timeline; `/api/events` lists them)."""
    return timeline_data(s, f, either, unit, limit, cursor)


@router.get("/api/count", tags=["events"], summary="The number of distinct happenings that match")
def api_count(s: StoreDep, f: Filters) -> dict:
    where, params = browse.filtered_where(s, **f)
    return {"count": int(s.scalar(f"SELECT count(*) AS n FROM clusters c WHERE {where}", params) or 0)}


@router.get("/api/claims", tags=["claims"], summary="Series claims checked against the record")
def api_claims(s: StoreDep, all: bool = False, cursor: Cursor = None,
               limit: page_size(browse.MAX_LIMIT) = browse.MAX_LIMIT) -> dict:
    """Claims in the order of their claiming event's day (undated last), article and event."""
    rows, nxt = browse.list_page(Q.claims(s, include_all=all), _claim_key, kind="claims", query={"all": all},
                                 cursor=cursor, limit=limit)
    return {"limit": browse.page_limit(limit), "claims": rows, "next": nxt}


def _claim_key(c: dict) -> tuple:
    ev = c.get("evidence") or {}
    return (c.get("on"), ev.get("article_key"), ev.get("event"))


@router.get("/api/dyads", tags=["events"], summary="Events and Goldstein sum per actor pair per ISO week")
def api_dyads(s: StoreDep, f: Filters, cursor: Cursor = None,
              limit: page_size(browse.MAX_LIMIT) = browse.MAX_LIMIT) -> dict:
    """Per ISO week, actor and target (weeks in order, then the imprecise bucket)."""
    f.pop("text_in", None)
    plover = f.pop("plover", None)
    if plover:
        raise HTTPException(400, detail={"code": "bad_query", "message": "dyads: no plover filter"})
    rows, nxt = browse.list_page(Q.dyads(s, **f), lambda d: (d["week"] == Q.IMPRECISE, d["week"], d["actor"],
                                                           d["target"]),
                                 kind="dyads", query=f, cursor=cursor, limit=limit)
    return {"limit": browse.page_limit(limit), "dyads": rows, "next": nxt}


@router.get("/api/articles/{key}", tags=["articles"], summary="The stored record of an article (dateline/article@1)")
def api_article(s: StoreDep, key: str) -> dict:
    rec = browse.article_record(s, key)
    if rec is None:
        raise not_found(f"no article {key!r} in the store")
    return rec


def quote_filters(speaker: Text = None,
                  state: Annotated[str | None, Query(max_length=3, description="the speaker's state (PRK)")] = None,
                  since: Annotated[str | None, Query(max_length=10, description="published from")] = None,
                  until: Annotated[str | None, Query(max_length=10, description="published up to")] = None,
                  q: Annotated[str | None, Query(max_length=500, description="words in the quotation")] = None) -> dict:
    f = {"speaker": speaker, "state": state, "since": since, "until": until, "text": q}
    return {k: v for k, v in f.items() if v not in (None, "")}


QuoteFilters = Annotated[dict, Depends(quote_filters)]


@router.get("/api/quotes", tags=["quotations"], summary="Quotations by speaker, speaker's state, date and words")
def api_quotes(s: StoreDep, f: QuoteFilters, cursor: Cursor = None,
               limit: page_size(browse.MAX_LIMIT) = browse.DEFAULT_LIMIT) -> dict:
    """Quotations in the order of their article's date, article and position."""
    return browse.quotes_page(s, cursor=cursor, limit=limit, **f)


def export_rows(s: Store, f: dict) -> list[dict]:
    plover = f.pop("plover", None)
    f.pop("text_in", None)
    rows = Q.export(s, **f)
    return [r for r in rows if not plover or (r["PLOVER"] or "").upper() == plover.upper()]


def _export_cell(v):
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return "" if v is None else int(v) if isinstance(v, bool) else v


@router.get("/api/export", tags=["events"], summary="The matching events as a file: csv, jsonl or parquet",
            response_class=Response)
def api_export(s: StoreDep, f: Filters, format: Literal["csv", "jsonl", "parquet"] = "csv") -> Response:
    from ..cli_record import write_parquet
    from ..csvout import write_csv

    rows = export_rows(s, f)
    name = f"dateline-events.{format}"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    if format == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson", headers=headers)
    if format == "csv":
        buf = io.StringIO()          # the cells of `dateline export --format csv`, through the one CSV writer
        write_csv(buf, Q.EXPORT_COLUMNS, ([_export_cell(r[k]) for k in Q.EXPORT_COLUMNS] for r in rows))
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    fd, path = tempfile.mkstemp(suffix=".parquet")
    os.close(fd)
    try:
        write_parquet(rows, path)
        with open(path, "rb") as fh:
            return Response(fh.read(), media_type="application/vnd.apache.parquet", headers=headers)
    finally:
        os.unlink(path)


# ------------------------------------------------------------------------------------------ posting
class ArticleIn(BaseModel):
    """One article, as a line of a JSONL batch: ``text`` or ``html``, the rest optional."""
    id: str | None = Field(None, max_length=200)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=500)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=1000)


@router.post("/api/analyze", tags=["analysis"], summary="The record of a posted article (analysed in a worker)")
def api_analyze(request: Request, article: ArticleIn) -> dict:
    item = article.model_dump(exclude_none=True)
    item.setdefault("id", "posted")
    return request.app.state.workers.analyze(item)


def check_token(request: Request) -> None:
    token = request.app.state.settings.serve_token
    if not token:
        raise HTTPException(401, detail={"code": "read_only", "message": "this server is read-only: no serve_token "
                                         "is configured in the settings"})
    given = request.headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-dateline-token", "")
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(401, detail={"code": "unauthorized", "message": "POST /api/ingest needs the server's "
                                         "token (Authorization: Bearer TOKEN)"},
                            headers={"www-authenticate": "Bearer"})


@router.post("/api/ingest", tags=["analysis"], summary="Analyse and store posted articles (needs the token)")
def api_ingest(request: Request, body: IngestIn) -> dict:
    check_token(request)
    app = request.app
    results = []
    for n, art in enumerate(body.articles, start=1):
        item = art.model_dump(exclude_none=True)
        item.setdefault("id", f"posted:{n}")
        results.append(_ingest_one(app, item))
    counts = {k: sum(r["status"] == k for r in results) for k in ("stored", "already", "failed")}
    return {**counts, "articles": results}


def _ingest_one(app, item: dict) -> dict:
    key = dedup_key(url=item.get("url"), text=item.get("text"), html=item.get("html"))
    if app.state.stores.get().has_article(key):
        return {"id": item["id"], "status": "already"}
    try:
        rec = app.state.workers.analyze(item)
    except DatelineError as e:
        with app.state.write_lock, open_store(app.state.db) as w:
            w.add_failure(source="api", item_id=item["id"], code=e.code, message=e.message)
        return {"id": item["id"], "status": "failed", "error": {"code": e.code, "message": e.message}}
    with app.state.write_lock, open_store(app.state.db) as w:
        res = w.add_article(rec, dedup=key, source="api")
    return {"id": item["id"], "status": "stored" if res.stored else "already", "key": res.key, "events": res.events}
