"""RSS/Atom feed files -> articles (feedparser), and the folder walk."""
from __future__ import annotations

from dateline.ingest.feeds import html_to_text, looks_feed, read_feed
from dateline.ingest.readers import Failed, RawArticle
from dateline.ingest.walk import Source, walk

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Radio</title>
<item><title>Launch</title><link>https://radio.example/1</link>
<pubDate>Thu, 31 Oct 2019 23:30:00 +0900</pubDate><author>desk@radio.example (Kim Example)</author>
<description><![CDATA[<p>SEOUL &mdash; North Korea fired two missiles on Thursday.</p><p>Second <b>paragraph</b>.</p>]]></description></item>
<item><title>No body</title><link>https://radio.example/2</link></item>
</channel></rss>"""


def test_rss_entries_become_articles():
    items = list(read_feed(RSS, "radio.rss"))
    art, bad = items
    assert isinstance(art, RawArticle) and isinstance(bad, Failed)
    assert art.url == "https://radio.example/1" and art.outlet == "Example Radio" and art.title == "Launch"
    assert art.published == "2019-10-31" and art.published_from == "metadata"      # the local date, not UTC
    assert art.text == "SEOUL — North Korea fired two missiles on Thursday.\n\nSecond paragraph."
    assert bad.error.code == "no_text" and "entry 2" in bad.error.message


def test_not_a_feed():
    assert looks_feed(RSS) and not looks_feed(b"<html><body>x</body></html>")
    (bad,) = list(read_feed(b"<rss><channel></channel></rss>", "x.rss"))
    assert isinstance(bad, Failed) and bad.error.code == "bad_feed"
    (empty,) = list(read_feed(b"  ", "x.rss"))
    assert empty.error.code == "empty"


def test_html_to_text():
    assert html_to_text("plain words") == "plain words"
    assert html_to_text("<p>a <i>b</i></p><script>x()</script><p>c</p>") == "a b\n\nc"


def test_walk_reads_known_files_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "b" / "two.html").write_text("<p>x</p>")
    (tmp_path / "a" / "b" / "feed.xml").write_bytes(RSS)
    (tmp_path / "a" / "skip.db").write_text("x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    found = list(walk([tmp_path / "a", tmp_path / "nope"]))
    names = [s.path.name for s in found if isinstance(s, Source)]
    assert names == ["one.txt", "feed.xml", "two.html"]
    assert isinstance(found[-1], Failed) and found[-1].error.code == "not_found"
    feed = next(s for s in found if isinstance(s, Source) and s.path.name == "feed.xml")
    assert feed.estimate() == 2 and len(list(feed.items(max_bytes=10**6))) == 2
