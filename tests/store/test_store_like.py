"""Name filters are substring matches in which LIKE's wildcards ('%', '_') and its escape ('\\') stand
for themselves, on both stores; a limit outside 1..10^9 is a clear error."""
from __future__ import annotations

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.timeline import queries as Q

ACTORS = ["Kim_Jong", "KimXJong", "50% Group", "500 Group", "Back\\slash", "Plain Name"]


@pytest.fixture
def named(store, build):
    for i, name in enumerate(ACTORS):
        ev = build.event("v1", "150", actor=name, date=f"2019-05-{10 + 3 * i:02d}")
        store.add_article(build.record(f"a{i}", f"2019-05-{10 + 3 * i:02d}", [ev], url=f"https://x.example/{i}"))
    return store


@pytest.mark.parametrize("query, expected", [
    ("m_j", ["Kim_Jong"]),
    ("_", ["Kim_Jong"]),
    ("%", ["50% Group"]),
    ("0%", ["50% Group"]),
    ("\\", ["Back\\slash"]),
    ("k\\s", ["Back\\slash"]),
    ("%%", []),
    ("jong", ["Kim_Jong", "KimXJong"]),
    ("group", ["50% Group", "500 Group"]),
])
def test_actor_wildcards_match_themselves(named, query, expected):
    got = sorted(r["actor_name"] for r in Q.events(named, actor=query))
    assert got == sorted(expected)
    got_target = Q.events(named, target=query)
    assert got_target == []          # nobody is a target here


@pytest.mark.parametrize("limit", [0, -1, 10 ** 20, "5", 2.5, True])
def test_limit_out_of_range_is_a_query_error(named, limit):
    with pytest.raises(Q.QueryError, match="limit"):
        Q.events(named, limit=limit)


def test_limit_keeps_the_first_rows(named):
    assert len(Q.events(named, limit=2)) == 2
    assert len(Q.events(named, limit=10 ** 9)) == len(ACTORS)
