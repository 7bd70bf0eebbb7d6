"""SQLite store (the default): one file, WAL journal, one writer at a time, FTS5 full text.

Writers take the write lock at the start of each transaction (BEGIN IMMEDIATE), so two ingests
into one file serialise article by article instead of failing half-way; readers never block.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from .base import Store, StoreError

_WORD = re.compile(r"\w+", re.UNICODE)


WAL_CHECKPOINT_PAGES = 10_000  # pages of 4 KB
CACHE_KIB = 65_536              # the page cache of a connection, at most (SQLite's default: 2,000 KiB)


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 60.0):
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self.readonly = readonly
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; create it with `dateline ingest PATH --db {self.path}`",
                             code="no_store")
        try:
            if readonly:
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=timeout,
                                            isolation_level=None, check_same_thread=False)
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")   # WAL + NORMAL: durable per commit up to power loss
                # the WAL is copied into the store every WAL_CHECKPOINT_PAGES pages instead of SQLite's 1,000:
                # a page that many transactions rewrite is copied once, and the store's scattered pages are
                # written (and synced) less often; the WAL grows to about 40 MB before a checkpoint
                self.conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            # a large store's recent days (merge candidates, their clusters, the index leaves an article
            # writes) outgrow SQLite's default cache of 2 MB: each page merging reads again would be read
            # from the file again, so that store time would grow with the store's size
            self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a SQLite store ({e})", code="bad_store") from None
        self._depth = 0
        try:
            if not readonly:
                self.migrate()
            elif self.schema_version() == 0:
                raise StoreError(f"{self.path}: not a dateline store (no schema_version)", code="bad_store")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a SQLite store ({e})", code="bad_store") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            self._depth = 0
            self._rollback()
            raise self._write_error(e) from None

    def _rollback(self) -> None:
        self._forget()
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass                    # no transaction left to roll back (SQLite ended it itself)

    def _write_error(self, e: sqlite3.OperationalError) -> StoreError:
        """A clear error for a write the store refused; what was committed before stays."""
        msg = str(e)
        why = {"disk I/O error": "the disk may be full or a file-size limit reached",
               "database or disk is full": "the disk is full",
               "attempt to write a readonly database": "the store is read-only (file or folder permissions, "
                                                       "or a read-only file system)",
               "database is locked": "another process held the store's write lock too long"}.get(msg)
        if why is None:
            return StoreError(f"{self.path}: cannot write the store ({msg})", code="write_failed")
        return StoreError(f"{self.path}: cannot write the store ({msg}: {why}); what was stored before is kept",
                          code="write_failed")

    def _cursor_rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        try:
            return [dict(r) for r in self.conn.execute(sql, tuple(params))]
        except sqlite3.OperationalError as e:
            if "no such table" in str(e):
                raise StoreError(f"{self.path}: not a dateline store ({e})", code="bad_store") from None
            raise

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        cur = self.conn.cursor()
        cur.row_factory = None
        return cur.execute(sql, tuple(params)).fetchall()

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        return self.conn.execute(sql, tuple(params)).rowcount

    def text_match(self, what: str) -> str:
        if what == "article":
            return "e.article_key IN (SELECT key FROM articles WHERE n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
        return "e.n IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    def quote_text_match(self) -> str:
        return "q.n IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"

    def text_param(self, words: str) -> str:
        # every word must occur (quoted, so that the user's punctuation is never FTS5 syntax)
        toks = _WORD.findall(words)
        return " ".join(f'"{t}"' for t in toks) or '""'

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
