"""Query results for Python: a list of row dicts that turns into a typed pandas DataFrame.

    import dateline
    store = dateline.open_store("dateline.db")
    df = store.events(actor="PRK", cameo="150").to_pandas()

``Rows`` is a plain list (JSON-ready dicts, as the CLI prints them) with ``to_pandas()``. Column
types follow the values: whole numbers become nullable ``Int64``, other numbers ``float64``,
yes/no ``boolean``, text ``string``, lists and objects stay Python objects; the columns named in
``dates`` (an ISO day, e.g. ``day``) become ``datetime64``. A TimeML value (``date``) stays text: a
month is not a day. pandas is an optional extra: ``pip install 'dateline[pandas]'``.
"""
from __future__ import annotations

from typing import Any, Iterable

from .errors import DatelineError


class Rows(list):
    """Rows of a query (dicts), with the column order and the day columns of that query."""

    def __init__(self, rows: Iterable[dict] = (), *, columns: list[str] | None = None, dates: tuple[str, ...] = ()):
        super().__init__(rows)
        self.columns = list(columns) if columns else (list(self[0]) if self else [])
        self.dates = dates

    def to_pandas(self):
        """A pandas DataFrame with one column per field, typed (see the module's notes)."""
        try:
            import pandas as pd
        except ImportError:
            raise DatelineError("to_pandas() needs pandas: pip install 'dateline[pandas]'", code="no_pandas") from None
        cols = list(self.columns)
        for r in self:
            cols += [k for k in r if k not in cols]
        data = {c: [r.get(c) for r in self] for c in cols}
        return pd.DataFrame({c: _series(pd, c, v, c in self.dates) for c, v in data.items()}, columns=cols)


def _series(pd, name: str, values: list[Any], is_day: bool):
    present = [v for v in values if v is not None]
    if is_day:
        days = [v if isinstance(v, str) and len(v) >= 10 else None for v in values]   # never pad a month
        return pd.Series(pd.to_datetime(days, format="ISO8601", errors="coerce", utc=False), name=name)
    if present and all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean", name=name)
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="Int64", name=name)
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64", name=name)
    if all(isinstance(v, str) for v in present):
        return pd.Series(values, dtype="string", name=name)
    return pd.Series(values, dtype="object", name=name)
