"""Every argument value gets a clear answer: bad numbers, dates, codes, texts and stores end in one
`dateline ...: error:` line (exit 2) or a normal answer, never a traceback (in-process, table-driven)."""
from __future__ import annotations

import contextlib
import io

import pytest

from dateline.cli import main
from dateline.cli_args import bounded_int
from dateline.store import open_store

BAD_NUMBERS = ["0", "-1", "1e3", "abc", "99999999999999999999", "", "٣", "9" * 5000]
ODD_TEXT = ["%", "_", "'; DROP TABLE events; --", "\x00", '"', "AND OR NOT *", "NEAR(", ")(", "a" * 10000, "\u202e"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "empty.db"
    open_store(path).close()
    return str(path)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as e:           # argparse's errors
            code = e.code
    return code, out.getvalue(), err.getvalue()


def _cases(db: str) -> list[tuple[list[str], str]]:
    """(argv, what the error says) for values that must be refused."""
    cases = []
    for v in BAD_NUMBERS:
        cases += [(["events", "--limit", v, "--db", db], "--limit"), (["quotes", "--limit", v, "--db", db], "--limit"),
                  (["ingest", "x", "--max-bytes", v, "--db", db], "--max-bytes"),
                  (["analyze", "x", "--max-bytes", v], "--max-bytes")]
    for v in ["-1", "65536", "x"]:
        cases.append((["serve", "--port", v, "--db", db], "--port"))
    cases.append((["serve", "--workers", "0", "--db", db], "--workers"))
    for v in ["garbage", "99999-99-99", "2019-13", "2019-02-30", "9" * 400]:
        cases += [(["events", "--since", v, "--db", db], v[:8]), (["count", "--until", v, "--db", db], v[:8])]
    cases += [(["events", "--db", "ftp://x"], "ftp://x"), (["events", "--db", "/nonexistent/x.db"], "no such store"),
              (["export", "--format", "parquet", "--db", db], "--output"),
              (["analyze", "--published", "2019-02-30", "x"], "--published")]
    return cases


def test_refused_values_give_one_clear_line(db):
    for argv, needle in _cases(db):
        code, _, err = run(argv)
        assert code == 2, (argv, err)
        assert "Traceback" not in err and "error" in err and needle in err, (argv, err)


@pytest.mark.parametrize("cmd", ["events", "timeline", "count", "dyads", "export"])
def test_odd_filter_text_is_just_text(db, cmd):
    for flag in ["--actor", "--target", "--cameo"]:
        for v in ODD_TEXT:
            code, _, err = run([cmd, flag, v, "--db", db])
            assert code in (0, 2) and "Traceback" not in err, (cmd, flag, v, err)


@pytest.mark.parametrize("argv", [["events", "--text"], ["quotes", "--text"], ["quotes", "--speaker"]])
def test_odd_search_words_are_words(db, argv):
    for v in ODD_TEXT:
        code, _, err = run(argv + [v, "--db", db])
        assert code == 0, (argv, v, err)


@pytest.mark.parametrize("value, ok", [("1", 1), (" 7 ", 7), ("1_0", 10), ("10", 10), ("11", None), ("0", None),
                                       ("+3", 3), ("-0", None), ("0x10", None), ("1.0", None)])
def test_bounded_int(value, ok):
    import argparse
    parse = bounded_int(1, 10, "a test number")
    if ok is None:
        with pytest.raises(argparse.ArgumentTypeError, match="a test number|whole number"):
            parse(value)
    else:
        assert parse(value) == ok
