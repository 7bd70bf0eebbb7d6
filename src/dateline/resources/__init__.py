"""Data files (gazetteer, CAMEO tables, time and attribution lexicons) and their loaders.

Every file states its sources in its header. Loaders are cached: each file is read once.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent


class ResourceError(Exception):
    """A data file is missing or malformed."""


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)


@functools.lru_cache(maxsize=None)
def read_tsv(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts; '#' lines are comments, the first other line the header."""
    p = path(*parts)
    try:
        with p.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    except OSError as e:
        raise ResourceError(f"{p}: cannot read data file ({e.strerror})") from e
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ResourceError(f"{p}: empty data file") from None
    rows = []
    for n, row in enumerate(reader, start=2):
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        rows.append({h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)})
    return tuple(rows)


def multi(cell: str | None) -> list[str]:
    """A '|'-separated cell as a list (empty cell -> [])."""
    if not cell:
        return []
    return [x.strip() for x in cell.split("|") if x.strip()]
