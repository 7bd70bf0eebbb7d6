"""The ``dateline serve`` command (added to dateline's parser by dateline.cli)."""
from __future__ import annotations

import os
import sys

from ..cli_args import bounded_int


def cmd_serve(args) -> int:
    from ..store import DEFAULT_DB
    from . import serve

    db = args.db or os.environ.get("DATELINE_DB") or DEFAULT_DB
    from ..store import open_store
    open_store(db, readonly=True).close()           # a missing or foreign store: a clear error before anything
    mode = "read-only; POST /api/ingest takes the token of the settings" if args.settings.serve_token else \
        "read-only (no serve_token in the settings: POST /api/ingest is refused)"
    print(f"dateline: serving {db} on http://{args.host}:{args.port}/ ({mode})", file=sys.stderr, flush=True)
    serve(db, host=args.host, port=args.port, settings=args.settings, log_level=args.log_level, workers=args.workers)
    return 0


def register(subparsers) -> None:
    sv = subparsers.add_parser("serve", help="a web page and a JSON API over the store (FastAPI + uvicorn)")
    sv.add_argument("--db", metavar="URL", help="the store: a SQLite file, sqlite:///PATH or postgresql://... "
                                                "(default: $DATELINE_DB or ./dateline.db)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=bounded_int(0, 65535, "a TCP port"), default=8000, help="port (default 8000)")
    sv.add_argument("--workers", type=bounded_int(1, 256, "a number of processes"), default=1, help="server processes (default 1)")
    sv.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    sv.set_defaults(func=cmd_serve)
