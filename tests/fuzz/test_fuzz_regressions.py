"""Every crash or blow-up the fuzzer and the hostile-input review found, kept as a case: each input is
analysed (not refused) and its record holds (spans inside the text). Sizes are those of the finding
where it is now fast; the timings themselves are in benchmarks/bench_growth.py."""
from __future__ import annotations

import pytest

from fuzz_checks import run_analyze

CASES = [
    ("int-digit limit in series ordinals", "a " + "1" * 4301),
    ("huge number words", "North Korea fired its " + "9" * 5000 + "th missile since May."),
    ("quote run (spaCy suffix search)", "He said " + "'" * 16000),
    ("curly quote run", "\u201c" * 16000),
    ("abbreviation run (series owner regex)", "Mr." * 10000),
    ("whitespace run (byline patterns)", "North Korea fired." + " " * 50000 + "It said so."),
    ("period run (timex sentence boundaries)", "Talks." + "." * 50000 + " Then"),
    ("newline run", "x" + "\n" * 20000 + "y."),
    ("no-break spaces", "x" + "\u00a0" * 20000 + "y."),
    ("said chain", 'He said "the talks will go on." ' * 60),
    ("nested said", '"It is," he said, "' * 60),
    ("run of fronted adverbials before an inverted source (recursion depth)", '"We go," said ' + "regardless, " * 3000
     + "Smith."),
    ("chain of reported speakers (exponential subject look-back)", "North Korea said " + "they said " * 400
     + "they attacked the base."),
    ("NULs and bidi marks", "North\x00 Korea \u202efired\u202c a missile\u200f on Monday."),
    ("lone surrogate-free odd unicode", "\ufeff\u0301North Korea ǅ fired \U0001f600 on Oct. 31, 2019."),
]


@pytest.mark.parametrize("what, text", CASES, ids=[c[0] for c in CASES])
def test_regression_case(what, text):
    finding = run_analyze(text, published="2019-10-31")
    assert finding is None, finding


@pytest.mark.parametrize("line", [
    b'{"id": 1, "text": "x", "n": ' + b"1" * 4301 + b"}",        # found by `make fuzz`: int-digit limit in json
    b"[" * 100_000 + b"]" * 100_000,                              # nesting deeper than the recursion limit
])
def test_jsonl_lines_json_cannot_read_are_failed_lines(line):
    from fuzz_checks import run_read
    from dateline.ingest.readers import Failed, read_source

    assert run_read(line, "batch.jsonl") is None
    (got,) = list(read_source("batch.jsonl", line, max_bytes=10_000_000))
    assert isinstance(got, Failed) and got.error.code == "bad_json" and "batch.jsonl:1" in got.error.message
