"""What the store's merging keeps in memory: one object, dropped as a whole on a rollback.

Merging an article reads the same stored reports, story names and query answers again and again
(the reports re-merged after a change are mostly of the same days, and ask the same). ``MergeMemory``
keeps
- ``reports``: the merge.Report of a stored event by its key (a stored report never changes but for
  its cluster, which is not in it), for the last REPORTS_KEPT read;
- ``names``: an article's story names (merge.story_names), for the last NAMES_KEPT articles;
- ``agreed``: merge.agreement of two reports by what it reads of them (merge.agreement_key: reports
  alike share an answer), for the last AGREED_KEPT keys;
- ``summaries``: a ClusterSummary of each cluster merging read (for the last SUMMARIES_KEPT), dropped
  when a report joins or leaves the cluster, so that a cluster is scored per kind of report, not per
  report, and read once, not at every arrival near it; all dropped (``others_wrote``) when another
  connection may have changed the store since (merging.MergeMethods._written_elsewhere);
- ``queries``: the rows (key, cluster) of a merge query during one article's merge (``new_merge``); those
  of a query that asks for clusters (``volatile``) only until merging moves a report (``moved``);
- ``where``: the cluster of every report that merge has seen, kept up to date as it moves reports, so
  that a query answered from memory gives the clusters of now, and no report's cluster is read again.
A rolled-back transaction may have put reports and names there that the store does not hold:
``forget`` drops everything.
"""
from __future__ import annotations

import bisect
from typing import Callable

from ..timeline import merge as M

NAMES_KEPT = 20_000     # story names of this many articles kept in memory while merging
REPORTS_KEPT = 20_000   # stored reports kept in memory while merging (dateline.timeline.merge.Report)
AGREED_KEPT = 200_000   # agreements of two kinds of report (merge.agreement_key) kept in memory while merging
SUMMARIES_KEPT = 20_000  # summaries of clusters kept in memory while merging


class MergeMemory:
    def __init__(self) -> None:
        self.reports: dict[str, M.Report] = {}
        self.names: dict[str, frozenset[str]] = {}
        self.agreed: dict[tuple, int | None] = {}
        self.queries: dict[tuple, list[tuple]] = {}
        self.volatile: dict[tuple, list[tuple]] = {}
        self.where: dict[str, str] = {}
        self.summaries: dict[str, ClusterSummary] = {}
        self.fresh: list[str] = []      # the keys of the reports of the article being merged, sorted

    def agreement(self, a: M.Report, b: M.Report) -> int | None:
        """merge.agreement(a, b), remembered by merge.agreement_key (the reports of a day are judged
        against each other again at every arrival of that day, and a cluster's reports are often alike)."""
        # merge.agreement_key, inline (asked for every kind of report of every cluster a report is scored on)
        k = (a.kind, b.kind, a.published_day, b.published_day) if a.loose or b.loose else (a.kind, b.kind)
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

    def clusters(self, sql: str, params: list, run: Callable[[str, list], list[tuple]]) -> list[tuple]:
        """The rows of a merge query that reads clusters, not reports (no report's cluster is learnt from
        it): run once in a merge until a report moves, like a ``volatile`` query."""
        k = (sql, tuple(params))
        got = self.volatile.get(k)
        if got is None:
            got = self.volatile[k] = run(sql, params)
        return got

    def keep_report(self, key: str, rep: M.Report) -> None:
        _put(self.reports, key, rep, REPORTS_KEPT)

    def story_names(self, akey: str, read: Callable[[str], frozenset[str]]) -> frozenset[str]:
        got = self.names.get(akey)
        if got is None:
            got = _put(self.names, akey, read(akey), NAMES_KEPT)
        return got

    def new_merge(self, clusters: dict[str, str]) -> None:
        """An article's reports were stored (in ``clusters``: key -> cluster): every query is asked anew."""
        self.fresh = sorted(clusters)
        self.queries.clear()
        self.volatile.clear()
        for c in clusters.values():
            self.summaries.pop(c, None)
        self.where = dict(clusters)

    def others_wrote(self) -> None:
        """Another connection may have moved stored reports: the summaries of clusters may be stale."""
        self.summaries.clear()

    def summary(self, cluster: str, members: list[M.Report]) -> "ClusterSummary":
        """Keep and return the ClusterSummary of a cluster read now."""
        return _put(self.summaries, cluster, ClusterSummary(members), SUMMARIES_KEPT)

    def move(self, key: str, cluster: str) -> None:
        """A report changed cluster: the rows of queries that ask for clusters may be stale, and the
        summaries of the two clusters are."""
        self.summaries.pop(self.where.get(key), None)
        self.summaries.pop(cluster, None)
        self.where[key] = cluster
        self.volatile.clear()

    def forget(self) -> None:
        self.reports.clear()
        self.names.clear()
        self.agreed.clear()
        self.queries.clear()
        self.volatile.clear()
        self.summaries.clear()
        self.where.clear()
        self.fresh = []

    def __bool__(self) -> bool:
        return bool(self.reports or self.names or self.agreed or self.queries)


class ClusterSummary:
    """The reports of one cluster grouped by what merge.agreement reads of them (merge.agreement_key),
    so that a report's agreement with the cluster's reports before it (merge.assign's) costs one
    agreement per kind of report the cluster holds, not one per report: each kind with the canonical
    order of its reports, and the first report of each article in that order."""

    def __init__(self, members: list[M.Report]) -> None:
        self.members = members
        self.first = min(r.order for r in members)
        self.last = max(r.order for r in members)
        self.articles: dict[str, tuple] = {}        # article -> the order of its first report here
        # kind (likeness), published day (of a loose one in ``alike``) -> [orders, a report, its kind, loose,
        # published day] (what the key of its agreement reads: MergeMemory.agreement)
        self.alike: dict[tuple, list] = {}
        self.dated: dict[tuple, list] = {}
        for r in members:
            if (seen := self.articles.get(r.article_id)) is None or r.order < seen:
                self.articles[r.article_id] = r.order
            kind, loose, day = r.kind, r.loose, r.published_day
            for groups, key in ((self.alike, (kind, day if loose else None)), (self.dated, (kind, day))):
                if (g := groups.get(key)) is None:
                    groups[key] = [[r.order], r, kind, loose, day]
                else:
                    g[0].append(r.order)
        for groups in (self.alike, self.dated):
            for g in groups.values():
                g[0].sort()
        self._near: M.NearAny | None = None
        self._totals: dict[str, tuple | None] = {}

    def total(self, z: M.Report, memory: MergeMemory) -> tuple[int, int, tuple] | None:
        """Of its reports before ``z`` in canonical order: (the sum of ``memory.agreement(z, r)``, their number, the
        order of the first); None when there are none, one is of z's article or one does not agree
        (merge.assign). Reports alike in what agreement reads of both (the publication day only
        when z or it is loosely dated) are scored once. Kept per report for as long as the summary
        (a report never changes but for its cluster; a summary is dropped when its cluster changes): a
        stored report re-merged at every arrival of its days scores its own cluster once, not each time."""
        got = self._totals.get(z.key, self)
        if got is self:
            got = self._totals[z.key] = self._total(z, memory)
        return got

    def _total(self, z: M.Report, memory: MergeMemory) -> tuple[int, int, tuple] | None:
        mine = z.order
        if self.first >= mine or ((own := self.articles.get(z.article_id)) is not None and own < mine):
            return None
        total = n = 0
        whole = self.last < mine
        agreed, zkind, zday, zloose = memory.agreed, z.kind, z.published_day, z.loose
        for orders, r, kind, loose, day in (self.dated if zloose else self.alike).values():
            k = len(orders) if whole else bisect.bisect_left(orders, mine)
            if k:
                # MergeMemory.agreement's remembered answer looked up here (its key from what the group keeps)
                s = agreed.get((zkind, kind, zday, day) if zloose or loose else (zkind, kind), agreed)
                if s is agreed:
                    s = memory.agreement(z, r)
                if s is None:
                    return None
                total += k * s
                n += k
        return total, n, self.first

    def near(self, z: M.Report) -> bool:
        """merge.near(z, r) for any of its reports before ``z`` in canonical order."""
        if self.last >= z.order:
            return any(M.near(z, r) for r in self.members if r.order < z.order)
        if self._near is None:
            self._near = M.NearAny(self.members)
        return self._near(z)


def _put(memo: dict, key, value, kept: int):
    """``memo[key] = value``, emptying ``memo`` first when it holds ``kept`` entries; returns ``value``."""
    if len(memo) >= kept:
        memo.clear()
    memo[key] = value
    return value
