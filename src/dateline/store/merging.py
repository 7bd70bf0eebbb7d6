"""The store's merging: a new article's reports and the stored reports they concern get the clusters of the
canonical greedy merge (dateline.timeline.merge), incrementally (``MergeMethods._merge_new``).

A mixin of ``dateline.store.base.Store``: it uses the backend's ``rows``, ``_tuples`` and ``_exec``.
"""
from __future__ import annotations

import datetime as _dt
import functools
import heapq
import json

from ..timeline import merge as M
from . import mergemem as MM
from .mergemem import MergeMemory

# the precisions of merge.date_range, with the most and the fewest days between the first and the last day of a
# date of each (a month of February's 28 days, a first quarter's 90, a year's 365)
SPAN_DAYS = tuple((precs, _dt.timedelta(days=most), _dt.timedelta(days=fewest))
                  for precs, most, fewest in (((1,), 0, 0), ((7,), 6, 6), ((30,), 30, 27), (M.LONG_PRECISIONS, 365, 89)))
_NEAR = _dt.timedelta(days=M.NEAR_DAYS)
_PUBLISHED = _dt.timedelta(days=M.PUBLISHED_DAYS)


_REPORT_COLS = ("key", "article_key", "event_id", "cameo", "actor_code", "actor_name", "target_code", "target_name",
                "date", "location_code", "location_name", "published", "trigger_text", "sources", "url", "negated",
                "hypothetical", "date_from")


def _report_of_row(r: tuple, names: frozenset[str] = frozenset()) -> M.Report:
    """The Report of a row of ``_REPORT_COLS`` (a tuple, in that order)."""
    (_, akey, eid, cameo, actor_code, actor_name, target_code, target_name, date, location_code, location_name,
     published, trigger, sources, url, negated, hypothetical, date_from) = r[:18]
    return M.Report(article_id=akey, event_id=eid, cameo=cameo, actor_code=actor_code, actor_name=actor_name,
                    target_code=target_code, target_name=target_name, date=date, location_code=location_code,
                    location_name=location_name, published=published, trigger=(trigger or "").lower(),
                    sources=json.loads(sources or "[]"), url=url, negated=bool(negated),
                    hypothetical=bool(hypothetical), names=names, date_from=date_from)


def _compatible(y: M.Report | None, cluster: str | None = None) -> tuple[str, list]:
    """A condition on stored events (`` AND ...``, its parameters): their codes do not rule out
    merge.agreement with ``y`` (it refuses an actor, target or place code that differs from ``y``'s where
    both give one), or they are of ``cluster``. A joint happening may agree with actor and target
    exchanged: only its place counts. Rows it leaves out are those merging would refuse anyway, so
    that a report's candidates are read by the dyad, not by the whole family's days."""
    if y is None:
        return "", []
    fields = [("location_code", y.location_code)]
    if not y.symmetric:
        fields += [("actor_code", y.actor_code), ("target_code", y.target_code)]
    parts, params = [], []
    for col, val in fields:
        if val:
            parts.append(f"coalesce({col}, '') IN ('', ?)")
            params.append(val)
    if not parts:
        return "", []
    if cluster is not None:
        return f" AND (cluster = ? OR ({' AND '.join(parts)}))", [cluster, *params]
    return " AND " + " AND ".join(parts), params



def _codes_agree(y: M.Report, z: M.Report) -> bool:
    """``_compatible``'s condition for one report ``z``."""
    fields = [(y.location_code, z.location_code)]
    if not y.symmetric:
        fields += [(y.actor_code, z.actor_code), (y.target_code, z.target_code)]
    return all(not mine or (theirs or "") in ("", mine) for mine, theirs in fields)


class MergeMethods:
    """Merging a new article's reports into the stored clusters (see the module)."""

    def _merge_new(self, reps: list[M.Report]) -> set[str]:
        """Give an article's new reports (stored without a cluster: each is in a cluster of its own in
        MergeMemory.where until it is written once at the end, so that the index of events by cluster
        is not written at a place of the store for a cluster the report does not keep) the clusters of the canonical
        greedy merge (merge.choose: reports in canonical order, each joining the best agreeing cluster
        before it), and move every stored report whose cluster that changes, in canonical order, until
        nothing changes: the store then holds the clusters the same articles give in any order. Returns
        the clusters whose reports changed, and for each stored cluster a report left, the cluster its
        first report (in canonical order) went to."""
        if self._written_elsewhere():
            self._memory.others_wrote()
        heap = [(M.canonical(r), r.key) for r in reps if not (r.negated or r.hypothetical)]
        self._memory.new_merge({r.key: M.cluster_id(r) for r in reps})
        where = self._memory.where  # the cluster of every report seen, as it is now
        heapq.heapify(heap)
        known = {r.key: r for r in reps}
        fresh = {r.key for r in reps}
        changed = {M.cluster_id(r) for r in reps}
        moved: dict[str, str] = {}
        done: set[str] = set()
        why: dict[str, dict] = {}       # a queued stored report: how clusters changed before it (_reconsider)
        while heap:
            order, k = heapq.heappop(heap)
            if k in done:
                continue
            done.add(k)
            y = known[k]
            since = why.pop(k, None)
            cid = self._choice(y, known, None if k in fresh else since)
            old = where[k]
            if cid == old and k not in fresh:
                continue
            if cid != old:
                if k not in fresh:
                    self._exec("UPDATE events SET cluster = ? WHERE key = ?", (cid, k))
                self._memory.move(k, cid)
                changed |= {old, cid}
                if k not in fresh:
                    moved.setdefault(old, cid)
            # who comes after it near a report of the cluster it joined may now choose otherwise when it
            # agrees with it (else that cluster is closed to them) or is in it; near the cluster it left,
            # anyone may (a new report leaves only the cluster of its own it was stored in)
            joined = {r.key: r for c, r in self._members({cid}, known)} | {k: y}
            rows = self._near(list(joined.values()), known, after=order[0], agreeing=y, cluster=cid)
            self._reconsider(heap, done, why, order, rows + list(joined), known,
                             lambda z: where[z.key] == cid or self._agreement(z, y) is not None, (cid, k))
            if k not in fresh and old != cid:
                left = {r.key: r for _, r in self._members({old}, known)} | {k: y}
                rows = self._near(list(left.values()), known, after=order[0])
                self._reconsider(heap, done, why, order, rows + list(left), known, lambda z: True, (old, None))
        for r in reps:                  # stored without a cluster (_members, _offered): now their own
            self._exec("UPDATE events SET cluster = ? WHERE key = ?", (where[r.key], r.key))
        return changed, moved

    def _alias_clusters(self, moved: dict[str, str], live: set[str]) -> None:
        """A cluster that merging emptied keeps its id as an alias of the cluster its first report went
        to, so that a link to it (a bookmark, a page open while an ingest runs) still finds the
        happening; a live id is never an alias, and aliases of an alias follow it."""
        for old, new in sorted(moved.items()):
            if old in live:
                continue
            seen = {old}
            while new not in live and new in moved and new not in seen:
                seen.add(new)
                new = moved[new]
            self._exec("UPDATE cluster_aliases SET id = ? WHERE id = ?", (new, old))
            self._exec("INSERT INTO cluster_aliases (old, id) VALUES (?, ?) ON CONFLICT (old) DO UPDATE SET id = excluded.id",
                       (old, new))
        for cid in sorted(live):
            self._exec("DELETE FROM cluster_aliases WHERE old = ?", (cid,))

    @staticmethod
    def _reconsider(heap, done: set, why: dict, order, keys: list[str], known: dict, concerns,
                    change: tuple[str, str | None]) -> None:
        """Queue the reports of ``keys`` that come after ``order`` and that the change ``concerns``, noting in
        ``why`` how the clusters changed since each chose (the changes before it add up): ``change`` is
        (cluster, the key of the report that joined it), or (cluster, None) when a report left it."""
        cid, key = change
        for x in keys:
            z = known[x]
            if z.order > order and concerns(z):
                done.discard(x)
                heapq.heappush(heap, (z.order, x))
                seen = why.setdefault(x, {})
                if key is None:
                    seen[cid] = None
                elif cid not in seen:
                    seen[cid] = {key}
                elif seen[cid] is not None:
                    seen[cid].add(key)

    def _choice(self, y: M.Report, known: dict, since: dict | None) -> str:
        """merge.choose for ``y``: among the clusters near it and before it; for a stored report re-merged
        because clusters changed (``since``: cluster -> the keys that joined it, None when one left it),
        among its own and those when that decides it (``_choice_among``)."""
        if since and (got := self._choice_among(y, self._memory.where[y.key], since, known)) is not None:
            return got
        return self._choice_anew(y, known)

    def _choice_anew(self, y: M.Report, known: dict) -> str:
        """merge.choose for ``y`` among every cluster with a stored report near it and before it, judged as
        merge.assign judges (the mean agreement with its reports before ``y``, none of ``y``'s article and
        each agreeing), from their summaries (mergemem.ClusterSummary). A cluster not summarised yet
        is read only when the reports of it near ``y`` do not close it (a month-dated report is near a
        whole month of its family's reports)."""
        if y.span and not (y.negated or y.hypothetical):
            offered = self._offered(y, known)
        else:
            offered = self._offered_by_reports(y, known)
        best = None
        for c, summary in self._summaries(offered, known).items():
            got = self._mean(y, summary)
            if got is not None and (best is None or got[0] > best[0] or (got[0] == best[0] and (got[1], c) < best[1:])):
                best = (*got, c)
        return best[2] if best else M.cluster_id(y)

    def _offered(self, y: M.Report, known: dict) -> dict[str, None]:
        """The clusters with a stored report near the dated report ``y`` and before it in canonical order
        (merge.choose offers them), read per cluster, not per report: a cluster with a report near ``y``
        dated to an earlier last day is offered; one whose reports near it all end on its last day is
        offered when one of its reports before ``y`` is near it (its summary tells)."""
        got = self._near_sql([y], None, y, None, True, cols="cluster, day_last")
        if got is None:
            return {}
        sql, params = got
        last = y.span[1].isoformat()
        rows = self._memory.clusters(f"SELECT cluster, max(CASE WHEN day_last < ? THEN 1 ELSE 0 END) AS surely "
                                     f"FROM ({sql}) AS near GROUP BY cluster", [last, *params], self._tuples)
        near = {c: surely for c, surely in rows if c is not None}
        for f in self._memory.fresh:    # the article's reports: stored without a cluster (_merge_new)
            z = known[f]
            if z.span and z.span[1] <= y.span[1] and M.near(y, z) and _codes_agree(y, z):
                c = self._memory.where[f]
                near[c] = max(near.get(c) or 0, int(z.span[1] < y.span[1]))
        offered = {c: None for c, surely in near.items() if surely}
        maybe = [c for c, surely in near.items() if not surely]
        for c, summary in self._summaries(maybe, known).items():
            if summary.near(y):
                offered[c] = None
        return offered

    def _offered_by_reports(self, y: M.Report, known: dict) -> dict[str, None]:
        """``_offered`` for an undated report, from the reports near it: a cluster not summarised yet is
        left out when one of its reports near ``y`` closes it to ``y``, so that it is not read."""
        mine, where, kept = y.order, self._memory.where, self._memory.summaries
        offered: dict[str, None] = {}       # the open clusters
        closed: set[str] = set()
        for x in self._near([y], known, agreeing=y):
            z = known[x]
            if z.order >= mine or (c := where[x]) in closed:
                continue
            if c in kept:
                offered[c] = None           # its summary judges it
            elif z.article_id == y.article_id or self._agreement(y, z) is None:
                closed.add(c)
                offered.pop(c, None)
            else:
                offered[c] = None
        return offered

    def _mean(self, z: M.Report, summary: MM.ClusterSummary) -> tuple[float, tuple] | None:
        """merge.assign's score of a cluster for ``z``, judged on its reports before ``z`` in canonical order:
        (the mean agreement, the order of the first of them), None when it may not join them or there
        are none; from its summary, one agreement per kind of report (mergemem.ClusterSummary)."""
        got = self._sum(z, summary)
        return None if got is None else (got[0] / got[1], got[2])

    def _sum(self, z: M.Report, summary: MM.ClusterSummary) -> tuple[int, int, tuple] | None:
        """(the sum of agreements, the number, the order of the first) of ``_mean``, None where it is."""
        return summary.total(z, self._memory)

    def _summaries(self, cids, known: dict) -> dict[str, MM.ClusterSummary]:
        """A ClusterSummary of each of these clusters that has a report (kept in MergeMemory.summaries
        until a report joins or leaves it), in the order of ``cids``."""
        kept = self._memory.summaries
        if not (absent := [c for c in cids if c not in kept]):
            return {c: kept[c] for c in cids}      # every one kept: nothing to read
        missing: dict[str, list[M.Report]] = {}
        for c, r in self._members(absent, known):
            missing.setdefault(c, []).append(r)
        got = {c: kept[c] for c in cids if c in kept}
        for c, ms in missing.items():
            got[c] = self._memory.summary(c, ms)
        return {c: got[c] for c in cids if c in got}

    def _choice_among(self, z: M.Report, cur: str, since: dict, known: dict) -> str | None:
        """merge.choose for a stored report ``z`` of the cluster ``cur`` (its choice before the clusters of
        ``since`` changed): the clusters that did not change score and rank for it as they did, below
        ``cur`` (merge.assign: a lower mean agreement, or an equal one and a first report later in
        canonical order). So when ``cur`` lost no report and its mean did not go down (the reports that
        joined it agree with ``z``), ``z`` keeps ``cur`` or takes one of the changed clusters offered to it
        (with a report before it near it, as merge.choose offers); else None (it is chosen anew). A report
        re-merged because a report of its days joined a cluster reads that cluster and its own, not
        every report of its days."""
        mine, kept, wanted = z.order, self._memory.summaries, {cur, *since}
        summaries = kept if wanted <= kept.keys() else self._summaries(sorted(wanted), known)
        own = self._sum(z, summaries[cur]) if cur in summaries else None
        if cur in since:
            if own is None:
                return None
            joined, where = since[cur], self._memory.where
            if joined is None:
                return None             # it lost a report
            # those that joined it among its reports before z: each agrees with z, as all of them do
            came = [known[k] for k in joined if where.get(k) == cur and known[k].order < mine]
            if len(came) == own[1]:
                return None
            before = own[0] - sum(self._agreement(z, r) for r in came)
            if own[0] * (own[1] - len(came)) < before * own[1]:
                return None
        # merge.assign's choice: the highest mean agreement, on a tie the first report earliest in canonical order
        best = (own[0] / own[1], own[2], cur) if own is not None else None
        for c in sorted(c for c in since if c != cur and c in summaries):
            if not summaries[c].near(z) or (got := self._mean(z, summaries[c])) is None:
                continue                # not offered to it, or it may not join it
            if best is None or got[0] > best[0] or (got[0] == best[0] and (got[1], c) < best[1:]):
                best = (*got, c)
        return best[2] if best else M.cluster_id(z)

    def _near(self, reps: list[M.Report], known: dict, after: _dt.date | None = None,
              agreeing: M.Report | None = None, cluster: str | None = None) -> list[str]:
        """The keys of the stored asserted reports near any of ``reps`` (merge.near; reports of one family)
        found with one query over the days they span (their clusters in MergeMemory.where); their Reports are
        put in ``known``. ``after``: only those that may come after that day in canonical order (dated
        to a last day from that day on, or undated). ``agreeing``: only those whose codes do not rule out
        merge.agreement with that report (``_compatible``), and those of ``cluster``."""
        if (query := self._near_sql(reps, after, agreeing, cluster)) is None:
            return []
        rows, fresh = self._candidates(*query, volatile=cluster is not None)
        keys = [r[0] for r in rows]
        if fresh:                       # else read in this merge: their Reports are in ``known``
            self._reports_of(keys, known)
        mine = {r.key for r in reps}
        if len(reps) == 1 and not (reps[0].negated or reps[0].hypothetical):
            # the query asks exactly merge.near of one report (its days widened by NEAR_DAYS, or its
            # publication day by PUBLISHED_DAYS): nothing to sift
            return [x for x in keys if x not in mine]
        near = M.NearAny(reps)
        return [x for x in keys if x not in mine and near(known[x])]

    @staticmethod
    def _near_sql(reps: list[M.Report], after: _dt.date | None, agreeing: M.Report | None, cluster: str | None,
                  before: bool = False, cols: str = "key, cluster") -> tuple[str, list] | None:
        """The query of ``_near`` (its columns ``cols``) and its parameters; None when it asks nothing.
        ``before``: only the reports that may come before the one dated report of ``reps`` in canonical
        order (dated to a last day up to its last day: an undated report comes after every dated one)."""
        spans = [r.span for r in reps if r.span]
        pubs = [p for p in map(M.published_day, reps) if p]
        last = spans[0][1] if before and len(reps) == len(spans) == 1 else None
        branches: list[tuple[str, list]] = []
        if spans and (after is None or after < _dt.date.max):
            # one index scan (family, precision, day_first) per precision, bounded below by the longest
            # span of that precision (a day's first day is its last, a week's six days before it, a
            # month's 30 at most, a quarter's or a year's 365), so that it reads only the reports near,
            # and the cost does not grow with the store; with ``after``, the days from it on only; with
            # ``before``, bounded above by the shortest span (a month ending by the last day began 27
            # days before it at least): the days after it, and the month, quarter or year running on
            # past it, are not read
            lo, hi = min(x[0] for x in spans) - _NEAR, max(x[1] for x in spans) + _NEAR
            lo = max(lo, after) if after is not None else lo
            upto, upto_params = (" AND day_last <= ?", [last.isoformat()]) if last else ("", [])
            for precs, longest, shortest in SPAN_DAYS:
                top = min(hi, last - shortest) if last else hi
                if top < lo - longest:
                    continue
                branches.append((f"precision IN ({','.join('?' * len(precs))}) AND day_first >= ? "
                                 f"AND day_first <= ? AND day_last >= ?{upto}",
                                 [*precs, (lo - longest).isoformat(), top.isoformat(), lo.isoformat(), *upto_params]))
        if pubs and last is None:
            d = _PUBLISHED
            cond = "day_first IS NULL AND " if len(spans) == len(reps) or after == _dt.date.max else ""
            later, later_params = "", []
            if after is not None and not cond:
                later, later_params = " AND (day_first IS NULL OR day_last >= ?)", [after.isoformat()]
            branches.append((f"{cond}published >= ? AND published <= ?{later}",
                             [(min(pubs) - d).isoformat(), (max(pubs) + d).isoformat(), *later_params]))
        if not branches:
            return None
        # one SELECT per branch (UNION ALL, repeats dropped here): each scans its own index, which covers
        # what it asks (an OR of them lets SQLite's planner fall back to every report of the family)
        codes, code_params = _compatible(agreeing, cluster)
        sql = " UNION ALL ".join(f"SELECT {cols} FROM events WHERE family = ? AND negated = 0 AND hypothetical = 0 "
                             f"AND {cond}{codes}" for cond, _ in branches)
        return sql, [x for _, ps in branches for x in [reps[0].family, *ps, *code_params]]

    def _members(self, cids, known: dict) -> list[tuple[str, M.Report]]:
        """Every report of these clusters: (cluster, Report); the article's own reports, stored without a
        cluster until merging ends (_merge_new), by MergeMemory.where."""
        cids = sorted(c for c in cids if c)
        rows = []
        for i in range(0, len(cids), 500):
            chunk = cids[i:i + 500]
            got, fresh = self._candidates(f"SELECT key, cluster FROM events WHERE cluster IN ({','.join('?' * len(chunk))})",
                                          chunk, volatile=True)
            if fresh:
                self._reports_of([r[0] for r in got], known)
            rows += got
        where, wanted = self._memory.where, set(cids)
        rows += [(k, where[k]) for k in self._memory.fresh if where[k] in wanted]
        return [(r[1], known[r[0]]) for r in rows]

    @functools.cached_property
    def _memory(self) -> MergeMemory:
        """What merging keeps in memory (stored reports, story names, agreements, query answers)."""
        return MergeMemory()

    def _agreement(self, a: M.Report, b: M.Report) -> int | None:
        return self._memory.agreement(a, b)

    def _candidates(self, sql: str, params: list, volatile: bool = False) -> tuple[list[tuple], bool]:
        """The rows (key, cluster) of a merge query, and whether they were read now: the same query asked
        again in one merge (one that asks for clusters: before any report moved) is answered from memory
        (MergeMemory.query: a report's cluster is then ``MergeMemory.where``'s)."""
        return self._memory.query(sql, params, self._tuples, volatile)

    def _written_elsewhere(self) -> bool:
        """Whether another connection may have written to the store since this one last merged (then the
        summaries of clusters kept in memory are dropped). Asked inside the article's transaction (which
        holds the store's write lock), after its row was inserted: reports are stored and moved only
        with an article, so nobody else wrote when the last article is the one after the article of
        this connection's last merge (a gap, as a rolled-back sequence number leaves, only drops them)."""
        top = self.scalar("SELECT max(n) AS m FROM articles")
        seen, self._last_article = getattr(self, "_last_article", None), top
        return seen is None or top != seen + 1

    def _forget(self) -> None:
        """Drop what merging keeps in memory (a rolled-back transaction may have put reports and
        story names there that the store does not hold)."""
        self._memory.forget()

    def _reports_of(self, keys: list[str], known: dict) -> None:
        """Put the Reports of these stored events in ``known``: from memory (MergeMemory.reports), the
        others read in one query per 500, so that merging reads the columns of a report once, not once
        per query that finds it; the story names with the report (events.story_names: not from its
        article's row, where they come after the text and the record), parsed once per article
        (MergeMemory.names)."""
        cache, missing = self._memory.reports, []
        for k in keys:
            if k not in known:
                if (rep := cache.get(k)) is not None:
                    known[k] = rep
                else:
                    missing.append(k)
        missing = sorted(set(missing))
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            for r in self._tuples(f"SELECT {', '.join(_REPORT_COLS)}, story_names FROM events WHERE key IN "
                                  f"({','.join('?' * len(chunk))})", chunk):
                names = self._memory.story_names(r[1], lambda _: frozenset(json.loads(r[-1] or "[]")))
                known[r[0]] = rep = _report_of_row(r, names)
                self._memory.keep_report(r[0], rep)
