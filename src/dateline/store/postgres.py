"""PostgreSQL store (the server option), through psycopg 3.

The same schema and SQL as SQLite (``?`` placeholders become ``%s``); full text through GIN
indexes on ``to_tsvector('english', ...)``. Each article is one transaction; concurrent ingests
serialise on a transaction-level advisory lock, so merging sees every committed report.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from .base import Store, StoreError

_LOCK = 0x64617465  # "date": the advisory lock that makes writers take turns


def _convert(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, *, readonly: bool = False, connect_timeout: int = 10):
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'dateline[postgres]'", code="no_driver") from None
        self.url = url
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=connect_timeout)
        except psycopg.Error as e:
            safe = url.split("@")[-1]
            raise StoreError(f"cannot connect to PostgreSQL at {safe}: {str(e).strip()}", code="no_server") from None
        self._tx = None
        self.readonly = readonly
        if readonly:        # every transaction of this connection is read-only; no migration
            self.conn.execute("SET default_transaction_read_only = on")
            if self.schema_version() == 0:
                raise StoreError(f"{url.split('@')[-1]}: not a dateline store (no schema_version)", code="bad_store")
        else:
            self.migrate()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._tx is not None:
            yield
            return
        errors = self._psycopg.errors
        refused = (errors.ReadOnlySqlTransaction, errors.DiskFull, errors.InsufficientPrivilege,
                   errors.OutOfMemory, errors.QueryCanceled)
        try:
            with self.conn.transaction() as tx:
                self._tx = tx
                try:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                    yield
                except BaseException:
                    self._forget()          # rolled back: what merging read in it may be gone
                    raise
                finally:
                    self._tx = None
        except refused as e:
            where = self.url.split("@")[-1]
            raise StoreError(f"{where}: cannot write the store ({str(e).strip().splitlines()[0]}); what was stored "
                             "before is kept", code="write_failed") from None

    def _cursor_rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        try:
            cur = self.conn.execute(_convert(sql), tuple(params))
        except self._psycopg.errors.UndefinedTable as e:
            raise StoreError(f"{self.url.split('@')[-1]}: not a dateline store ({str(e).strip()})", code="bad_store") from None
        return list(cur.fetchall()) if cur.description else []

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        from psycopg.rows import tuple_row
        with self.conn.cursor(row_factory=tuple_row) as cur:
            cur.execute(_convert(sql), tuple(params))
            return cur.fetchall()

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        return self.conn.execute(_convert(sql), tuple(params)).rowcount

    def text_match(self, what: str) -> str:
        if what == "article":
            return ("e.article_key IN (SELECT key FROM articles WHERE to_tsvector('english', coalesce(title, '') "
                    "|| ' ' || coalesce(text, '')) @@ plainto_tsquery('english', ?))")
        return ("to_tsvector('english', coalesce(e.sentence_text, '') || ' ' || coalesce(e.trigger_text, '')) "
                "@@ plainto_tsquery('english', ?)")

    def quote_text_match(self) -> str:
        return "to_tsvector('english', q.text) @@ plainto_tsquery('english', ?)"

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
