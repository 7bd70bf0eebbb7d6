"""RSS and Atom feed files -> one RawArticle per entry (feedparser).

An entry's content (or else its summary) becomes the article text (HTML fragments are turned into
paragraphs), its link the URL, its published (or updated) date the publication date as the feed
wrote it (the local date, not converted to UTC), its title and author the title and byline, and
the feed's title the outlet.
"""
from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .readers import Failed, RawArticle, decode, plain

FEED_EXT = {".rss", ".atom", ".xml", ".feed"}
FEED_ONLY_EXT = {".rss", ".atom", ".feed"}        # always feeds (an .xml file is one only by its content)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def looks_feed(data: bytes, name: str = "") -> bool:
    """An RSS/Atom document: by its first element (an .xml file that is not a feed is not one)."""
    return bool(_FEED_START.match(data[:4096]))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - a broken fragment: strip the tags
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    parts: list[str] = []
    buf: list[str] = []

    def flush():
        t = " ".join("".join(buf).split())
        if t:
            parts.append(t)
        buf.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            if el.tail:
                buf.append(el.tail)
            return
        if tag in _BLOCK:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return "\n\n".join(parts)


def _date(entry) -> str | None:
    for k in ("published", "updated", "created"):
        raw = entry.get(k)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()         # RFC 822 (RSS), local date
        except (TypeError, ValueError, IndexError):
            pass
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", raw)                     # ISO 8601 (Atom)
        if m:
            return m[1]
        parsed = entry.get(f"{k}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def read_feed(data: bytes, name: str, *, max_bytes: int = 10_000_000) -> Iterator[RawArticle | Failed]:
    """The entries of an RSS/Atom feed file; an entry without text is a failure of its own."""
    import feedparser

    stem = Path(name).stem
    if not data.strip():
        yield Failed(stem, InputError(f"{name}: the feed is empty", code="empty"))
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield Failed(stem, InputError(f"{name}: not an RSS/Atom feed, or a feed without entries{why}", code="bad_feed"))
        return
    outlet = plain((parsed.get("feed") or {}).get("title"))
    _, warnings = decode(data, name, html=True)     # a feed's <?xml encoding?> counts as declared
    for n, e in enumerate(entries, start=1):
        link = e.get("link") or None
        rid = e.get("id") or link or f"{stem}:{n}"
        where = f"{name}: entry {n}"
        body = ""
        if e.get("content"):
            body = max((c.get("value") or "" for c in e["content"]), key=len)
        if not body.strip():
            body = e.get("summary") or ""
        text = html_to_text(body)
        if not text.strip():
            yield Failed(rid, InputError(f"{where} ('{rid}') has no content or summary", code="no_text"))
            continue
        if len(text.encode("utf-8")) > max_bytes:
            yield Failed(rid, InputError(f"{where} ('{rid}') is over the limit of {max_bytes / 1e6:.1f} MB; "
                                         "raise it with --max-bytes N", code="too_large"))
            continue
        date = _date(e)
        authors = [plain(a) for a in re.split(r",| and ", e.get("author") or "") if plain(a)]
        yield RawArticle(id=str(rid), text=text, published=date, published_from="metadata" if date else None,
                         title=plain(e.get("title")), url=link, outlet=outlet, authors=authors,
                         warnings=list(warnings))
        warnings = []
