"""What the store's merging keeps in memory: one object, dropped as a whole on a rollback.

Merging an article reads the same stored reports, story names and query answers again and again
(the reports re-merged after a change are mostly of the same days, and ask the same). ``MergeMemory``
keeps
- ``reports``: the merge.Report of a stored event by its key (a stored report never changes but for
  its cluster, which is not in it), for the last REPORTS_KEPT read;
- ``names``: an article's story names (merge.story_names), for the last NAMES_KEPT articles;
- ``agreed``: merge.agreement of two stored reports, for the last AGREED_KEPT pairs;
- ``queries``: the rows (key, cluster) of a merge query during one article's merge (``new_merge``); those
  of a query that asks for clusters (``volatile``) only until merging moves a report (``moved``);
- ``where``: the cluster of every report that merge has seen, kept up to date as it moves reports, so
  that a query answered from memory gives the clusters of now, and no report's cluster is read again.
A rolled-back transaction may have put reports and names there that the store does not hold:
``forget`` drops everything.
"""
from __future__ import annotations

from typing import Callable

from ..timeline import merge as M

NAMES_KEPT = 20_000     # story names of this many articles kept in memory while merging
REPORTS_KEPT = 20_000   # stored reports kept in memory while merging (dateline.timeline.merge.Report)
AGREED_KEPT = 200_000   # agreements of two stored reports kept in memory while merging


class MergeMemory:
    def __init__(self) -> None:
        self.reports: dict[str, M.Report] = {}
        self.names: dict[str, frozenset[str]] = {}
        self.agreed: dict[tuple[str, str], int | None] = {}
        self.queries: dict[tuple, list[tuple]] = {}
        self.volatile: dict[tuple, list[tuple]] = {}
        self.where: dict[str, str] = {}

    def agreement(self, a: M.Report, b: M.Report) -> int | None:
        """merge.agreement(a, b), remembered (the reports of a day are judged against each other again at
        every arrival of that day)."""
        k = (a.key, b.key)
        got = self.agreed.get(k, self)
        if got is self:
            got = _put(self.agreed, k, M.agreement(a, b), AGREED_KEPT)
        return got

    def query(self, sql: str, params: list, run: Callable[[str, list], list[tuple]], volatile: bool = False
              ) -> tuple[list[tuple], bool]:
        """The rows (key, cluster) of a merge query, each once, and whether they were read now: a query is
        run once in a merge (a ``volatile`` one, whose rows depend on clusters, once until a report
        moves); the cluster of a report is ``where``'s, which merging keeps up to date (the rows' own
        may be old)."""
        k = (sql, tuple(params))
        memo = self.volatile if volatile else self.queries
        got = memo.get(k)
        if got is not None:
            return got, False
        got = memo[k] = list(dict.fromkeys(run(sql, params)))
        for key, cluster in got:
            self.where.setdefault(key, cluster)
        return got, True

    def keep_report(self, key: str, rep: M.Report) -> None:
        _put(self.reports, key, rep, REPORTS_KEPT)

    def story_names(self, akey: str, read: Callable[[str], frozenset[str]]) -> frozenset[str]:
        got = self.names.get(akey)
        if got is None:
            got = _put(self.names, akey, read(akey), NAMES_KEPT)
        return got

    def new_merge(self, clusters: dict[str, str]) -> None:
        """An article's reports were stored (in ``clusters``: key -> cluster): every query is asked anew."""
        self.queries.clear()
        self.volatile.clear()
        self.where = dict(clusters)

    def move(self, key: str, cluster: str) -> None:
        """A report changed cluster: the rows of queries that ask for clusters may be stale."""
        self.where[key] = cluster
        self.volatile.clear()

    def forget(self) -> None:
        self.reports.clear()
        self.names.clear()
        self.agreed.clear()
        self.queries.clear()
        self.volatile.clear()
        self.where.clear()

    def __bool__(self) -> bool:
        return bool(self.reports or self.names or self.agreed or self.queries)


def _put(memo: dict, key, value, kept: int):
    """``memo[key] = value``, emptying ``memo`` first when it holds ``kept`` entries; returns ``value``."""
    if len(memo) >= kept:
        memo.clear()
    memo[key] = value
    return value
