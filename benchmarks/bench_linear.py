"""Linear cost: the analysis time per 1,000 characters of one article from 2k to 100k characters, in
both profiles, stage by stage, in one command.

    .venv/bin/python benchmarks/bench_linear.py [--sizes 2000,10000,30000,100000] [--repeat 3] [--model default]

Articles of each size are made by joining distinct PolNeAR texts of ../shared/data (so that a longer
article names more people and places, as a long real one does), cut at a paragraph end. Each
profile is warmed on the smallest article first; every size then runs ``--repeat`` times,
interleaved, and the median is kept. Printed: milliseconds per 1,000 characters, per stage and in
all, and the ratio of the largest article's cost per character to the smallest one's (flat is
1.0; the scale issue asks for at most 1.3). The machine's other load counts: say next to the
numbers whether it was shared.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def build(size: int, texts: list[str]) -> str:
    out, n = [], 0
    for t in texts:
        if n >= size:
            break
        out.append(t.strip())
        n += len(out[-1]) + 2
    text = "\n\n".join(out)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > size // 2 else size]


def measure(text: str, settings) -> tuple[float, dict]:
    from dateline import analyze

    st: dict = {}
    t0 = time.perf_counter()
    analyze(text, published="2016-03-01", settings=settings, timings=st)
    return time.perf_counter() - t0, st


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,10000,30000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", default="default", help="the default profile's pipeline; 'none' runs rules only")
    args = ap.parse_args()
    from dateline.settings import load_settings

    texts = [p.read_text(encoding="utf-8", errors="replace") for split in ("train", "dev")
             for p in sorted((SHARED / split / "text").glob("*.txt"))]
    if not texts:
        print(f"error: no PolNeAR texts under {SHARED}", file=sys.stderr)
        return 2
    sizes = [int(x) for x in args.sizes.split(",")]
    articles = {n: build(n, texts) for n in sizes}
    profiles = ["none"] + ([args.model] if args.model != "none" else [])
    worst = 0.0
    for model in profiles:
        settings = load_settings(model=model)
        measure(articles[sizes[0]], settings)                        # warm
        runs: dict[int, list] = {n: [] for n in sizes}
        for _ in range(args.repeat):
            for n in sizes:                                          # interleaved
                runs[n].append(measure(articles[n], settings))
        print(f"profile {model}: ms per 1,000 characters (median of {args.repeat})")
        per_k = {}
        stages = sorted({k for n in sizes for _, st in runs[n] for k in st})
        print(f"  {'chars':>8}{'total':>9}" + "".join(f"{s[:10]:>12}" for s in stages))
        for n in sizes:
            k = len(articles[n]) / 1000
            tot = statistics.median(t for t, _ in runs[n]) * 1000 / k
            per_k[n] = tot
            cells = "".join(f"{statistics.median(st.get(s, 0) for _, st in runs[n]) * 1000 / k:>12.2f}"
                            for s in stages)
            print(f"  {len(articles[n]):>8}{tot:>9.2f}{cells}")
        ratio = per_k[sizes[-1]] / per_k[sizes[0]]
        worst = max(worst, ratio)
        small = runs[sizes[0]]
        big = runs[sizes[-1]]
        grow = {s: (statistics.median(st.get(s, 0) for _, st in big) / len(articles[sizes[-1]]))
                / max(1e-12, statistics.median(st.get(s, 0) for _, st in small) / len(articles[sizes[0]]))
                for s in stages}
        print(f"ratio: profile {model}: cost per character at {len(articles[sizes[-1]])} characters is "
              f"{ratio:.2f}x that at {len(articles[sizes[0]])} (flat: 1.0, target <= 1.3); by stage: "
              + ", ".join(f"{s} {g:.2f}x" for s, g in sorted(grow.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
