"""The one CSV writer of dateline: every CSV output goes through ``write_csv`` / ``CsvWriter``.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or a
carriage return) as a formula; a quotation or a headline from the web can start that way
("=HYPERLINK(...)"). Such a text cell is written with a leading apostrophe, which spreadsheets
show as text (OWASP's advice on CSV injection). Numbers stay numbers: an int or float, or a text
that reads as one ("-7.2", "+3"), is written as it is.
"""
from __future__ import annotations

import csv
import math
from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as written: a text that would run as a formula gets a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value.strip()):
        return "'" + value
    return value


class CsvWriter:
    """csv.writer with every cell made safe (``safe_cell``) and Unix line ends."""

    def __init__(self, out):
        self._w = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for r in rows:
            self.writerow(r)


def write_csv(out, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """A header line, then the rows, every cell safe."""
    w = CsvWriter(out)
    w.writerow(header)
    w.writerows(rows)
