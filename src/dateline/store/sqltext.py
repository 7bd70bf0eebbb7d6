"""SQL text: user text inside SQL patterns (LIKE wildcards escaped, so '%' or '_' in a filter match
themselves), and multi-row inserts within the placeholders one statement may hold.

    conds.append(f"lower(name) LIKE ? {LIKE_ESCAPE}"); params.append(contains("kim_"))
"""
from __future__ import annotations

LIKE_ESCAPE = "ESCAPE '\\'"        # the same on SQLite and PostgreSQL (standard_conforming_strings)


def like_escape(text: str) -> str:
    """``text`` as a LIKE pattern that matches exactly itself (with ``LIKE ? ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> str:
    """A LIKE pattern matching any value that contains ``text``."""
    return f"%{like_escape(text)}%"


# placeholders one statement may hold: SQLite's oldest limit (SQLITE_MAX_VARIABLE_NUMBER before 3.32)
MAX_PLACEHOLDERS = 999


def insert_rows(store, table: str, columns: tuple[str, ...], rows: list[tuple], suffix: str = "") -> None:
    """Insert ``rows`` (one value per column each) into ``table`` in as few statements as the placeholders
    allow, ``suffix`` after each ("ON CONFLICT ..."). SQLite's full-text indexes, fed by insert triggers,
    write what a statement gave them as a segment of their own when the next statement starts, and each
    segment is merged again as the index grows: one statement per row wrote one segment per row."""
    per = MAX_PLACEHOLDERS // len(columns)
    one = "(" + ", ".join(["?"] * len(columns)) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for i in range(0, len(rows), per):
        chunk = rows[i:i + per]
        store._exec(head + ", ".join([one] * len(chunk)) + suffix, [v for row in chunk for v in row])
