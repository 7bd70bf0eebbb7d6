"""dateline.csvout: one CSV writer; cells a spreadsheet would run as formulas are neutralised."""
from __future__ import annotations

import csv
import io

import pytest

from dateline.csvout import CsvWriter, safe_cell, write_csv


@pytest.mark.parametrize("value,written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd", "'-2+3+cmd"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\rx", "'\rx"),
    ("-7.2", "-7.2"),              # a number in text stays a number
    ("+3", "+3"),
    ("-1e3", "-1e3"),
    ("-inf", "'-inf"),             # not a finite number
    (-7.2, -7.2),
    (3, 3),
    (None, None),
    ("North Korea fired", "North Korea fired"),
    ("a=b", "a=b"),                # only the first character counts
    ("", ""),
])
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_writer_round_trip():
    out = io.StringIO()
    write_csv(out, ["text", "goldstein"], [["=1+1", -7.2], ["plain", 1.0]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["text", "goldstein"], ["'=1+1", "-7.2"], ["plain", "1.0"]]
    assert "\r\n" not in out.getvalue()
    w = CsvWriter(out)
    w.writerows([["@x"]])
    assert out.getvalue().endswith("'@x\n")
