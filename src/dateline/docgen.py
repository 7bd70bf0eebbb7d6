"""The generated pages of docs/: the CLI reference (from the argument parsers) and the store schema
(from a freshly migrated SQLite store and the notes in dateline.store.schema).

    python -m dateline.docgen docs/          # rewrites docs/cli.md and docs/store.md

The tests compare the committed pages with what this module generates, so a new command, option
or column shows up in the docs or fails the tests.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

# one example per command that prints something on the demo store (`make demo`); run in the tests
EXAMPLES = {
    "analyze": "dateline analyze examples/articles/example-wire-2019-10-31.txt",
    "merge": "dateline merge examples/articles/example-wire-2019-10-31.txt examples/articles/kanto-example-2019-11-01.txt",
    "ingest": "dateline ingest examples --db dateline.db",
    "events": "dateline events --actor PRK --target JPN --cameo 15 --since 2019-05 --text missile",
    "timeline": "dateline timeline --actor PRK --cameo 15",
    "count": "dateline count --actor PRK --cameo 150 --since 2019-05-01 --until 2019-10-31",
    "claims": "dateline claims",
    "dyads": "dateline dyads --since 2019-05 --by month",
    "quotes": "dateline quotes --speaker \"Ji-ho Example\" --since 2019-08",
    "failures": "dateline failures",
    "export": "dateline export --format csv --actor PRK -o events.csv",
}


def _subparsers(ap: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _helps(ap: argparse.ArgumentParser) -> dict[str, str]:
    action = next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction))
    return {c.dest: c.help or "" for c in action._choices_actions}


def _option_row(a: argparse.Action) -> str:
    name = ", ".join(f"`{o}`" for o in a.option_strings) or f"`{a.metavar or a.dest}`"
    if a.option_strings and a.nargs != 0:
        name += f" {a.metavar or a.dest.upper()}"
    what = (a.help or "").replace("|", "\\|")
    if a.choices:
        what += f" (one of: {', '.join(str(c) for c in a.choices)})"
    if a.default not in (None, False, argparse.SUPPRESS) and a.nargs != 0 and a.option_strings:
        what += f"; default `{a.default}`"
    if a.nargs in ("*", "+"):
        what += " (several)" if a.nargs == "+" else " (none or several)"
    return f"| {name} | {what} |"


def cli_reference() -> str:
    from .cli import build_parser

    ap = build_parser()
    helps = _helps(ap)
    out = ["# Command line reference", "",
           "Generated from dateline's argument parsers by `python -m dateline.docgen docs/`; do not edit by hand.",
           "Every store command takes `--db` (a SQLite file, `sqlite:///PATH` or `postgresql://...`; default",
           "`$DATELINE_DB` or `./dateline.db`). Errors are one line on stderr (exit status 2; 1 when some inputs",
           "failed and the rest went on), never a traceback.", ""]
    for name, sub in _subparsers(ap).items():
        out += [f"## dateline {name}", "", helps.get(name, "").rstrip(".") + ".", ""]
        if name in EXAMPLES:
            out += ["```sh", EXAMPLES[name], "```", ""]
        out += ["| argument | meaning |", "| --- | --- |"]
        out += [_option_row(a) for a in sub._actions if not isinstance(a, argparse._HelpAction)]
        out.append("")
    return "\n".join(out)


def _table_notes() -> dict[str, str]:
    from .store import schema

    notes: dict[str, str] = {}
    current = None
    for line in (schema.__doc__ or "").splitlines():
        m = re.match(r"^  (\w+(?: / \w+)*)\s{2,}(.*)$", line)
        if m:
            current = m[1]
            notes[current] = m[2].strip()
        elif current and line.startswith("      ") and line.strip():
            notes[current] += " " + line.strip()
        elif not line.strip():
            current = None
    return notes


def store_reference() -> str:
    from .store import open_store, schema

    notes = _table_notes()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "schema.db"))
        tables = [r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        cols = {t: store.rows(f"PRAGMA table_info({t})") for t in tables}
        store.close()
    out = ["# The store's schema", "",
           "Generated from a freshly migrated SQLite store by `python -m dateline.docgen docs/`; do not edit by hand.",
           f"Schema version {schema.latest('sqlite')} (`schema_version` lists the migrations applied; a newer dateline",
           "migrates an older store when it opens it for writing). PostgreSQL has the same tables and columns",
           "(`BIGSERIAL` for `n`); full text is FTS5 on SQLite (`events_fts`, `articles_fts`, `quotes_fts`) and",
           "GIN indexes over `to_tsvector('english', ...)` on PostgreSQL. Read it from Python with",
           "`dateline.open_store(url)` (the CLI's queries, each with `.to_pandas()`).", ""]
    for t in tables:
        note = next((v for k, v in notes.items() if t in k.split(" / ")), "")
        out += [f"## {t}", ""] + ([note, ""] if note else [])
        out += ["| column | type | not null |", "| --- | --- | --- |"]
        out += [f"| {c['name']} | {c['type'] or ''} | {'yes' if c['notnull'] or c['pk'] else ''} |" for c in cols[t]]
        out.append("")
    return "\n".join(out)


PAGES = {"cli.md": cli_reference, "store.md": store_reference}


def main(argv: list[str] | None = None) -> int:
    target = Path((argv or sys.argv[1:] or ["docs"])[0])
    target.mkdir(parents=True, exist_ok=True)
    for name, make in PAGES.items():
        (target / name).write_text(make(), encoding="utf-8")
        print(f"wrote {target / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
