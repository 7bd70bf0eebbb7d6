"""The query methods of the command line, on every store (``dateline.open_store(url)``).

Each returns ``dateline.results.Rows`` (a list of dicts with ``.to_pandas()``), the same rows the
CLI prints with ``--format json``; the filters are those of ``dateline.timeline.queries``:
``actor``, ``target``, ``cameo``, ``since``, ``until``, ``text``, ``include_all`` ...
"""
from __future__ import annotations

from ..results import Rows

_EVENT_DAYS = ("day",)


class QueryMethods:
    """Mixed into ``Store``: events, timeline, count, claims, dyads, export (quotes and failures
    are ``Store`` methods of their own)."""

    def events(self, *, limit: int | None = None, **filters) -> Rows:
        """Happenings that match, by date (`dateline events`)."""
        from ..timeline import queries as Q
        return Rows(Q.events(self, limit=limit, **filters), dates=_EVENT_DAYS)

    def timeline(self, **filters) -> Rows:
        """Dated happenings by day (`dateline timeline`); ``either`` = actor or target."""
        from ..timeline import queries as Q
        return Rows(Q.timeline(self, **filters), dates=_EVENT_DAYS)

    def count(self, **filters) -> Rows:
        """The distinct happenings that match (`dateline count`): ``len()`` is the count."""
        from ..timeline import queries as Q
        return Rows(Q.events(self, **filters), dates=_EVENT_DAYS)

    def claims(self, *, include_all: bool = False) -> Rows:
        """Series claims checked against the record (`dateline claims`)."""
        from ..timeline import queries as Q
        return Rows(Q.claims(self, include_all=include_all), dates=("on",))

    def dyads(self, *, by: str = "week", **filters) -> Rows:
        """Happenings and Goldstein sum per actor pair per week or month (`dateline dyads`)."""
        from ..timeline import queries as Q
        return Rows(Q.dyads(self, by=by, **filters), columns=[by, "actor", "target", "events", "goldstein", "cameo"])

    def export(self, **filters) -> Rows:
        """One row per happening in GDELT-like columns (`dateline export`)."""
        from ..timeline import queries as Q
        return Rows(Q.export(self, **filters), columns=Q.EXPORT_COLUMNS)
