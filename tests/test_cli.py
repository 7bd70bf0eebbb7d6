"""The command line, run as a real subprocess."""
import json

import pytest


def test_analyze_text_for_people(run_cli, tmp_path, sample_text):
    p = tmp_path / "story.txt"
    p.write_text(sample_text)
    r = run_cli("analyze", str(p))
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "Published:" in out and "Events" in out and "Quotations" in out
    assert "SEOUL" in out


def test_analyze_json_record(run_cli, tmp_path, sample_text):
    p = tmp_path / "story.txt"
    p.write_text(sample_text)
    r = run_cli("analyze", "--format", "json", "--published", "2019-11-15", str(p))
    assert r.returncode == 0, r.stderr.decode()
    rec = json.loads(r.stdout)
    assert rec["schema"] == "dateline/article@1"
    assert rec["article"]["published"] == "2019-11-15"
    assert rec["article"]["published_from"] == "given"
    for key in ("entities", "timexes", "quotes", "attributions", "events"):
        assert isinstance(rec[key], list)
    for t in rec["timexes"]:
        assert rec["article"]["text"][t["start"]:t["end"]] == t["text"]


def test_jsonl_batch_with_bad_lines(run_cli, sample_text):
    lines = [json.dumps({"id": "one", "text": sample_text}), "not json at all",
             json.dumps({"id": "two"}), json.dumps({"id": "three", "text": "Talks resumed on Monday."})]
    r = run_cli("analyze", "--input-format", "jsonl", "--format", "jsonl", "-",
                stdin="\n".join(lines).encode())
    assert r.returncode == 1
    out = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert len(out) == 4
    assert out[0]["article"]["id"] == "one"
    assert "error" in out[1] and out[1]["error"]["code"] == "bad_json"
    assert out[2]["id"] == "two" and out[2]["error"]["code"] == "no_text"
    assert out[3]["article"]["id"] == "three"
    err = r.stderr.decode()
    assert "2 of 4 inputs failed" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"\x00\x00\x00\x01", "binary"),
])
def test_bad_files_clear_errors(run_cli, tmp_path, content, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run_cli("analyze", str(p))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert needle in err and "bad.txt" in err
    assert "Traceback" not in err


def test_missing_file_and_bad_date(run_cli, tmp_path):
    r = run_cli("analyze", str(tmp_path / "nope.txt"))
    assert r.returncode == 1 and "nope.txt" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    r = run_cli("analyze", "--published", "yesterday", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "not a date" in r.stderr.decode()


def test_invalid_utf8_warns_and_goes_on(run_cli, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Officials in Seoul said on Friday that talks would resume. caf\xe9".encode("latin-1"))
    r = run_cli("analyze", "--format", "json", str(p))
    assert r.returncode == 0
    assert "invalid UTF-8 at byte offset" in r.stderr.decode()


def test_large_text_refused_with_limit(run_cli, tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"The talks went on. " * 60_000)     # ~1.1 MB
    r = run_cli("analyze", "--max-bytes", "1000000", str(p))
    assert r.returncode == 1
    assert "--max-bytes" in r.stderr.decode()


def test_html_page_by_extension_and_flag(run_cli, tmp_path):
    page = ("<html><head><title>Talks resume in Geneva</title>"
            "<meta property='article:published_time' content='2021-03-04T09:00:00Z'></head><body><article>"
            "<h1>Talks resume in Geneva</h1><p>GENEVA — Iran and France held talks on Thursday, officials said, "
            "the first meeting of their envoys in months.</p><p>\"We made progress,\" said Ann Example, a diplomat "
            "who attended the meeting.</p></article></body></html>")
    p = tmp_path / "page.html"
    p.write_text(page)
    r = run_cli("analyze", "--format", "json", str(p))
    assert r.returncode == 0, r.stderr.decode()
    rec = json.loads(r.stdout)
    assert rec["article"]["title"] == "Talks resume in Geneva"
    assert rec["article"]["published"] == "2021-03-04"
    assert rec["article"]["published_from"] == "metadata"
    assert rec["article"]["text"].startswith("GENEVA")
    q = tmp_path / "page.txt"
    q.write_text(page)
    r2 = run_cli("analyze", "--input-format", "html", "--format", "json", str(q))
    assert json.loads(r2.stdout)["article"]["title"] == "Talks resume in Geneva"


def test_python_api(sample_text):
    import dateline
    rec = dateline.analyze(sample_text, published="2019-11-15")
    d = rec.to_dict()
    assert d["article"]["published_from"] == "given"
    assert any(e["cameo"].startswith("15") for e in d["events"])


def test_published_is_normalised_and_bylines_are_people(run_cli, tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("Jane Roe condemned North Korea on Friday.\n\nFollow Jane Roe on Twitter.\n")
    r = run_cli("analyze", "--model", "none", "--format", "json", "--published", "20191031", str(p))
    rec = json.loads(r.stdout)
    assert rec["article"]["published"] == "2019-10-31"
    assert rec["article"]["authors"] == ["Jane Roe"]
    ev = [e for e in rec["events"] if e["cameo"].startswith("11")][0]
    assert ev["actor"]["name"] == "Jane Roe"


def test_unwritable_output_is_a_message(run_cli, tmp_path):
    r = run_cli("export", "--db", str(tmp_path / "x.db"), "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"))
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode()
