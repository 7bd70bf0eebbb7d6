"""Quotations as data (dateline.store.quotes), on a real SQLite file and a real PostgreSQL server."""
from __future__ import annotations

import json

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

from dateline.store import open_store, schema
from dateline.store.quotes import name_key, speaker_names
from dateline.timeline.queries import QueryError


def person(eid: str, name: str, code: str | None, *mentions: str, kind: str = "person") -> dict:
    return {"id": eid, "name": name, "kind": kind, "code": code,
            "mentions": [{"start": 0, "end": len(m), "text": m} for m in (name, *mentions)]}


def quoted(qid: str, text: str, eid: str | None, name: str | None, code: str | None, cue: str = "said",
           start: int = 10) -> dict:
    return {"id": qid, "start": start, "end": start + len(text), "text": text,
            "speaker": {"entity": eid, "name": name, "code": code}, "cue": cue, "attribution": None}


def article(build, aid: str, published: str | None, entities: list[dict], quotes: list[dict]) -> dict:
    rec = build.record(aid, published, [], outlet="Wire", url=f"https://wire.example/{aid}")
    rec["entities"], rec["quotes"] = entities, quotes
    return rec


# (article, published, entities, quotes): Kim Jong Un by full name, by surname only in another
# article, Kim Yo Jong (another Kim), a two-word Western name and an organisation
CORPUS = [
    ("a1", "2019-05-04", [person("e1", "Kim Jong Un", "PRK", "Kim", "Chairman Kim")],
     [quoted("q1", "We will wait until the end of the year for a bold decision", "e1", "Kim Jong Un", "PRK")]),
    ("a2", "2019-07-25", [person("e3", "Laura Example", "USA", "Example")],
     [quoted("q1", "This is a calculated message to Washington", "e3", "Laura Example", "USA"),
      quoted("q2", "Talks are not dead", "e3", "Example", "USA", start=90)]),
    ("a3", "2019-10-31T08:00:00", [person("e2", "Kim", "PRK")],
     [quoted("q1", "The clock on talks is running", "e2", "Kim", "PRK", cue="warned")]),
    ("a4", "2019-11-02", [person("e5", "Kim Yo Jong", "PRK", "Ms. Kim"),
                          person("e6", "Foreign Ministry", "PRK", kind="organization")],
     [quoted("q1", "Washington will regret it", "e5", "Kim Yo Jong", "PRK"),
      quoted("q2", "A meaningless proposal", "e6", "Foreign Ministry", "PRK", cue="called"),
      quoted("q3", "Nobody knows who said this", None, None, None)]),
]


@pytest.fixture
def quotes_store(store, build):
    for aid, pub, ents, qs in CORPUS:
        store.add_article(article(build, aid, pub, ents, qs))
    return store


@pytest.mark.parametrize("filters,expected", [
    ({}, [("a1", "q1"), ("a2", "q1"), ("a2", "q2"), ("a3", "q1"), ("a4", "q1"), ("a4", "q2"), ("a4", "q3")]),
    ({"speaker": "Kim Jong Un"}, [("a1", "q1"), ("a3", "q1")]),          # "Kim" alone in a3 is him
    ({"speaker": "kim jong-un"}, [("a1", "q1"), ("a3", "q1")]),          # spelling folded
    ({"speaker": "Chairman Kim"}, [("a1", "q1"), ("a3", "q1")]),         # a mention of him
    ({"speaker": "Kim"}, [("a1", "q1"), ("a3", "q1")]),                 # the one who goes by "Kim"
    ({"speaker": "Yo Jong"}, [("a4", "q1")]),                            # no one by that name: the words
    ({"speaker": "Example"}, [("a2", "q1"), ("a2", "q2")]),              # surname = the person
    ({"speaker": "Laura Example", "text": "washington"}, [("a2", "q1")]),
    ({"speaker": "Nobody Known"}, []),
    ({"state": "usa"}, [("a2", "q1"), ("a2", "q2")]),
    ({"state": "PRK", "since": "2019-10"}, [("a3", "q1"), ("a4", "q1"), ("a4", "q2")]),
    ({"since": "2019-07-25", "until": "2019-10-31"}, [("a2", "q1"), ("a2", "q2"), ("a3", "q1")]),
    ({"until": "2019"}, [("a1", "q1"), ("a2", "q1"), ("a2", "q2"), ("a3", "q1"), ("a4", "q1"), ("a4", "q2"),
                         ("a4", "q3")]),
    ({"text": "talks"}, [("a2", "q2"), ("a3", "q1")]),
    ({"text": "talk"}, [("a2", "q2"), ("a3", "q1")]),                   # stemmed on both stores
    ({"text": "talks \"running"}, [("a3", "q1")]),                      # the user's punctuation is no syntax
    ({"speaker": "Foreign Ministry"}, [("a4", "q2")]),
])
def test_quotes_query(quotes_store, filters, expected):
    rows = quotes_store.quotes(**filters)
    assert [(r["article"], r["quote"]) for r in rows] == expected


def test_quote_rows_carry_speaker_span_cue_and_date(quotes_store):
    (row,) = quotes_store.quotes(speaker="Kim Jong Un", since="2019-10")
    assert row["speaker"] == "Kim Jong Un" and row["speaker_code"] == "PRK" and row["speaker_key"] == "kim jong un"
    assert row["speaker_entity"] == "e2" and row["cue"] == "warned"
    assert row["date"] == "2019-10-31"               # the article's publication date, as a day
    assert (row["start"], row["end"]) == (10, 10 + len(row["text"])) and row["url"] == "https://wire.example/a3"


def test_a_surname_stored_before_the_full_name_moves_to_it(store, build):
    # the surname-only article first: "Kim" is its own speaker until Kim Jong Un is stored
    for aid in ("a3", "a1"):
        _, pub, ents, qs = next(c for c in CORPUS if c[0] == aid)
        store.add_article(article(build, aid, pub, ents, qs))
    assert [r["article"] for r in store.quotes(speaker="Kim Jong Un")] == ["a1", "a3"]
    assert store.scalar("SELECT count(*) AS n FROM speakers WHERE key = ?", ("kim",)) == 0


def test_a_name_shared_by_two_people_is_not_guessed(store, build):
    two = [person("e1", "Kim Jong Un", "PRK", "Kim"), person("e2", "Kim Yo Jong", "PRK", "Kim")]
    store.add_article(article(build, "b1", "2019-01-01", two,
                              [quoted("q1", "One", "e1", "Kim Jong Un", "PRK"),
                               quoted("q2", "Two", "e2", "Kim Yo Jong", "PRK")]))
    store.add_article(article(build, "b2", "2019-01-02", [person("e1", "Kim", "PRK")],
                              [quoted("q1", "Three", "e1", "Kim", "PRK")]))
    assert [r["text"] for r in store.quotes(speaker="Kim Jong Un")] == ["One"]
    (three,) = store.quotes(text="three")
    assert three["speaker_key"] == "kim"


def test_a_surname_with_another_state_is_another_speaker(store, build):
    store.add_article(article(build, "c1", "2019-01-01", [person("e1", "Moon Jae-in", "KOR", "Moon")],
                              [quoted("q1", "Peace", "e1", "Moon Jae-in", "KOR")]))
    store.add_article(article(build, "c2", "2019-01-02", [person("e1", "Moon", "USA")],
                              [quoted("q1", "Elsewhere", "e1", "Moon", "USA")]))
    assert [r["text"] for r in store.quotes(speaker="Moon Jae-in")] == ["Peace"]


def test_quotes_are_stored_once_with_their_article(quotes_store, build):
    n = len(quotes_store.quotes())
    _, pub, ents, qs = CORPUS[0]
    assert not quotes_store.add_article(article(build, "a1", pub, ents, qs)).stored
    assert len(quotes_store.quotes()) == n


def test_bad_state_and_dates_are_errors(quotes_store):
    with pytest.raises(QueryError, match="state"):
        quotes_store.quotes(state="North Korea")
    with pytest.raises(QueryError, match="not a date"):
        quotes_store.quotes(since="last May")


def test_migration_fills_quotes_of_articles_stored_before(store_url, build):
    """A store at schema 2 (before quotes) gets its quotes filled when a newer dateline opens it."""
    s = open_store(store_url)
    with s.transaction():
        drops = ["DROP TABLE speaker_names", "DROP TABLE speakers", "DROP TABLE quotes",
                 "ALTER TABLE events DROP COLUMN date_mod", "ALTER TABLE clusters DROP COLUMN date_mod",
                 "DROP INDEX IF EXISTS events_location_geonameid", "DROP TABLE places",   # migration 5
                 "ALTER TABLE events DROP COLUMN location_geonameid",
                 "ALTER TABLE articles DROP COLUMN story_names",                    # migration 6
                 "DROP TABLE cluster_aliases"]                                      # migration 7
        for stmt in (["DROP TABLE quotes_fts"] if s.dialect == "sqlite" else []) + drops:
            s._exec(stmt)
        s._exec("DELETE FROM schema_version WHERE version >= 3")
    rec = article(build, "old", "2019-08-01", [person("e1", "Kim Jong Un", "PRK")],
                  [quoted("q1", "An old quotation", "e1", "Kim Jong Un", "PRK")])
    with s.transaction():   # an article stored by the old dateline: no quotes rows
        s._exec("INSERT INTO articles (key, dedup, record_id, text, record) VALUES (?,?,?,?,?)",
                ("aold", "url:old", "old", "text", json.dumps(rec)))
    s.close()
    again = open_store(store_url)
    assert again.schema_version() == schema.latest(again.dialect)
    assert [r["text"] for r in again.quotes(speaker="Kim Jong Un", text="old")] == ["An old quotation"]
    again.close()


@pytest.mark.parametrize("name,key", [
    ("Kim Jong-un", "kim jong un"), ("  KIM   Jong Un ", "kim jong un"), ("Mr. Kim", "mr kim"),
    ("Moon Jae-in", "moon jae in"), ("Müller", "müller"), ("", ""), (None, ""),
])
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("name,entity,names", [
    ("Laura Example", {"kind": "person"}, {"laura example", "example"}),
    ("Kim Jong Un", {"kind": "person", "mentions": [{"text": "Kim"}]}, {"kim jong un", "kim"}),
    ("Kim Jong Un", {"kind": "person"}, {"kim jong un"}),               # three words: no surname guessed
    ("Foreign Ministry", {"kind": "organization"}, {"foreign ministry"}),
])
def test_speaker_names(name, entity, names):
    assert speaker_names(name, entity) == names


def test_a_surname_quoted_before_the_full_name_in_one_article_moves_to_it(store, build):
    # the article's quotes are inserted together: the surname's quote, still waiting, moves too
    ents = [person("e1", "Kim", "PRK"), person("e2", "Kim Jong Un", "PRK", "Kim")]
    store.add_article(article(build, "d1", "2019-01-01", ents,
                              [quoted("q1", "First", "e1", "Kim", "PRK"),
                               quoted("q2", "Second", "e2", "Kim Jong Un", "PRK", start=40)]))
    assert [r["text"] for r in store.quotes(speaker="Kim Jong Un")] == ["First", "Second"]
    assert store.scalar("SELECT count(*) AS n FROM speakers WHERE key = ?", ("kim",)) == 0
