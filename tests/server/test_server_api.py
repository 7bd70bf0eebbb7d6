"""The JSON API against a real uvicorn server on 127.0.0.1 over a store of examples/ (server_fixtures)."""
from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode

import pytest
from server_fixtures import *  # noqa: F401,F403 - the store, server and browser fixtures
from server_fixtures import TOKEN

from dateline.store import open_store
from dateline.timeline import browse
from dateline.timeline import queries as Q


def _is_error(body: bytes) -> dict:
    obj = json.loads(body)
    assert set(obj) == {"error"}, obj
    assert set(obj["error"]) == {"code", "message"}, obj
    assert isinstance(obj["error"]["code"], str) and obj["error"]["code"]
    assert isinstance(obj["error"]["message"], str) and obj["error"]["message"]
    return obj["error"]


def _all_pages(server, query: str) -> list[dict]:
    rows, cursor = [], None
    while True:
        q = query + (f"&cursor={cursor}" if cursor else "")
        status, page = server.json(f"/api/events?{q}")
        assert status == 200, page
        rows += page["events"]
        cursor = page["next"]
        if not cursor:
            return rows


@pytest.mark.parametrize("sort,desc", [("date", False), ("date", True), ("goldstein", True), ("actor", False),
                                       ("target", True), ("reports", False)])
def test_cursor_pages_cover_every_event_once_in_order(server, served_db, sort, desc):
    with open_store(served_db, readonly=True) as s:
        expected = {r["cluster"] for r in Q.events(s, include_all=True)}
    rows = _all_pages(server, f"limit=4&all=true&sort={sort}&desc={str(desc).lower()}")
    ids = [r["cluster"] for r in rows]
    assert len(ids) == len(set(ids)) and set(ids) == expected
    col = {"date": "day", "goldstein": "goldstein", "actor": "actor", "target": "target", "reports": "reports"}[sort]
    values = [r[col] if col != "day" else (r["day"] or browse_first(r)) for r in rows]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=desc)
    assert all(v is None for v in values[len(present):])          # no value: last, either way


def browse_first(row: dict) -> str | None:
    from dateline.timeline.merge import date_range
    r = date_range(row["date"] or "")
    return r[0].isoformat() if r else None


def test_page_size_is_capped_and_a_cursor_belongs_to_its_sort(server):
    status, page = server.json("/api/events?limit=100000")
    assert status == 200 and page["limit"] == browse.MAX_LIMIT
    status, page = server.json("/api/events?limit=2&sort=actor")
    status, err = server.json(f"/api/events?limit=2&sort=goldstein&cursor={page['next']}")
    assert status == 400 and err["error"]["code"] == "bad_cursor"


@pytest.mark.parametrize("q", ['"', "NEAR(a b)", "missile OR *", "a AND NOT b", "'; DROP TABLE events; --",
                               "x\") OR 1=1 --", "^launch", "col:value", "%", "_", "{{7*7}}", "<script>"])
def test_hostile_query_text_gives_results_or_400_never_500(server, q):
    for route in ("/api/events", "/api/count", "/api/timeline", "/events"):
        status, headers, body = server.request(f"{route}?{urlencode({'q': q, 'actor': q[:200]})}")
        assert status in (200, 400), (route, q, status, body[:300])
        if status == 400:
            _is_error(body)
    assert server.json("/api/count")[1]["count"] > 0          # the store is still there


def test_filters_match_the_library_queries(server, served_db):
    cases = [{"actor": "PRK"}, {"actor": "PRK", "cameo": "15"}, {"since": "2019-08", "until": "2019-09-30"},
             {"actor": "PRK", "target": "USA"}, {"q": "missile"}, {"actor": "Japan"}]
    with open_store(served_db, readonly=True) as s:
        for f in cases:
            lib = {("text" if k == "q" else k): v for k, v in f.items()}
            expected = [r["cluster"] for r in Q.events(s, **lib)]
            got = [r["cluster"] for r in _all_pages(server, urlencode({**f, "limit": 500}))]
            assert sorted(got) == sorted(expected), f
            assert server.json(f"/api/count?{urlencode(f)}")[1]["count"] == len(expected)


def test_cluster_article_claims_timeline_dyads(server):
    status, page = server.json("/api/events?actor=PRK&cameo=150&limit=1&sort=reports&desc=true")
    c = page["events"][0]
    status, detail = server.json(f"/api/clusters/{c['cluster']}")
    assert status == 200 and len(detail["reports_list"]) == c["reports"] >= 2
    rep = detail["reports_list"][0]
    trig = next(sp for sp in rep["spans"] if sp["kind"] == "trigger")
    assert rep["sentence"][trig["start"]:trig["end"]] == rep["trigger"]
    assert set(detail["best"]) >= {"date", "actor", "target"} and detail["best"]["actor"]["reports"]
    status, rec = server.json(f"/api/articles/{rep['article_key']}")
    assert status == 200 and rec["schema"] == "dateline/article@1" and rec["article"]["id"] == rep["article"]
    status, claims = server.json("/api/claims")
    assert {c["status"] for c in claims["claims"]} >= {"consistent", "inconsistent"}
    status, tl = server.json("/api/timeline?actor=PRK&cameo=15&unit=week")
    assert status == 200 and sum(b["events"] for b in tl["series"]) + len(tl["imprecise"]) == len(tl["events"])
    assert any(i["date"] == "2017-11" for i in tl["imprecise"])    # a month is never put on its 1st
    status, dy = server.json("/api/dyads?since=2019")
    assert status == 200 and all(set(d) >= {"week", "actor", "target", "events"} for d in dy["dyads"])


@pytest.mark.parametrize("f", [{}, {"speaker": "Ha-eun Example"}, {"speaker": "Example"}, {"state": "KOR"},
                               {"q": "Pyongyang"}, {"since": "2019-08", "until": "2019-09"}, {"q": '"NEAR(*'}])
def test_quotes_pages_match_the_store(server, served_db, f):
    with open_store(served_db, readonly=True) as s:
        expected = [(q["article_key"], q["quote"]) for q in s.quotes(**{("text" if k == "q" else k): v
                                                                           for k, v in f.items()})]
    got, cursor = [], None
    while True:
        status, page = server.json("/api/quotes?" + urlencode({**f, "limit": 3, **({"cursor": cursor} if cursor else {})}))
        assert status == 200, page
        got += [(q["article_key"], q["quote"]) for q in page["quotes"]]
        if not (cursor := page["next"]):
            break
    assert got == expected and (got or f.get("q", "").startswith('"'))


def _pages(server, route: str, key: str, query: dict) -> tuple[list[dict], int]:
    """Every row of a list route, following ``next``; and the number of pages."""
    rows, cursor, n = [], None, 0
    while True:
        status, page = server.json(f"{route}?" + urlencode({**query, **({"cursor": cursor} if cursor else {})}))
        assert status == 200, page
        rows += page[key]
        n += 1
        if not (cursor := page["next"]):
            return rows, n


def test_timeline_pages_are_the_librarys_order(server, served_db):
    with open_store(served_db, readonly=True) as s:
        full = [r["cluster"] for r in Q.timeline(s, either="PRK") if r["date"]]     # the dated ones: a chart
    status, tl = server.json("/api/timeline?either=PRK&limit=3")
    assert [r["cluster"] for r in tl["events"]] == full[:3] and tl["truncated"] is True and tl["next"]
    status, tl = server.json("/api/timeline?either=PRK&limit=100000")
    assert [r["cluster"] for r in tl["events"]] == full and tl["truncated"] is False and tl["next"] is None
    rows, n = _pages(server, "/api/timeline", "events", {"either": "PRK", "limit": 2, "unit": "week"})
    assert [r["cluster"] for r in rows] == full and n == -(-len(full) // 2)


def test_claims_and_dyads_pages_cover_the_whole_list_once(server, served_db):
    with open_store(served_db, readonly=True) as s:
        claims, dyads = Q.claims(s), Q.dyads(s)
    got, n = _pages(server, "/api/claims", "claims", {"limit": 2})
    assert len(claims) > 2 and n > 1
    assert sorted(json.dumps(c, sort_keys=True) for c in got) == sorted(json.dumps(c, sort_keys=True) for c in claims)
    assert [c["on"] for c in got if c["on"]] == sorted(c["on"] for c in claims if c["on"])
    got, n = _pages(server, "/api/dyads", "dyads", {"limit": 3})
    assert got == dyads and n == -(-len(dyads) // 3) > 1


@pytest.mark.parametrize("route", ["/api/events", "/api/timeline", "/api/claims", "/api/dyads", "/api/quotes"])
def test_a_cursor_works_only_for_its_own_query(server, route):
    status, page = server.json(f"{route}?limit=1")
    assert status == 200 and page["next"], page
    for other in ("/api/events", "/api/timeline", "/api/claims", "/api/dyads", "/api/quotes"):
        changed = "all=true" if other == "/api/claims" else "since=2019"     # another query on the same route
        status, err = server.json(f"{other}?limit=1&{changed}&cursor={page['next']}")
        assert status == 400 and err["error"]["code"] == "bad_cursor", (route, other, err)
    status, err = server.json(f"{route}?limit=1&cursor={page['next'][:-4]}xyz")
    assert status == 400 and err["error"]["code"] == "bad_cursor"


def test_openapi_documents_the_paging_of_every_list_route(server):
    status, spec = server.json("/openapi.json")
    for route in ("/api/events", "/api/timeline", "/api/claims", "/api/dyads", "/api/quotes"):
        params = {p["name"]: p for p in spec["paths"][route]["get"]["parameters"]}
        assert "next" in params["cursor"]["description"] and "capped at" in params["limit"]["description"], route


def test_events_carry_their_places_geonames_record(server):
    rows, _ = _pages(server, "/api/events", "events", {"limit": 500, "all": "true"})
    placed = [r for r in rows if r["location_geo"]]
    assert placed and all(set(r["location_geo"]) == {"id", "name", "country", "admin1", "lat", "lon", "feature_class",
                                                       "feature_code"} for r in placed)
    status, c = server.json(f"/api/clusters/{placed[0]['cluster']}")
    assert c["location_geo"] == placed[0]["location_geo"]


def test_exports(server):
    status, headers, body = server.request("/api/export?format=csv&actor=PRK")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    lines = body.decode("utf-8").splitlines()
    assert lines[0].split(",")[:2] == Q.EXPORT_COLUMNS[:2] and len(lines) > 5
    status, headers, body = server.request("/api/export?format=jsonl&actor=PRK")
    assert status == 200 and all(json.loads(x)["Actor1Code"] == "PRK" for x in body.decode().splitlines())
    status, headers, body = server.request("/api/export?format=parquet&actor=PRK")
    assert status == 200 and body[:4] == b"PAR1"


def test_csv_download_neutralises_formula_cells(server):
    import csv
    import io

    status, headers, body = server.request("/api/export?format=csv&since=2019-12&all=true")
    assert status == 200
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    cells = [c for r in rows[1:] for c in r]
    assert "'=HYPERLINK(\"https://evil.example\",\"x\")" in cells
    for c in cells:
        if c[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(c)                                   # only numbers may start so (-7.2)


def test_security_headers_on_pages_api_and_errors(server):
    for path in ("/events", "/api/events", "/nope", "/api/clusters/nope", "/static/style.css"):
        status, headers, _ = server.request(path)
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_analyze_in_a_worker(server, sample_text):
    status, rec = server.json("/api/analyze", method="POST", body={"text": sample_text, "id": "posted-sample"})
    assert status == 200, rec
    assert rec["article"]["id"] == "posted-sample" and any(e["cameo"].startswith("15") for e in rec["events"])
    status, err = server.json("/api/analyze", method="POST", body={"text": "   "})
    assert status == 400 and err["error"]["code"] == "no_text"


def test_ingest_needs_the_token_and_writes(server):
    art = {"articles": [{"id": "posted-1", "url": "https://example.org/posted-1", "published": "2019-12-01",
                         "text": "SEOUL — North Korea fired two missiles on Saturday, Nov. 30, officials said."}]}
    for headers in ({}, {"authorization": "Bearer wrong"}, {"x-dateline-token": "nope"}):
        status, _, body = server.request("/api/ingest", method="POST", body=art, headers=headers)
        assert status == 401 and _is_error(body)["code"] == "unauthorized"
    before = server.json("/api/count?all=true")[1]["count"]
    status, res = server.json("/api/ingest", method="POST", body=art, headers={"authorization": f"Bearer {TOKEN}"})
    assert status == 200 and res["stored"] == 1, res
    key = res["articles"][0]["key"]
    assert server.json(f"/api/articles/{key}")[0] == 200
    assert server.json("/api/count?all=true")[1]["count"] > before
    status, res = server.json("/api/ingest", method="POST", body=art, headers={"x-dateline-token": TOKEN})
    assert status == 200 and res["already"] == 1


def test_big_bodies_are_refused(server):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/api/analyze")
    conn.putheader("content-type", "application/json")
    conn.putheader("content-length", str(12_000_000))      # refused on the header, before any body is read
    conn.endheaders()
    r = conn.getresponse()
    assert r.status == 413 and _is_error(r.read())["code"] == "too_large"
    conn.close()


def test_the_server_store_is_read_only(served_db):
    from dateline.server.app import Stores

    s = Stores(str(served_db)).get()
    with pytest.raises(Exception, match="readonly|read-only|read only"):
        s.add_failure(source="x", item_id="y", code="z", message="m")


# ------------------------------------------------------------------------------ one error shape, every route
def _bad_requests(path: str, methods: set[str]) -> list[tuple[str, str, dict]]:
    """(method, url, request options) that must each give a 4xx with the error shape."""
    filled = re.sub(r"\{[^}]+\}", "no-such-id", path)
    other = "DELETE" if "DELETE" not in methods else "PATCH"
    out = [(other, filled, {})]
    if "{" in path:
        out.append(("GET" if "GET" in methods else "POST", filled, {}))
    if "GET" in methods and "{" not in path:
        for bad in ("limit=-3", "since=not-a-date", "unit=year", "sort=nope", "cameo=abc", "all=maybe",
                    "cursor=" + quote("!!"), "format=exe"):
            out.append(("GET", f"{filled}?{bad}", {}))
    if "POST" in methods:
        out.append(("POST", filled, {"body": b"{not json", "headers": {"content-type": "application/json"}}))
        out.append(("POST", filled, {"body": {"articles": "nope", "text": 5}}))
    return out


def test_every_route_answers_errors_in_one_shape(server, served_db):
    from dateline.server import api, pages

    routes = [(r.path, set(r.methods)) for r in api.router.routes + pages.router.routes]
    routes += [("/openapi.json", {"GET"}), ("/static/style.css", {"GET"})]
    assert len(routes) >= 18
    for path, methods in routes:
        errors = 0
        for method, url, opts in _bad_requests(path, methods):
            for accept in ("application/json", "*/*"):
                status, headers, body = server.request(url, method=method, headers={"accept": accept,
                                                                                      **opts.get("headers", {})},
                                                       body=opts.get("body"))
                if status >= 400:
                    errors += 1
                    assert 400 <= status < 500, (method, url, status, body[:200])
                    _is_error(body)
                    assert headers["content-type"].startswith("application/json")
        assert errors, f"{path}: no request gave an error"
    status, headers, body = server.request("/clusters/no-such-id", headers={"accept": "text/html"})
    assert status == 404 and b"no event cluster" in body and headers["content-type"].startswith("text/html")
