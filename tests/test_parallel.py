"""The analysis worker pool (dateline.parallel): input order, identical records, the time budget,
dying workers, the in-process path, and `--jobs` on the command line and in ingest."""
from __future__ import annotations

import dataclasses
import json

import pytest

from dateline import parallel
from dateline.cli import main
from dateline.ingest.readers import RawArticle
from dateline.settings import load_settings

from parallel_helpers import ARTICLES, rules_settings as _settings


def _raw(i, text, published="2019-10-04"):
    return RawArticle(id=i, text=text, published=published, published_from="given")


def test_pool_keeps_input_order_and_gives_the_in_process_records():
    s = _settings()
    tasks = [(i, _raw(i, t, d)) for i, t, d in ARTICLES] + [("skip", None)]
    one = list(parallel.analyze_all(tasks, s, jobs=1))
    used: list = []
    two = list(parallel.analyze_all(tasks, s, jobs=2, pool=used))
    assert used and [c for c, _ in two] == [c for c, _ in tasks]
    assert two == one and one[-1] == ("skip", None) and all(o[0] == "ok" for _, o in one[:-1])
    assert len(used[0].peak_kib) == 2 and all(k > 0 for k in used[0].peak_kib)


def test_an_article_past_its_budget_fails_and_the_batch_goes_on():
    from parallel_helpers import slow_or_dying

    s = _settings(max_seconds=1, max_wall_seconds=1)
    tasks = [(i, _raw(i, t)) for i, t in (("first", ARTICLES[0][1]), ("slow", "SLOW " + ARTICLES[1][1]),
                                          ("died", "DIE now."), ("last", ARTICLES[2][1]))]
    used: list = []
    got = dict(parallel.analyze_all(tasks, s, jobs=2, analyzer=slow_or_dying, pool=used))
    assert got["first"][0] == "ok" and got["last"][0] == "ok"
    assert got["slow"][:2] == ("error", "timeout") and "slow:" in got["slow"][2] and "1 s of the clock" in got["slow"][2]
    assert "max_seconds" in got["slow"][2]
    assert got["died"][:2] == ("error", "worker") and got["died"][2].startswith("died:")
    assert used[0].replaced == 2            # the stalled one's worker and the dead one's


@pytest.mark.parametrize("in_worker,timers", [(False, 2), (True, 1)])
def test_a_worker_keeps_the_cpu_budget_and_leaves_the_clock_to_its_parent(monkeypatch, in_worker, timers):
    import signal

    monkeypatch.setattr(parallel._Alarm, "parent_keeps_clock", in_worker)
    alarm = parallel._Alarm(_settings(max_seconds=2, max_wall_seconds=9))
    assert len(alarm.timers) == timers and alarm.timers[0][0] == signal.ITIMER_PROF


@pytest.mark.parametrize("text,wall", [
    ("SLOW text", 1),         # using no CPU: the clock's budget ends it
    ("BUSY text", 600),       # computing: its CPU budget ends it long before the clock's
])
@pytest.mark.parametrize("thread", ["main", "other"])     # other: the watchdog's (a Dask worker's tasks)
def test_the_budget_holds_in_process_too(text, wall, thread):
    import threading
    import time

    from parallel_helpers import slow_or_dying

    s = _settings(max_seconds=1, max_wall_seconds=wall)
    tasks = [("slow", _raw("slow", text)), ("ok", _raw("ok", ARTICLES[0][1])), ("again", _raw("again", text))]
    got: dict = {}
    t0 = time.monotonic()
    if thread == "main":
        got.update(parallel.analyze_all(tasks, s, jobs=1, analyzer=slow_or_dying))
    else:
        worker = threading.Thread(target=lambda: got.update(parallel.analyze_all(tasks, s, jobs=1,
                                                                                   analyzer=slow_or_dying)))
        worker.start()
        worker.join(60)
    assert got["slow"][1] == got["again"][1] == "timeout" and got["ok"][0] == "ok"
    assert "1 s of CPU" in got["slow"][2] and time.monotonic() - t0 < 60


def test_a_threads_budget_ends_with_its_article():
    # an article done within its budget leaves no timeout pending in its thread
    import threading
    import time

    from dateline.budget import WATCHDOG, Alarm

    errors = []

    def run():
        try:
            for _ in range(20):
                with Alarm(_settings(max_seconds=1, max_wall_seconds=1)):
                    time.sleep(0.01)
            time.sleep(1.2)             # past the last article's clock budget
        except Exception as e:  # noqa: BLE001 - what the test looks for
            errors.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert errors == [] and t.ident not in WATCHDOG.watched


def test_auto_jobs_keeps_a_small_batch_in_process():
    used: list = []
    s = _settings(jobs=0)
    out = list(parallel.analyze_all([("a", _raw("a", ARTICLES[0][1]))], s, pool=used))
    assert out[0][1][0] == "ok" and not used


def test_auto_jobs_starts_workers_only_for_a_batch_worth_their_start(monkeypatch):
    # the rules-only profile's articles cost far less than a worker's start, so it waits for more of them
    assert parallel.TASKS_PER_WORKER_RULES > parallel.TASKS_PER_WORKER
    # two cores: a rules-only batch just short of what pays for two workers' start stays in-process
    # (the rule holds whatever the threshold: a small one keeps the batch, analysed for real, short)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER_RULES", 12)
    used: list = []
    tasks = [(n, _raw(f"a{n}", ARTICLES[n % len(ARTICLES)][1])) for n in range(2 * 12 - 1)]
    out = list(parallel.analyze_all(tasks, _settings(jobs=0, model="none"), pool=used))
    assert [c for c, _ in out] == list(range(len(tasks))) and all(o[0] == "ok" for _, o in out) and not used


def _jsonl(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("".join(json.dumps({"id": i, "text": t, "published": d}) + "\n" for i, t, d in ARTICLES)
                 + '{"id": "bad", "text": ""}\n')
    return p


def test_analyze_jobs_2_prints_the_same_jsonl_as_jobs_1(tmp_path, capsys):
    p = _jsonl(tmp_path)
    outs = []
    for jobs in ("1", "2"):
        assert main(["analyze", "--format", "jsonl", "--jobs", jobs, str(p)]) == 1      # the empty one fails
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]
    ids = [json.loads(line).get("id") or json.loads(line)["article"]["id"] for line in outs[0].splitlines()]
    assert ids == [a[0] for a in ARTICLES] + ["bad"]


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as e:
        main(["analyze", "--jobs", value, "-"])
    assert e.value.code == 2 and "number of processes" in capsys.readouterr().err


def test_ingest_with_a_pool_stores_in_order_with_failure_rows(tmp_path):
    from parallel_helpers import slow_or_dying
    from dateline.store import open_store
    from dateline.store.ingest import ingest

    p = _jsonl(tmp_path)
    with p.open("a") as f:
        f.write(json.dumps({"id": "slow", "text": "SLOW words here."}) + "\n")
    db = tmp_path / "s.db"
    s = _settings(max_seconds=1, max_wall_seconds=1)
    with open_store(str(db)) as store:
        summary = ingest([p], store, settings=s, jobs=2, analyzer=slow_or_dying)
        again = ingest([p], store, settings=s, jobs=2, analyzer=slow_or_dying)
        keys = [r["record_id"] for r in store.rows("SELECT record_id FROM articles ORDER BY n")]
        fails = {r["item_id"]: r["code"] for r in store.rows("SELECT item_id, code FROM failures")}
    assert summary.stored == len(ARTICLES) and summary.failed == 2
    assert keys == [a[0] for a in ARTICLES]                    # stored in input order
    assert fails == {"bad": "no_text", "slow": "timeout"}
    assert again.stored == 0 and again.already == len(ARTICLES)   # idempotent: nothing analysed twice


def _model_settings(**kw):
    return dataclasses.replace(load_settings(model="default"), **kw)


def test_batched_parsing_gives_the_records_of_one_by_one_in_process_and_in_workers():
    tasks = [(i, _raw(i, t, d)) for i, t, d in ARTICLES[:4]] + [("skip", None)] + \
        [(i, {"id": i, "text": t, "published": d}) for i, t, d in ARTICLES[4:]] + [("bad", {"id": "bad", "text": ""})]
    alone = list(parallel.analyze_all(tasks, _model_settings(batch=1), jobs=1))
    together = list(parallel.analyze_all(tasks, _model_settings(batch=3), jobs=1))
    used: list = []
    workers = list(parallel.analyze_all(tasks, _model_settings(batch=3), jobs=2, pool=used))
    assert used and together == alone and workers == alone
    assert [c for c, _ in alone] == [c for c, _ in tasks] and alone[4] == ("skip", None)
    assert all(o[0] == "ok" for _, o in alone[:4] + alone[5:-1]) and alone[-1][1][:2] == ("error", "no_text")


def test_a_failing_batch_is_analysed_again_one_article_at_a_time(monkeypatch):
    from dateline import pipeline

    items = [_raw(i, t, d) for i, t, d in ARTICLES[:3]]
    s = _model_settings()
    monkeypatch.setattr(pipeline, "analyze_many", lambda raws, settings: 1 / 0)
    assert parallel.analyze_batch(items, s) == [parallel.analyze_one(item, s) for item in items]
    assert parallel.batch_size(s) == s.batch and parallel.batch_size(_settings()) == 1    # rules only: nothing shared
