"""Command line: thin commands over the library.

    dateline analyze [FILE ...|-] [--format text|json|jsonl] [--input-format auto|text|html|jsonl]
                     [--published YYYY-MM-DD] [--max-bytes N] [--jobs N]

Errors are reported per input (named) and the batch goes on; the exit status is 1 when any
input failed, with a summary on stderr. No Python traceback reaches the user.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator

from . import __version__, cli_args, humandate
from .errors import DatelineError, InputError
from .ingest.readers import Failed, RawArticle, read_file, read_source
from .isodate import iso_date
from .timeline.queries import cameo_label, ordinal
from .settings import load_settings


def _inputs(args) -> Iterator[RawArticle | Failed]:
    paths = args.files or ["-"]
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from read_source("<stdin>", data, input_format=args.input_format, max_bytes=args.settings.max_bytes)
        else:
            yield from read_file(p, input_format=args.input_format, max_bytes=args.settings.max_bytes)


NO_DATE_WARNING = ("an article has no publication date (none given, none in its metadata or text), so its "
                   "relative dates ('on Friday') stay unresolved: give --published YYYY-MM-DD")


def _error_obj(rid, err: DatelineError) -> dict:
    return {"id": rid, "error": {"code": err.code, "message": err.message}}


def _actor(a) -> str:
    if not a:
        return "–"
    name = a.get("name") or "?"
    return f"{name} ({a['code']})" if a.get("code") else name


def render_text(rec: dict, out) -> None:
    a = rec["article"]
    w = out.write
    w(f"== {a['id']}" + (f": {a['title']}" if a.get("title") else "") + "\n")
    pub = humandate.render(a.get("published")) or "unknown"
    how = a.get("published_from")
    w(f"Published:    {pub} ({how}" + (f": {a['published_evidence']}" if a.get("published_evidence") else "") + ")\n")
    for label, key in (("Outlet", "outlet"), ("Dateline", "dateline")):
        if a.get(key):
            w(f"{label + ':':<14}{a[key]}\n")
    if a.get("authors"):
        w(f"{'Authors:':<14}{', '.join(a['authors'])}\n")
    if a.get("contributors"):
        w(f"{'Contributors:':<14}{', '.join(a['contributors'])}\n")
    events = sorted(rec["events"], key=lambda e: (e.get("date") is None, e.get("date") or "", e["trigger"]["start"]))
    mods = {t["id"]: t.get("mod") for t in rec.get("timexes") or []}
    w(f"\nEvents ({len(events)})\n")
    if not events:
        w("  (none found)\n")
    for e in events:
        flags = []
        if e.get("negated"):
            flags.append("NOT")
        if e.get("hypothetical"):
            flags.append("hypothetical")
        flag = f" [{', '.join(flags)}]" if flags else ""
        when = humandate.render_event(e, mods) or "undated"
        label = cameo_label(e["cameo"])
        w(f"  {when:<24} {_actor(e.get('actor'))} → {_actor(e.get('target'))}: "
          f"\"{e['trigger']['text']}\" CAMEO {e['cameo']}"
          + (f" {label}" if label else "")
          + (f" / {e['plover']}" if e.get("plover") else "")
          + (f" (Goldstein {e['goldstein']:+.1f})" if e.get("goldstein") is not None else "") + flag + "\n")
        extra = []
        if e.get("location"):
            loc = e["location"]
            extra.append(f"where: {loc['name']}" + (f" ({loc['code']})" if loc.get("code") else ""))
        if e.get("sources"):
            extra.append("reported by: " + "; ".join(_actor(s) for s in e["sources"]))
        if e.get("series"):
            s = e["series"]
            since = s.get("since") or ""
            words = humandate.render(since, s.get("since_mod"))
            extra.append(f"series: {ordinal(s['ordinal'])} {s['noun']}"
                         + (f" within {words}" if since.startswith("P") else f" since {words}" if since else ""))
        if extra:
            w("  " + " " * 25 + " | ".join(extra) + "\n")
    quotes = rec["quotes"]
    w(f"\nQuotations ({len(quotes)})\n")
    for q in quotes:
        sp = q.get("speaker") or {}
        txt = q["text"] if len(q["text"]) <= 100 else q["text"][:97] + "..."
        w(f"  “{txt}” — {_actor(sp) if sp.get('name') or sp.get('code') else 'unknown speaker'}"
          + (f" ({q['cue']})" if q.get("cue") else "") + "\n")
    for warn in rec.get("warnings") or []:
        w(f"warning: {warn}\n")
    w("\n")


def _analyzed(args) -> Iterator[dict]:
    """Record dicts (or error objects) for every input, in input order (analysed by --jobs
    processes); errors and warnings go to stderr."""
    from .parallel import analyze_all

    def tasks():
        for item in _inputs(args):
            if isinstance(item, Failed):
                yield item, None
                continue
            if args.published:
                item.published, item.published_from = args.published, "given"
            yield item, item

    warned = False
    for item, outcome in analyze_all(tasks(), args.settings):
        if isinstance(item, Failed):
            print(f"dateline: error: {item.error.message}", file=sys.stderr)
            yield _error_obj(item.id, item.error)
            continue
        if outcome[0] != "ok":
            print(f"dateline: error: {outcome[2]}", file=sys.stderr)
            yield {"id": item.id, "error": {"code": outcome[1], "message": outcome[2]}}
            continue
        obj = outcome[1]
        for wmsg in obj.get("warnings") or []:
            print(f"dateline: warning: {wmsg}", file=sys.stderr)
        if obj["article"]["published_from"] == "none" and not warned:
            warned = True
            print(f"dateline: warning: {NO_DATE_WARNING}", file=sys.stderr)
        yield obj


def _emit(objs, args) -> int:
    """Print records in the chosen format; exit status 1 (with a summary) when any input failed."""
    failures = total = 0
    out = sys.stdout
    if args.format == "html":             # one standalone page (dateline.server's article view)
        from .server import standalone_html
        objs = list(objs)
        out.write(standalone_html(objs))
    for obj in objs:
        total += 1
        failures += "error" in obj
        if args.format == "html":
            continue                      # written as one page below
        if args.format == "jsonl":
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        elif "error" in obj:
            out.write(f"== {obj['id']}: error: {obj['error']['message']}\n\n")
        else:
            render_text(obj, out)
        out.flush()
    if failures:
        print(f"dateline: {failures} of {total} inputs failed", file=sys.stderr)
        return 1
    return 0


def cmd_analyze(args) -> int:
    return _emit(_analyzed(args), args)


def cmd_merge(args) -> int:
    from .timeline.merge import merge_records

    records = merge_records(list(_analyzed(args)))
    status = _emit(records, args)
    if args.format == "text":
        render_clusters(records, sys.stdout)
    return status


def render_clusters(records: list[dict], out) -> None:
    """`merge --format text`: every happening (cluster) with the reports of it, article by article."""
    clusters: dict[str, list[tuple[dict, dict]]] = {}
    for rec in records:
        for e in ([] if "error" in rec else rec.get("events") or []):
            clusters.setdefault(e.get("cluster") or f"{rec['article']['id']}:{e['id']}", []).append((rec, e))

    def first_date(item):
        dates = sorted(e.get("date") or "~" for _, e in item[1])
        return dates[0], item[0]

    out.write(f"Happenings across articles ({len(clusters)}, from "
              f"{sum(len(v) for v in clusters.values())} report(s))\n")
    for cid, reports in sorted(clusters.items(), key=first_date):
        rec, e = reports[0]
        arts = {r["article"]["id"] for r, _ in reports}
        out.write(f"  {cid}  {_actor(e.get('actor'))} → {_actor(e.get('target'))}: {cameo_label(e['cameo'])} "
                  f"[{e['cameo']}] — {len(reports)} report(s) in {len(arts)} article(s)\n")
        for r, ev in reports:
            when = humandate.render_event(ev) or "undated"
            out.write(f"      {when}: \"{ev['trigger']['text']}\" in {r['article']['id']}"
                      + (" [NOT]" if ev.get("negated") else "") + (" [hypothetical]" if ev.get("hypothetical") else "")
                      + "\n")
    out.write("\n")


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="text, HTML or JSONL files; '-' or nothing: stdin")
    p.add_argument("--format", choices=["text", "json", "jsonl", "html"], default="text",
                   help="text (for people, default), json, jsonl, html (one standalone page)")
    p.add_argument("--input-format", choices=["auto", "text", "html", "jsonl"], default="auto",
                   help="how to read the input (auto: by extension and content)")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) of the input articles")
    p.add_argument("--max-bytes", type=cli_args.size, metavar="N", help="refuse texts larger than N bytes (default 10 MB)")
    p.add_argument("--model", metavar="NAME", help="statistical pipeline: default (shipped), none (rules only), "
                   "or an installed spaCy pipeline by name or path")
    add_jobs_arg(p)


def jobs_count(value: str) -> int:
    """--jobs N: a whole number of at least 1."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes (a whole number of at least 1)")
    return n


def add_jobs_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=jobs_count, metavar="N",
                   help="analysis processes (default: the jobs setting, else one per core; 1: in this process)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="dateline", description="A dated, sourced record of events from news articles.")
    ap.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="analyse articles and print their records")
    _add_input_args(an)
    an.set_defaults(func=cmd_analyze)
    mg = sub.add_parser("merge", help="analyse articles and give every event the cluster of its happening")
    _add_input_args(mg)
    mg.set_defaults(func=cmd_merge)
    from . import cli_record  # the record store's commands: ingest, events, timeline, count, claims...

    cli_record.register(sub)
    from .server.cli import register as register_serve  # dateline serve

    register_serve(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return _run(ap, args)
    except BrokenPipeError:
        return 0


def _run(ap, args) -> int:
    try:
        args.settings = load_settings(max_bytes=getattr(args, "max_bytes", None), model=getattr(args, "model", None),
                                      jobs=getattr(args, "jobs", None))
        if getattr(args, "published", None):
            if iso_date(args.published) is None:
                ap.error(f"--published: '{args.published}' is not a date (YYYY-MM-DD)")
        return args.func(args)
    except DatelineError as e:
        print(f"dateline: error: {e.message}", file=sys.stderr)
        return 2
    except OSError as e:
        if isinstance(e, BrokenPipeError):
            raise
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        print(f"dateline: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
