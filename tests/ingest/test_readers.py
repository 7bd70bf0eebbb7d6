import json

import pytest

from dateline.ingest.readers import Failed, RawArticle, decode, read_file, read_source

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


def test_invalid_utf8_is_replaced_with_warning():
    text, warnings = decode(b"Seoul said \xff\xfe on Friday.", "x.txt")
    assert "\ufffd" in text
    assert warnings and "byte offset 11" in warnings[0] and "x.txt" in warnings[0]


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
