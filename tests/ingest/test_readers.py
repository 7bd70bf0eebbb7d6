import codecs
import json

import pytest

from dateline.ingest.readers import Failed, RawArticle, declared_charset, decode, read_file, read_source

LIMIT = 10_000_000


def one(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("data,code", [
    (b"", "empty"),
    (b"   \n\n ", "empty"),
    (b"\x00\x01\x02binary\x00data", "binary"),
    (bytes(range(0, 32)) * 20, "binary"),
])
def test_bad_text_inputs(data, code):
    got = one(read_source("in.txt", data, max_bytes=LIMIT))
    assert isinstance(got, Failed)
    assert got.error.code == code
    assert "in.txt" in got.error.message


def test_invalid_utf8_is_decoded_with_a_warning():
    text, warnings = decode(b"Seoul said \xff\xfe on Friday.", "x.txt")
    assert text.startswith("Seoul said ") and text.endswith(" on Friday.")
    assert warnings and "byte offset 11" in warnings[0] and "x.txt" in warnings[0]


FRENCH = "Le président a déclaré à Paris que la crise économique était grave. Les négociations reprendront à Genève."
RUSSIAN = "Президент заявил, что переговоры возобновятся в Женеве на следующей неделе. Стороны согласились."
QUOTES = "North Korea fired – “two” missiles. The regime’s statement called the launch a “warning”."


def _page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("data,html,text,warned", [
    (FRENCH.encode("utf-8"), False, FRENCH, False),
    (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), False, FRENCH, False),                 # UTF-8 BOM
    (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), False, FRENCH, False),          # UTF-16 BOM
    (FRENCH.encode("latin-1"), False, FRENCH, True),                                   # guessed: windows-1252
    (QUOTES.encode("cp1252"), False, QUOTES, True),
    (RUSSIAN.encode("cp1251"), False, RUSSIAN, True),
    (_page('<meta charset="iso-8859-1">', FRENCH).encode("latin-1"), True, _page('<meta charset="iso-8859-1">', FRENCH), False),
    (_page("<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>", RUSSIAN).encode("cp1251"),
     True, _page("<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>", RUSSIAN), False),
    (_page('<meta charset="koi8-r">', RUSSIAN).encode("koi8-r"), True, _page('<meta charset="koi8-r">', RUSSIAN), False),
    (('<?xml version="1.0" encoding="ISO-8859-1"?>' + _page("", FRENCH)).encode("latin-1"), True,
     '<?xml version="1.0" encoding="ISO-8859-1"?>' + _page("", FRENCH), False),
])
def test_decode_encodings(data, html, text, warned):
    got, warnings = decode(data, "in.x", html=html)
    assert got == text
    assert bool(warnings) is warned


@pytest.mark.parametrize("head,codec", [
    (b'<meta charset="utf-8">', "utf-8"), (b"<META CHARSET=ISO-8859-1>", "cp1252"), (b'<meta charset="us-ascii">', "cp1252"),
    (b'<meta http-equiv="content-type" content="text/html; charset=Shift_JIS">', "shift_jis"),
    (b'<meta charset="no-such-thing">', None), (b"<p>charset=koi8-r</p>", None), (b"", None),
])
def test_declared_charset(head, codec):
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == codec


def test_a_latin1_page_with_its_charset_is_read_without_replacement_characters(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join([FRENCH] * 3)
    p.write_bytes(_page('<meta charset="iso-8859-1">', f"<article><h1>Crise</h1><p>{body}</p></article>")
                  .encode("latin-1"))
    (art,) = list(read_file(p))
    assert "Genève" in art.text and "\ufffd" not in art.text and not art.warnings


def test_too_large_names_limit_and_how_to_raise(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 3000)
    got = one(read_file(p, max_bytes=10_000))
    assert isinstance(got, Failed) and got.error.code == "too_large"
    assert "--max-bytes" in got.error.message and "big.txt" in got.error.message


def test_html_autodetected():
    html = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
            "<p>GENEVA — Negotiators from both sides met on Monday for the first time in months, "
            "officials said, in a session that lasted most of the day.</p>"
            "<p>They agreed to meet again next week, according to a statement released afterwards.</p>"
            "</article></body></html>").encode()
    got = one(read_source("page.html", html, max_bytes=LIMIT))
    assert isinstance(got, RawArticle)
    assert got.title == "Talks resume"
    assert got.text.startswith("GENEVA")


def test_jsonl_bad_lines_do_not_stop_the_batch():
    lines = [json.dumps({"id": "ok1", "text": "Kim met Moon.", "published": "2019-10-31"}),
             "{not json",
             json.dumps({"id": "empty", "text": "  "}),
             json.dumps(["a", "list"]),
             json.dumps({"id": "ok2", "text": "Another story."})]
    got = list(read_source("b.jsonl", "\n".join(lines).encode(), max_bytes=LIMIT))
    assert [type(x).__name__ for x in got] == ["RawArticle", "Failed", "Failed", "Failed", "RawArticle"]
    assert got[0].published == "2019-10-31"
    assert got[1].error.code == "bad_json" and "b.jsonl:2" in got[1].error.message
    assert got[2].id == "empty" and got[2].error.code == "no_text"
