"""One lenient reader for the ISO dates dateline accepts everywhere (published dates, the DCT,
leaders' terms): YYYY-MM-DD, or a datetime whose first ten characters are one."""
from __future__ import annotations

import datetime as _dt


def iso_date(value) -> _dt.date | None:
    """The date at the start of ``value`` (a str, date or datetime); None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
