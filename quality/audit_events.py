#!/usr/bin/env python3
"""Precision audit of dateline's events: a random sample of predicted events, judged by a reader.

usage (from the repo root; standard library only):
  .venv/bin/python quality/audit_events.py sample --sheet /tmp/audit_sheet.jsonl [--seed 0]
  .venv/bin/python quality/audit_events.py score [--verdicts quality/audit_verdicts.jsonl] [--seed 0]

`sample` sends the 24 dev gold articles (../shared/gold/dev/*/*.gold.json) to dateline exactly as
../shared/eval/article.py does (the "doc" text, a .tml file's <TEXT> content, `input.published`
as `published`), runs the command once (default profile), sorts every predicted event by
(article id, event id), draws --size of them with random.Random(seed) and writes the review sheet:
one JSON object per sampled event, with its sentence's text read from the article at run time.
The sheet holds news text, so it must be written outside the repo.

`score` draws the same sample again, checks that the verdicts (quality/audit_verdicts.jsonl: one
object per sampled event, no copied text) name the same articles and spans, and prints the counts
and `audit: right=N/SIZE`. Exit status: 2 when the verdicts do not match the sample (the vocabulary
changed: redo the audit) or are malformed, 1 when fewer than --min are right, else 0.
See quality/AUDIT.md.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shlex
import sys
from pathlib import Path

sys.dont_write_bytecode = True

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_GLOB = "gold/dev/*/*.gold.json"
CODES_TSV = REPO / "src" / "dateline" / "resources" / "cameo" / "codes.tsv"
VERDICTS = REPO / "quality" / "audit_verdicts.jsonl"
HELDOUT_IDS = REPO / "quality" / "heldout_articles.txt"
HELDOUT_VERDICTS = REPO / "quality" / "audit_verdicts_heldout.jsonl"
POLNEAR = "data/polnear"                       # train/text/<id>.txt, metadata.tsv (publication_date)
AQUAINT = "data/tempeval3/TBAQ-cleaned/AQUAINT"  # <id>.tml (the CREATION_TIME timex dates it)
SIZE = 100
BAR = 80
FIELDS = ("event", "root", "actor", "target", "date")  # what a verdict judges; right = all of them
COPY_RUN = 6  # a note sharing this many consecutive words with its sentence is copied text


# --- the sample --------------------------------------------------------------------------------

def harness(shared: Path = SHARED):
    """The evaluation harness modules (common, tempeval) of ../shared/eval."""
    path = str(shared / "eval")
    if path not in sys.path:
        sys.path.insert(0, path)
    import common  # noqa: E402
    import tempeval  # noqa: E402
    return common, tempeval


def gold_records(paths, shared: Path = SHARED) -> list[dict]:
    """The JSONL input records for these gold files, built as article.py builds them."""
    _, tempeval = harness(shared)
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        doc = Path(path).parent / g["doc"]
        text = tempeval.read_tml(doc)[0] if doc.suffix == ".tml" else doc.read_text(encoding="utf-8")
        published = (g.get("input") or {}).get("published")
        records.append({"id": g.get("id") or Path(g["doc"]).stem, "text": text,
                        **({"published": published} if published else {})})
    return records


def heldout_path(shared: Path, art_id: str) -> Path | None:
    """The file of a held-out article: a PolNeAR training text or a TBAQ AQUAINT document."""
    for p in (shared / POLNEAR / "train" / "text" / f"{art_id}.txt", shared / AQUAINT / f"{art_id}.tml"):
        if p.is_file():
            return p
    return None


def _polnear_dates(shared: Path) -> dict[str, str]:
    meta = shared / POLNEAR / "metadata.tsv"
    if not meta.is_file():
        return {}
    with open(meta, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["filename"]: r["publication_date"] for r in rows if r.get("publication_date", "None") != "None"}


def heldout_records(ids, shared: Path = SHARED) -> list[dict]:
    """JSONL input records for held-out articles (ids from heldout_articles.txt or a fresh draw):
    never tuned on, unlike the dev gold articles; published from PolNeAR's metadata or the TimeML
    creation time."""
    _, tempeval = harness(shared)
    dates, records = _polnear_dates(shared), []
    for art_id in ids:
        path = heldout_path(shared, art_id)
        if path is None:
            sys.exit(f"error: held-out article {art_id!r} not found under {shared}")
        if path.suffix == ".tml":
            text, dct, _ = tempeval.read_tml(path)
            published = dct[:10] if dct and re.match(r"\d{4}-\d\d-\d\d", dct) else None
        else:
            text, published = path.read_text(encoding="utf-8"), dates.get(art_id)
        records.append({"id": art_id, "text": text, **({"published": published} if published else {})})
    return records


def draw_heldout(shared: Path, seed: int, per_source: int = 12, fixed: Path = HELDOUT_IDS) -> list[str]:
    """A fresh held-out draw: per_source PolNeAR training articles (dated, not dev gold) and per_source
    AQUAINT documents, chosen with random.Random(seed); never an article of the fixed list, whose
    errors no rule may be written from (a fresh draw is where rules are checked)."""
    dev = {Path(p).name.removesuffix(".gold.json") for p in shared.glob(GOLD_GLOB)}
    dev |= set(read_ids(fixed)) if fixed.exists() else set()
    dates = _polnear_dates(shared)
    pn = sorted(p.stem for p in (shared / POLNEAR / "train" / "text").glob("*.txt") if p.stem in dates)
    aq = sorted(p.stem for p in (shared / AQUAINT).glob("*.tml"))
    rng = random.Random(seed)
    pick = [i for i in pn if i not in dev], [i for i in aq if i not in dev]
    return [*rng.sample(pick[0], min(per_source, len(pick[0]))), *rng.sample(pick[1], min(per_source, len(pick[1])))]


def read_ids(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [ln.split("#")[0].strip() for ln in f if ln.split("#")[0].strip()]


def default_cmd() -> str:
    exe = Path(sys.executable).parent / "dateline"
    prog = shlex.quote(str(exe)) if exe.exists() else "dateline"
    return f"{prog} analyze --input-format jsonl --format jsonl -"


def predict(records, cmd, pred=None, save=None, shared: Path = SHARED) -> list[dict]:
    """One prediction per record (run cmd once, or read a saved JSONL output), as the harness aligns them."""
    common, _ = harness(shared)
    return common.predictions(records, argparse.Namespace(cmd=cmd, pred=pred, save=save))


def _id_key(s) -> tuple:
    """Natural order of ids: v2 before v10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(s)) if p)


def collect(records, preds) -> list[dict]:
    """Every predicted event with its article: {"article", "text", "published", "event"},
    sorted by (article id, event id). Offsets are into the text dateline analysed."""
    out = []
    for rec, pred in zip(records, preds):
        art = pred.get("article") if isinstance(pred.get("article"), dict) else {}
        text = art.get("text") if isinstance(art.get("text"), str) else rec["text"]
        for ev in pred.get("events") or []:
            if isinstance(ev, dict):
                out.append({"article": rec["id"], "text": text,
                            "published": art.get("published", rec.get("published")), "event": ev,
                            "timexes": {t.get("id"): t for t in pred.get("timexes") or [] if isinstance(t, dict)}})
    out.sort(key=lambda x: (x["article"], _id_key(x["event"].get("id"))))
    return out


def draw(events, seed: int = 0, size: int = SIZE) -> list[dict]:
    """size events drawn with random.Random(seed), in draw order (all of them when there are fewer)."""
    ordered = sorted(events, key=lambda x: (x["article"], _id_key(x["event"].get("id"))))
    return random.Random(seed).sample(ordered, min(size, len(ordered)))


def cameo_names(path: Path = CODES_TSV) -> dict[str, str]:
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 2 or cols[0] == "code":
                continue
            names[cols[0]] = cols[1]
    return names


def _span(d) -> dict | None:
    if isinstance(d, dict) and isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
        return {"start": d["start"], "end": d["end"]}
    return None


def _party(p) -> dict | None:
    return {"name": p.get("name"), "code": p.get("code")} if isinstance(p, dict) else None


def _around(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end]: from the last sentence end (or line break) before it to the
    next one after it, at most 400 characters each way."""
    lo = max((text.rfind(m, max(0, start - 400), start) for m in (". ", "\n", "? ", "! ")), default=-1)
    his = [i for i in (text.find(m, end, end + 400) for m in (". ", "\n", "? ", "! ")) if i >= 0]
    return " ".join(text[lo + 1 if lo >= 0 else max(0, start - 400):(min(his) + 1) if his else end + 400].split())


def date_evidence(item: dict) -> dict | None:
    """The time expression the event's date came from (its date_timex) and the sentence around it: a
    date taken from elsewhere in the article (the story's time, a report's day) shows its source."""
    t = (item.get("timexes") or {}).get(item["event"].get("date_timex"))
    if not t or not isinstance(t.get("start"), int) or not isinstance(t.get("end"), int):
        return None
    return {"timex": item["text"][t["start"]:t["end"]], "value": t.get("value"),
            "context": _around(item["text"], t["start"], t["end"])}


def sheet_row(n: int, item: dict, names: dict[str, str]) -> dict:
    """The review sheet's object for one sampled event (with its sentence's text)."""
    ev, text = item["event"], item["text"]
    sent, trig = _span(ev.get("sentence")), _span(ev.get("trigger"))
    s_text = text[sent["start"]:sent["end"]] if sent else None
    marked = None
    if sent and trig and sent["start"] <= trig["start"] <= trig["end"] <= sent["end"]:
        a, b = trig["start"] - sent["start"], trig["end"] - sent["start"]
        marked = " ".join(f"{s_text[:a]}[[{s_text[a:b]}]]{s_text[b:]}".split())
    code = str(ev.get("cameo") or "")
    return {
        "n": n, "article": item["article"], "event_id": ev.get("id"), "published": item["published"],
        "sentence": {**(sent or {}), "text": s_text}, "marked": marked,
        "trigger": {**(trig or {}), "text": text[trig["start"]:trig["end"]] if trig else None},
        "cameo": code, "cameo_name": names.get(code) or ev.get("cameo_name"),
        "root": code[:2], "root_name": names.get(code[:2]),
        "actor": _party(ev.get("actor")), "target": _party(ev.get("target")),
        "date": ev.get("date"), "date_from": ev.get("date_from"), "date_evidence": date_evidence(item),
        "negated": ev.get("negated"), "hypothetical": ev.get("hypothetical"), "modality": ev.get("modality"),
    }


def sheet(sample, names) -> list[dict]:
    return [sheet_row(n, item, names) for n, item in enumerate(sample, 1)]


def _who(p) -> str:
    return "-" if not p else f"{p.get('name') or '?'} ({p.get('code') or 'no code'})"


def show(row: dict) -> str:
    """A sheet row as a person reads it."""
    s, t = row["sentence"], row["trigger"]
    flags = [k for k in ("negated", "hypothetical") if row.get(k)]
    return "\n".join([
        f"[{row['n']:3}] {row['article']} {row['event_id']}  (published {row['published'] or '?'})",
        f"      sentence {s.get('start')}-{s.get('end')}: {row['marked'] or ' '.join(str(s.get('text')).split())}",
        f"      trigger  {t.get('start')}-{t.get('end')}: {t.get('text')!r}",
        f"      cameo    {row['cameo']} {row['cameo_name'] or '?'}  [root {row['root']} {row['root_name'] or '?'}]",
        f"      actor    {_who(row['actor'])}   target {_who(row['target'])}",
        f"      date     {row['date'] or '-'} (from {row['date_from'] or '-'}"
        + (f": {row['date_evidence']['timex']!r} in: {row['date_evidence']['context']}" if row.get("date_evidence") else "")
        + ")"
        f"   modality {row['modality'] or '-'}" + (f"   {' '.join(flags)}" if flags else ""),
    ])


# --- the verdicts ------------------------------------------------------------------------------

def load_verdicts(path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{k}: not JSON ({e.msg})") from None
    return out


def _same_span(a, b) -> bool:
    a, b = _span(a), _span(b)
    return a is not None and a == b


def check(rows: list[dict], verdicts: list[dict]) -> list[str]:
    """Problems: verdicts that are malformed or name another article or span than the sample's
    event of the same n, and sampled events without a verdict. [] when the verdicts fit the sample."""
    by_n, problems = {r["n"]: r for r in rows}, []
    seen = set()
    for k, v in enumerate(verdicts, 1):
        n = v.get("n") if isinstance(v, dict) else None
        if not isinstance(n, int) or isinstance(n, bool):
            problems.append(f"verdict {k}: no integer n")
            continue
        if n in seen:
            problems.append(f"n={n}: more than one verdict")
        seen.add(n)
        row = by_n.get(n)
        if row is None:
            problems.append(f"n={n}: not in the sample (size {len(rows)})")
            continue
        if v.get("article") != row["article"]:
            problems.append(f"n={n}: article {v.get('article')!r}, the sample has {row['article']!r}")
        for key in ("trigger", "sentence"):
            if not _same_span(v.get(key), row[key]):
                problems.append(f"n={n}: {key} span {_span(v.get(key))}, the sample has {_span(row[key])}")
        bad = [f for f in (*FIELDS, "right") if not isinstance(v.get(f), bool)]
        if bad:
            problems.append(f"n={n}: {', '.join(bad)} not true/false")
        elif v["right"] != all(v[f] for f in FIELDS):
            problems.append(f"n={n}: right={v['right']} but the fields say {all(v[f] for f in FIELDS)}")
        if "note" in v and not isinstance(v["note"], str):
            problems.append(f"n={n}: note is not a string")
    problems += [f"n={n}: no verdict" for n in sorted(set(by_n) - seen)]
    return problems


def copied_notes(rows: list[dict], verdicts: list[dict], run: int = COPY_RUN) -> list[int]:
    """n of the verdicts whose note repeats `run` consecutive words of the sampled sentence."""
    def words(s):
        return re.findall(r"\w+", str(s or "").casefold())
    by_n, out = {r["n"]: r for r in rows}, []
    for v in verdicts:
        row = by_n.get(v.get("n")) if isinstance(v, dict) else None
        if row and isinstance(v.get("note"), str):
            sent = words(row["sentence"].get("text"))
            grams = {tuple(sent[i:i + run]) for i in range(len(sent) - run + 1)}
            note = words(v["note"])
            if any(tuple(note[i:i + run]) in grams for i in range(len(note) - run + 1)):
                out.append(v["n"])
    return out


def tally(verdicts: list[dict], size: int) -> dict:
    """right, wrong per field, judged and unjudged, over a sample of `size` events."""
    good = {v["n"]: v for v in verdicts if isinstance(v, dict) and isinstance(v.get("n"), int)
            and 1 <= v["n"] <= size}
    c = {"size": size, "judged": len(good), "right": sum(v.get("right") is True for v in good.values())}
    for f in FIELDS:
        c[f"wrong_{f}"] = sum(v.get(f) is False for v in good.values())
    c["unjudged"] = size - len(good)
    return c


# --- the command line --------------------------------------------------------------------------

def _outside_repo(path: str) -> Path:
    p = Path(path).expanduser().resolve()
    if p == REPO or REPO in p.parents:
        sys.exit(f"error: {path} is inside the repo; the sheet holds news text: write it outside (e.g. /tmp)")
    return p


def current_sample(args) -> tuple[list[dict], int]:
    """(the sheet rows of the current sample, the number of events predicted)."""
    shared = Path(args.shared)
    if args.set == "heldout":
        ids = draw_heldout(shared, args.articles_seed) if args.articles_seed is not None else read_ids(HELDOUT_IDS)
        records = heldout_records(ids, shared)
    else:
        paths = sorted(str(p) for p in shared.glob(GOLD_GLOB))
        if not paths:
            sys.exit(f"error: no gold articles under {shared / GOLD_GLOB}")
        records = gold_records(paths, shared)
    preds = predict(records, args.cmd, args.pred, args.save, shared)
    events = collect(records, preds)
    print(f"{len(records)} articles, {len(events)} events predicted; drawing {min(args.size, len(events))}"
          f" with seed {args.seed}", flush=True)
    return sheet(draw(events, args.seed, args.size), cameo_names()), len(events)


def cmd_sample(args) -> int:
    out = _outside_repo(args.sheet)
    rows, _ = current_sample(args)
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    for row in rows:
        print(show(row))
    print(f"sheet: {out} ({len(rows)} events)")
    return 0


def cmd_score(args) -> int:
    try:
        verdicts = load_verdicts(args.verdicts)
    except (OSError, ValueError) as e:
        print(f"error: cannot read verdicts: {e}", file=sys.stderr)
        return 2
    rows, _ = current_sample(args)
    problems = check(rows, verdicts)
    for p in problems:
        print(f"MISMATCH {p}")
    if problems:
        print(f"{len(problems)} problems: the verdicts do not fit the current sample "
              "(the vocabulary or the output changed?): redo the audit")
    copied = copied_notes(rows, verdicts)
    if copied:
        print(f"notes with copied text (n): {', '.join(map(str, copied))}: write notes in your own words")
    c = tally(verdicts, len(rows))
    print(f"judged {c['judged']}/{c['size']}, unjudged {c['unjudged']}")
    print("wrong by field: " + " ".join(f"{f}={c['wrong_' + f]}" for f in FIELDS))
    print(f"audit: right={c['right']}/{c['size']}")
    if problems or copied:
        return 2
    if c["right"] < args.min:
        print(f"FAIL audit: right={c['right']} < {args.min}", file=sys.stderr)
        return 1
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seed", type=int, default=0, help="random.Random seed (default 0)")
    common.add_argument("--size", type=int, default=SIZE, help=f"events to draw (default {SIZE})")
    common.add_argument("--cmd", default=default_cmd(), help="command to run (reads JSONL, prints JSONL)")
    common.add_argument("--pred", metavar="FILE", help="use this saved JSONL output instead of running --cmd")
    common.add_argument("--save", metavar="FILE", help="save the command's raw output here (outside the repo)")
    common.add_argument("--shared", default=str(SHARED), help="the shared folder (default ../shared)")
    common.add_argument("--set", choices=("dev", "heldout"), default="dev",
                        help="dev: the 24 dev gold articles; heldout: articles never tuned on "
                             "(quality/heldout_articles.txt, or a fresh draw with --articles-seed)")
    common.add_argument("--articles-seed", type=int, default=None, metavar="N",
                        help="with --set heldout: draw 12 PolNeAR training + 12 AQUAINT articles with this seed")
    s = sub.add_parser("sample", parents=[common], help="draw the sample and write the review sheet")
    s.add_argument("--sheet", required=True, metavar="PATH", help="the review sheet (JSONL), outside the repo")
    s.set_defaults(func=cmd_sample)
    c = sub.add_parser("score", parents=[common], help="check the verdicts against the sample and count")
    c.add_argument("--verdicts", default=None, metavar="FILE",
                   help="default quality/audit_verdicts.jsonl (dev) or quality/audit_verdicts_heldout.jsonl")
    c.add_argument("--min", type=int, default=BAR, help=f"exit 1 below this many right (default {BAR})")
    c.set_defaults(func=cmd_score)
    args = ap.parse_args(argv)
    if args.command == "score" and args.verdicts is None:
        args.verdicts = str(HELDOUT_VERDICTS if args.set == "heldout" else VERDICTS)
    if args.save:
        _outside_repo(args.save)
    return args.func(args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (`... | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
