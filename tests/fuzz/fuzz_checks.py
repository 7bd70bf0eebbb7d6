"""What must hold for any input: analysis returns a record whose spans lie in the text and quote it
exactly, or refuses the input with a DatelineError (a failure row in a batch); readers yield
articles or Failed items and never raise. ``run_analyze``/``run_read`` return None when all holds,
else a finding: (kind, message)."""
from __future__ import annotations

import json
import traceback

from dateline import analyze
from dateline.errors import DatelineError
from dateline.ingest.readers import Failed, RawArticle, read_source


def _spans(rec: dict):
    """(where, start, end, text) of every span a record quotes."""
    for e in rec.get("entities") or []:
        for m in e.get("mentions") or []:
            yield f"entity {e['id']}", m["start"], m["end"], m.get("text")
    for t in rec.get("timexes") or []:
        yield f"timex {t['id']}", t["start"], t["end"], t.get("text")
    for q in rec.get("quotes") or []:
        yield f"quote {q['id']}", q["start"], q["end"], None
    for a in rec.get("attributions") or []:
        for part in ("cue", "content"):
            s = a.get(part)
            if s:
                yield f"attribution {a['id']} {part}", s["start"], s["end"], s.get("text")
    for ev in rec.get("events") or []:
        tr = ev.get("trigger") or {}
        yield f"event {ev['id']} trigger", tr.get("start"), tr.get("end"), tr.get("text")
        se = ev.get("sentence") or {}
        yield f"event {ev['id']} sentence", se.get("start"), se.get("end"), None


def check_record(text: str, rec: dict) -> str | None:
    """None when every span of the record lies in the text and quotes it; else what is wrong."""
    n = len(text)
    for where, s, e, quoted in _spans(rec):
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            return f"{where}: span ({s}, {e}) outside the text of {n} characters"
        if quoted is not None and text[s:e] != quoted:
            return f"{where}: text {quoted!r} is not text[{s}:{e}] = {text[s:e]!r}"
    json.dumps(rec, ensure_ascii=False)          # the record is JSON
    return None


def run_analyze(text: str, **kw) -> tuple[str, str] | None:
    """Analyse ``text``: None if all holds; ('failure', msg) for a refused input; ('crash', tb) else."""
    try:
        rec = analyze(text, **kw).to_dict()
    except DatelineError as e:
        return "failure", e.message
    except Exception:  # noqa: BLE001 - the finding
        return "crash", traceback.format_exc(limit=8)
    bad = check_record(rec["article"]["text"], rec)
    return ("crash", bad) if bad else None


def run_read(data: bytes, name: str = "fuzz.txt") -> tuple[str, str] | None:
    """Read ``data`` as an input named ``name``: every item is an article or a Failed, nothing raises."""
    try:
        for item in read_source(name, data, max_bytes=1_000_000):
            if not isinstance(item, (RawArticle, Failed)):
                return "crash", f"reader yielded {type(item).__name__}"
            if isinstance(item, RawArticle) and not (item.text or item.html):
                return "crash", f"article {item.id!r} without text"
    except Exception:  # noqa: BLE001
        return "crash", traceback.format_exc(limit=8)
    return None
