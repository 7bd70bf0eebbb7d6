"""Files and folders -> the articles in them (text, HTML, JSONL batches, RSS/Atom feeds).

Folders are walked recursively in name order; hidden files and folders are skipped, and in a
folder only files with a known extension (or none) are read. A file named on the command line is
always read. Each input is a `Source` that knows roughly how many articles it holds (for the
progress bar) and yields RawArticle or Failed items.
"""
from __future__ import annotations

import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError, InputWarning, too_large
from .feeds import FEED_EXT, FEED_ONLY_EXT, looks_feed, read_feed
from .readers import HTML_EXT, JSONL_EXT, Failed, RawArticle, read_source

TEXT_EXT = {".txt", ".text", ""}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | FEED_EXT


@dataclass
class Source:
    path: Path
    explicit: bool = False
    input_format: str = "auto"     # auto (by extension and content), text, html, jsonl

    @property
    def name(self) -> str:
        return str(self.path)

    def _data(self, limit: int | None = None) -> bytes:
        """The file's bytes; of a FIFO or device named on the command line, at most ``limit`` + 1."""
        if limit is None or stat.S_ISREG(self.path.stat().st_mode):
            return self.path.read_bytes()
        with self.path.open("rb") as f:
            return f.read(limit + 1)

    def kind(self, data: bytes) -> str:
        suffix = self.path.suffix.lower()
        if suffix in JSONL_EXT:
            return "jsonl"
        if looks_feed(data, self.name) or suffix in FEED_ONLY_EXT:
            return "feed"
        return "auto"

    def estimate(self) -> int:
        """About how many articles this input holds (JSONL lines, feed entries, else 1)."""
        try:
            suffix = self.path.suffix.lower()
            if not self.path.is_file():
                return 1                    # a FIFO or device: read once, when its items are read
            if suffix in JSONL_EXT:
                with self.path.open("rb") as f:
                    return max(1, sum(1 for line in f if line.strip()))
            if suffix in FEED_EXT:
                data = self._data()
                return max(1, data.count(b"<item") + data.count(b"<entry"))
        except OSError:
            pass
        return 1

    def items(self, *, max_bytes: int) -> Iterator[RawArticle | Failed]:
        try:
            size = self.path.stat().st_size
            is_batch = self.path.suffix.lower() in JSONL_EXT | FEED_EXT or self.input_format == "jsonl"
            if size > max_bytes and not is_batch:
                raise InputError(
                    f"{self.name}: the input is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB; "
                    "raise it with --max-bytes N (or max_bytes in the settings file)", code="too_large")
            data = self._data(None if is_batch else max_bytes)
            if len(data) > max_bytes and not is_batch:
                raise too_large(f"{self.name}: the input", len(data), max_bytes)
        except InputError as e:
            yield Failed(self.path.stem, e)
            return
        except OSError as e:
            yield Failed(self.path.stem, InputError(f"{self.name}: cannot read ({e.strerror})", code="unreadable"))
            return
        kind = self.kind(data) if self.input_format == "auto" else self.input_format
        if kind == "feed":
            yield from read_feed(data, self.name, max_bytes=max_bytes)
        else:
            yield from read_source(self.name, data, input_format=kind if kind in ("jsonl", "text", "html") else "auto",
                                   max_bytes=max_bytes)


class StdinSource(Source):
    """'-': the bytes on standard input, read once."""

    @property
    def name(self) -> str:
        return "<stdin>"

    def _data(self, limit: int | None = None) -> bytes:
        import sys
        return sys.stdin.buffer.read()

    def estimate(self) -> int:
        return 1

    def items(self, *, max_bytes: int) -> Iterator[RawArticle | Failed]:
        yield from read_source(self.name, self._data(), input_format=self.input_format, max_bytes=max_bytes)


def walk(paths: list[str | Path], *, input_format: str = "auto") -> Iterator[Source | Failed]:
    """The inputs under the given paths, in order ('-' is stdin); a path that does not exist is a Failed.
    ``input_format`` other than auto says how to read every input. In folders, special files (FIFOs,
    devices, sockets) and broken links are skipped with an InputWarning; symlinked folders are
    followed, each real folder once (a link back to a folder above is a loop, skipped with a warning)."""
    for p in paths:
        if str(p) == "-":
            yield StdinSource(Path("-"), explicit=True, input_format=input_format)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk_folder(path, input_format)
        elif path.exists():
            yield Source(path, explicit=True, input_format=input_format)
        else:
            yield Failed(path.stem, InputError(f"{path}: no such file or folder", code="not_found"))


def _walk_folder(top: Path, input_format: str) -> Iterator[Source]:
    seen: set[tuple[int, int]] = set()
    st = top.stat()
    seen.add((st.st_dev, st.st_ino))
    for root, dirs, files in os.walk(top, followlinks=True, onerror=lambda e: _warn(f"{e.filename}: cannot "
                                                                                      f"read the folder ({e.strerror})")):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            dp = Path(root) / d
            try:
                ds = dp.stat()
            except OSError as e:
                _warn(f"{dp}: skipped, cannot read ({e.strerror})")
                continue
            ident = (ds.st_dev, ds.st_ino)
            if ident in seen:
                _warn(f"{dp}: skipped, a link to a folder already read ({os.path.realpath(dp)}): a loop or a "
                      "second link")
                continue
            seen.add(ident)
            keep.append(d)
        dirs[:] = keep
        for f in sorted(files):
            fp = Path(root) / f
            if f.startswith(".") or fp.suffix.lower() not in KNOWN_EXT:
                continue
            kind = _special(fp)
            if kind:
                _warn(f"{fp}: skipped, {kind}")
                continue
            yield Source(fp, input_format=input_format)


def _special(path: Path) -> str | None:
    """Why a folder entry is not a file to read (a FIFO, device, socket, broken link), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"cannot read ({e.strerror}{': a broken link' if path.is_symlink() else ''})"
    if stat.S_ISREG(mode):
        return None
    what = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{what}, not a regular file"


def _warn(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)
