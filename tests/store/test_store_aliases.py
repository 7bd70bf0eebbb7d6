"""Cluster aliases on both stores: an id that merging emptied still finds its happening."""
import sys
from pathlib import Path

from store_fixtures import pg_server, store_url  # noqa: F401 - fixtures

from dateline.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "timeline"))
from test_merge_order import _records  # noqa: E402


def test_an_emptied_cluster_id_resolves_on_both_stores(store_url):
    store = open_store(store_url)
    seen = set()
    try:
        for r in _records(40, 3):
            store.add_article(r)
            seen |= {m["cluster"] for m in store.rows("SELECT cluster FROM events")}
        live = {c["id"] for c in store.rows("SELECT id FROM clusters")}
        gone = seen - live
        assert gone
        for cid in seen:
            got = store.cluster(cid)
            assert got is not None and got["id"] in live and (got["id"] == cid) == (cid in live)
        assert {a["old"] for a in store.rows("SELECT old FROM cluster_aliases")} >= gone
    finally:
        store.close()
