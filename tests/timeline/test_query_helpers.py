"""Pure helpers of dateline.timeline.queries (the queries themselves run in tests/store)."""
import pytest

from dateline.timeline import queries as Q


@pytest.mark.parametrize("since,until,expected", [
    ("2019-05", "2019-10-31", ("2019-05-01", "2019-10-31")),
    ("2019", "2019", ("2019-01-01", "2019-12-31")),
    ("2019-02", None, ("2019-02-01", None)),
    (None, "2020-02", (None, "2020-02-29")),
])
def test_bounds(since, until, expected):
    assert Q.bounds(since, until) == expected


@pytest.mark.parametrize("bad", ["May", "2019-W99x", "P2W", "yesterday"])
def test_bounds_refuses_non_dates(bad):
    with pytest.raises(Q.QueryError):
        Q.bounds(bad, None)


def test_cameo_names():
    assert Q.cameo_name("150").startswith("Demonstrate military")
    assert Q.cameo_name("1999") == Q.cameo_name("19") or Q.cameo_name("1999")
    assert Q.cameo_name(None) == ""
