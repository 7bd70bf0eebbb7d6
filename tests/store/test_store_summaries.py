"""Cluster summaries in merging (dateline.store.mergemem.ClusterSummary, merge.agreement_key): a cluster is
scored once per kind of report, with the same answers as report by report, and summaries kept between
articles are dropped when another connection wrote to the store."""
from __future__ import annotations

import dataclasses
import random

import pytest

from dateline.store import open_store
from dateline.store.mergemem import ClusterSummary, MergeMemory
from dateline.timeline import merge as M


def _rep(article: str, event: str = "v1", **kw) -> M.Report:
    base = dict(cameo="190", actor_code="AAA", target_code="BBB", date="2020-03-04", date_from="timex",
                published="2020-03-05", trigger="struck", names=frozenset({"alpha", "beta", "gamma"}))
    return M.Report(article_id=article, event_id=event, **{**base, **kw})


# (what differs between b and its twin, whether agreement_key must then tell them apart)
TWINS = [
    (dict(event_id="v9"), False),                       # another report of another article, alike
    (dict(url="https://example.org/x", sources=["a wire"], actor_name="Someone"), False),
    (dict(published="2020-03-09"), False),              # both dated by a stated date: publication not read
    (dict(date="2020-03-05"), True),
    (dict(actor_code="CCC"), True),
    (dict(trigger="bombed"), True),
    (dict(names=frozenset({"alpha", "delta"})), True),
    (dict(date_from="publication"), True),              # an upper bound only
]


@pytest.mark.parametrize("change,differs", TWINS)
def test_reports_alike_in_the_key_agree_alike(change, differs):
    a, b = _rep("a1"), _rep("b1")
    twin = dataclasses.replace(b, article_id="b2", **change)
    assert (M.agreement_key(a, b) != M.agreement_key(a, twin)) is differs
    if not differs:
        assert M.agreement(a, b) == M.agreement(a, twin)


def test_merging_remembers_agreements_by_agreement_key():
    # MergeMemory.agreement writes the key inline (it is asked for every kind of report of every cluster)
    a = _rep("a1")
    others = [dataclasses.replace(_rep("b1"), article_id=f"b{n}", **change) for n, (change, _) in enumerate(TWINS)]
    others += [_rep("c1", date=None), _rep("c2", date_from="publication", published="2020-03-20")]
    mem = MergeMemory()
    for b in others:
        assert mem.agreement(a, b) == M.agreement(a, b)
        assert mem.agreement(b, a) == M.agreement(b, a)
    assert set(mem.agreed) == {M.agreement_key(x, y) for b in others for x, y in ((a, b), (b, a))}


def test_a_summary_scores_from_remembered_agreements_alone():
    # ClusterSummary._total looks remembered agreements up by the key written inline there too: with
    # every agreement remembered it asks for none
    rnd = random.Random(3)
    members = [_random_rep(rnd, i) for i in range(30)]
    later = [_random_rep(rnd, 100 + i) for i in range(30)]
    summary, memory = ClusterSummary(members), MergeMemory()
    want = [_brute(z, members) for z in later]
    for z in later:
        for r in members:
            memory.agreement(z, r)
    memory.agreement = lambda a, b: pytest.fail("an agreement asked again")
    assert [summary.total(z, memory) for z in later] == want


@pytest.mark.parametrize("loose", [dict(date=None), dict(date_from="publication")])
def test_a_loosely_dated_report_reads_publication_days(loose):
    a = _rep("a1", names=frozenset({"alpha"}), **loose)        # not one story: the dyad's publication days decide
    b, twin = _rep("b1"), _rep("b2", published="2020-03-20")
    assert M.agreement_key(a, b) != M.agreement_key(a, twin)
    assert M.agreement(a, b) != M.agreement(a, twin)        # a dyad published within two days, or not


def _brute(z: M.Report, members: list[M.Report]):
    before = [r for r in members if r.order < z.order]
    if not before or any(r.article_id == z.article_id for r in before):
        return None
    scores = [M.agreement(z, r) for r in before]
    if any(s is None for s in scores):
        return None
    return sum(scores), len(before), min(r.order for r in before)


def _random_rep(rnd: random.Random, i: int) -> M.Report:
    return _rep(f"a{rnd.randint(0, 12)}", f"v{i}", cameo=rnd.choice(["190", "193", "183"]),
                actor_code=rnd.choice(["AAA", "AAA", None]), target_code=rnd.choice(["BBB", None]),
                date=rnd.choice(["2020-03-04", "2020-03-05", "2020-03", "2020-W10", None]),
                date_from=rnd.choice(["timex", "timex", "publication"]),
                published=rnd.choice(["2020-03-04", "2020-03-06", "2020-03-09"]),
                names=rnd.choice([frozenset({"alpha", "beta"}), frozenset({"alpha", "beta", "gamma"})]))


@pytest.mark.parametrize("seed", range(6))
def test_summary_total_is_the_sum_over_its_reports_before(seed):
    rnd = random.Random(seed)
    members = [_random_rep(rnd, i) for i in range(rnd.randint(1, 25))]
    summary, memory = ClusterSummary(members), MergeMemory()
    for i in range(40):
        z = _random_rep(rnd, 100 + i)
        assert summary.total(z, memory) == _brute(z, members)       # its agreements remembered by their keys
        assert summary.near(z) == any(M.near(z, r) for r in members if r.order < z.order)


def _records(n: int) -> list[dict]:
    """Articles of one dyad over a few days (most reports join clusters of earlier ones)."""
    rnd = random.Random(5)
    out = []
    for i in range(n):
        text = f"Generated report {i}."
        events = [{"id": f"v{j}", "cameo": rnd.choice(["190", "193"]),
                   "date": rnd.choice(["2020-03-02", "2020-03-03", "2020-03", None]), "date_from": "timex",
                   "actor": {"code": "AAA", "name": "A"}, "target": {"code": rnd.choice(["BBB", "CCC"]), "name": "B"},
                   "trigger": {"start": 0, "end": 9, "text": "Generated"}, "sentence": {"start": 0, "end": len(text)},
                   "negated": False, "hypothetical": False, "sources": []} for j in range(rnd.randint(1, 2))]
        out.append({"article": {"id": f"g{i}", "text": text, "url": f"https://example.org/s{i}",
                                "published": f"2020-03-0{rnd.randint(2, 6)}"},
                    "entities": [], "events": events, "quotes": [], "timexes": []})
    return out


def _clusters(store) -> set[frozenset]:
    groups: dict[str, set] = {}
    for r in store.rows("SELECT cluster, key FROM events"):
        groups.setdefault(r["cluster"], set()).add(r["key"])
    return {frozenset(v) for v in groups.values()}


def test_two_connections_writing_in_turn_give_the_clusters_of_one(tmp_path):
    recs = _records(40)
    random.Random(0).shuffle(recs)          # out of canonical order: stored reports move between clusters
    with open_store(str(tmp_path / "one.db")) as one:
        for r in recs:
            one.add_article(r)
        want = _clusters(one)
    path = str(tmp_path / "two.db")
    with open_store(path) as a, open_store(path) as b:
        for i, r in enumerate(recs):
            (a if i % 2 else b).add_article(r)      # each kept summaries that the other's writes made stale
        assert _clusters(a) == want
