"""Throughput of `analyze` (and of its time tagger alone) over the TimeBank texts, next to
dateparser's search_dates (the date finder NGEC/POLECAT use) over the same texts, in one command.

    .venv/bin/python benchmarks/bench_throughput.py [--limit N] [--dir TBAQ/TimeBank]

Each side runs in its own child process on one core (so that peak memory is its own), warmed
before it is timed, the sides interleaved and repeated (--repeat, default 5: median, min and max),
and reports documents per second and peak resident memory: `dateline` is the rules-only profile, `dateline-model`
the default profile with the statistical pipeline (--model) one article per call, `dateline-batch` the same
profile as `analyze`/`ingest` run it (the `batch` setting's articles parsed together), `model` that pipeline alone over the
whole texts, `model-sentences` it alone over the sentences dateline parses (the peer of the parse
stage), `tokenizer` spaCy's bare tokenizer over the same texts (the ceiling). The last lines print the ratios;
the tokenizer ratio also by CPU time (seconds the process ran), which other work on a shared machine does not
move as it moves wall-clock rates.
`paired` runs the rules-only profile and the tokenizer in one process, article by article in turn, and
prints their CPU ratio: the one measure of that ratio that a shared machine's swings in speed between
processes do not move. `parse-paired` does the same for the parse stage: the default profile and the
shipped model alone over the same sentences in one process, an article (or a `batch` of them) at a time
in turn.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIDES = ("model", "model-sentences", "dateline", "dateline-model", "dateline-batch", "tokenizer", "timex", "dateparser",
         "paired", "parse-paired")
MODEL_SIDES = ("model", "model-sentences", "dateline-model", "dateline-batch", "parse-paired")
DEFAULT_DIR = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"


def load_docs(folder: Path, limit: int | None) -> list[tuple[str, str, str]]:
    docs = []
    for p in sorted(folder.glob("*.tml"))[: limit or None]:
        root = ET.parse(p).getroot()
        text_el = root.find(".//TEXT")
        text = "".join(text_el.itertext()) if text_el is not None else ""
        dct = ""
        for t in root.iter("TIMEX3"):
            if t.get("functionInDocument") == "CREATION_TIME":
                dct = (t.get("value") or "")[:10]
                break
        docs.append((p.stem, text, dct))
    return docs


def paired(docs: list[tuple[str, str, str]]) -> dict:
    """The rules-only profile and the bare tokenizer in ONE process, both warmed on the same 5 texts as
    the other sides, then timed article by article in turn (CPU seconds): each article's pair sees the
    same moment of the machine, so the ratio holds where a shared machine's speed swings between the
    separate processes of the other sides (seen here: the same side's CPU time 1.9-3.3 s within minutes)."""
    import spacy

    from dateline import analyze
    from dateline.settings import load_settings

    settings = load_settings(model="none")
    peer = spacy.blank("en")
    for _, text, dct in docs[:5]:
        peer.make_doc(text)
        analyze(text, published=dct or None, settings=settings)
    tok = dl = 0.0
    for doc_id, text, dct in docs:
        a = time.process_time()
        peer.make_doc(text)
        b = time.process_time()
        analyze(text, published=dct or None, id=doc_id, settings=settings)
        c = time.process_time()
        tok, dl = tok + b - a, dl + c - b
    return {"tokenizer_cpu": tok, "dateline_cpu": dl, "ratio": tok / dl}


def side(name: str, folder: Path, limit: int | None, model: str = "default") -> dict:
    docs = load_docs(folder, limit)
    if name == "paired":
        return {"side": name, "docs": len(docs), **paired(docs)}
    if name == "parse-paired":
        return {"side": name, "docs": len(docs), **parse_paired(docs, model)}
    words = sum(len(t.split()) for _, t, _ in docs)
    if name == "timex":
        from dateline.extract.timexes import tag_timexes

        for _, text, _ in docs[:5]:
            tag_timexes(text, None)
        t0, c0 = time.perf_counter(), time.process_time()
        found = 0
        for doc_id, text, dct in docs:
            base = __import__("datetime").date.fromisoformat(dct) if dct else None
            found += len(tag_timexes(text, base))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"dates": found}
    elif name.startswith("dateline"):
        from dateline import analyze
        from dateline.settings import load_settings

        from dateline.ingest.readers import RawArticle
        from dateline.pipeline import analyze_many

        settings = load_settings(model=model if name != "dateline" else "none")
        for _, text, dct in docs[:5]:          # warmed on the texts that warm the tokenizer peer
            analyze(text, published=dct or None, settings=settings)
        t0, c0 = time.perf_counter(), time.process_time()
        n_events = 0
        stages: dict = {}
        if name == "dateline-batch":           # as analyze/ingest run: `batch` articles parsed together
            for k in range(0, len(docs), settings.batch):
                raws = [RawArticle(id=i, text=t, published=d or None) for i, t, d in docs[k:k + settings.batch]]
                n_events += sum(len(r.events) for r in analyze_many(raws, settings=settings, timings=stages))
        for doc_id, text, dct in docs if name != "dateline-batch" else ():
            rec = analyze(text, published=dct or None, id=doc_id, timings=stages, settings=settings)
            n_events += len(rec.events)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"events": n_events, "stages": stages}
    elif name == "model":
        from dateline.nlp import load_pipeline

        nlp = load_pipeline(model)          # the shipped pipeline alone, every sentence of every text
        list(nlp.pipe(["Warm-up: North Korea fired a missile on Monday, officials said."]))
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(d) for d in nlp.pipe((text for _, text, _ in docs), batch_size=16))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"tokens": n}
    elif name == "model-sentences":
        from dateline.nlp import load_pipeline
        from dateline.text import split_sentences

        nlp = load_pipeline(model)          # the shipped pipeline alone, on the sentences dateline parses
        sents = [text[a:b] for _, text, _ in docs for a, b in split_sentences(text)]
        list(nlp.pipe(["Warm-up: North Korea fired a missile on Monday, officials said."]))
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(d) for d in nlp.pipe(sents, batch_size=64))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"tokens": n}
    elif name == "tokenizer":
        import spacy

        nlp = spacy.blank("en")
        nlp.make_doc("Warm-up: North Korea fired a missile on Monday, officials said.")    # warmed, as every side
        for _, text, _ in docs[:5]:
            nlp.make_doc(text)
        t0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for doc_id, text, dct in docs:
            n += len(nlp.make_doc(text))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"tokens": n}
    else:
        import datetime as _dt

        from dateparser.search import search_dates

        search_dates("warm up on Monday", settings={"RELATIVE_BASE": _dt.datetime(2019, 10, 31)})
        t0, c0 = time.perf_counter(), time.process_time()
        found = 0
        for doc_id, text, dct in docs:
            base = _dt.datetime.fromisoformat(dct) if dct else _dt.datetime(2000, 1, 1)
            res = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
            found += len(res)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"dates": found}
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"side": name, "docs": len(docs), "words": words, "seconds": dt, "docs_per_s": len(docs) / dt,
            "cpu_seconds": cpu, "docs_per_cpu_s": len(docs) / cpu, "peak_rss_mb": rss_mb, **extra}


def parse_paired(docs: list[tuple[str, str, str]], model: str) -> dict:
    """The default profile's parse stage and the shipped model alone (nlp.pipe) over the same sentences in
    ONE process, both warmed on the same 5 texts, timed in turn group by group (which one goes first
    alternates): one article per call (``analyze``), then ``batch`` articles per call (``analyze_many``),
    so that each pair sees the same moment of the machine. The ratios: the model's seconds over the
    parse stage's (1.0: no cost around the model)."""
    from dateline import analyze
    from dateline.ingest.readers import RawArticle
    from dateline.nlp import load_pipeline
    from dateline.pipeline import analyze_many
    from dateline.settings import load_settings
    from dateline.text import split_sentences

    settings = load_settings(model=model)
    nlp = load_pipeline(model)
    for _, text, dct in docs[:5]:
        analyze(text, published=dct or None, settings=settings)
        list(nlp.pipe([text[a:b] for a, b in split_sentences(text)], batch_size=64))
    out = {}
    for how, size in (("one", 1), ("batch", settings.batch)):
        model_s = parse_s = 0.0
        for n, k in enumerate(range(0, len(docs), size)):
            group = docs[k:k + size]
            sents = [text[a:b] for _, text, _ in group for a, b in split_sentences(text)]
            stages: dict = {}
            for turn in ((0, 1) if n % 2 else (1, 0)):
                if turn:
                    t0 = time.perf_counter()
                    list(nlp.pipe(sents, batch_size=64))
                    model_s += time.perf_counter() - t0
                elif size == 1:
                    analyze(group[0][1], published=group[0][2] or None, settings=settings, timings=stages)
                else:
                    analyze_many([RawArticle(id=i, text=t, published=d or None) for i, t, d in group],
                                 settings=settings, timings=stages)
            parse_s += stages.get("parse", 0.0)
        out[how] = model_s / parse_s if parse_s else float("nan")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default="default",
                    help="the statistical pipeline of the default profile (a name or path; 'none' skips that side)")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved runs of every side (median, min, max)")
    ap.add_argument("--side", choices=SIDES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.dir.is_dir():
        print(f"error: {args.dir}: no TimeBank folder", file=sys.stderr)
        return 2
    if args.side:
        print(json.dumps(side(args.side, args.dir, args.limit, args.model)))
        return 0
    runs: dict[str, list[dict]] = {}
    for _ in range(args.repeat):                      # the sides interleaved, each run in a fresh process
        for name in SIDES:
            if name in MODEL_SIDES and args.model == "none":
                continue
            cmd = [sys.executable, __file__, "--side", name, "--dir", str(args.dir), "--model", args.model]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                print(f"error: {name} side failed:\n{r.stderr[-2000:]}", file=sys.stderr)
                return 1
            runs.setdefault(name, []).append(json.loads(r.stdout.strip().splitlines()[-1]))
    pairs = sorted(r["ratio"] for r in runs.pop("paired"))
    parse_pairs = runs.pop("parse-paired", [])
    results = {}
    for name, rs in runs.items():          # the median run of each side, with the spread of its rate
        rs = sorted(rs, key=lambda x: x["docs_per_s"])
        results[name] = {**rs[len(rs) // 2], "min": rs[0]["docs_per_s"], "max": rs[-1]["docs_per_s"]}
    print(f"{'side':<15}{'docs':>6}{'words':>9}{'seconds':>10}{'docs/s':>10}{'(min':>8}{'max)':>8}{'peak MB':>10}"
          f"   (median of {args.repeat} interleaved runs)")
    for name, r in results.items():
        print(f"{name:<15}{r['docs']:>6}{r['words']:>9}{r['seconds']:>10.2f}{r['docs_per_s']:>10.1f}{r['min']:>8.1f}"
              f"{r['max']:>8.1f}{r['peak_rss_mb']:>10.0f}")
    a, t, b = results["dateline"], results["timex"], results["dateparser"]
    for name in ("dateline", "dateline-model", "dateline-batch"):
        if name in results:
            st = results[name]["stages"]
            total = sum(st.values())
            print(f"{name} time by stage: " + ", ".join(f"{k} {v / total:.0%}" for k, v in
                                                       sorted(st.items(), key=lambda kv: -kv[1])))
    tok = results["tokenizer"]
    for name, label in (("dateline", "rules-only profile"), ("dateline-model", "default profile (parser)")):
        if name in results:
            r = results[name]
            cpu_ratio = statistics.median(x["docs_per_cpu_s"] for x in runs[name]) / \
                statistics.median(x["docs_per_cpu_s"] for x in runs["tokenizer"])
            print(f"ratio: {label}: {r['docs_per_s']:.1f} articles/s on one core = "
                  f"{r['docs_per_s'] / tok['docs_per_s']:.3f} of the bare spaCy tokenizer's rate "
                  f"({cpu_ratio:.3f} by CPU time, the measure that holds on a shared machine)")
    print(f"ratio: rules-only profile, paired with the tokenizer article by article in one process (CPU time): "
          f"{pairs[len(pairs) // 2]:.3f} of the bare spaCy tokenizer's rate (min {pairs[0]:.3f}, max {pairs[-1]:.3f})")
    if "dateline-model" in results and "model" in results:
        print(f"ratio: default profile (every sentence parsed) is "
              f"{results['dateline-model']['docs_per_s'] / results['model']['docs_per_s']:.2f}x the docs/s of "
              f"the shipped model alone (nlp.pipe over the same texts), one article per call (dateline.analyze); "
              f"{results['dateline-batch']['docs_per_s'] / results['model']['docs_per_s']:.2f}x with the articles "
              f"parsed in batches as analyze/ingest run them (the `batch` setting)")
    for peer, how in (("dateline-model", "one article per call"),
                      ("dateline-batch", "articles parsed in batches, as analyze/ingest run them")):
        if peer not in results or "model-sentences" not in results:
            continue
        parse_s = results[peer]["stages"].get("parse", 0.0)
        print(f"ratio: the default profile's parse stage ({how}) runs at "
              f"{results['model-sentences']['seconds'] / parse_s if parse_s else float('nan'):.2f}x the speed of the "
              f"shipped model alone (all its pipes, nlp.pipe) over the same sentences (issue 13 asks >= 0.9x)")
    for how, label in (("one", "one article per call"), ("batch", "articles parsed in batches")):
        if parse_pairs:
            got = sorted(r[how] for r in parse_pairs)
            print(f"ratio: the parse stage paired with the model alone over the same sentences in one process "
                  f"({label}): {got[len(got) // 2]:.2f}x the model's speed (min {got[0]:.2f}, max {got[-1]:.2f}; "
                  f"issue 13 asks >= 0.9x)")
    print(f"ratio: dateline analyze (all stages) is {a['docs_per_s'] / b['docs_per_s']:.1f}x the docs/s of "
          f"dateparser search_dates (dates only); peak memory ratio {a['peak_rss_mb'] / b['peak_rss_mb']:.2f}")
    print(f"ratio: dateline's time tagger alone is {t['docs_per_s'] / b['docs_per_s']:.1f}x the docs/s of "
          f"dateparser search_dates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
