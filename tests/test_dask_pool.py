"""Analysis on a Dask cluster (dateline.dask_pool), on the two-worker LocalCluster `--dask local:2`
starts: outcomes in input order, the per-article budget inside a worker's task thread, and a results
loop that sleeps while the batch it needs next is still running."""
from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("distributed")

from dateline import dask_pool  # noqa: E402
from dateline.ingest.readers import RawArticle  # noqa: E402

from parallel_helpers import TEXTS, rules_settings as _settings  # noqa: E402


def _tasks(marks: dict[int, str], n: int = 8):
    return [(i, RawArticle(id=f"a{i}", text=TEXTS[i % len(TEXTS)] + marks.get(i, ""), published="2019-10-04",
                           published_from="given")) for i in range(n)]


def test_outcomes_in_input_order_and_an_article_past_its_budget_fails_alone(dask_client):
    from parallel_helpers import slow_or_dying

    got = list(dask_pool.analyze_dask(_tasks({2: " BUSY", 5: " SLOW"}), _settings(max_seconds=1, max_wall_seconds=2),
                                      "local", analyzer=slow_or_dying, client=dask_client))
    assert [ctx for ctx, _ in got] == list(range(8))
    codes = {ctx: out[1] if out[0] == "error" else "ok" for ctx, out in got}
    assert codes == {0: "ok", 1: "ok", 2: "timeout", 3: "ok", 4: "ok", 5: "timeout", 6: "ok", 7: "ok"}
    assert all(out[1]["article"]["id"] == f"a{ctx}" for ctx, out in got if out[0] == "ok")


def test_the_results_loop_waits_instead_of_spinning_while_a_later_batch_is_done(dask_client, monkeypatch):
    # batches of one article: the first sleeps a second while the others are done at once; the loop
    # must wake only when a batch still running ends, not again and again for the done ones
    import distributed

    from parallel_helpers import slow_or_dying

    calls = []
    real = distributed.wait
    monkeypatch.setattr(distributed, "wait", lambda fs, **kw: calls.append(len(fs)) or real(fs, **kw))
    monkeypatch.setattr(dask_pool, "BATCH", 1)
    got = list(dask_pool.analyze_dask(_tasks({0: " LATE"}), _settings(), "local", analyzer=slow_or_dying,
                                      client=dask_client))
    assert [out[0] for _, out in got] == ["ok"] * 8
    assert 1 <= len(calls) <= 8 + 1


def test_a_worker_holds_a_batchs_outcomes_as_one_pickled_value(dask_client):
    # the task's result is bytes: a worker weighs every result it holds (dask.sizeof) and would walk
    # nested records, twice; the outcomes come back whole from them
    import pickle

    fut = dask_client.submit(dask_pool._batch, [raw for _, raw in _tasks({}, 2)], dataclasses.asdict(_settings()),
                             None, pure=False)
    held = fut.result()
    assert isinstance(held, bytes)
    outcomes = pickle.loads(held)
    assert [(o[0], o[1]["article"]["id"]) for o in outcomes] == [("ok", "a0"), ("ok", "a1")]
