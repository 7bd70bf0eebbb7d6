"""dateline serve over PostgreSQL: the same server subprocess, a real PostgreSQL server (tests/store's
fixture; skipped with the reason where none can be started)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from server_fixtures import HOSTILE, REPO, TOKEN, Server  # noqa: E402
from store_fixtures import pg_server  # noqa: E402,F401 - the PostgreSQL server fixture

from dateline.store import StoreError, open_store  # noqa: E402
from dateline.timeline import queries as Q  # noqa: E402


@pytest.fixture(scope="module")
def pg_served(pg_server, tmp_path_factory):
    from dateline.store.ingest import ingest

    url = pg_server.new_database()
    root = tmp_path_factory.mktemp("pg-served")
    batch = root / "hostile.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    with open_store(url) as store:        # a part of examples/ (the whole is served from SQLite)
        ingest([REPO / "examples" / "batch", batch], store)
    srv = Server(url, root)
    yield srv
    srv.stop()


def test_pages_and_api_over_postgres(pg_served):
    srv = pg_served
    with open_store(srv.db, readonly=True) as s:
        expected = {r["cluster"] for r in Q.events(s, include_all=True)}
    rows, cursor = [], None
    while True:
        status, page = srv.json("/api/events?" + urlencode({"limit": 7, "all": "true", "sort": "target",
                                                             **({"cursor": cursor} if cursor else {})}))
        assert status == 200, page
        rows += [r["cluster"] for r in page["events"]]
        if not (cursor := page["next"]):
            break
    assert len(rows) == len(set(rows)) and set(rows) == expected
    for q in ('"', "NEAR(a b)", "a & b | !c", "'; DROP TABLE events; --", "missile:*"):
        status, _, body = srv.request("/api/events?" + urlencode({"q": q}))
        assert status in (200, 400), (q, body[:200])
    c = rows[0]
    for path in ("/events?actor=PRK", "/timeline?actor=PRK", f"/clusters/{c}", "/claims", "/quotes?speaker=Kim",
                 "/api/quotes?q=respond", "/api/claims", "/api/dyads"):
        assert srv.request(path)[0] == 200, path
    art = {"articles": [{"id": "pg-1", "url": "https://example.org/pg-1", "published": "2019-12-02",
                         "text": "SEOUL — North Korea fired a missile on Sunday, Dec. 1, officials said."}]}
    status, res = srv.json("/api/ingest", method="POST", body=art, headers={"authorization": f"Bearer {TOKEN}"})
    assert status == 200 and res["stored"] == 1, res


def test_a_read_only_postgres_store_refuses_writes(pg_served):
    with open_store(pg_served.db, readonly=True) as s:
        with pytest.raises(Exception, match="read-only"):
            s.add_failure(source="x", item_id="y", code="z", message="m")
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(pg_served.db.rsplit("/", 1)[0] + "/postgres", readonly=True)
