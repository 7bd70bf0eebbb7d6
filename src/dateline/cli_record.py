"""Commands over the record store: ingest, events, timeline, count, claims, dyads, export.

    dateline ingest PATH... [--db URL] [--quiet]
    dateline events   [--db URL] [--actor A] [--target T] [--cameo PREFIX] [--since D] [--until D] [--text WORDS]
    dateline timeline [--db URL] [--actor A] ...
    dateline count    [--db URL] --actor PRK --cameo 150 --since 2019-05-01 --until 2019-10-31
    dateline claims   [--db URL]
    dateline dyads    [--db URL] [--since D] [--until D]
    dateline export   [--db URL] --format csv|jsonl|parquet [--output FILE]

``register(subparsers)`` adds them to dateline's parser; ``python -m dateline.cli_record`` runs
dateline's command line with them. The store is ``--db`` (a SQLite file path, sqlite:///PATH or
postgresql://...), else $DATELINE_DB, else ./dateline.db.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import warnings
from typing import Any, Callable

from . import cli_args, humandate
from .csvout import write_csv
from .errors import DatelineError
from .store import DEFAULT_DB, StoreError, open_store
from .timeline import queries as Q

FORMATS = ["table", "json", "jsonl", "csv"]


# ------------------------------------------------------------------------------------------- output
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:+.1f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _table(rows: list[dict], columns: list[tuple[str, str]], out, *, max_width: int = 60) -> None:
    if not rows:
        out.write("(nothing found)\n")
        return
    cells = [[_cell(r.get(k)) for k, _ in columns] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (_, h) in enumerate(columns)]
    out.write("  ".join(h.ljust(w) for (_, h), w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")


def _csv(rows: list[dict], columns: list[str], out) -> None:
    write_csv(out, columns, ([_cell(r.get(k)) if not isinstance(r.get(k), float) else r.get(k) for k in columns]
                             for r in rows))


def emit(rows: list[dict], fmt: str, columns: list[tuple[str, str]], *, out=None, wrapper: dict | None = None,
         header: str | None = None, footer: str | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        obj = {**wrapper, "events": rows} if wrapper is not None else rows
        out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _csv(rows, [k for k, _ in columns] if columns and rows and all(k in rows[0] for k, _ in columns)
             else list(rows[0]) if rows else [k for k, _ in columns], out)
    else:
        if header:
            out.write(header + "\n")
        _table(rows, columns, out)
        if footer:
            out.write(footer + "\n")


EVENT_COLUMNS = [("when", "date"), ("precision", "precision"), ("actor", "actor"), ("target", "target"),
                 ("cameo", "cameo"), ("label", "event"), ("goldstein", "goldstein"), ("location", "where"),
                 ("articles", "articles"), ("reports", "reports"), ("n_sources", "sources"), ("cluster", "event id")]
CSV_EVENT_COLUMNS = ["cluster", "date", "date_mod", "precision", "day", "actor", "actor_name", "target", "target_name", "cameo",
                     "event", "label", "root", "plover", "quad_class", "goldstein", "location", "location_code",
                     "articles", "reports", "n_sources", "sources", "urls", "negated", "hypothetical", "sentence"]


def for_people(rows: list[dict], dates: tuple[str, ...] = ("date",)) -> list[dict]:
    """Rows for a table: each TimeML value of ``dates`` in words, as ``when`` (the first) or in place."""
    out = []
    for r in rows:
        r = dict(r)
        for i, k in enumerate(dates):
            r["when" if i == 0 else k] = humandate.render(r.get(k), r.get(f"{k}_mod")) or "undated"
        out.append(r)
    return out


def _events_out(rows, args, *, wrapper=None, header=None, footer=None):
    if args.format == "csv":
        _csv(rows, (["period"] if rows and "period" in rows[0] else []) + CSV_EVENT_COLUMNS, sys.stdout)
        return
    cols = EVENT_COLUMNS + ([("sentence", "reported as")] if args.format == "table" and args.sentences else [])
    emit(for_people(rows) if args.format == "table" else rows, args.format, cols, wrapper=wrapper, header=header,
         footer=footer)


# ------------------------------------------------------------------------------------------- commands
def _db(args) -> str:
    return args.db or os.environ.get("DATELINE_DB") or DEFAULT_DB


def _open(args, *, readonly: bool = True):
    return open_store(_db(args), readonly=readonly)


def _filters(args, *keys) -> dict:
    f = {}
    for k in keys:
        v = getattr(args, k, None)
        if v not in (None, False):
            f[k] = v
    f["include_all"] = bool(getattr(args, "all", False))
    return f


def cmd_ingest(args) -> int:
    from .store.ingest import ingest

    quiet = args.quiet or not sys.stderr.isatty()
    progress = None
    log: Callable[[str], None] = lambda m: print(f"dateline: error: {m}", file=sys.stderr, flush=True)  # noqa: E731
    if not quiet:
        progress = _RichProgress()
        log = progress.log
    with open_store(_db(args)) as store, _input_warnings():
        summary = ingest(args.paths, store, settings=args.settings, progress=progress, on_error=log,
                         published=args.published, input_format=args.input_format, dask=args.dask)
        counts = store.counts()
    print(f"dateline: {summary.line()}", file=sys.stderr)
    if summary.undated:
        from .cli import NO_DATE_WARNING
        print(f"dateline: warning: {summary.undated} article(s) {NO_DATE_WARNING.replace('an article has', 'have')}",
              file=sys.stderr)
    print(f"dateline: the store {_db(args)} holds {counts['articles']} article(s), {counts['clusters']} event(s) "
          f"from {counts['events']} report(s), {counts['failures']} failure row(s)", file=sys.stderr)
    if summary.failed:
        print(f"dateline: {summary.failed} input(s) failed (kept as failure rows; see the messages above)",
              file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def _input_warnings():
    """InputWarnings (a FIFO skipped in a folder, a folder loop) as `dateline: warning:` lines."""
    from .errors import InputWarning

    def show(message, category, *rest, **kw):
        if issubclass(category, InputWarning):
            print(f"dateline: warning: {message}", file=sys.stderr, flush=True)
        else:
            default(message, category, *rest, **kw)

    with warnings.catch_warnings():
        default = warnings.showwarning
        warnings.simplefilter("always", InputWarning)
        warnings.showwarning = show
        yield


class _RichProgress:
    """A progress bar on stderr with the rate (articles/s) and the time left."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):
                return Text(f"{task.speed:.1f} articles/s" if task.speed else "– articles/s")

        self.console = Console(stderr=True)
        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), Rate(), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=False)
        self.task = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=total)

    def advance(self, n: int = 1, *, note: str = "") -> None:
        task = self.bar.tasks[0]
        if task.total is not None and task.completed + n > task.total:
            self.bar.update(self.task, total=task.completed + n)
        self.bar.advance(self.task, n)

    def stop(self) -> None:
        self.bar.stop()

    def log(self, message: str) -> None:
        self.console.print(f"dateline: error: {message}", markup=False, highlight=False)


def cmd_events(args) -> int:
    with _open(args) as store:
        rows = Q.events(store, limit=args.limit, text_in=args.text_in,
                        **_filters(args, "actor", "target", "cameo", "since", "until", "text"))
    _events_out(rows, args, footer=f"{len(rows)} event(s)")
    return 0


def cmd_count(args) -> int:
    with _open(args) as store:
        res = Q.count(store, **_filters(args, "actor", "target", "cameo", "since", "until", "text"))
    n = res["count"]
    if args.format == "table":
        print(f"{n} distinct event(s)")
        if n:
            _table(for_people(res["events"]), EVENT_COLUMNS, sys.stdout)
    else:
        _events_out(res["events"], args, wrapper={"count": n})
    return 0


def cmd_timeline(args) -> int:
    with _open(args) as store:
        rows = Q.timeline(store, **_filters(args, "actor", "target", "either", "cameo", "since", "until", "text"))
    if args.by != "day":
        rows = _by_period(rows, args.by)
    if args.format != "table":
        _events_out(rows, args)
        return 0
    if not rows:
        print("(nothing found)")
        return 0
    last = None
    for r in rows:
        day = _period_heading(r, args.by)
        if day != last:
            print(day)
            last = day
        who = _who(r["actor"], r["actor_name"])
        whom = _who(r["target"], r["target_name"])
        what = f"{who} → {whom}" if r["target"] or r["target_name"] else who
        where = f" in {r['location']}" if r["location"] else ""
        gold = f" ({r['goldstein']:+.1f})" if r["goldstein"] is not None else ""
        print(f"  {what}: {r['label'] or 'CAMEO ' + r['cameo']} [{r['cameo']}]{gold}{where}"
              f" — {r['reports']} report(s) in {r['articles']} article(s), {r['n_sources']} source(s)")
        if r["conflicts"].get("date"):
            print("      dates reported: " + ", ".join(f"{humandate.render(d)} ×{n}"
                                                   for d, n in sorted(r["conflicts"]["date"].items())))
    print(f"{len(rows)} event(s)")
    return 0


def _by_period(rows: list[dict], by: str) -> list[dict]:
    """Timeline rows with their ``period`` (ISO week or month), in period order; an event dated too
    coarsely for one period (a month in weeks) is in the ``imprecise`` bucket, listed last."""
    from .timeline.merge import date_range

    out = []
    for r in rows:
        span = date_range(r["date"]) if r["precision"] else None      # "before 31 Oct": in no period
        first, last = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
        out.append({**r, "period": Q.period_of(first, last, by) if r["date"] else UNDATED})
    last_ones = {Q.IMPRECISE: 1, UNDATED: 2}
    return sorted(out, key=lambda r: last_ones.get(r["period"], 0))      # stable: by date within


UNDATED = "undated"          # timeline: happenings that no report dates, listed after the dated ones


def _period_heading(r: dict, by: str) -> str:
    if not r["date"]:
        return "undated (no report gives a date)"
    if by == "day":
        return humandate.render(r["day"], r.get("date_mod")) if r["day"] else \
            f"{humandate.render(r['date'], r.get('date_mod'))} ({r['precision'] or 'imprecise'} only)"
    if r["period"] == Q.IMPRECISE:
        return f"imprecise (dated more coarsely than a {by})"
    return humandate.render(r["period"])


def _who(code, name) -> str:
    if name and code:
        return f"{name} ({code})"
    return name or code or "unknown"


def cmd_claims(args) -> int:
    with _open(args) as store:
        rows = Q.claims(store, include_all=args.all)
    if args.format == "table":
        if not rows:
            print("(no series claims in the store)")
        for r in rows:
            src = r["outlet"] or r["article"]
            print(f"{r['status'].upper():<13} {r['check']}  [{src}]")
        bad = sum(r["status"] == "inconsistent" for r in rows)
        print(f"{len(rows)} claim(s): {sum(r['status'] == 'consistent' for r in rows)} consistent, {bad} inconsistent, "
              f"{sum(r['status'] == 'unchecked' for r in rows)} unchecked")
        return 0
    cols = [("status", "status"), ("check", "check"), ("outlet", "outlet"), ("article", "article"),
            ("actor", "actor"), ("cameo_root", "root"), ("ordinal", "ordinal"), ("noun", "noun"),
            ("since", "since"), ("on", "on"), ("held", "held"), ("url", "url"), ("sentence", "sentence")]
    emit(rows, args.format, cols)
    return 0


def cmd_dyads(args) -> int:
    with _open(args) as store:
        rows = Q.dyads(store, by=args.by, **_filters(args, "actor", "target", "cameo", "since", "until"))
    cols = [(args.by, args.by), ("actor", "actor"), ("target", "target"), ("events", "events"),
            ("goldstein", "goldstein sum"), ("cameo", "codes")]
    if args.format == "table":
        rows = [{**r, args.by: humandate.render(r[args.by]) if r[args.by] != Q.IMPRECISE else
                 f"imprecise (date coarser than a {args.by})"} for r in rows]
    emit(rows, args.format, cols)
    return 0


def cmd_export(args) -> int:
    with _open(args) as store:
        rows = Q.export(store, **_filters(args, "actor", "target", "cameo", "since", "until"))
    if args.format == "parquet":
        if not args.output:
            raise StoreError("export --format parquet needs --output FILE", code="bad_args")
        write_parquet(rows, args.output)
        print(f"dateline: {len(rows)} event(s) written to {args.output}", file=sys.stderr)
        return 0
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            write_csv(out, Q.EXPORT_COLUMNS, (["; ".join(r[k]) if isinstance(r[k], list) else ("" if r[k] is None else
                                               int(r[k]) if isinstance(r[k], bool) else r[k]) for k in Q.EXPORT_COLUMNS]
                                              for r in rows))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


FAILURE_COLUMNS = [("source", "input"), ("item_id", "item"), ("code", "error"), ("message", "message"),
                   ("at", "when (UTC)")]


def cmd_failures(args) -> int:
    with _open(args) as store:
        rows = [{k: r[k] for k, _ in FAILURE_COLUMNS} | {"version": r["version"]} for r in store.failures()]
    if args.format == "table":
        rows = [{**r, "at": (r["at"] or "").replace("T", " ").rstrip("Z")} for r in rows]
    emit(rows, args.format, FAILURE_COLUMNS, footer=f"{len(rows)} failed input(s)")
    return 0


QUOTE_COLUMNS = [("when", "date"), ("speaker", "speaker"), ("speaker_code", "state"), ("text", "quotation"),
                 ("cue", "cue"), ("outlet", "outlet"), ("article", "article")]


def cmd_quotes(args) -> int:
    from .store import schema
    from .store.quotes import speakers_named

    store = _open(args)
    if store.schema_version() < schema.latest(store.dialect):
        store.close()                      # a store from before the quotes table: brought up to date
        store = _open(args, readonly=False)
    with store:
        rows = store.quotes(speaker=args.speaker, state=args.state, since=args.since, until=args.until,
                            text=args.text, limit=args.limit)
        who = speakers_named(store, args.speaker) if args.speaker and args.format == "table" else []
    if args.format == "csv":
        _csv(rows, [k for k in rows[0]] if rows else [k for k, _ in QUOTE_COLUMNS], sys.stdout)
        return 0
    header = (f"'{args.speaker}' is {len(who)} speakers: " + "; ".join(
        f"{w['name']} ({w['code']})" if w["code"] else w["name"] for w in who)) if len(who) > 1 else None
    emit(for_people(rows) if args.format == "table" else rows, args.format, QUOTE_COLUMNS, header=header,
         footer=f"{len(rows)} quotation(s)")
    return 0


def write_parquet(rows: list[dict], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install 'dateline[parquet]'", code="no_pyarrow") from None

    types = {"Day": pa.int32(), "Month": pa.int32(), "Year": pa.int16(), "QuadClass": pa.int8(), "GoldsteinScale": pa.float64(), "NumArticles": pa.int32(),
             "NumMentions": pa.int32(), "NumSources": pa.int32(), "Sources": pa.list_(pa.string()),
             "SourceURLs": pa.list_(pa.string()), "IsNegated": pa.bool_(), "IsHypothetical": pa.bool_(),
             "ActionGeo_Type": pa.int8(), "ActionGeo_Lat": pa.float64(), "ActionGeo_Long": pa.float64(),
             "ActionGeo_FeatureID": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in Q.EXPORT_COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)


# ------------------------------------------------------------------------------------------- parser
def _common(p: argparse.ArgumentParser, *, formats=FORMATS) -> None:
    p.add_argument("--db", metavar="URL", help=f"the store: a SQLite file, sqlite:///PATH or postgresql://... "
                                                f"(default: $DATELINE_DB or ./{DEFAULT_DB})")
    p.add_argument("--format", choices=formats, default=formats[0], help=f"output: {', '.join(formats)}")


def _filter_args(p: argparse.ArgumentParser, *, text: bool = True) -> None:
    p.add_argument("--actor", help="actor code (PRK) or part of a name")
    p.add_argument("--target", help="target code (USA) or part of a name")
    p.add_argument("--cameo", metavar="PREFIX", help="CAMEO code or prefix (15 = root 15, 150)")
    p.add_argument("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="to this date, inclusive")
    if text:
        p.add_argument("--text", metavar="WORDS", help="full-text search (every word must occur)")
    p.add_argument("--all", action="store_true", help="include negated and hypothetical events")


def register(subparsers) -> None:
    """Add the store commands to dateline's subparsers."""
    ig = subparsers.add_parser("ingest", help="analyse files, folders, JSONL batches and feeds into the store")
    ig.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
    ig.add_argument("--db", metavar="URL", help=f"the store (default: $DATELINE_DB or ./{DEFAULT_DB})")
    ig.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    ig.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) of every input article")
    ig.add_argument("--max-bytes", type=cli_args.size, metavar="N", help="refuse texts larger than N bytes (default 10 MB)")
    ig.add_argument("--input-format", choices=["auto", "text", "html", "jsonl"], default="auto",
                    help="how to read every input (auto: by extension and content; '-' reads stdin)")
    ig.add_argument("--model", metavar="NAME", help="statistical pipeline: default (shipped), none (rules only), "
                    "or an installed spaCy pipeline by name or path")
    from .cli import add_jobs_arg
    add_jobs_arg(ig)
    ig.add_argument("--dask", metavar="SCHEDULER", help="analyse on a Dask cluster: a scheduler address "
                    "(tcp://host:8786) or local:N (N worker processes here); needs dateline[dask]")
    ig.set_defaults(func=cmd_ingest)

    ev = subparsers.add_parser("events", help="events (happenings) in the store that match the filters")
    _common(ev)
    _filter_args(ev)
    ev.add_argument("--text-in", choices=["sentence", "article", "both"], default="sentence",
                    help="where --text searches: the event's sentence (default), its article, or both")
    ev.add_argument("--limit", type=cli_args.limit, metavar="N", help="at most N rows (N >= 1)")
    ev.add_argument("--sentences", action="store_true", help="show a sentence that reported each event")
    ev.set_defaults(func=cmd_events)

    tl = subparsers.add_parser("timeline", help="events by day with their numbers of reports and sources")
    _common(tl)
    _filter_args(tl)
    tl.add_argument("--either", metavar="A", help="events where A is the actor or the target")
    tl.add_argument("--by", choices=["day", "week", "month"], default="day",
                    help="group by day (default), ISO week or month; events dated more coarsely go last, as imprecise")
    tl.set_defaults(func=cmd_timeline, sentences=False)

    ct = subparsers.add_parser("count", help="the number of distinct events that match, listed")
    _common(ct)
    _filter_args(ct)
    ct.set_defaults(func=cmd_count, sentences=False)

    cl = subparsers.add_parser("claims", help="series claims ('its 12th launch since May') checked against the store")
    _common(cl)
    cl.add_argument("--all", action="store_true", help="include claims in negated or hypothetical statements")
    cl.set_defaults(func=cmd_claims)

    dy = subparsers.add_parser("dyads", help="events and Goldstein sum per actor pair per ISO week or month")
    _common(dy)
    _filter_args(dy, text=False)
    dy.add_argument("--by", choices=list(Q.PERIODS), default="week",
                    help="the period (default: ISO week); events dated more coarsely are counted as imprecise")
    dy.set_defaults(func=cmd_dyads)

    qu = subparsers.add_parser("quotes", help="quotations in the store, by speaker, state, date and words")
    _common(qu)
    qu.add_argument("--speaker", metavar="NAME", help="any of the speaker's names (Kim Jong Un, Kim, Chairman Kim)")
    qu.add_argument("--state", metavar="CODE", help="the speaker's state (PRK, USA, IGO)")
    qu.add_argument("--since", metavar="DATE", help="published from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    qu.add_argument("--until", metavar="DATE", help="published up to this date, inclusive")
    qu.add_argument("--text", metavar="WORDS", help="full-text search in the quotation (every word must occur)")
    qu.add_argument("--limit", type=cli_args.limit, metavar="N", help="at most N rows (N >= 1)")
    qu.set_defaults(func=cmd_quotes)

    fl = subparsers.add_parser("failures", help="inputs that could not be read or analysed, with their errors")
    _common(fl)
    fl.set_defaults(func=cmd_failures)

    ex = subparsers.add_parser("export", help="one row per event in GDELT-like columns")
    _common(ex, formats=["csv", "jsonl", "parquet"])
    _filter_args(ex, text=False)
    ex.add_argument("--output", "-o", metavar="FILE", help="write to FILE (needed for parquet; default stdout)")
    ex.set_defaults(func=cmd_export)
