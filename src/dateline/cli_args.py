"""Argument types for the command line: whole numbers within bounds, with a clear message.

argparse turns the ArgumentTypeError into ``dateline: error: argument --limit: ...`` (exit 2),
so no value of a number flag reaches the store or the reader unchecked.
"""
from __future__ import annotations

import argparse

MAX_LIMIT = 1_000_000_000           # rows: more than any store holds, small enough for every SQL engine
MAX_SIZE = 1 << 40                  # bytes: 1 TiB


def bounded_int(lo: int, hi: int, what: str):
    """An argparse type: a whole number from lo to hi inclusive (``what`` names it in the message)."""

    def parse(value: str) -> int:
        text = value.strip().replace("_", "")
        digits = text[1:] if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()):
            raise argparse.ArgumentTypeError(f"'{value[:40]}' is not a whole number ({what})")
        n = int(text) if len(digits) <= 40 else (hi + 1 if text[0] != "-" else lo - 1)
        if n < lo:
            raise argparse.ArgumentTypeError(f"{n} is too small: {what} must be at least {lo}")
        if n > hi:
            raise argparse.ArgumentTypeError(f"{text[:40]} is too large: {what} must be at most {hi:,}")
        return n

    parse.__name__ = what          # argparse names the type in some messages
    return parse


limit = bounded_int(1, MAX_LIMIT, "a limit of rows")
size = bounded_int(1, MAX_SIZE, "a size in bytes")
