"""The record store: articles, their events and the event clusters, behind one small interface.

    from dateline.store import open_store
    with open_store("dateline.db") as store:            # SQLite file (default)
        store.add_article(record_dict)                   # one transaction: article + events + clusters
    open_store("postgresql://user@host:5432/db")         # the server option (psycopg 3)

Queries over a store live in dateline.timeline.queries.
"""
from __future__ import annotations

from pathlib import Path

from .base import AddResult, Store, StoreError, article_key, content_hash, dedup_key, normalize_url

DEFAULT_DB = "dateline.db"

__all__ = ["open_store", "Store", "StoreError", "AddResult", "dedup_key", "article_key", "content_hash",
           "normalize_url", "DEFAULT_DB"]


def open_store(url: str | Path | None = None, *, readonly: bool = False) -> Store:
    """A store for a URL: ``postgresql://...`` (or ``postgres://``), ``sqlite:///path``, or a file path."""
    u = str(url or DEFAULT_DB)
    if u.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore
        return PostgresStore(u, readonly=readonly)
    if u.startswith("sqlite:///"):
        u = u[len("sqlite:///"):]
    elif u.startswith("sqlite://"):
        u = u[len("sqlite://"):]
    elif "://" in u:
        raise StoreError(f"--db {u}: unknown kind of store (give a file path, sqlite:///PATH or postgresql://...)",
                         code="bad_url")
    from .sqlite import SQLiteStore
    return SQLiteStore(u, readonly=readonly)
