"""The HTML pages: server-rendered Jinja2 templates over the same library calls as the JSON API.

No page runs a script: filters are a GET form, sorting and paging are links, hover details are
``title`` attributes and the chart is inline SVG. Templates autoescape everything.
"""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import Store
from ..timeline import browse
from ..timeline import queries as Q
from . import chart, render
from .api import Filters, QuoteFilters, StoreDep, Text, not_found, timeline_data

router = APIRouter(include_in_schema=False)

NAV = [("/events", "Events"), ("/timeline", "Timeline"), ("/claims", "Claims"), ("/quotes", "Quotations"),
       ("/docs", "API")]
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def page(request: Request, name: str, **context) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items()}

    def link(**changes) -> str:
        merged = {**params, **{k: v for k, v in changes.items()}}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})

    tpl = request.app.state.templates.get_template(name)
    return HTMLResponse(tpl.render(nav=NAV, path=request.url.path, params=params, link=link, quads=QUADS, **context))


def _plovers(s: Store) -> list[str]:
    return [r["plover"] for r in s.rows("SELECT DISTINCT plover FROM clusters WHERE plover IS NOT NULL ORDER BY plover")]


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, s: StoreDep, f: Filters, sort: Literal[tuple(browse.SORTS)] = "date",
                desc: bool = False, cursor: Annotated[str | None, Query(max_length=1000)] = None,
                limit: Annotated[int, Query(ge=1, le=1_000_000)] = browse.DEFAULT_LIMIT) -> HTMLResponse:
    res = browse.events_page(s, sort=sort, desc=desc, cursor=cursor, limit=limit, **f)
    downloads = {fmt: "/api/export?" + urlencode({**{k: v for k, v in request.query_params.items()
                                                     if k not in ("sort", "desc", "cursor", "limit")}, "format": fmt})
                 for fmt in ("csv", "jsonl", "parquet")}
    return page(request, "events.html", title="Events", res=res, sorts=list(browse.SORTS), plovers=_plovers(s),
                downloads=downloads)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, s: StoreDep, f: Filters, either: Text = None,
                  unit: Literal["day", "week"] = "day") -> HTMLResponse:
    data = timeline_data(s, dict(f), either, unit)
    days: dict[str, list[dict]] = {}
    for r in data["events"]:
        days.setdefault(r["date"] if r["date"] and len(r["date"]) < 10 else r["day"], []).append(r)
    return page(request, "timeline.html", title="Timeline", data=data, days=days, svg=chart.svg(data["events"], unit),
                plovers=_plovers(s), legend=chart.QUADS)


@router.get("/clusters/{cid}", response_class=HTMLResponse)
def cluster_page(request: Request, s: StoreDep, cid: str) -> HTMLResponse:
    c = browse.cluster_detail(s, cid)
    if c is None:
        raise not_found(f"no event cluster {cid!r} in the store")
    for r in c["reports_list"]:
        r["html"] = render.sentence_html(r["sentence"], r["spans"])
    return page(request, "cluster.html", title=f"Event {c.get('label') or c['event'] or c['cameo']}", c=c)


@router.get("/articles/{key}", response_class=HTMLResponse)
def article_page(request: Request, s: StoreDep, key: str) -> HTMLResponse:
    rec = browse.article_record(s, key)
    if rec is None:
        raise not_found(f"no article {key!r} in the store")
    return page(request, "article.html", title=rec["article"].get("title") or rec["article"]["id"],
                **article_context(rec))


def article_context(rec: dict) -> dict:
    """What the article templates need (the page and ``dateline analyze --format html``)."""
    ents = {e["id"]: e for e in rec.get("entities") or []}
    return {"rec": rec, "a": rec["article"], "text_html": render.article_html(rec), "ents": ents,
            "clusters": (rec.get("store") or {}).get("clusters") or {}, "cameo_label": Q.cameo_label}


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, s: StoreDep, all: bool = False) -> HTMLResponse:
    rows = Q.claims(s, include_all=all)
    counts = {k: sum(r["status"] == k for r in rows) for k in ("consistent", "inconsistent", "unchecked")}
    return page(request, "claims.html", title="Claims", claims=rows, counts=counts)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, s: StoreDep, f: QuoteFilters,
                cursor: Annotated[str | None, Query(max_length=1000)] = None,
                limit: Annotated[int, Query(ge=1, le=1_000_000)] = browse.DEFAULT_LIMIT) -> HTMLResponse:
    res = browse.quotes_page(s, cursor=cursor, limit=limit, **f)
    return page(request, "quotes.html", title="Quotations", res=res)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema (no script; the schema is /openapi.json)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or "", "type": _type_of(p.get("schema") or {})}
                      for p in op.get("parameters", [])]
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "params": params, "body": body.get("$ref", "").rsplit("/", 1)[-1]})
    return page(request, "docs.html", title="API", ops=ops, info=spec.get("info", {}),
                schemas=spec.get("components", {}).get("schemas", {}))


def _type_of(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(str(x) for x in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(x) for x in schema["anyOf"])
    return str(schema.get("type", ""))
