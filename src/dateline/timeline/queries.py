"""Questions to the record: events, timelines, counts, series claims, dyads, export.

Every query counts event CLUSTERS (happenings: dateline.timeline.merge), never reports: ten
articles about one launch are one launch. Negated ("did not fire") and hypothetical ("could
launch") events are stored but left out unless ``include_all`` is given.

Filters: ``actor``/``target`` take a code (PRK, USA, IGO) or a part of a name ("Kim"); given
together they are a pair, and a joint happening of the pair (talks, agreements: CAMEO codes in
resources/cameo/symmetric.tsv) matches in either order;
``cameo`` is a code prefix ("15" = root 15, "150"); ``since``/``until`` take YYYY, YYYY-MM or
YYYY-MM-DD and keep the events whose (best) date lies wholly inside.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from collections import defaultdict
from typing import Any

from .. import humandate
from ..errors import DatelineError
from ..extract.lexicon import plural
from ..extract.timex_values import duration_days
from ..resources import read_tsv
from ..store.base import Store
from ..store.sqltext import LIKE_ESCAPE, contains
from .merge import date_range, symmetric_codes

_CODE = re.compile(r"^[A-Za-z]{3}$")


class QueryError(DatelineError):
    """A bad query argument (a date that is not a date...)."""

    code = "bad_query"


@functools.lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_tsv("cameo", "codes.tsv")}


def cameo_name(code: str | None) -> str:
    if not code:
        return ""
    names = cameo_names()
    return names.get(code) or names.get(code[:3]) or names.get(code[:2]) or ""


@functools.lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    return {r["code"]: r["short_label"] for r in read_tsv("cameo", "codes.tsv")}


def cameo_label(code: str | None) -> str:
    """The short analyst label of a CAMEO code (150: "military exercise or weapons test")."""
    if not code:
        return ""
    labels = cameo_labels()
    return labels.get(code) or labels.get(code[:3]) or labels.get(code[:2]) or ""


def bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """First day of ``since`` and last day of ``until`` (ISO), checked."""
    out = []
    for label, v, i in (("--since", since, 0), ("--until", until, 1)):
        if not v:
            out.append(None)
            continue
        r = date_range(v.strip())
        if r is None or r[2] > 366:
            raise QueryError(f"{label} {v!r}: not a date (give YYYY, YYYY-MM or YYYY-MM-DD)")
        out.append(r[i].isoformat())
    return out[0], out[1]


def period_conds(since: str | None, until: str | None, first: str, last: str) -> tuple[list[str], list[str]]:
    """SQL conditions (and their parameters) for a row whose days run from column ``first`` to column
    ``last`` to lie within ``since`` .. ``until``."""
    lo, hi = bounds(since, until)
    conds, params = [], []
    if lo:
        conds.append(f"{first} >= ?")
        params.append(lo)
    if hi:
        conds.append(f"{last} <= ?")
        params.append(hi)
    return conds, params


def _prefix_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _party(col: str, name_col: str, value: str, conds: list[str], params: list[Any]) -> None:
    if _CODE.match(value.strip()):
        conds.append(f"{col} = ?")
        params.append(value.strip().upper())
    else:
        conds.append(f"lower({name_col}) LIKE ? {LIKE_ESCAPE}")
        params.append(contains(value.strip().lower()))


def _where(store: Store, *, actor=None, target=None, either=None, cameo=None, since=None, until=None,
           text=None, text_in="sentence", include_all=False) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if not include_all:
        conds.append("c.negated = 0 AND c.hypothetical = 0")
    if actor and target:
        # a pair: its joint happenings (talks, agreements; resources/cameo/symmetric.tsv) in either order
        fwd: list[str] = []
        back: list[str] = []
        fwd_p: list[Any] = []
        back_p: list[Any] = []
        _party("c.actor", "c.actor_name", actor, fwd, fwd_p)
        _party("c.target", "c.target_name", target, fwd, fwd_p)
        _party("c.actor", "c.actor_name", target, back, back_p)
        _party("c.target", "c.target_name", actor, back, back_p)
        joint = sorted(symmetric_codes())
        conds.append(f"(({' AND '.join(fwd)}) OR (c.cameo IN ({', '.join('?' * len(joint))}) "
                     f"AND {' AND '.join(back)}))")
        params += fwd_p + joint + back_p
    elif actor:
        _party("c.actor", "c.actor_name", actor, conds, params)
    elif target:
        _party("c.target", "c.target_name", target, conds, params)
    if either:
        a: list[str] = []
        _party("c.actor", "c.actor_name", either, a, params)
        _party("c.target", "c.target_name", either, a, params)
        conds.append(f"({' OR '.join(a)})")
    if cameo:
        c = cameo.strip()
        if not c.isdigit():
            raise QueryError(f"--cameo {cameo!r}: a CAMEO code or prefix is digits (15, 150, 1631)")
        lo, hi = _prefix_range(c)
        conds.append("c.cameo >= ? AND c.cameo < ?")
        params += [lo, hi]
    period, period_params = period_conds(since, until, "c.day_first", "c.day_last")
    conds += period
    params += period_params
    if text:
        where_text = {"sentence": [store.text_match("sentence")], "article": [store.text_match("article")],
                      "both": [store.text_match("sentence"), store.text_match("article")]}[text_in]
        conds.append(f"c.id IN (SELECT e.cluster FROM events e WHERE {' OR '.join(where_text)})")
        params += [store.text_param(text)] * len(where_text)
    return (" AND ".join(conds) or "1 = 1"), params


def _row(c: dict) -> dict:
    sources = json.loads(c.get("sources") or "[]")
    return {
        "cluster": c["id"], "date": c["date"], "date_mod": c.get("date_mod"),
        "day": None if c.get("date_mod") in _OPEN_MODS else c["day"],
        "precision": None if c.get("date_mod") in _OPEN_MODS else humandate.precision(c["date"]),
        "actor": c["actor"], "actor_name": c["actor_name"], "target": c["target"], "target_name": c["target_name"],
        "cameo": c["cameo"], "event": cameo_name(c["cameo"]), "label": cameo_label(c["cameo"]), "root": c["root"],
        "plover": c["plover"],
        "quad_class": c["quad_class"], "goldstein": c["goldstein"],
        "location": c["location_name"] or c["location"], "location_code": c["location"],
        "articles": c["n_articles"], "reports": c["n_reports"], "sources": sources, "n_sources": c["n_sources"],
        "urls": json.loads(c.get("urls") or "[]"), "conflicts": json.loads(c.get("conflicts") or "{}"),
        "negated": bool(c["negated"]), "hypothetical": bool(c["hypothetical"]),
    }


# "before 31 Oct 2019": a date that bounds the event on one side only is no day, and no precision
_OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
_ORDER = " ORDER BY c.day_first IS NULL, c.day_first, c.cameo, c.date, c.id"


def events(store: Store, *, limit: int | None = None, **filters) -> list[dict]:
    """The happenings that match the filters, by date; each with one sentence that reported it."""
    where, params = _where(store, **filters)
    sql = f"SELECT c.* FROM clusters c WHERE {where}{_ORDER}"
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1_000_000_000:
            raise QueryError(f"limit: {limit!r} is not a number of rows from 1 to 1,000,000,000", code="bad_limit")
        sql += f" LIMIT {limit}"
    rows = [_row(c) for c in store.rows(sql, params)]
    _add_sentences(store, rows)
    return rows


def _add_sentences(store: Store, rows: list[dict]) -> None:
    ids = [r["cluster"] for r in rows]
    first: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for e in store.rows(f"SELECT e.cluster, e.sentence_text, e.article_key, e.sentence_start, e.sentence_end, "
                            f"e.trigger_start, e.trigger_end, e.rule, e.version, a.record_id "
                            f"FROM events e JOIN articles a ON a.key = e.article_key "
                            f"WHERE e.cluster IN ({marks}) ORDER BY e.n", chunk):
            first.setdefault(e["cluster"], e)
    for r in rows:
        e = first.get(r["cluster"])
        r["sentence"] = " ".join((e["sentence_text"] or "").split()) if e else None
        r["evidence"] = ({"article": e["record_id"], "article_key": e["article_key"],
                          "sentence": [e["sentence_start"], e["sentence_end"]],
                          "trigger": [e["trigger_start"], e["trigger_end"]], "rule": e["rule"],
                          "version": e["version"]} if e else None)


def count(store: Store, **filters) -> dict:
    """The number of distinct happenings that match, with the list."""
    rows = events(store, **filters)
    return {"count": len(rows), "events": rows}


def count_only(store: Store, **filters) -> int:
    where, params = _where(store, **filters)
    return int(store.scalar(f"SELECT count(*) AS n FROM clusters c WHERE {where}", params) or 0)


def timeline(store: Store, **filters) -> list[dict]:
    """Happenings by day (dated ones first, in order, then the undated ones: as many as `count`
    finds), with their numbers of reports and sources."""
    where, params = _where(store, **filters)
    rows = store.rows(f"SELECT c.* FROM clusters c WHERE {where}{_ORDER}", params)
    return [_row(c) for c in rows]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def claims(store: Store, *, include_all: bool = False) -> list[dict]:
    """Every series claim ("its 12th launch since May") checked against the record: the number of
    distinct happenings of the same actor and CAMEO root from the `since` date to the claiming
    event's date (both inclusive)."""
    cond = "" if include_all else " AND e.negated = 0 AND e.hypothetical = 0"
    rows = store.rows(
        "SELECT e.*, a.record_id, a.outlet, a.title, a.url AS article_url, a.published AS article_published, "
        "c.actor AS c_actor, c.day AS c_day, c.day_first AS c_first, c.root AS c_root "
        "FROM events e JOIN articles a ON a.key = e.article_key LEFT JOIN clusters c ON c.id = e.cluster "
        f"WHERE e.series_ordinal IS NOT NULL{cond} ORDER BY e.day_first, a.published, e.n")
    out = []
    for e in rows:
        actor = e["c_actor"] or e["actor_code"]
        root = e["root"]
        on = e["c_day"] or (e["day_first"] if e["precision"] == 1 else None)
        since = e["series_since"]
        noun = e["series_noun"] or "event"
        claim = {"article": e["record_id"], "outlet": e["outlet"], "url": e["article_url"],
                 "cluster": e["cluster"], "actor": actor, "cameo_root": root, "ordinal": e["series_ordinal"],
                 "noun": noun, "since": since, "on": on,
                 "sentence": " ".join((e["sentence_text"] or "").split()),
                 "evidence": {"article_key": e["article_key"], "event": e["event_id"],
                              "sentence": [e["sentence_start"], e["sentence_end"]], "rule": e["rule"],
                              "version": e["version"]}}
        start = date_range(since) if since else None
        window = duration_days(since) if since and start is None else None
        mod = e["series_mod"]
        said = f"claimed {ordinal(e['series_ordinal'])} {noun}" + \
            (f" since {_h(since)}" if start else
             f" in {humandate.render(since, mod)}" if since else "") + (f" on {_h(on)}" if on else "")
        if " " in noun:
            # "its fifth ICBM launch": the store counts every event of the CAMEO root, and cannot
            # tell ICBMs from other launches, so a narrowed claim is reported, not judged
            claim.update(held=None, status="unchecked", events=[],
                         check=f"{said}; cannot check: the record does not tell '{noun}' from other "
                               f"events of CAMEO root {root}")
            out.append(claim)
            continue
        if actor and on and window is not None:
            claim.update(_check_window(store, actor, root, on, e["series_ordinal"], window, mod, noun, said))
            out.append(claim)
            continue
        if not actor or not on or start is None:
            why = ("no actor" if not actor else "no day for the claiming event" if not on else
                   f"'{since}' is not a start date" if since else "no start date")
            claim.update(held=None, status="unchecked", events=[], check=f"{said}; cannot check: {why}")
            out.append(claim)
            continue
        # "its first launch since May 9" (mod AFTER): counted from the day after that day or period
        lo = (start[1] + _dt.timedelta(days=1) if mod == "AFTER" else start[0]).isoformat()
        held = store.rows(
            "SELECT c.id, c.day_first, c.date FROM clusters c WHERE c.actor = ? AND c.cameo >= ? AND c.cameo < ? "
            "AND c.negated = 0 AND c.hypothetical = 0 AND c.day_first >= ? AND c.day_last <= ? "
            "ORDER BY c.day_first, c.id", (actor, *_prefix_range(root), lo, on))
        n = len(held)
        status = "consistent" if n == e["series_ordinal"] else "inconsistent"
        claim.update(held=n, status=status, events=[{"cluster": h["id"], "date": h["date"]} for h in held],
                     check=f"{said}; the record holds {n} distinct {plural(noun) if n != 1 else noun} "
                           f"from {_h(lo)} to {_h(on)}: {status}")
        out.append(claim)
    return _one_per_article(out)


def _h(value: str | None) -> str:
    """A date in a sentence for people (claims' checks): "31 Oct 2019", "May 2019"."""
    return humandate.render(value)


def _check_window(store: Store, actor: str, root: str, on: str, n: int, days: float, mod: str | None,
                  noun: str, said: str) -> dict:
    """An "Nth in a period" claim ("its third launch in just over a week"): the N latest happenings up
    to the claim's day must span the period (the first of them at most ``days`` before it; with "more
    than" longer than that but not twice as long; with "about" within a half either way), and no more
    than N may fall inside the period itself."""
    end = _dt.date.fromisoformat(on)
    held = store.rows(
        "SELECT c.id, c.day_first, c.date FROM clusters c WHERE c.actor = ? AND c.cameo >= ? AND c.cameo < ? "
        "AND c.negated = 0 AND c.hypothetical = 0 AND c.day_first IS NOT NULL AND c.day_last <= ? "
        "ORDER BY c.day_first DESC, c.id LIMIT ?", (actor, *_prefix_range(root), on, n + 1))
    if len(held) < n:
        status, why = "inconsistent", f"the record holds only {len(held)} {plural(noun) if len(held) != 1 else noun} up to {_h(on)}"
        return {"held": len(held), "status": status, "events": [{"cluster": h["id"], "date": h["date"]} for h in held],
                "check": f"{said}; {why}: {status}"}
    first = _dt.date.fromisoformat(held[n - 1]["day_first"])
    span = (end - first).days
    inside = sum(1 for h in held if (end - _dt.date.fromisoformat(h["day_first"])).days <= days)
    if mod == "MORE_THAN":
        ok = days < span <= 2 * days
    elif mod == "APPROX":
        ok = 0.5 * days <= span <= 1.5 * days
    else:  # "in five days", "within a week", "in less than two weeks"
        ok = span <= days and inside <= n
    status = "consistent" if ok else "inconsistent"
    kept = sorted(held[:n], key=lambda h: h["day_first"])
    return {"held": n, "status": status, "events": [{"cluster": h["id"], "date": h["date"]} for h in kept],
            "check": f"{said}; the record's {ordinal(n)} latest {noun} up to {_h(on)} was on {_h(first.isoformat())}, "
                     f"{span} day(s) before, and {inside} fall within {days:g} day(s): {status}"}


def _one_per_article(claims_: list[dict]) -> list[dict]:
    """One claim per article and (ordinal, noun, since): a headline and its lede often say it twice;
    the checkable one (with an actor and a day) is kept."""
    rank = {"consistent": 0, "inconsistent": 0, "unchecked": 1}
    best: dict[tuple, dict] = {}
    order: list[tuple] = []
    for c in claims_:
        k = (c["evidence"]["article_key"], c["ordinal"], c["noun"], c["since"])
        if k not in best:
            order.append(k)
            best[k] = c
        elif rank[c["status"]] < rank[best[k]["status"]]:
            best[k] = c
    return sorted((best[k] for k in order), key=lambda c: (c["on"] is None, c["on"] or "", c["article"] or ""))


IMPRECISE = "imprecise"
PERIODS = ("week", "month")


def period_of(day_first: str | None, day_last: str | None, by: str = "week") -> str:
    """The ISO week (2019-W43) or month (2019-10) a happening lies wholly inside, as a TimeML value;
    IMPRECISE when its date is too coarse for one (a month-only date is in no week, a year in no month)."""
    if not day_first or not day_last:
        return IMPRECISE
    lo, hi = _dt.date.fromisoformat(day_first), _dt.date.fromisoformat(day_last)
    if by == "month":
        return f"{lo.year}-{lo.month:02d}" if (lo.year, lo.month) == (hi.year, hi.month) else IMPRECISE
    (y, w, _), (y2, w2, _) = lo.isocalendar(), hi.isocalendar()
    return f"{y}-W{w:02d}" if (y, w) == (y2, w2) else IMPRECISE


def dyads(store: Store, *, by: str = "week", **filters) -> list[dict]:
    """Per actor pair (both known) and ISO week (or month, ``by``): the number of happenings and their
    Goldstein sum. A happening whose date is coarser than the period (a month-only date in weeks) is
    placed in no period: it is counted in the pair's ``imprecise`` row, listed after the periods."""
    if by not in PERIODS:
        raise QueryError(f"--by {by!r}: give one of {', '.join(PERIODS)}")
    where, params = _where(store, **filters)
    agg: dict[tuple, list] = defaultdict(lambda: [0, 0.0, set()])
    for c in store.rows(f"SELECT c.actor, c.target, c.day_first, c.day_last, c.date_mod, c.goldstein, c.cameo "
                        f"FROM clusters c WHERE {where} AND c.actor IS NOT NULL AND c.target IS NOT NULL "
                        f"AND c.day_first IS NOT NULL", params):
        period = IMPRECISE if c["date_mod"] in _OPEN_MODS else period_of(c["day_first"], c["day_last"], by)
        a = agg[(period, c["actor"], c["target"])]
        a[0] += 1
        a[1] += c["goldstein"] or 0.0
        a[2].add(c["cameo"])
    keys = sorted(agg, key=lambda k: (k[0] == IMPRECISE, k))
    return [{by: k[0], "actor": k[1], "target": k[2], "events": agg[k][0], "goldstein": round(agg[k][1], 2),
             "cameo": sorted(agg[k][2])} for k in keys]


EXPORT_COLUMNS = [
    "GlobalEventID", "Day", "Month", "Year", "DatePrecision", "DateValue", "DateMod",
    "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
    "EventCode", "EventRootCode", "EventName", "QuadClass", "GoldsteinScale", "PLOVER",
    "NumArticles", "NumMentions", "NumSources", "Sources", "SourceURLs",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "IsNegated", "IsHypothetical",
]


def geo_type(feature_code: str | None, country: str | None) -> int | None:
    """GDELT's ActionGeo_Type of a GeoNames record: 1 country, 2 US state, 3 US city, 4 world city,
    5 world state (first-level region); None for what GDELT has no type for (a continent)."""
    us = country == "US"
    return {"PCLI": 1, "ADM1": 2 if us else 5}.get(feature_code or "") or \
        ((3 if us else 4) if feature_code in ("PPL", "PPLC") else None)


def _action_geo(c: dict) -> dict:
    """The ActionGeo_* columns of a cluster row joined with its place (dateline.store.places)."""
    adm1 = (c.get("geo_admin1") or "").replace(".", "") or c.get("geo_country")
    return {"ActionGeo_Type": geo_type(c.get("geo_feature_code"), c.get("geo_country")),
            "ActionGeo_ADM1Code": adm1 or None, "ActionGeo_Lat": c.get("geo_lat"), "ActionGeo_Long": c.get("geo_lon"),
            "ActionGeo_FeatureID": c.get("geo_id")}


def _month_year(first: str | None, last: str | None) -> dict:
    month = period_of(first, last, "month")
    year = first[:4] if first and last and first[:4] == last[:4] else None
    return {"Month": int(month.replace("-", "")) if month != IMPRECISE else None,
            "Year": int(year) if year else None}


def export(store: Store, **filters) -> list[dict]:
    """One row per happening, in GDELT-like columns: Day is YYYYMMDD as GDELT's SQLDATE, for a date of a
    day only; Month (YYYYMM) and Year (YYYY) are filled when the date lies within one month or one
    year; DatePrecision names the precision of DateValue (dateline.humandate.precision)."""
    where, params = _where(store, **filters)
    out = []
    from ..store.places import cluster_place_sql
    geo = ("p.geonameid AS geo_id, p.country AS geo_country, p.admin1 AS geo_admin1, p.lat AS geo_lat, "
           "p.lon AS geo_lon, p.feature_code AS geo_feature_code")
    for c in store.rows(f"SELECT c.*, {geo} FROM clusters c LEFT JOIN places p ON p.geonameid = "
                        f"{cluster_place_sql('c')} WHERE {where}{_ORDER}", params):
        r = _row(c)
        row = {
            "GlobalEventID": r["cluster"], "Day": int(r["day"].replace("-", "")) if r["day"] else None,
            **_month_year(c["day_first"] if r["precision"] else None, c["day_last"]), "DatePrecision": r["precision"],
            "DateValue": r["date"], "DateMod": r["date_mod"],
            "Actor1Code": r["actor"], "Actor1Name": r["actor_name"],
            "Actor2Code": r["target"], "Actor2Name": r["target_name"], "EventCode": r["cameo"],
            "EventRootCode": r["root"], "EventName": r["event"], "QuadClass": r["quad_class"],
            "GoldsteinScale": r["goldstein"], "PLOVER": r["plover"], "NumArticles": r["articles"],
            "NumMentions": r["reports"], "NumSources": r["n_sources"], "Sources": r["sources"],
            "SourceURLs": r["urls"], "ActionGeo_FullName": r["location"], "ActionGeo_CountryCode": r["location_code"],
            **_action_geo(c),
            "IsNegated": r["negated"], "IsHypothetical": r["hypothetical"],
        }
        out.append({k: row[k] for k in EXPORT_COLUMNS})
    return out
