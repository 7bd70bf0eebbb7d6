"""Cross-article event merging: reports of one real-world happening become one cluster.

Two reports may be one event when
- their CAMEO codes are of one family (resources/cameo/families.tsv: an attack reported as
  an airstrike (19x) by one outlet and as killings (18x) by another),
- their actors and targets agree by state code (a person belongs to its state) or one is unknown,
- their dates agree within their precision (2019-10 contains 2019-10-31; a day-precise date may be
  one day off, as time zones make a launch at 22:11 UTC the next local day),
- their places agree when both are given.
A report joins the cluster it agrees with best (scored by exact code, exact date, named actor and
target, place); the cluster keeps every report and gets a best date, actor, target and place by
the evidence of its reports, with the conflicting details counted.

The same functions serve `dateline merge` (in memory) and the store (one report at a time).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..extract.dating import BOUND_DATES
from ..resources import read_tsv

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@functools.lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """CAMEO root -> family name."""
    return {r["root"]: r["family"] for r in read_tsv("cameo", "families.tsv")}


@functools.lru_cache(maxsize=1)
def symmetric_codes() -> frozenset[str]:
    """CAMEO codes of joint happenings, whose actor and target may be given in either order."""
    return frozenset(r["code"] for r in read_tsv("cameo", "symmetric.tsv"))


LONG_PRECISIONS = (91, 365)     # the precisions of date_range longer than a month (a quarter, a year)


def date_range(value: str | None) -> tuple[_dt.date, _dt.date, int] | None:
    """(first day, last day, precision in days) of a TimeML DATE value; None when not anchored.
    The precision is 1, 7 or 30 (a span of a month at most) or one of LONG_PRECISIONS."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, 1
        if m := _WEEK.match(value):
            mon = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return mon, mon + _dt.timedelta(days=6), 7
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1]), 30
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            start = _dt.date(y, 3 * q - 2, 1)
            end_m = 3 * q
            return start, _dt.date(y, end_m, calendar.monthrange(y, end_m)[1]), 91
        if m := _YEAR.match(value):
            y = int(m[1])
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31), 365
    except ValueError:
        return None
    return None


class _once:
    """``functools.cached_property`` without its lock (Python 3.11 takes a lock at every first reading
    of a cached value): the value is computed at the first reading and kept in the instance's
    ``__dict__``, where later readings find it without calling anything. A report is read by one
    thread (merging holds the store's write transaction)."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


KINDS_KEPT = 200_000    # likenesses numbered (Report.kind) before the table of numbers is emptied
_KINDS: dict[tuple, int] = {}
_KIND_NUMBERS = itertools.count()


@dataclass
class Report:
    """One article's report of an event, as merging sees it."""
    article_id: str
    event_id: str
    cameo: str
    actor_code: str | None = None
    actor_name: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    date: str | None = None
    location_code: str | None = None
    location_name: str | None = None
    published: str | None = None
    trigger: str = ""
    sources: list[str] = field(default_factory=list)
    url: str | None = None
    negated: bool = False
    hypothetical: bool = False
    names: frozenset[str] = frozenset()     # people, organisations and places the article names
    date_from: str | None = None            # how the date was found ("timex", "publication", ...)

    @property
    def bound(self) -> bool:
        """The date is only an upper bound (the report's or publication day, the story's last day)."""
        return self.date_from in BOUND_DATES

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @_once
    def family(self) -> str:
        return families().get(self.root, self.root)

    @property
    def symmetric(self) -> bool:
        return self.cameo in symmetric_codes()

    def swapped(self) -> "Report":
        """The same report with actor and target exchanged (for joint happenings)."""
        return replace(self, actor_code=self.target_code, actor_name=self.target_name,
                       target_code=self.actor_code, target_name=self.actor_name)

    @_once
    def key(self) -> str:
        """article:event, computed once (set ``article_id`` before asking it)."""
        return f"{self.article_id}:{self.event_id}"

    @_once
    def order(self) -> tuple:
        """Its place in the canonical order (``canonical``)."""
        return (self.span or (None, _dt.date.max))[1], published_day(self) or _dt.date.max, self.key

    @_once
    def published_day(self) -> _dt.date | None:
        """The first day of the publication date; computed once."""
        span = date_range(self.published)
        return span[0] if span else None

    @_once
    def span(self):
        """(first day, last day, precision) of the date; computed once (a report is not changed)."""
        return date_range(self.date)

    @_once
    def likeness(self) -> tuple:
        """What ``agreement`` reads of the report but its publication day (which it reads only when
        one of the two is loosely dated: ``agreement_key``): reports alike in it and in that agree
        alike with any other report. Computed once."""
        return (self.cameo, self.actor_code, self.target_code, self.location_code, self.date, self.bound,
                self.trigger, self.names, self.negated, self.hypothetical)

    @_once
    def kind(self) -> int:
        """A number for ``likeness``, computed once: reports with equal numbers are alike (a number is
        never given to another likeness, even after the table of numbers is emptied when full), so that
        what is remembered by likeness (``agreement_key``) is found by two numbers, not by hashing two
        tuples of ten fields each time."""
        got = _KINDS.get(self.likeness)
        if got is None:
            if len(_KINDS) >= KINDS_KEPT:
                _KINDS.clear()
            got = _KINDS.setdefault(self.likeness, next(_KIND_NUMBERS))
        return got

    @_once
    def loose(self) -> bool:
        """No stated date places the report: it is undated, or its date is only an upper bound."""
        return self.span is None or self.bound


def story_names(record: dict) -> frozenset[str]:
    """The people, organisations and places an article record names (what makes two articles one story)."""
    return frozenset(str(e.get("name")).lower() for e in record.get("entities") or []
                     if e.get("kind") in ("person", "organization", "place") and e.get("name"))


def report_from(record: dict, event: dict) -> Report:
    """A Report from an article record (dateline/article@1 dict) and one of its events."""
    art = record.get("article") or {}

    def code(x):
        return (x or {}).get("code")

    def name(x):
        return (x or {}).get("name")

    loc = event.get("location") or {}
    names = story_names(record)
    return Report(
        article_id=str(art.get("id")), event_id=str(event.get("id")), cameo=str(event.get("cameo") or ""),
        actor_code=code(event.get("actor")), actor_name=name(event.get("actor")),
        target_code=code(event.get("target")), target_name=name(event.get("target")),
        date=event.get("date"), location_code=loc.get("code"), location_name=loc.get("name"),
        published=art.get("published"), trigger=((event.get("trigger") or {}).get("text") or "").lower(),
        sources=[s.get("name") or s.get("code") or "" for s in event.get("sources") or []],
        url=art.get("url"), negated=bool(event.get("negated")), hypothetical=bool(event.get("hypothetical")),
        names=names, date_from=event.get("date_from"))


def _story_overlap(a: Report, b: Report) -> tuple[float, int]:
    """(Jaccard, count) of the named people, organisations and places of the two articles."""
    if not a.names or not b.names:
        return 0.0, 0
    shared = len(a.names & b.names)
    return shared / (len(a.names) + len(b.names) - shared), shared


def _dates_agree(a: Report, b: Report) -> bool | None:
    """True/False when both are dated; None when one is not, or gives only an upper bound that the
    other's date does not pass."""
    ra, rb = a.span, b.span
    if ra is None or rb is None:
        return None
    if a.bound or b.bound:
        if (a.bound and not b.bound and rb[0] > ra[1] + _dt.timedelta(days=1)) or \
                (b.bound and not a.bound and ra[0] > rb[1] + _dt.timedelta(days=1)):
            return False      # happened after the day it was reported by
        return None
    slack = _dt.timedelta(days=1 if min(ra[2], rb[2]) == 1 else 0)   # time zones: a day either way
    return ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]


def agreement(a: Report, b: Report) -> int | None:
    """How well two reports agree to be one happening (higher is better); None when they cannot be.

    Two reports of a joint happening (symmetric.tsv: talks, agreements, cooperation) also agree
    with their actor and target exchanged ("Russia and Ukraine agree" = "Ukraine, Russia agree")."""
    direct = _agreement(a, b)
    if a.symmetric and b.symmetric and (a.actor_code or a.target_code) and a.actor_code != a.target_code:
        crossed = _agreement(a, b.swapped())
        if crossed is not None and (direct is None or crossed > direct):
            return crossed
    return direct


def _fit(r: Report, ref: Report) -> int:
    return int(bool(r.actor_code) and r.actor_code == ref.actor_code) + int(bool(r.target_code) and r.target_code == ref.target_code)


def oriented(report: Report, ref: Report) -> Report:
    """`report` with actor and target in the order of `ref` when it is a joint happening given the other way."""
    if report.symmetric and _fit(report.swapped(), ref) > _fit(report, ref):
        return report.swapped()
    return report


STORY_DAYS = 7         # two reports that no stated date places are one happening only this near


def _loose(r: Report) -> bool:
    """No stated date places the report: it is undated, or its date is only an upper bound."""
    return r.loose


def agreement_key(a: Report, b: Report) -> tuple:
    """What ``agreement(a, b)`` depends on: the two reports' likeness, and their publication days when
    one of them is loosely dated (two stated dates decide by themselves: ``_dates_agree`` is then True
    or False, and the publication days are not read). Equal keys give equal agreements, so that a
    cluster's reports alike in it are scored once (dateline.store.mergemem.ClusterSummary)."""
    if a.loose or b.loose:
        return a.kind, b.kind, a.published_day, b.published_day
    return a.kind, b.kind


def _reference_day(r: Report) -> _dt.date | None:
    """The day a loosely dated report is placed by: its upper bound's last day, else its publication day."""
    return r.span[1] if r.span else published_day(r)


def _days_apart(a: Report, b: Report) -> int:
    """Days between the reference days of two loosely dated reports (0 when one has none)."""
    da, db = _reference_day(a), _reference_day(b)
    return abs((da - db).days) if da and db else 0


def _agreement(a: Report, b: Report) -> int | None:
    if a.negated or b.negated or a.hypothetical or b.hypothetical:
        return None
    if a.family != b.family:
        return None
    for x, y in ((a.actor_code, b.actor_code), (a.target_code, b.target_code), (a.location_code, b.location_code)):
        if x and y and x != y:
            return None
    dates = _dates_agree(a, b)
    if dates is False:
        return None
    jaccard, shared = _story_overlap(a, b)
    story = jaccard >= 0.2 and shared >= 2          # largely the same people, organisations and places
    if dates is None and _loose(a) and _loose(b) and _days_apart(a, b) > STORY_DAYS:
        return None       # nothing dates either: reports a week apart are not one happening by story alone
    if dates is None:
        # an undated report joins a report of the same dyad published within two days, or one of
        # the same story (the same people and places) with the same kind of event
        pa, pb = a.published_day, b.published_day
        dyad = bool(a.actor_code and a.actor_code == b.actor_code and a.target_code == b.target_code
                    and pa and pb and abs((pa - pb).days) <= 2)
        if not dyad and not (story and a.cameo[:3] == b.cameo[:3]):
            return None
    score = 1
    score += 3 if a.cameo == b.cameo else 1 if a.root == b.root else 0
    score += 2 if a.date and a.date == b.date and not (a.bound or b.bound) else 0
    score += 1 if a.actor_code and a.actor_code == b.actor_code else 0
    score += 1 if a.target_code and a.target_code == b.target_code else 0
    score += 1 if a.location_code and a.location_code == b.location_code else 0
    score += 1 if a.trigger and a.trigger == b.trigger else 0
    if not a.actor_code and not b.actor_code and not a.target_code and not b.target_code:
        # two reports with no known participant must share the exact code and date, or the story
        if not (a.cameo == b.cameo and ((a.date and a.date == b.date and dates) or story)):
            return None
    score += round(4 * jaccard)
    return score


def cluster_id(first: Report) -> str:
    return "c" + hashlib.sha1(first.key.encode("utf-8")).hexdigest()[:12]


def assign(report: Report, candidates: list[tuple[str, Report]], agree=None) -> str | None:
    """The cluster (among the candidates' clusters) that this report joins, or None for a new one.

    A report joins a cluster only when it agrees with every report already in it that comes from
    another article (a report never merges with a different event of its own article); of equally
    agreeing clusters, the one whose first report comes first in canonical order. ``agree``: the
    function that scores two reports (``agreement``, or one that remembers its answers)."""
    agree = agree or agreement
    by_cluster: dict[str, list[Report]] = {}
    for cid, r in candidates:
        by_cluster.setdefault(cid, []).append(r)
    best, best_score = None, 0
    # on a tie the cluster whose first report comes first in canonical order: not the order given
    for cid, members in sorted(by_cluster.items(), key=lambda kv: (min(m.order for m in kv[1]), kv[0])):
        if any(m.article_id == report.article_id for m in members):
            continue
        total = 0
        for m in members:
            s = agree(report, m)
            if s is None:
                break           # it must agree with every one of them
            total += s
        else:
            if total / len(members) > best_score:
                best, best_score = cid, total / len(members)
    return best


def canonical(r: Report) -> tuple:
    """The order in which reports are merged: by the last day of the date (undated last), then by
    publication day (the first published report of a day seeds its cluster; none last), then by key
    (article and event), never by arrival, so that the same reports give the same clusters in any
    order. A backfill's new report of a date comes after those published before it: it re-merges none
    of them (by key alone it would come before half of them, and each would be merged again). A date
    of a week, a month, a quarter or a year takes its place at its last day, after the reports of the
    days it spans: a report that looks back at a month joins one of that month's happenings instead of
    coming before all of them, and merging it again would re-merge every report of that month (by
    its first day, a look-back report moved a month of reports, or a year's)."""
    return r.order


def cluster_reports(reports: list[Report]) -> list[str]:
    """Cluster ids for the reports (in their order), greedily in canonical order; a cluster's id
    comes from its first report in that order, so the result does not depend on the input order."""
    order = sorted(range(len(reports)), key=lambda i: (canonical(reports[i]), i))
    ids: list[str | None] = [None] * len(reports)
    members: dict[str, list[tuple[str, Report]]] = {}
    by_family: dict[str, list[str]] = {}
    for i in order:
        r = reports[i]
        cands = [m for cid in by_family.get(r.family, ()) for m in members[cid]]
        cid = assign(r, cands)
        if cid is None:
            cid = cluster_id(r)
            while cid in members:           # the same article:event key given twice
                cid = "c" + hashlib.sha1(cid.encode("utf-8")).hexdigest()[:12]
            members[cid] = []
            by_family.setdefault(r.family, []).append(cid)
        members[cid].append((cid, r))
        ids[i] = cid
    return [x or "" for x in ids]


NEAR_DAYS = 3          # the store offers a report the clusters with a report dated this near it,
PUBLISHED_DAYS = 3     # or, when one of the two is undated, published this near


def published_day(r: Report) -> _dt.date | None:
    return r.published_day


def near(a: Report, b: Report) -> bool:
    """Whether the store offers ``a`` the cluster of ``b`` (and ``b`` that of ``a``: the relation is
    symmetric, so that an incremental merge can find whom a change concerns): the same family, both
    asserted, and dated within NEAR_DAYS of each other, or, when one is undated, published within
    PUBLISHED_DAYS."""
    if a.family != b.family or a.negated or b.negated or a.hypothetical or b.hypothetical:
        return False
    sa, sb = a.span, b.span
    if sa and sb:
        slack = _dt.timedelta(days=NEAR_DAYS)
        return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]
    pa, pb = published_day(a), published_day(b)
    return bool(pa and pb and abs((pa - pb).days) <= PUBLISHED_DAYS)


class NearAny:
    """``near(r, x)`` for any ``r`` of many reports at once, by bisection (the same answer as a loop
    over them, in O(log n)): per family, the day ranges of the dated ones widened by NEAR_DAYS and
    merged, and the publication days of all of them and of the undated ones."""

    def __init__(self, reports: list[Report]):
        by_family: dict[str, list[Report]] = {}
        for r in reports:
            if not (r.negated or r.hypothetical):
                by_family.setdefault(r.family, []).append(r)
        self.index = {fam: self._build(rs) for fam, rs in by_family.items()}

    @staticmethod
    def _build(live: list[Report]) -> tuple:
        slack = _dt.timedelta(days=NEAR_DAYS)
        merged: list[list[_dt.date]] = []
        for a, b in sorted((r.span[0] - slack, r.span[1] + slack) for r in live if r.span):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return ([m[0] for m in merged], [m[1] for m in merged],
                sorted({p for r in live if (p := published_day(r))}),
                sorted({p for r in live if not r.span and (p := published_day(r))}))

    @staticmethod
    def _pub_near(days: list[_dt.date], day: _dt.date | None) -> bool:
        if day is None:
            return False
        i = bisect.bisect_left(days, day - _dt.timedelta(days=PUBLISHED_DAYS))
        return i < len(days) and days[i] <= day + _dt.timedelta(days=PUBLISHED_DAYS)

    def __call__(self, x: Report) -> bool:
        idx = None if x.negated or x.hypothetical else self.index.get(x.family)
        if idx is None:
            return False
        starts, ends, pubs, undated_pubs = idx
        if x.span:
            # the last widened range that starts by x's last day: near when it ends on or after x's first
            i = bisect.bisect_right(starts, x.span[1]) - 1
            return (i >= 0 and ends[i] >= x.span[0]) or self._pub_near(undated_pubs, published_day(x))
        return self._pub_near(pubs, published_day(x))


def choose(report: Report, near_ids: set[str], members: list[tuple[str, Report]], agree=None) -> str:
    """The cluster a report has in the canonical greedy merge: among the clusters with a report near
    it (``near_ids``) that come before it in canonical order, the one ``assign`` picks, judged on their
    reports before it (``members``); else a new cluster of its own."""
    mine = report.order
    before = [(cid, r) for cid, r in members if cid in near_ids and r.order < mine]
    return assign(report, before, agree) or cluster_id(report)


def _clock(value: str) -> int:
    """2 for a clock time ("2019-07-25T05:34"), 1 for a part of day ("2019-07-24TEV"), 0 for a day."""
    if "T" not in value:
        return 0
    return 2 if re.match(r"\d{4}-\d{2}-\d{2}T\d", value) else 1


def _best(values: list[str | None]) -> tuple[str | None, dict[str, int]]:
    vals = [v for v in values if v]
    if not vals:
        return None, {}
    counts = Counter(vals)
    return counts.most_common(1)[0][0], dict(counts)


def summarize(reports: list[Report]) -> dict:
    """Best date, actor, target, place and code of a cluster by the evidence of its reports, with
    the conflicting details and their counts."""
    if any(r.symmetric for r in reports):
        # a joint happening: its pair in the order most reports give it (the earliest on a tie)
        pairs = [(r.actor_code, r.target_code) for r in reports if r.actor_code and r.target_code]
        if pairs:
            counts = Counter(pairs)
            lead = max(counts, key=lambda k: (counts[k], -pairs.index(k)))
            ref = next(r for r in reports if (r.actor_code, r.target_code) == lead)
            reports = [oriented(r, ref) for r in reports]
    dated = [r for r in reports if r.span]
    best_date, date_counts = None, {}
    if dated:
        # the most reported value (a date that is only an upper bound weighs half a stated one),
        # preferring the most precise among equally supported ones
        counts = Counter(r.date for r in dated)
        weight = Counter()
        for r in dated:
            weight[r.date] += 0.5 if r.bound else 1.0
        best_date = max(counts, key=lambda d: (weight[d], -date_range(d)[2], _clock(d)))
        date_counts = dict(counts)
    actor, actor_counts = _best([r.actor_code for r in reports])
    target, target_counts = _best([r.target_code for r in reports])
    loc, loc_counts = _best([r.location_code for r in reports])
    cameo, cameo_counts = _best([r.cameo for r in reports])
    name_of = {}
    for r in reports:
        if r.actor_code and r.actor_name:
            name_of.setdefault(("a", r.actor_code), r.actor_name)
        if r.target_code and r.target_name:
            name_of.setdefault(("t", r.target_code), r.target_name)
        if r.location_code and r.location_name:
            name_of.setdefault(("l", r.location_code), r.location_name)
    conflicts = {k: v for k, v in (("date", date_counts), ("actor", actor_counts), ("target", target_counts),
                                   ("location", loc_counts), ("cameo", cameo_counts)) if len(v) > 1}
    return {
        "cameo": cameo, "date": best_date, "actor": actor, "actor_name": name_of.get(("a", actor)),
        "target": target, "target_name": name_of.get(("t", target)),
        "location": loc, "location_name": name_of.get(("l", loc)),
        "articles": len({r.article_id for r in reports}), "reports": len(reports),
        "sources": sorted({s for r in reports for s in r.sources if s}),
        "urls": sorted({r.url for r in reports if r.url}),
        "conflicts": conflicts,
    }


def merge_records(records: list[dict]) -> list[dict]:
    """`dateline merge`: every event of every record gets "cluster" (the id of its happening)."""
    refs, reports = [], []
    for ri, rec in enumerate(records):
        if "error" in rec:
            continue
        for ei, ev in enumerate(rec.get("events") or []):
            refs.append((ri, ei))
            reports.append(report_from(rec, ev))
    ids = cluster_reports(reports)
    for (ri, ei), cid in zip(refs, ids):
        records[ri]["events"][ei]["cluster"] = cid
    return records
