"""Ingest on a Dask cluster (dateline.dask_pool): a two-worker LocalCluster against a real SQLite
file and a real PostgreSQL database gives the store a plain ingest gives, exactly once, also when a
worker dies mid-run."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")

from dateline.store import open_store  # noqa: E402
from dateline.store.ingest import ingest  # noqa: E402
from store_fixtures import pg_server, store_url  # noqa: E402,F401 - fixtures

from parallel_helpers import TEXTS as _TEXTS, rules_settings  # noqa: E402

# a second report of the first article's launch, so that the store merges reports into clusters
TEXTS = _TEXTS[:1] + ["Pyongyang launched two missiles on Friday, Seoul said."] + _TEXTS[1:]


def _batch(tmp_path, n=30):
    p = tmp_path / "batch.jsonl"
    rows = [{"id": f"d{i}", "text": TEXTS[i % len(TEXTS)] + f" Report {i}." + (" KILL" if i == 11 else ""),
             "published": f"2019-10-0{1 + i % 6}"} for i in range(n)]
    rows.append({"id": "empty", "text": ""})
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return p


def _contents(url) -> tuple:
    with open_store(url) as s:
        return (s.rows("SELECT key, record_id, n_events FROM articles ORDER BY key"),
                s.rows("SELECT key, cluster, cameo, date FROM events ORDER BY key"),
                s.rows("SELECT id, cameo, date, n_reports, n_articles FROM clusters ORDER BY id"),
                s.rows("SELECT item_id, code FROM failures ORDER BY item_id"))


def test_local_workers_keep_glibc_trim_threshold(dask_client):
    # Dask's nanny spawns workers with MALLOC_TRIM_THRESHOLD_=65536 (page faults on the pipeline's small
    # allocations); dateline's local cluster leaves the variable to this process's environment
    import os

    seen = dask_client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert len(seen) == 2
    assert set(seen.values()) == {os.environ.get("MALLOC_TRIM_THRESHOLD_")}


def test_local_workers_run_without_the_statistical_profiler(dask_client):
    import dask

    assert set(dask_client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == {False}


def test_dask_ingest_equals_a_plain_ingest_exactly_once_with_a_worker_killed(tmp_path, monkeypatch, dask_client,
                                                                            store_url, request):
    from parallel_helpers import dies_once

    from dateline import dask_pool

    batch = _batch(tmp_path)
    s = rules_settings(jobs=1)
    plain_url = str(tmp_path / "plain.db") if store_url.endswith(".db") else \
        request.getfixturevalue("pg_server").new_database()
    with open_store(plain_url) as store:
        plain = ingest([batch], store, settings=s, jobs=1)
    mark = tmp_path / "killed"
    monkeypatch.setenv("DATELINE_TEST_MARK", str(mark))
    dask_client.run(lambda: __import__("os").environ.__setitem__("DATELINE_TEST_MARK", str(mark)))

    real = dask_pool.analyze_dask

    def through_client(tasks, settings, scheduler, analyzer=None):      # the session's cluster, started once
        return real(tasks, settings, scheduler, analyzer=analyzer, client=dask_client)

    monkeypatch.setattr(dask_pool, "analyze_dask", through_client)
    with open_store(store_url) as store:
        got = ingest([batch], store, settings=s, dask="local:2", analyzer=dies_once)
        again = ingest([batch], store, settings=s, dask="local:2", analyzer=dies_once)
    assert mark.exists()                                     # a worker did die mid-run
    assert (got.stored, got.failed) == (plain.stored, plain.failed) == (30, 1)
    assert _contents(store_url) == _contents(plain_url)
    assert again.stored == 0 and again.already == 30


def test_bad_scheduler_is_a_clear_error():
    from dateline.dask_pool import DaskError, connect

    with pytest.raises(DaskError, match="local:N needs a number"):
        connect("local:zero")
