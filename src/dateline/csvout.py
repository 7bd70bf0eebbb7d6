"""The one CSV writer of dateline: every CSV output goes through ``write_csv`` / ``CsvWriter``.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or a
carriage return) as a formula; a quotation or a headline from the web can start that way
("=HYPERLINK(...)"). Such a text cell is written with a leading apostrophe, which spreadsheets
show as text (OWASP's advice on CSV injection). Numbers stay numbers: an int or float, or a text
that reads as one ("-7.2", "+3"), is written as it is.
"""
from __future__ import annotations

import csv
import io
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
    """csv.writer with every cell made safe (``safe_cell``) and Unix line ends. A cell holding a
    carriage return or a line feed is quoted (csv.writer quotes only the characters of its own line
    terminator: with "\n" alone, a bare "\r" would end the row in a spreadsheet)."""

    def __init__(self, out):
        self._out = out
        self._buf = io.StringIO()
        self._w = csv.writer(self._buf, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._buf.seek(0)
        self._buf.truncate()
        self._w.writerow([safe_cell(v) for v in row])
        self._out.write(self._buf.getvalue()[:-2] + "\n")

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for r in rows:
            self.writerow(r)


def write_csv(out, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """A header line, then the rows, every cell safe."""
    w = CsvWriter(out)
    w.writerow(header)
    w.writerows(rows)
