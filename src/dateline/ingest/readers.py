"""Readers: files, web pages and JSONL batches -> RawArticle (or an InputError for that input).

Every problem is reported with the input's name: an empty file, a binary file, text over the size
limit, a JSONL line that is not JSON or has no text.

Bytes are UTF-8 unless they say or show otherwise: a byte-order mark (UTF-8, UTF-16); for a web
page, the charset it declares (``<meta charset>``, ``<meta http-equiv="Content-Type" content="...;
charset=...">``, an XML declaration), read as browsers read it (WHATWG: ISO-8859-1 and ASCII mean
windows-1252); else charset-normalizer's guess, with windows-1252 (the web's default legacy
encoding) chosen among equally good ones, and a warning that names the guess. Bytes that no
encoding explains are decoded as UTF-8 with replacement characters and a warning that names the
first bad byte offset.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError, too_large

HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<!--)", re.I)


@dataclass
class RawArticle:
    id: str
    text: str | None = None
    html: str | None = None
    published: str | None = None
    published_from: str | None = None     # "given" (by the caller) or "metadata" (page/feed)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failed:
    """An input that could not be read; it takes the place of its article in a batch."""
    id: str | None
    error: InputError


_DECLARED = [re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
             re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.I)]
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_WEB_DEFAULT = "cp1252"          # WHATWG: what iso-8859-1, latin1 and ascii labels mean on the web


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WEB_DEFAULT if name in ("latin-1", "iso8859-1", "ascii") else name


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first 4 KB (<meta charset>, http-equiv, <?xml encoding?>)."""
    head = data[:4096]
    for pat in _DECLARED:
        if m := pat.search(head):
            return _codec(m[1].decode("ascii", "replace"))
    return None


def detect_charset(data: bytes) -> str | None:
    """charset-normalizer's guess for bytes that are not UTF-8; windows-1252 among equally good ones."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    matches = list(from_bytes(data))
    if not matches:
        return None
    low = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= low + 1e-9]
    for m in tied:
        if _WEB_DEFAULT in {_codec(c) for c in [m.encoding, *m.could_be_from_charset]}:
            return _WEB_DEFAULT
    return _codec(tied[0].encoding)


def decode(data: bytes, name: str, *, html: bool = False) -> tuple[str, list[str]]:
    """The text of ``data`` (see the module's notes on encodings) and the warnings about it."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        bad = e.start
    declared = declared_charset(data) if html else None
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace"), []
    guess = detect_charset(data)
    if guess and guess != "utf-8":
        return data.decode(guess, errors="replace"), [
            f"{name}: invalid UTF-8 at byte offset {bad} and no charset declared; decoded as {guess}, "
            "the likeliest encoding"]
    text = data.decode("utf-8", errors="replace")
    return text, [f"{name}: invalid UTF-8 at byte offset {bad}; undecodable bytes were replaced with U+FFFD"]


def check_bytes(data: bytes, name: str, max_bytes: int) -> None:
    if not data.strip():
        raise InputError(f"{name}: the input is empty: nothing to analyse", code="empty")
    if len(data) > max_bytes:
        raise too_large(f"{name}: the input", len(data), max_bytes)
    head = data[:8192]
    if b"\x00" in head and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: the input looks binary (it contains NUL bytes), not text or HTML",
                         code="binary")
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    if ctrl > 0.1 * len(head):
        raise InputError(f"{name}: the input looks binary ({ctrl} control bytes in the first {len(head)})",
                         code="binary")


def looks_html(data: bytes, name: str = "") -> bool:
    return Path(name).suffix.lower() in HTML_EXT or bool(_HTML_START.match(data[:512]))


def from_html(html: str, *, id: str, url: str | None = None) -> RawArticle:
    """Main text and metadata of a web page, through trafilatura."""
    import trafilatura  # imported here: only pages need it

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(f"{id}: no article text found in the HTML page", code="no_text")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    title = d.get("title") or None
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    text = "\n\n".join(ln.strip() for ln in lines if ln.strip())
    if not text.strip():
        raise InputError(f"{id}: no article text found in the HTML page", code="no_text")
    if not has_prose(text):
        raise InputError(f"{id}: no article text found in the HTML page (no sentence of {_PROSE_WORDS} words or "
                         "more: a menu, form or index page?)", code="no_text")
    authors = [plain(a) for a in re.split(r";|,| and ", d.get("author") or "") if plain(a)]
    date = d.get("date") or None
    return RawArticle(id=id, text=text, title=plain(title), url=url or d.get("url"), published=date,
                      published_from="metadata" if date else None, outlet=plain(d.get("sitename")),
                      authors=authors)


_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--[^<>]*-->")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PROSE_WORDS = 5
_SENTENCE_END = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")
_CJK_END = ("\u3002", "\uff01", "\uff1f")       # 。！？
_CLOSERS = "\"'\u201d\u2019)]\u300d\u300f"
MAX_META = 1000                 # characters kept of a metadata field


def plain(value: str | None) -> str | None:
    """A metadata field (title, outlet, author) as plain text: markup removed, one line, at most
    MAX_META characters; None if nothing is left."""
    if not value:
        return None
    t = " ".join(_CONTROL.sub(" ", _TAG.sub(" ", value[:4 * MAX_META])).split())[:MAX_META]
    return t or None


def has_prose(text: str) -> bool:
    """Whether the text holds a sentence: a line whose fifth or a later word ends in sentence
    punctuation (menus, forms and link lists do not)."""
    for line in text.splitlines():
        words = line.split()
        if len(words) >= _PROSE_WORDS and any(w.rstrip(_CLOSERS).endswith(_SENTENCE_END)
                                              for w in words[_PROSE_WORDS - 1:]):
            return True
        # scripts written without spaces (Chinese, Japanese): a sentence of ten characters or more
        if any(len(w) >= 10 and w.rstrip(_CLOSERS).endswith(_CJK_END) for w in words):
            return True
    return False


def read_jsonl(data: bytes, name: str, max_bytes: int) -> Iterator[RawArticle | Failed]:
    text, warnings = decode(data, name)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failed(None, InputError(f"{where}: not JSON ({e.msg} at column {e.colno})", code="bad_json"))
            continue
        except (ValueError, RecursionError) as e:     # a number of over 4,300 digits; nesting too deep
            why = "a number too long to read" if isinstance(e, ValueError) else "nested too deeply"
            yield Failed(None, InputError(f"{where}: not usable JSON ({why})", code="bad_json"))
            continue
        if not isinstance(obj, dict):
            yield Failed(None, InputError(f"{where}: a JSON object is expected, got {type(obj).__name__}",
                                          code="bad_record"))
            continue
        rid = str(obj.get("id") if obj.get("id") is not None else f"{Path(name).stem}:{n}")
        body, html = obj.get("text"), obj.get("html")
        if not (isinstance(body, str) and body.strip()) and not (isinstance(html, str) and html.strip()):
            yield Failed(rid, InputError(f"{where}: record '{rid}' has no \"text\" or \"html\"", code="no_text"))
            continue
        size = len((body or html).encode("utf-8"))
        if size > max_bytes:
            yield Failed(rid, too_large(f"{where}: record '{rid}'", size, max_bytes))
            continue
        try:
            if isinstance(body, str) and body.strip():
                art = RawArticle(id=rid, text=body)
            else:
                art = from_html(html, id=rid, url=obj.get("url"))
        except InputError as e:
            yield Failed(rid, e)
            continue
        for k in ("published", "title", "url", "outlet"):
            if isinstance(obj.get(k), str) and obj[k].strip():
                setattr(art, k, obj[k].strip())
                if k == "published":
                    art.published_from = "given"
        art.warnings += warnings
        warnings = []
        yield art


def read_source(name: str, data: bytes, *, input_format: str = "auto", max_bytes: int = 10_000_000
                ) -> Iterator[RawArticle | Failed]:
    """Articles in one input (a file's bytes, or stdin's): text, html or jsonl; 'auto' guesses."""
    fmt = input_format
    if fmt == "auto":
        suffix = Path(name).suffix.lower()
        from .feeds import FEED_ONLY_EXT, looks_feed, read_feed   # feeds builds on this module
        if suffix in JSONL_EXT:
            fmt = "jsonl"
        elif suffix in FEED_ONLY_EXT or looks_feed(data, name):
            yield from read_feed(data, name, max_bytes=max_bytes)
            return
        elif looks_html(data, name):
            fmt = "html"
        else:
            fmt = "text"
    if fmt == "jsonl":
        if not data.strip():
            yield Failed(None, InputError(f"{name}: the input is empty: no JSONL records", code="empty"))
            return
        yield from read_jsonl(data, name, max_bytes)
        return
    rid = Path(name).stem if name not in ("-", "<stdin>") else "stdin"
    try:
        check_bytes(data, name, max_bytes)
        text, warnings = decode(data, name, html=fmt == "html")
        if not text.strip():              # a byte-order mark and nothing else
            raise InputError(f"{name}: the input is empty: nothing to analyse", code="empty")
        if fmt == "html":
            art = from_html(text, id=rid)
        else:
            art = RawArticle(id=rid, text=text.replace("\r\n", "\n"))
        art.warnings += warnings
        yield art
    except InputError as e:
        yield Failed(rid, e)


def read_file(path: str | Path, *, input_format: str = "auto", max_bytes: int = 10_000_000
              ) -> Iterator[RawArticle | Failed]:
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(f"{name}: is a folder; give files (the ingest command reads folders)",
                             code="is_dir")
        size = p.stat().st_size
        if size > max_bytes and input_format != "jsonl" and p.suffix.lower() not in JSONL_EXT:
            raise too_large(f"{name}: the input", size, max_bytes)
        data = p.read_bytes()
    except InputError as e:
        yield Failed(p.stem, e)
        return
    except OSError as e:
        yield Failed(p.stem, InputError(f"{name}: cannot read ({e.strerror})", code="unreadable"))
        return
    yield from read_source(name, data, input_format=input_format, max_bytes=max_bytes)
