"""The store interface and what every backend shares.

A store keeps article records, their events (reports) and the event clusters (happenings) the
reports are merged into. ``add_article`` writes one article, its events and their cluster
assignments in ONE transaction: an ingest killed at any point leaves each article either fully
stored or absent, so running it again stores every article exactly once.

Merging uses dateline.timeline.merge (the same functions as `dateline merge`): a report is
offered the clusters of its CAMEO family with a report near it (merge.near: dated within a few
days, or, for an undated one, published within a few days) and joins the one ``assign`` picks, or
starts one, in canonical order (merge.canonical), not in order of arrival: a new article's reports
take their place in that order and the later reports they concern are merged again, so the same
articles give the same clusters in any order.

Backends implement the connection, the placeholder style, transactions and full-text matching;
the SQL itself is shared (``?`` placeholders, converted for PostgreSQL).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .. import __version__
from ..errors import DatelineError
from ..timeline import merge as M
from . import schema
from ..results import Rows
from .api import QueryMethods
from .datemods import set_date_mods
from .merging import MergeMethods
from .places import add_places
from .quotes import QUOTE_COLUMNS, add_quotes
from .sqltext import insert_rows

COMPONENT = "dateline.pipeline"


# the clusters' columns that their indexes hold (schema.py): a refresh that keeps them writes no index
CLUSTER_INDEXED = ("actor", "cameo", "target", "day_first")
# the columns of a stored report, in the order of Store._event_row
EVENT_COLUMNS = (
    "key", "article_key", "event_id", "cluster", "cameo", "root", "family", "plover", "goldstein", "quad_class",
    "actor_code", "actor_name", "actor_entity", "target_code", "target_name", "target_entity", "date", "date_from",
    "day_first", "day_last", "precision", "published", "location_code", "location_name", "negated", "hypothetical",
    "series_ordinal", "series_noun", "series_since", "series_mod", "trigger_start", "trigger_end", "trigger_text",
    "sentence_start", "sentence_end", "sentence_text", "sources", "url", "rule", "component", "version", "story_names")


class StoreError(DatelineError):
    """The store cannot be opened or written (bad URL, server down, newer schema...)."""

    code = "store"


# ---------------------------------------------------------------------------- identity of articles
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$)")


def normalize_url(url: str) -> str:
    """A URL as an identity: lower-case scheme and host, no fragment, no tracking parameters, no
    trailing slash, no default port."""
    u = urlsplit(url.strip())
    host = (u.hostname or "").lower()
    if u.port and not ((u.scheme == "http" and u.port == 80) or (u.scheme == "https" and u.port == 443)):
        host = f"{host}:{u.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(u.query, keep_blank_values=True) if not _TRACKING.match(k.lower())])
    path = u.path.rstrip("/") or ""
    scheme = (u.scheme or "http").lower()
    if scheme == "https":
        scheme = "http"       # the same page over http and https
    return urlunsplit((scheme, host, path, query, ""))


def normalize_text(text: str) -> str:
    """Text as an identity: NFKC, case-folded, whitespace collapsed, typographic quotes unified."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"}))
    return " ".join(t.split())


def content_hash(text: str) -> str:
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()


def dedup_key(*, url: str | None, text: str | None = None, html: str | None = None) -> str:
    """The identity of an article: its URL when known, else the hash of its normalised content."""
    if url and url.strip():
        return "url:" + normalize_url(url)
    return "sha1:" + content_hash(text if text is not None else (html or ""))


def article_key(dedup: str) -> str:
    return "a" + hashlib.sha1(dedup.encode("utf-8")).hexdigest()[:16]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass
class AddResult:
    stored: bool               # False: the article was already there (nothing written)
    key: str
    events: int = 0
    new_clusters: int = 0
    joined_clusters: int = 0


class Store(QueryMethods, MergeMethods):
    """One small interface over SQLite and PostgreSQL (see ``open_store``); the query methods of the
    command line (events, timeline, count, claims, dyads, export, quotes, failures) return Rows."""

    dialect = "?"
    url = ""

    # -------------------------------------------------------------- backend hooks
    def _connect(self) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError

    def _cursor_rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        raise NotImplementedError

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement; returns the number of rows it changed."""
        raise NotImplementedError

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """The rows of a query as tuples (merging reads many rows of two columns: no dict per row)."""
        raise NotImplementedError

    def text_match(self, what: str) -> str:
        """A SQL condition (one ``?`` parameter: the user's words) matching events by full text;
        what: 'sentence' (the event's sentence and trigger) or 'article' (its article)."""
        raise NotImplementedError

    def text_param(self, words: str) -> str:
        return words

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -------------------------------------------------------------- schema
    def migrate(self) -> int:
        """Apply the migrations this store lacks; returns the schema version."""
        steps = schema.MIGRATIONS[self.dialect]
        # Every step runs under the store's write lock (transaction(): BEGIN IMMEDIATE on SQLite, an
        # advisory lock on PostgreSQL) and re-reads the version inside it, so any number of processes
        # opening a new or old store at once apply each migration exactly once.
        try:
            if self.schema_version() == len(steps):
                return len(steps)       # up to date: no write lock taken
        except StoreError:
            pass                        # a new store: no schema_version table yet
        with self.transaction():
            self._exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
        for v in range(1, len(steps) + 1):
            with self.transaction():
                current = self.schema_version()
                if current > len(steps):
                    raise StoreError(f"{self.url}: the store has schema version {current}, newer than this dateline "
                                     f"({__version__}) knows ({len(steps)}); upgrade dateline", code="schema")
                if current >= v:
                    continue
                for stmt in steps[v - 1]:
                    if callable(stmt):
                        stmt(self)          # a data step: fills a new table from the stored records
                    else:
                        self._exec(stmt)
                self._exec("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (v, _now()))
        return len(steps)

    def schema_version(self) -> int:
        rows = self.rows("SELECT max(version) AS v FROM schema_version")
        return int(rows[0]["v"] or 0) if rows else 0

    # -------------------------------------------------------------- reading
    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        return self._cursor_rows(sql, tuple(params))

    def scalar(self, sql: str, params: Iterable[Any] = ()):
        r = self.rows(sql, params)
        return next(iter(r[0].values())) if r else None

    def has_article(self, dedup: str) -> bool:
        return bool(self.rows("SELECT 1 AS x FROM articles WHERE dedup = ?", (dedup,)))

    def article(self, key: str) -> dict | None:
        r = self.rows("SELECT * FROM articles WHERE key = ? OR record_id = ? ORDER BY n LIMIT 1", (key, key))
        return r[0] if r else None

    def counts(self) -> dict[str, int]:
        return {t: int(self.scalar(f"SELECT count(*) AS c FROM {t}") or 0)
                for t in ("articles", "events", "clusters", "failures")}

    def cluster(self, cid: str) -> dict | None:
        """The cluster ``cid``, or the one it was merged into (an alias kept by merging)."""
        r = self.rows("SELECT * FROM clusters WHERE id = ?", (cid,))
        if not r:
            r = self.rows("SELECT c.* FROM cluster_aliases a JOIN clusters c ON c.id = a.id WHERE a.old = ?", (cid,))
        return r[0] if r else None

    def cluster_reports(self, cid: str) -> list[dict]:
        return self.rows("SELECT e.*, a.record_id, a.outlet, a.title FROM events e JOIN articles a ON a.key = e.article_key "
                         "WHERE e.cluster = ? ORDER BY e.n", (cid,))

    def failures(self) -> Rows:
        """Inputs that could not be read or analysed, with their errors (`dateline failures`)."""
        return Rows(self.rows("SELECT * FROM failures ORDER BY n"), dates=("at",))

    def quotes(self, *, speaker: str | None = None, state: str | None = None, since: str | None = None,
               until: str | None = None, text: str | None = None, limit: int | None = None) -> Rows:
        """Quotations by date (dateline.store.quotes.query): ``speaker`` any of the speaker's names,
        ``state`` its state code, ``since``/``until`` the publication date, ``text`` words in the quote."""
        from .quotes import query
        return Rows(query(self, speaker=speaker, state=state, since=since, until=until, text=text, limit=limit),
                    columns=QUOTE_COLUMNS, dates=("date",))

    def quote_text_match(self) -> str:
        """A SQL condition (one ``?``: the user's words) matching quotations ``q`` by full text."""
        raise NotImplementedError

    # -------------------------------------------------------------- writing
    def add_failure(self, *, source: str, item_id: str | None, code: str, message: str) -> None:
        """Record an input that failed (one row per input: a re-run updates it)."""
        key = f"{source}#{item_id or ''}#{message if item_id is None else ''}"
        with self.transaction():
            self._exec("INSERT INTO failures (key, source, item_id, code, message, version, at) VALUES (?,?,?,?,?,?,?) "
                       "ON CONFLICT (key) DO UPDATE SET code = excluded.code, message = excluded.message, "
                       "version = excluded.version, at = excluded.at",
                       (key, source, item_id, code, message, __version__, _now()))

    def add_article(self, record: dict, *, dedup: str | None = None, source: str | None = None) -> AddResult:
        """Store one article record (dateline/article@1 dict) with its events, merged into clusters,
        in one transaction. An article already stored (same dedup key) is not written again."""
        art = record.get("article") or {}
        text = art.get("text") or ""
        dedup = dedup or dedup_key(url=art.get("url"), text=text)
        key = article_key(dedup)
        with self.transaction():
            if self.has_article(dedup):
                return AddResult(False, key)
            events = record.get("events") or []
            story = M.story_names(record)
            names = json.dumps(sorted(story), ensure_ascii=False)
            self._exec(
                "INSERT INTO articles (key, dedup, record_id, url, content_hash, title, outlet, published, published_from, "
                "dateline, authors, source, text, record, n_events, component, version, ingested_at, story_names) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, dedup, art.get("id"), art.get("url"), content_hash(text), art.get("title"), art.get("outlet"),
                 art.get("published"), art.get("published_from"), art.get("dateline"),
                 json.dumps(art.get("authors") or [], ensure_ascii=False), source, text,
                 json.dumps(record, ensure_ascii=False), len(events), COMPONENT, __version__, _now(),
                 names))
            res = AddResult(True, key, events=len(events))
            reps = []
            for ev in events:
                rep = M.report_from(record, ev)
                rep.article_id = key           # unique in the store, whatever the record's id
                reps.append(rep)
            self._insert_events(key, list(zip(reps, events)), text, names)
            self._memory.names[key] = story
            changed, moved = self._merge_new(reps)
            for rep in reps:
                cid = self.scalar("SELECT cluster FROM events WHERE key = ?", (rep.key,))
                if self.scalar("SELECT count(*) AS c FROM events WHERE cluster = ? AND article_key <> ?", (cid, key)):
                    res.joined_clusters += 1
                else:
                    res.new_clusters += 1
            add_quotes(self, key, record)
            add_places(self, key, record)
            live = {cid for cid in sorted(changed) if self._refresh_cluster(cid)}
            self._alias_clusters(moved, live)
            set_date_mods(self, key, record, live)
        return res


    def _insert_events(self, akey: str, pairs: list[tuple[M.Report, dict]], text: str, names: str) -> None:
        """Insert an article's new reports, without a cluster (merging gives them one: MergeMethods._merge_new),
        in as few statements as the placeholders allow (sqltext.insert_rows: the full-text index's segments)."""
        insert_rows(self, "events", EVENT_COLUMNS, [self._event_row(akey, rep, ev, text, names) for rep, ev in pairs])

    @staticmethod
    def _event_row(akey: str, rep: M.Report, ev: dict, text: str, names: str) -> tuple:
        span = rep.span
        trig = ev.get("trigger") or {}
        sent = ev.get("sentence") or {}
        s0, s1 = sent.get("start"), sent.get("end")
        stext = text[s0:s1] if isinstance(s0, int) and isinstance(s1, int) else None
        series = ev.get("series") or {}
        actor, target = ev.get("actor") or {}, ev.get("target") or {}
        return (f"{akey}:{rep.event_id}", akey, rep.event_id, None, rep.cameo, rep.root, rep.family, ev.get("plover"),
                ev.get("goldstein"), ev.get("quad_class"), rep.actor_code, rep.actor_name, actor.get("entity"),
                rep.target_code, rep.target_name, target.get("entity"), rep.date, ev.get("date_from"),
                _iso(span[0]) if span else None, _iso(span[1]) if span else None, span[2] if span else None,
                _iso((M.date_range(rep.published) or (None,))[0]),
                rep.location_code, rep.location_name, int(rep.negated), int(rep.hypothetical),
                series.get("ordinal"), series.get("noun"), series.get("since"), series.get("since_mod"),
                trig.get("start"), trig.get("end"), trig.get("text"), s0, s1, stext,
                json.dumps(rep.sources, ensure_ascii=False), rep.url, ev.get("rule"), "dateline.extract.events",
                __version__, names)

    def _refresh_cluster(self, cid: str) -> bool:
        """Summarise a cluster from its reports (in canonical order); False when it has none left."""
        rows = self.rows("SELECT key, cameo, plover, goldstein, quad_class FROM events WHERE cluster = ?", (cid,))
        if not rows:                    # every report moved to other clusters
            self._exec("DELETE FROM clusters WHERE id = ?", (cid,))
            return False
        known: dict[str, M.Report] = {}
        self._reports_of([r["key"] for r in rows], known)      # from memory, mostly
        pairs = sorted(((r, known[r["key"]]) for r in rows), key=lambda p: M.canonical(p[1]))
        rows, reps = [p[0] for p in pairs], [p[1] for p in pairs]
        s = M.summarize(reps)
        best = next((r for r in rows if r["cameo"] == s["cameo"]), rows[0])
        span = M.date_range(s["date"])
        cols = {"family": reps[0].family, "cameo": s["cameo"], "root": (s["cameo"] or "")[:2] or None,
                "plover": best["plover"], "goldstein": best["goldstein"], "quad_class": best["quad_class"],
                "date": s["date"], "day": _iso(span[0]) if span and span[2] == 1 else None,
                "day_first": _iso(span[0]) if span else None, "day_last": _iso(span[1]) if span else None,
                "precision": span[2] if span else None, "actor": s["actor"], "actor_name": s["actor_name"],
                "target": s["target"], "target_name": s["target_name"], "location": s["location"],
                "location_name": s["location_name"], "n_articles": s["articles"], "n_reports": s["reports"],
                "n_sources": len(s["sources"]), "sources": json.dumps(s["sources"], ensure_ascii=False),
                "urls": json.dumps(s["urls"], ensure_ascii=False),
                "conflicts": json.dumps(s["conflicts"], ensure_ascii=False),
                "negated": int(all(r.negated for r in reps)), "hypothetical": int(all(r.hypothetical for r in reps)),
                "updated_at": _now()}
        self._write_cluster(cid, cols)
        return True

    def _write_cluster(self, cid: str, cols: dict) -> None:
        """Insert or update a cluster's row. A cluster whose indexed columns keep their values (a report
        joined a happening and changed its counts and sources, not its code, parties or first day) is
        updated in its other columns only, so that none of the clusters' indexes is written: each index a
        transaction writes is a page of its own once the store is large."""
        now = self._tuples(f"SELECT {', '.join(CLUSTER_INDEXED)} FROM clusters WHERE id = ?", (cid,))
        if now and now[0] == tuple(cols[c] for c in CLUSTER_INDEXED):
            rest = [c for c in cols if c not in CLUSTER_INDEXED]
            self._exec(f"UPDATE clusters SET {', '.join(f'{c} = ?' for c in rest)} WHERE id = ?",
                       (*(cols[c] for c in rest), cid))
            return
        names = list(cols)
        self._exec(f"INSERT INTO clusters (id, {', '.join(names)}, created_at) "
                   f"VALUES ({', '.join('?' * (len(names) + 2))}) ON CONFLICT (id) DO UPDATE SET "
                   + ", ".join(f"{c} = excluded.{c}" for c in names),
                   (cid, *(cols[c] for c in names), cols["updated_at"]))
