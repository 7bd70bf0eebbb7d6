"""dateline.open_store(url): the CLI's queries as methods, each result with .to_pandas() (both stores)."""
from __future__ import annotations

import pytest

from store_fixtures import build, pg_server, store, store_url  # noqa: F401 - fixtures

import dateline
from dateline.results import Rows
from dateline.timeline import queries as Q

pd = pytest.importorskip("pandas")


@pytest.fixture
def api_store(store_url, build):
    s = dateline.open_store(store_url)
    rec = build.record("a1", "2019-10-31", [build.event("v1", date="2019-10-31", target="JPN"),
                                            build.event("v2", "042", actor="CHN", target="PRK", date="2019-09")],
                       outlet="Wire", url="https://wire.example/a1")
    rec["entities"] = [{"id": "e9", "name": "Kim Jong Un", "kind": "person", "code": "PRK",
                        "mentions": [{"start": 0, "end": 3, "text": "Kim"}]}]
    rec["quotes"] = [{"id": "q1", "start": 0, "end": 5, "text": "Hello", "cue": "said", "attribution": None,
                      "speaker": {"entity": "e9", "name": "Kim Jong Un", "code": "PRK"}}]
    s.add_article(rec)
    s.add_failure(source="bad.txt", item_id=None, code="empty", message="bad.txt: empty")
    yield s
    s.close()


@pytest.mark.parametrize("method,kwargs,n", [
    ("events", {"actor": "PRK"}, 1), ("events", {}, 2), ("timeline", {"either": "PRK"}, 2),
    ("count", {"cameo": "15"}, 1), ("claims", {}, 0), ("dyads", {}, 2), ("dyads", {"by": "month"}, 2),
    ("export", {}, 2), ("quotes", {"speaker": "Kim"}, 1), ("failures", {}, 1),
])
def test_every_query_is_a_method_returning_rows(api_store, method, kwargs, n):
    rows = getattr(api_store, method)(**kwargs)
    assert isinstance(rows, Rows) and isinstance(rows, list) and len(rows) == n
    df = rows.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == n


def test_events_dataframe_has_typed_columns(api_store):
    df = api_store.events().to_pandas()
    assert str(df["articles"].dtype) == "Int64" and str(df["goldstein"].dtype) == "float64"
    assert str(df["negated"].dtype) == "boolean" and str(df["actor"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(df["day"])
    month = df[df["cameo"] == "042"].iloc[0]
    assert pd.isna(month["day"]) and month["date"] == "2019-09" and month["precision"] == "month"
    assert df.columns[0] == "cluster" and "label" in df.columns


def test_an_empty_result_keeps_its_columns(api_store):
    df = api_store.export(actor="RUS").to_pandas()
    assert list(df.columns) == Q.EXPORT_COLUMNS and df.empty
    assert list(api_store.quotes(speaker="nobody").to_pandas().columns)[:3] == ["quote", "date", "speaker"]


def test_quotes_dataframe(api_store):
    df = api_store.quotes().to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["date"]) and df.loc[0, "speaker"] == "Kim Jong Un"
    assert str(df["start"].dtype) == "Int64"
