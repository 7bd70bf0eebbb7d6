"""Geocoding score on the hand-checked gold of quality/geo_gold.jsonl.

The gold lists the place mentions of the 24 dev articles (../shared/gold/dev) and the seed article as
article id, character span and GeoNames id (null: a place with no record in the data the package
ships, such as a sea, a landmark or a region outside the US: it should stay unresolved). Not in the
gold: demonyms ("Iraqi"), a capital or building standing for a government ("Pyongyang said", "the
White House announced") and names inside other names ("the Tulsa Police Department").

Each article is analysed in-process; a gold mention takes the record of the entity whose mention
overlaps it. Printed, per cities file of the package (--sizes) or for the one dateline uses:
  accuracy   right among resolved (the gold id, or within 25 km of it)
  coverage   resolved among all gold mentions (and among those with a GeoNames id)
Exit status 1 when a --min floor is not met (--min accuracy=0.9 --min coverage=0.7).

    .venv/bin/python quality/geo_eval.py [--sizes 500,1000,5000,15000] [--misses] [--json]
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "quality" / "geo_gold.jsonl"
NEAR_KM = 25.0


def _texts(shared: Path) -> dict[str, tuple[str, str | None]]:
    """Article id (the stem of the gold's text) -> (text, publication date given to the system)."""
    sys.path.insert(0, str(shared / "eval"))
    import tempeval
    out = {}
    for path in sorted(glob.glob(str(shared / "gold" / "**" / "*.gold.json"), recursive=True)):
        g = json.loads(Path(path).read_text(encoding="utf-8"))
        doc = Path(path).parent / g["doc"]
        text = tempeval.read_tml(doc)[0] if doc.suffix == ".tml" else doc.read_text(encoding="utf-8")
        out[Path(g["doc"]).stem] = (text, (g.get("input") or {}).get("published"))
    return out


def _predicted(rec, start: int, end: int) -> dict | None:
    hit = None
    for e in rec.entities:
        if any(m.start < end and start < m.end for m in e.mentions):
            if e.geo:
                return e.geo
            hit = hit or e.geo
    return hit


def score(gold: list[dict], records: dict, gaz) -> dict:
    from dateline.geo import distance_km
    n = resolved = right = with_id = resolved_with_id = 0
    misses = []
    for g in gold:
        rec = records[g["article"]]
        pred = _predicted(rec, g["start"], g["end"])
        n += 1
        with_id += g["geonameid"] is not None
        if pred is None:
            misses.append((g, None, "unresolved"))
            continue
        resolved += 1
        resolved_with_id += g["geonameid"] is not None
        ok = pred["id"] == g["geonameid"]
        if not ok and g["geonameid"] is not None:
            a, b = gaz.by_id(g["geonameid"]), gaz.by_id(pred["id"])
            d = distance_km(a, b) if a and b else None
            ok = d is not None and d <= NEAR_KM
        right += ok
        if not ok:
            misses.append((g, pred, "wrong"))
    return {"mentions": n, "resolved": resolved, "right": right,
            "accuracy": round(right / resolved, 3) if resolved else 0.0,
            "coverage": round(resolved / n, 3) if n else 0.0,
            "coverage_with_id": round(resolved_with_id / with_id, 3) if with_id else 0.0,
            "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--sizes", default=None, help="cities files to compare, e.g. 500,1000,5000,15000")
    ap.add_argument("--misses", action="store_true", help="list every wrong or unresolved mention")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON line")
    ap.add_argument("--min", action="append", default=[], metavar="NAME=VALUE", help="a floor, e.g. accuracy=0.9")
    args = ap.parse_args(argv)
    import dateline
    from dateline.extract.geocode import geocode
    from dateline.geo import MIN_POPULATION, gazetteer
    try:
        gold = [json.loads(ln) for ln in Path(args.gold).read_text(encoding="utf-8").splitlines() if ln.strip()]
        floors = {k: float(v) for k, v in (m.split("=", 1) for m in args.min)}
        texts = _texts(Path(args.shared))
    except (OSError, ValueError, KeyError) as e:
        print(f"error: cannot read the gold, the floors or the articles: {e}", file=sys.stderr)
        return 2
    missing = sorted({g["article"] for g in gold} - set(texts))
    if missing:
        print(f"error: no text for {missing} under {args.shared}/gold", file=sys.stderr)
        return 2
    records = {aid: dateline.analyze(texts[aid][0], published=texts[aid][1], id=aid)
               for aid in sorted({g["article"] for g in gold})}
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [MIN_POPULATION]
    # the size dateline uses last, so that the records (and --misses) are its
    results = {}
    for size in sorted(sizes, key=lambda n: n == MIN_POPULATION):
        gaz = gazetteer(size)
        for aid, rec in records.items():
            geocode(rec.article.text, rec.entities, rec.events, gaz=gaz)
        results[size] = score(gold, records, gaz)
        sub = [g for g in gold if g["geonameid"] is None or getattr(gaz.by_id(g["geonameid"]), "feature_code", "")
               != "PCLI"]
        results[size]["below_country"] = {k: v for k, v in score(sub, records, gaz).items() if k != "misses"}
    main_size = MIN_POPULATION if MIN_POPULATION in results else sizes[0]
    for size, r in results.items():
        print(f"cities{size}: accuracy {r['accuracy']:.3f} ({r['right']}/{r['resolved']} resolved right), "
              f"coverage {r['coverage']:.3f} ({r['resolved']}/{r['mentions']}; "
              f"{r['coverage_with_id']:.3f} of the mentions with a GeoNames id); places other than countries: "
              f"accuracy {r['below_country']['accuracy']:.3f}, coverage {r['below_country']['coverage']:.3f} "
              f"({r['below_country']['resolved']}/{r['below_country']['mentions']})", file=sys.stderr)
    r = results[main_size]
    if args.misses:
        for g, pred, why in r["misses"]:
            text = records[g["article"]].article.text[g["start"]:g["end"]]
            got = f"{pred['id']} {pred['name']} {pred['country']}" if pred else "-"
            print(f"  {why:10} {g['article'][:30]:30} {g['start']:>5} {text!r:24} gold {g['geonameid']} got {got}",
                  file=sys.stderr)
    scores = {k: r[k] for k in ("accuracy", "coverage", "coverage_with_id", "mentions", "resolved", "right")}
    if args.json:
        print(json.dumps({"scores": scores, "cities": main_size}))
    below = {k: (scores.get(k), v) for k, v in floors.items() if scores.get(k, 0.0) < v}
    if below:
        print(f"below floor: {below}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
