"""quality/geo_eval.py on the geocoding gold (quality/geo_gold.jsonl): the issue's floors, 90% of the
resolved places right and 70% of the places resolved. Needs ../shared (the dev articles' texts)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("geo_eval", ROOT / "quality" / "geo_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_holds_only_ids_spans_and_geonames_ids():
    rows = [json.loads(ln) for ln in (ROOT / "quality" / "geo_gold.jsonl").read_text().splitlines() if ln.strip()]
    assert len(rows) > 300
    for r in rows:
        assert set(r) == {"article", "start", "end", "geonameid"}
        assert 0 <= r["start"] < r["end"] and (r["geonameid"] is None or r["geonameid"] > 0)
    assert len({r["article"] for r in rows}) >= 24


def test_geocoding_meets_the_floors(shared_dir, capsys):
    rc = _load().main(["--shared", str(shared_dir), "--json", "--min", "accuracy=0.9", "--min", "coverage=0.7"])
    out, err = capsys.readouterr()
    print(err)
    scores = json.loads(out.strip().splitlines()[-1])["scores"]
    assert rc == 0, f"geocoding below its floors: {scores}"
