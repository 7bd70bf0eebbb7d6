"""The server's pieces without a server: highlighting, the chart, cursors, the analysis worker."""
from __future__ import annotations

import dataclasses

import pytest

from dateline.server import chart
from dateline.server.render import Span, article_spans, highlight, safe_url, sentence_html
from dateline.timeline import browse
from dateline.timeline.queries import QueryError


def test_overlapping_spans_become_flat_pieces_with_every_class():
    text = 'Kim said "we <b>will</b> test" on Friday.'
    html = str(highlight(text, [Span(0, 3, "ent", "e1.m0", "Kim (person)", "PER", "person"),
                                Span(9, 30, "quote", "q1", "quoted: Kim"),
                                Span(13, 24, "trigger", "v1", 'CAMEO "150"', "CAMEO 150"),
                                Span(34, 40, "timex", "t1", "Friday", "a Friday")]))
    assert "<b>" not in html and "&lt;b&gt;will&lt;/b&gt;" in html
    assert 'class="hl k-quote k-trigger"' in html and 'data-spans="q1 v1"' in html
    assert 'title="quoted: Kim · CAMEO &#34;150&#34;"' in html
    assert html.count('data-for="t1"') == 1 and html.endswith(".")
    assert 'class="hl e-person k-ent"' in html


def test_spans_outside_the_text_or_of_unknown_kinds_are_dropped():
    html = str(highlight("abc", [Span(2, 9, "ent"), Span(0, 1, "onclick")]))
    assert html == "abc"


def test_hostile_text_and_attributes_stay_text():
    text = '"><img src=x onerror=alert(1)> {{ 7*7 }}'
    rec = {"article": {"text": text}, "entities": [
        {"id": "e1", "name": '"><script>x</script>', "kind": "<b>", "code": None,
         "mentions": [{"start": 0, "end": 5, "text": text[:5]}]}],
        "timexes": [], "quotes": [], "attributions": [], "events": []}
    html = str(highlight(text, article_spans(rec)))
    assert "<img" not in html and "<script" not in html and "{{ 7*7 }}" in html
    assert 'class="hl e-other k-ent"' in html           # an unknown kind is never a class name
    assert str(sentence_html("<i>x</i>", [{"kind": "trigger", "start": 3, "end": 4}])).count("<i>") == 0


@pytest.mark.parametrize("url,ok", [("https://example.org/a?b=1", True), ("http://x.y", True),
                                    ("javascript:alert(1)", False), (" JAVASCRIPT:alert(1)", False),
                                    ("data:text/html,<script>", False), ("//evil.example", False), (None, False),
                                    ("https://a b", False)])
def test_only_http_urls_become_links(url, ok):
    assert (safe_url(url) is not None) == ok


def _row(date, quad=4, gold=-7.2, cluster="c1"):
    return {"cluster": cluster, "date": date, "quad_class": quad, "goldstein": gold, "actor": "PRK",
            "event": "test", "cameo": "150"}


def test_chart_puts_coarse_dates_over_their_span_not_on_a_day():
    rows = [_row("2019-10-31"), _row("2019-10-31T14:00", quad=1, gold=1.0), _row("2019-10"), _row("2019-W44"),
            _row("2019"), _row(None), _row("XXXX-WXX-5")]
    days = chart.series(rows, "day")
    assert [(d.isoformat(), b["n"], dict(b["quads"])) for d, b in days["buckets"].items()] == \
        [("2019-10-31", 2, {4: 1, 1: 1})]
    assert sorted(i["row"]["date"] for i in days["imprecise"]) == ["2019", "2019-10", "2019-W44"]
    weeks = chart.series(rows, "week")
    assert sum(b["n"] for b in weeks["buckets"].values()) == 3          # the ISO week fits a week
    svg = str(chart.svg(rows, "week"))
    assert svg.count('class="band"') == 2 and "known only to the month" in svg and "known only to the year" in svg


def test_chart_escapes_names_and_handles_nothing_dated():
    assert "no dated events" in str(chart.svg([_row(None)]))
    svg = str(chart.svg([dict(_row("2019-10"), actor="<script>")]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_cursors_round_trip_and_garbage_is_a_clear_error():
    key = {"s": "date", "d": 1, "n": 0, "v": "2019-10-31", "id": "c1"}
    assert browse.decode_cursor(browse.encode_cursor(key)) == key
    for bad in ("zzz", "", browse.encode_cursor({"s": "date"}), browse.encode_cursor([1, 2]),
                browse.encode_cursor({**key, "v": {"x": 1}})):
        with pytest.raises(QueryError, match="not a cursor"):
            browse.decode_cursor(bad)
    assert browse.page_limit(None) == browse.DEFAULT_LIMIT and browse.page_limit(10 ** 9) == browse.MAX_LIMIT
    with pytest.raises(QueryError):
        browse.page_limit(0)


def test_worker_past_its_budget_is_replaced(sample_text):
    from dateline.errors import InputError
    from dateline.server.worker import AnalysisTimeout, Workers
    from dateline.settings import load_settings

    w = Workers(dataclasses.replace(load_settings(), max_seconds=0), size=1)
    try:
        with pytest.raises(AnalysisTimeout, match="budget of 0 s of CPU"):
            w.analyze({"id": "slow", "text": sample_text})
        assert w.live == 0                                  # killed, not returned to the pool
        w.settings = dataclasses.replace(w.settings, max_seconds=120)
        rec = w.analyze({"id": "ok", "text": sample_text, "published": "2019-11-15"})
        assert rec["article"]["id"] == "ok" and rec["events"]
        with pytest.raises(InputError) as e:
            w.analyze({"id": "empty", "text": " "})
        assert e.value.code == "no_text" and w.live == 1
    finally:
        w.close()


def _asgi_get(app, path: str, accept: str = "application/json") -> tuple[int, dict, bytes]:
    """One GET through the ASGI application in this process (no server)."""
    import asyncio

    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"test"), (b"accept", accept.encode())], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    import threading

    # in a thread of its own: Playwright's sync API keeps an event loop running in this one
    t = threading.Thread(target=lambda: asyncio.run(app(scope, receive, send)))
    t.start()
    t.join(60)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def test_an_unexpected_exception_is_a_500_in_the_error_shape(tmp_path, monkeypatch):
    import json

    from dateline.server import create_app
    from dateline.store import open_store
    from dateline.timeline import browse as B

    db = tmp_path / "empty.db"
    open_store(db).close()
    app = create_app(str(db))

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(B, "events_page", boom)
    status, headers, body = _asgi_get(app, "/api/events")
    assert status == 500 and json.loads(body) == {"error": {"code": "internal",
                                                            "message": "internal error (RuntimeError); see the server log"}}
    assert "script-src 'self'" in headers["content-security-policy"]
    status, headers, body = _asgi_get(app, "/events", accept="text/html")
    assert status == 500 and b"internal error (RuntimeError)" in body and headers["content-type"].startswith("text/html")
