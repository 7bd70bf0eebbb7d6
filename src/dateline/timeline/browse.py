"""Browsing the record: pages of events with an opaque cursor, one event cluster with its reports and
the evidence for its best values, one article's record.

These are the library functions behind ``dateline serve`` (its pages and its JSON API are thin views
over them); they read the store only.

Pagination is by keyset, never by offset: the cursor holds the sort key of the last row of a page
(whether its sort column is NULL, the value, the cluster id), so a page is one indexed range scan
however deep it is, and rows inserted meanwhile do not shift the pages. Rows whose sort column is
NULL (an undated event) come last in either direction; the cluster id breaks ties. Every list of the
JSON API pages the same way: the timeline by its order (day, code, date, cluster), quotations by
(date, article, position), and the lists computed whole (claims, dyads) by the sort key of their
rows (``list_page``). A cursor is bound to the query it was made for.
"""
from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from ..store.base import Store
from . import queries as Q

SORTS = {"date": "c.day_first", "actor": "c.actor", "target": "c.target", "cameo": "c.cameo",
         "plover": "c.plover", "goldstein": "c.goldstein", "reports": "c.n_reports", "articles": "c.n_articles",
         "sources": "c.n_sources"}
DEFAULT_LIMIT = 50
MAX_LIMIT = 500             # page sizes above this are capped to it


def encode_cursor(key: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> dict:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw.decode("utf-8"))
        if not isinstance(key, dict) or not {"s", "d", "n", "v", "id"} <= set(key):
            raise ValueError("not a cursor")
        if not isinstance(key["id"], str) or key["n"] not in (0, 1) or not isinstance(key["v"], (str, int, float,
                                                                                             type(None))):
            raise ValueError("not a cursor")
        return key
    except (ValueError, UnicodeDecodeError, json.JSONDecodeError):
        raise Q.QueryError(f"cursor {cursor[:40]!r}: not a cursor this server gave (start again without it)",
                           code="bad_cursor") from None


def page_limit(limit: int | None) -> int:
    """A page size: at least 1; above MAX_LIMIT it is capped."""
    if limit is None:
        return DEFAULT_LIMIT
    if limit < 1:
        raise Q.QueryError(f"limit {limit}: a page holds at least 1 row", code="bad_limit")
    return min(int(limit), MAX_LIMIT)


def _bad_cursor(why: str) -> Q.QueryError:
    return Q.QueryError(f"cursor: {why} (start again without it)", code="bad_cursor")


def _sig(filters: dict) -> str:
    """A short fingerprint of a query's filters, which its cursors carry."""
    return hashlib.sha1(json.dumps(filters, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:16]


def key_cursor(kind: str, sig: str, key: list) -> str:
    """The cursor after a row whose sort key is ``key`` (a list of JSON values), for query ``sig``."""
    return encode_cursor({"s": kind, "d": 0, "n": 0, "v": json.dumps(key, separators=(",", ":")), "id": sig})


def cursor_key(cursor: str, kind: str, sig: str) -> list:
    """The sort key a cursor of ``key_cursor`` holds; an error when it belongs to another query."""
    key = decode_cursor(cursor)
    if key["s"] != kind or key["id"] != sig or not isinstance(key["v"], str):
        raise _bad_cursor("it belongs to another query")
    try:
        value = json.loads(key["v"])
    except ValueError:
        value = None
    if not isinstance(value, list):
        raise _bad_cursor("not a cursor this server gave")
    return value


def _orderable(values: tuple) -> list:
    """A sort key of JSON values where None sorts last and never meets another type."""
    return [[x is None, "" if x is None else x] for x in values]


def list_page(items: list[dict], key, *, kind: str, query: dict, cursor: str | None, limit: int | None
              ) -> tuple[list[dict], str | None]:
    """One page of a list computed whole, in the order of ``key(row)`` (a unique tuple per row), for the
    query whose filters are ``query``."""
    limit = page_limit(limit)
    sig = _sig(query)
    keyed = sorted(((_orderable(key(it)), it) for it in items), key=lambda p: p[0])
    if cursor:
        after = cursor_key(cursor, kind, sig)
        try:
            keyed = [p for p in keyed if p[0] > after]
        except TypeError:
            raise _bad_cursor("not a cursor this server gave") from None
    nxt = key_cursor(kind, sig, keyed[limit - 1][0]) if len(keyed) > limit else None
    return [p[1] for p in keyed[:limit]], nxt


def add_places(store: Store, rows: list[dict]) -> None:
    """Each happening's GeoNames record (``location_geo``: dateline.store.places), or None."""
    from ..store.places import cluster_geo
    geo = cluster_geo(store, [r["cluster"] for r in rows])
    for r in rows:
        r["location_geo"] = geo.get(r["cluster"])


def filtered_where(store: Store, *, plover: str | None = None, **filters) -> tuple[str, list[Any]]:
    """The WHERE clause of dateline.timeline.queries (the CLI's filters) plus a PLOVER type."""
    where, params = Q._where(store, **filters)
    if plover:
        where += " AND c.plover = ?"
        params.append(plover.strip().upper())
    return where, params


def _after(col: str, desc: bool, key: dict) -> tuple[str, list[Any]]:
    """The condition for rows after ``key`` in the order (col IS NULL, col, id), direction ``desc``."""
    op = "<" if desc else ">"
    if key["n"] == 1:           # the last row had no value: only NULL rows after it, by id
        return f"({col} IS NULL AND c.id {op} ?)", [key["id"]]
    return f"({col} IS NULL OR {col} {op} ? OR ({col} = ? AND c.id {op} ?))", [key["v"], key["v"], key["id"]]


def events_page(store: Store, *, sort: str = "date", desc: bool = False, cursor: str | None = None,
                limit: int | None = None, plover: str | None = None, **filters) -> dict:
    """One page of the happenings that match (the filters of ``queries.events`` and ``plover``),
    sorted by ``sort``; ``next`` is the cursor of the following page (None on the last one)."""
    if sort not in SORTS:
        raise Q.QueryError(f"sort {sort!r}: sort by one of {', '.join(SORTS)}", code="bad_sort")
    limit = page_limit(limit)
    col = SORTS[sort]
    where, params = filtered_where(store, plover=plover, **filters)
    total = int(store.scalar(f"SELECT count(*) AS n FROM clusters c WHERE {where}", params) or 0)
    sig = _sig({**filters, "plover": plover})
    if cursor:
        key = decode_cursor(cursor)
        if key["s"] != sort or bool(key["d"]) != desc:
            raise Q.QueryError("cursor: it belongs to another sort order (start again without it)", code="bad_cursor")
        if key.get("q") != sig:
            raise _bad_cursor("it belongs to another query")
        cond, more = _after(col, desc, key)
        where, params = f"{where} AND {cond}", params + more
    direction = "DESC" if desc else "ASC"
    sql = (f"SELECT c.* FROM clusters c WHERE {where} ORDER BY CASE WHEN {col} IS NULL THEN 1 ELSE 0 END, "
           f"{col} {direction}, c.id {direction} LIMIT {limit + 1}")
    found = store.rows(sql, params)
    rows = [Q._row(c) for c in found[:limit]]
    Q._add_sentences(store, rows)
    add_places(store, rows)
    nxt = None
    if len(found) > limit:
        last = found[limit - 1]
        value = last[col.split(".", 1)[1]]
        nxt = encode_cursor({"s": sort, "d": int(desc), "n": int(value is None), "v": value, "id": last["id"],
                             "q": sig})
    return {"total": total, "limit": limit, "sort": sort, "desc": desc, "events": rows, "next": nxt}


MAX_TIMELINE = 5000         # dated happenings in one timeline answer (the earliest; ``truncated`` says so)


def timeline_rows(store: Store, *, limit: int = MAX_TIMELINE, plover: str | None = None,
                  **filters) -> tuple[list[dict], bool]:
    """The dated happenings of ``queries.timeline`` (in order) with a PLOVER filter and at most ``limit``
    rows; the flag says whether more matched."""
    rows, nxt = timeline_page(store, limit=limit, plover=plover, **filters)
    return rows, nxt is not None


def undated_count(store: Store, *, plover: str | None = None, **filters) -> int:
    """How many happenings that match have no date (``queries.timeline`` lists them after the dated
    ones; a timeline page, which draws days, says how many it leaves out)."""
    where, params = filtered_where(store, plover=plover, **filters)
    return int(store.scalar(f"SELECT count(*) AS n FROM clusters c WHERE {where} AND c.day_first IS NULL",
                            params) or 0)


def timeline_page(store: Store, *, limit: int = MAX_TIMELINE, cursor: str | None = None, plover: str | None = None,
                  **filters) -> tuple[list[dict], str | None]:
    """One page of the dated happenings of ``queries.timeline`` (its order: day, CAMEO code, date,
    cluster) with a PLOVER filter, at most ``limit`` (capped at MAX_TIMELINE), and the next cursor."""
    if limit < 1:
        raise Q.QueryError(f"limit {limit}: a page holds at least 1 row", code="bad_limit")
    limit = min(int(limit), MAX_TIMELINE)
    sig = _sig({**filters, "plover": plover})
    where, params = filtered_where(store, plover=plover, **filters)
    if cursor:
        after = cursor_key(cursor, "timeline", sig)
        if len(after) != 4 or not all(isinstance(x, str) for x in after):
            raise _bad_cursor("not a cursor this server gave")
        where += " AND (c.day_first > ? OR (c.day_first = ? AND (c.cameo > ? OR (c.cameo = ? AND (c.date > ? " \
                 "OR (c.date = ? AND c.id > ?))))))"
        d, code, date, cid = after
        params = params + [d, d, code, code, date, date, cid]
    rows = store.rows(f"SELECT c.* FROM clusters c WHERE {where} AND c.day_first IS NOT NULL{Q._ORDER} "
                      f"LIMIT {limit + 1}", params)
    last = rows[limit - 1] if len(rows) > limit else None
    nxt = key_cursor("timeline", sig, [last["day_first"], last["cameo"], last["date"] or "", last["id"]]) \
        if last else None
    return [Q._row(c) for c in rows[:limit]], nxt


# ------------------------------------------------------------------------------------------ clusters
def _report(e: dict) -> dict:
    text = e.get("sentence_text") or ""
    s0 = e.get("sentence_start")
    spans = []
    if isinstance(s0, int):
        for kind, a, b in (("trigger", e.get("trigger_start"), e.get("trigger_end")),):
            if isinstance(a, int) and isinstance(b, int):
                spans.append({"kind": kind, "start": a - s0, "end": b - s0})
    return {"article": e["record_id"], "article_key": e["article_key"], "event": e["event_id"],
            "title": e.get("title"), "outlet": e.get("outlet"), "url": e.get("url"), "published": e.get("published"),
            "cameo": e["cameo"], "event_name": Q.cameo_name(e["cameo"]), "label": Q.cameo_label(e["cameo"]),
            "date": e["date"], "date_from": e["date_from"],
            "actor": e["actor_code"], "actor_name": e["actor_name"], "target": e["target_code"],
            "target_name": e["target_name"], "location": e["location_name"] or e["location_code"],
            "sources": json.loads(e.get("sources") or "[]"), "negated": bool(e["negated"]),
            "hypothetical": bool(e["hypothetical"]), "trigger": e["trigger_text"], "sentence": text,
            "sentence_start": s0, "spans": spans, "rule": e["rule"], "version": e["version"]}


def _add_report_spans(store: Store, reports: list[dict]) -> None:
    """Actor, target and time expression of each report as spans of its sentence (from its record)."""
    records: dict[str, dict] = {}
    for r in reports:
        if r["article_key"] not in records:
            a = store.article(r["article_key"]) or {}
            records[r["article_key"]] = json.loads(a.get("record") or "{}")
        rec = records[r["article_key"]]
        ev = next((e for e in rec.get("events") or [] if e.get("id") == r["event"]), None)
        s0 = r["sentence_start"]
        if ev is None or not isinstance(s0, int):
            continue
        s1 = s0 + len(r["sentence"])
        ents = {e["id"]: e for e in rec.get("entities") or []}
        for role in ("actor", "target"):
            ent = ents.get((ev.get(role) or {}).get("entity") or "")
            for m in (ent or {}).get("mentions") or []:
                if s0 <= m["start"] and m["end"] <= s1:
                    r["spans"].append({"kind": role, "start": m["start"] - s0, "end": m["end"] - s0})
        tx = next((t for t in rec.get("timexes") or [] if t.get("id") == ev.get("date_timex")), None)
        if tx and s0 <= tx["start"] and tx["end"] <= s1:
            r["spans"].append({"kind": "timex", "start": tx["start"] - s0, "end": tx["end"] - s0,
                               "value": tx.get("value")})


def _best_evidence(cluster: dict, reports: list[dict]) -> dict:
    """For the cluster's best date, actor and target: the reports that say so."""
    out = {}
    for field, key in (("date", "date"), ("actor", "actor"), ("target", "target"), ("cameo", "cameo")):
        best = cluster.get(field)
        out[field] = {"value": best, "reports": [f"{r['article']}/{r['event']}" for r in reports
                                                 if best is not None and r.get(key) == best]}
    return out


def cluster_detail(store: Store, cid: str) -> dict | None:
    """One happening: its best values (with the reports that give each), the conflicting details with
    their counts, and every report with its sentence and the spans of trigger, actor, target and date."""
    c = store.cluster(cid)
    if c is None:
        return None
    cid = c["id"]                   # an alias of a cluster merged into another: that one
    row = Q._row(c)
    reports = [_report(e) for e in store.cluster_reports(cid)]
    _add_report_spans(store, reports)
    row["precision_days"] = c.get("precision")
    row["best"] = _best_evidence(c, reports)
    row["reports_list"] = reports
    add_places(store, [row])
    return row


def article_record(store: Store, key: str) -> dict | None:
    """The stored record of an article, by store key or by the record's own id; None if absent."""
    a = store.article(key)
    if a is None:
        return None
    rec = json.loads(a.get("record") or "{}")
    rec["store"] = {"key": a["key"], "source": a.get("source"), "ingested_at": a.get("ingested_at"),
                    "clusters": {r["event_id"]: r["cluster"] for r in store.rows(
                        "SELECT event_id, cluster FROM events WHERE article_key = ?", (a["key"],))}}
    return rec


# ------------------------------------------------------------------------------------------ quotations
def quotes_page(store: Store, *, cursor: str | None = None, limit: int | None = None, **filters) -> dict:
    """One page of quotations (Store.quotes: speaker, state, since, until, text), in its order (date,
    article, position). Its cursor holds the position reached, bound to the filters it was made for."""
    from ..store.base import StoreError

    if store.schema_version() < 3:
        raise StoreError("this store predates the quotes table (schema version "
                         f"{store.schema_version()}); upgrade it once with `dateline quotes --db ...`",
                         code="old_store")
    from ..store.quotes import query

    limit = page_limit(limit)
    sig = _sig(filters)
    after = None
    if cursor:
        after = cursor_key(cursor, "quotes", sig)
        if len(after) != 3 or not (after[0] is None or isinstance(after[0], str)) or not isinstance(after[1], str) \
                or not isinstance(after[2], int):
            raise _bad_cursor("not a cursor this server gave")
    rows = query(store, limit=limit + 1, after=tuple(after) if after else None, **filters)
    last = rows[limit - 1] if len(rows) > limit else None
    nxt = key_cursor("quotes", sig, [last["date"], last["article_key"], last["start"]]) if last else None
    return {"limit": limit, "quotes": rows[:limit], "next": nxt}
