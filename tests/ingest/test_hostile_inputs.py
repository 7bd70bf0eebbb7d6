"""Inputs that are not plain files or not articles: FIFOs, devices, sockets and broken links in a
folder are skipped with a warning (never read, never hang); symlinked folders are read once, loops
skipped; a page without article text fails clearly; a feed handed over as a file is read as a feed;
page metadata is plain text; markup written as text stays text and HTML output escapes it."""
from __future__ import annotations

import os
import socket
import threading
import warnings

import pytest

from dateline.errors import InputWarning
from dateline.ingest.readers import Failed, RawArticle, has_prose, plain, read_file, read_source
from dateline.ingest.walk import Source, walk

LIMIT = 10_000_000
STORY = "North Korea fired a short-range missile on Monday, officials said.\n"


def _walk(*paths) -> tuple[list[str], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        found = [s.path.name for s in walk(list(paths)) if isinstance(s, Source)]
    return found, [str(w.message) for w in caught if issubclass(w.category, InputWarning)]


def test_special_files_in_a_folder_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere")
    try:
        found, warned = _walk(tmp_path)
    finally:
        sock.close()
    assert found == ["story.txt"]
    assert any("pipe.txt" in w and "FIFO" in w for w in warned)
    assert any("sock.txt" in w and "socket" in w for w in warned)
    assert any("broken.txt" in w and "broken link" in w for w in warned)


def test_symlinked_folders_are_followed_once_and_loops_skipped(tmp_path):
    top, outside = tmp_path / "top", tmp_path / "outside"
    (top / "a" / "b").mkdir(parents=True)
    outside.mkdir()
    (top / "a" / "b" / "deep.txt").write_text(STORY)
    (outside / "linked.txt").write_text(STORY)
    (top / "a" / "b" / "up").symlink_to(top)             # a loop
    (top / "link1").symlink_to(outside)
    (top / "a" / "link2").symlink_to(outside)          # the same folder a second time
    found, warned = _walk(top)
    assert sorted(found) == ["deep.txt", "linked.txt"]
    assert sum("already read" in w for w in warned) == 2


def test_explicit_fifo_is_read_and_bounded(tmp_path):
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)

    def writer(data: bytes):
        with open(fifo, "wb") as f:
            f.write(data)

    t = threading.Thread(target=writer, args=(STORY.encode(),))
    t.start()
    (src,) = list(walk([fifo]))
    (art,) = list(src.items(max_bytes=LIMIT))
    t.join(5)
    assert isinstance(art, RawArticle) and art.text == STORY
    t = threading.Thread(target=writer, args=(b"x" * 5000,))
    t.start()
    (bad,) = list(src.items(max_bytes=1000))
    t.join(5)
    assert isinstance(bad, Failed) and bad.error.code == "too_large"


@pytest.mark.parametrize("body", [
    "<nav><a href='/'>Home</a> <a href='/in'>Sign in</a></nav><form><input name=q></form>",
    "<div>Cart (0)</div><ul><li>Menu</li><li>About us</li></ul><footer>Copyright Example</footer>",
    "<ul>" + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30)) + "</ul>",
])
def test_page_without_article_text_is_a_failed_input(body):
    page = f"<html><head><title>Index</title></head><body>{body}</body></html>".encode()
    got = list(read_source("page.html", page, max_bytes=LIMIT))
    assert len(got) == 1 and isinstance(got[0], Failed)
    assert got[0].error.code == "no_text" and "page" in got[0].error.message


@pytest.mark.parametrize("text, prose", [
    ("Home\nSign in", False),
    ("One two three four five.", True),
    ("Short one. Two.", False),
    ("Menu About Contact Careers Press Legal", False),
    ("He said it would rain on Friday, \u201cor later.\u201d", True),
    ("\u5317\u671d\u9bae\u304c\u5f3e\u9053\u30df\u30b5\u30a4\u30eb\u3092\u767a\u5c04\u3057\u305f\u3002", True),
    ("\u30db\u30fc\u30e0\u3002", False),
])
def test_has_prose(text, prose):
    assert has_prose(text) is prose


FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>&lt;b&gt;Wire&lt;/b&gt;</title>'
        b'<item><title>One</title><link>https://w.example/1</link><description>' + STORY.encode() +
        b'</description></item><item><title>Two &lt;i&gt;x&lt;/i&gt;</title><link>https://w.example/2</link>'
        b'<description>Officials said the talks would resume in Geneva on Friday.</description></item>'
        b'</channel></rss>')


@pytest.mark.parametrize("name", ["wire.rss", "wire.xml", "wire.txt"])
def test_a_feed_given_as_a_file_is_read_as_a_feed(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(FEED)
    got = list(read_file(p, max_bytes=LIMIT))
    assert [a.url for a in got] == ["https://w.example/1", "https://w.example/2"]
    assert got[0].outlet == "Wire" and got[1].title == "Two x"


def test_a_broken_feed_is_a_failed_input(tmp_path):
    p = tmp_path / "bad.rss"
    p.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>A')
    got = list(read_file(p, max_bytes=LIMIT))
    assert got and all(isinstance(g, Failed) for g in got)


PAGE = b"""<html><head><title>&lt;i&gt;Talks&lt;/i&gt; resume</title>
<meta property="og:site_name" content="&lt;b&gt;Evil&lt;/b&gt; News">
<meta name="author" content="&lt;a href=x&gt;Pat Writer&lt;/a&gt;"></head><body><article>
<p>SEOUL - North Korea fired a missile on Monday, officials said in a statement.</p>
<p>The page shows &lt;script&gt;alert(1)&lt;/script&gt; as text, the editors wrote.</p></article></body></html>"""


def test_page_metadata_is_plain_text_and_text_stays_text():
    (art,) = list(read_source("p.html", PAGE, max_bytes=LIMIT))
    assert art.title == "Talks resume" and art.outlet == "Evil News" and art.authors == ["Pat Writer"]
    assert "<script>alert(1)</script>" in art.text            # the page's words, decoded once, kept


@pytest.mark.parametrize("value, want", [
    ("<b>Bold</b> name", "Bold name"), ("a < b and c > d", "a < b and c > d"), ("x\x00y\n z", "x y z"),
    ("<!-- c -->Kept", "Kept"), ("", None), ("<br>", None), ("t" * 5000, "t" * 1000),
])
def test_plain(value, want):
    assert plain(value) == want


def test_html_output_escapes_text_markup():
    from dateline import analyze
    from dateline.server import standalone_html

    (art,) = list(read_source("p.html", PAGE, max_bytes=LIMIT))
    rec = analyze(art.text, published="2019-05-06").to_dict()
    rec["article"]["title"] = "<script>alert(2)</script>"
    page = standalone_html([rec])
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(1)" in page and "&lt;script&gt;alert(2)" in page


@pytest.mark.parametrize("data", [b"\xff\xfe", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n "])
def test_a_byte_order_mark_alone_is_an_empty_input(data):
    """Found by `make fuzz`: a file of a BOM and whitespace was an article without text."""
    (got,) = list(read_source("x.txt", data, max_bytes=LIMIT))
    assert isinstance(got, Failed) and got.error.code == "empty"
