"""User text inside SQL patterns: LIKE wildcards escaped, so '%' or '_' in a filter match themselves.

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
