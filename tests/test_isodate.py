"""Tests for dateline.isodate: the one reader of ISO dates."""
from __future__ import annotations

import datetime as dt

import pytest

from dateline.isodate import iso_date


@pytest.mark.parametrize("value,expected", [
    ("2019-10-31", dt.date(2019, 10, 31)),
    ("2019-10-31T09:42:00Z", dt.date(2019, 10, 31)),
    (" 2019-10-31 ", dt.date(2019, 10, 31)),
    (dt.datetime(2019, 10, 31, 9, 42), dt.date(2019, 10, 31)),
    (dt.date(2019, 10, 31), dt.date(2019, 10, 31)),
    ("31/10/2019", None),
    ("2019-02-30", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected
