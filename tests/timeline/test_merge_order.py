"""Merging does not depend on the order in which articles arrive: the same articles give the same
clusters in memory (`dateline merge`) and in the store, whatever order they are given in."""
from __future__ import annotations

import json
import random

import pytest

from dateline.store import open_store
from dateline.store.base import article_key, dedup_key
from dateline.timeline import merge as M
from dateline.timeline.merge import merge_records

ACTORS = [("PRK", "North Korea"), ("KOR", "South Korea"), ("USA", "United States"), (None, None)]
CODES = ["150", "190", "193", "183", "042", "036"]
DATES = ["2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10", "2019-W40", None]


def _records(n: int, seed: int) -> list[dict]:
    """Generated article records with events that overlap in kind, parties and time (so that many
    reports could join several clusters)."""
    rnd = random.Random(seed)
    recs = []
    for i in range(n):
        text = f"Generated article number {i} about events."
        events = []
        for j in range(rnd.randint(1, 3)):
            actor, target = rnd.choice(ACTORS), rnd.choice(ACTORS)
            events.append({
                "id": f"v{j + 1}", "cameo": rnd.choice(CODES), "date": rnd.choice(DATES),
                "date_from": rnd.choice(["timex", "publication"]),
                "actor": {"code": actor[0], "name": actor[1]} if actor[0] else None,
                "target": {"code": target[0], "name": target[1]} if target[0] else None,
                "trigger": {"start": 0, "end": 9, "text": "Generated"}, "sentence": {"start": 0, "end": len(text)},
                "negated": rnd.random() < 0.1, "hypothetical": False, "sources": [],
            })
        names = rnd.sample(["kim", "moon", "trump", "seoul", "pyongyang", "un"], 3)
        recs.append({"article": {"id": f"g{i}", "text": text, "url": f"https://example.org/{i}",
                                 "published": f"2019-10-0{rnd.randint(1, 6)}", "published_from": "given"},
                     "entities": [{"name": x, "kind": "place"} for x in names], "events": events,
                     "quotes": [], "timexes": []})
    return recs


def _clusters_in_memory(recs: list[dict]) -> dict:
    out = merge_records(json.loads(json.dumps(recs)))
    groups: dict[str, set] = {}
    for r in out:
        for e in r["events"]:
            groups.setdefault(e["cluster"], set()).add(f"{r['article']['id']}:{e['id']}")
    return {cid: frozenset(v) for cid, v in groups.items()}


def test_in_memory_merge_is_the_same_in_any_order():
    recs = _records(40, 1)
    want = _clusters_in_memory(recs)
    assert len(want) < sum(len(r["events"]) for r in recs)          # some reports merged
    for seed in range(3):
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        assert _clusters_in_memory(shuffled) == want


def _store_state(path, recs: list[dict]) -> tuple:
    with open_store(str(path)) as store:
        for r in recs:
            store.add_article(r)
        members = store.rows("SELECT cluster, key FROM events ORDER BY key")
        clusters = store.rows("SELECT id, cameo, date, actor, target, n_articles, n_reports, conflicts FROM clusters "
                              "ORDER BY id")
    groups: dict[str, set] = {}
    for m in members:
        groups.setdefault(m["cluster"], set()).add(m["key"])
    return {k: frozenset(v) for k, v in groups.items()}, [{**c, "conflicts": json.loads(c["conflicts"])} for c in clusters]


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_store_merge_is_the_same_in_any_order(tmp_path, seed):
    recs = _records(80, 7)
    want = _store_state(tmp_path / "in-order.db", recs)
    assert len(want[0]) < sum(len(r["events"]) for r in recs)
    shuffled = recs[:]
    random.Random(seed).shuffle(shuffled)
    assert _store_state(tmp_path / "shuffled.db", shuffled) == want
    assert {c["id"] for c in want[1]} == set(want[0])              # no cluster left without reports


def test_every_cluster_id_ever_shown_still_finds_its_happening(tmp_path):
    """Merging in canonical order may move a cluster's reports to another id when an earlier report
    arrives; the old id stays an alias, so a link to it still finds the happening."""
    recs = _records(60, 3)
    seen: dict[str, set] = {}     # every cluster id shown after each article, with its reports
    with open_store(str(tmp_path / "s.db")) as store:
        for r in recs:
            store.add_article(r)
            for m in store.rows("SELECT cluster, key FROM events"):
                seen.setdefault(m["cluster"], set()).add(m["key"])
        live = {c["id"] for c in store.rows("SELECT id FROM clusters")}
        assert set(seen) - live, "the generated order moves no cluster: the test proves nothing"
        for cid in seen:
            got = store.cluster(cid)
            assert got is not None and got["id"] in live, cid
            assert (got["id"] == cid) == (cid in live)



def _greedy_near(recs: list[dict]) -> set[frozenset]:
    """The store's merge of every report at once: in canonical order, each asserted report takes
    merge.choose's cluster among those with a report near it (merge.near) before it."""
    reports = [M.report_from(r, e) for r in recs for e in r["events"]]
    members: list[tuple[str, M.Report]] = []
    groups: dict[str, set] = {}
    for rep in sorted(reports, key=M.canonical):
        cid = M.cluster_id(rep)
        if not (rep.negated or rep.hypothetical):
            cid = M.choose(rep, {c for c, m in members if M.near(rep, m)}, members)
            members.append((cid, rep))
        groups.setdefault(cid, set()).add(rep.key)
    return {frozenset(v) for v in groups.values()}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_store_merge_is_the_greedy_merge_of_all_reports_at_once(tmp_path, seed):
    """The store merges one article at a time and re-merges only the stored reports a change concerns
    (judging one among the clusters that changed when that decides its choice): its clusters are those
    of the canonical greedy merge of every report at once (the records' ids set to the store's article
    keys, so that both order the reports alike)."""
    recs = _records(80, 11)
    for r in recs:
        r["article"]["id"] = article_key(dedup_key(url=r["article"]["url"]))
    shuffled = recs[:]
    random.Random(seed).shuffle(shuffled)
    with open_store(str(tmp_path / "s.db")) as store:
        for r in shuffled:
            store.add_article(r)
        rows = store.rows("SELECT cluster, key FROM events")
    groups: dict[str, set] = {}
    for m in rows:
        groups.setdefault(m["cluster"], set()).add(m["key"])
    want = _greedy_near(recs)
    assert len(want) < len(rows)
    assert {frozenset(v) for v in groups.values()} == want
