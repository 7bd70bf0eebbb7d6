"""dateline.results.Rows: column types of .to_pandas(), a table of values -> dtype."""
from __future__ import annotations

import sys

import pytest

from dateline.errors import DatelineError
from dateline.results import Rows

pd = pytest.importorskip("pandas")


@pytest.mark.parametrize("values,dtype", [
    ([1, 2, None], "Int64"),
    ([1.5, None, 2], "float64"),
    ([True, False, None], "boolean"),
    (["a", None, "b"], "string"),
    ([["x"], ["y", "z"], None], "object"),
    ([{"k": 1}, None, None], "object"),
    ([None, None, None], "string"),
    ([1, "a", None], "object"),
])
def test_dtype_follows_the_values(values, dtype):
    df = Rows([{"c": v} for v in values]).to_pandas()
    assert str(df["c"].dtype) == dtype


def test_day_columns_become_datetimes_and_bad_days_nat():
    df = Rows([{"day": "2019-10-31"}, {"day": None}, {"day": "2019-10"}], dates=("day",)).to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["day"])
    assert df["day"].iloc[0] == pd.Timestamp("2019-10-31") and pd.isna(df["day"].iloc[1])
    assert pd.isna(df["day"].iloc[2])                    # a month is not padded to its 1st


def test_rows_are_a_list_of_dicts():
    rows = Rows([{"a": 1}], columns=["a", "b"])
    assert rows == [{"a": 1}] and list(rows.to_pandas().columns) == ["a", "b"]


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(DatelineError, match=r"dateline\[pandas\]"):
        Rows([{"a": 1}]).to_pandas()
