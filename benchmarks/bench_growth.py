"""Growth: the analysis cost per KB at 10 KB, 100 KB and 1 MB of ordinary, quote-heavy and
abbreviation-heavy text, printed with the ratio of each size's cost per KB to the 10 KB cost
(flat is 1.0; issue 14 asks for at most 1.5).

    .venv/bin/python benchmarks/bench_growth.py [--sizes 10000,100000,1000000] [--kinds ordinary,quotes,abbrev]
                                                [--model default|none] [--repeat 1] [--check]

The texts are generated here from short word lists (our own words, not copied news), with a fixed
seed: news-like sentences in paragraphs, so that a longer text has more sentences, names and
dates, as a long article does. Each text runs in the same warmed process; `--repeat` takes the
median. The stages of the slowest size are printed too (analyze's timings). The machine's other
load counts: the load average is printed before and after (say next to the numbers whether the
machine was shared). ``--check`` exits 1 when a ratio is over 1.5.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

PEOPLE = ["Kim Example", "Lee Sample", "Park Demo", "Jane Placeholder", "Ahmed Testcase", "Maria Fixture",
          "Tanaka Mock", "Olga Stub"]
TITLES = ["Mr.", "Ms.", "Dr.", "Gen.", "Lt. Col.", "Sen.", "Rep.", "Prof."]
STATES = ["North Korea", "South Korea", "Japan", "China", "the United States", "Russia", "the U.S.", "the U.K."]
PLACES = ["Seoul", "Tokyo", "Pyongyang", "Beijing", "Washington", "Moscow", "St. Petersburg", "Mt. Paektu"]
VERBS = ["fired a missile toward", "held talks with", "criticised", "sent envoys to", "warned", "met officials of",
         "imposed sanctions on", "praised", "accused", "threatened"]
WHEN = ["on Monday", "on Tuesday", "last week", "on Oct. 3", "on Nov. 15, 2019", "at 9 a.m.", "two days later",
        "earlier this month", "in May", "on Jan. 2"]
CLAUSES = ["the talks will go on", "this is a provocation", "we will respond in kind", "nothing has changed",
           "the region needs calm", "the launch was a test", "sanctions must stay", "dialogue is the only way"]
CUES = ["said", "told reporters", "added", "warned", "wrote", "insisted"]


def _ordinary(r: random.Random) -> str:
    return (f"{r.choice(STATES)} {r.choice(VERBS)} {r.choice(STATES)} {r.choice(WHEN)}, officials in "
            f"{r.choice(PLACES)} said.")


def _quote(r: random.Random) -> str:
    who = f"{r.choice(TITLES)} {r.choice(PEOPLE)}" if r.random() < 0.5 else r.choice(PEOPLE)
    form = r.randrange(3)
    c = r.choice(CLAUSES)
    if form == 0:
        return f'"{c[0].upper()}{c[1:]}," {who} {r.choice(CUES)}.'
    if form == 1:
        return f'{who} said: "{c[0].upper()}{c[1:]}, and {r.choice(CLAUSES)}."'
    return f'"{c[0].upper()}{c[1:]}," {who} said, "and {r.choice(CLAUSES)}."'


def _abbrev(r: random.Random) -> str:
    return (f"{r.choice(TITLES)} {r.choice(PEOPLE)} of the U.S. Dept. of State met {r.choice(TITLES)} "
            f"{r.choice(PEOPLE)} at {r.randint(1, 12)} {r.choice(['a.m.', 'p.m.'])} {r.choice(WHEN)} in "
            f"{r.choice(PLACES)}, the U.N. said, citing No. {r.randint(1, 99)} of its reports, etc.")


KINDS = {"ordinary": _ordinary, "quotes": _quote, "abbrev": _abbrev}


def text_of(kind: str, size: int, seed: int = 14) -> str:
    """About ``size`` characters of ``kind`` sentences, 2 to 4 to a paragraph, cut at a paragraph end."""
    r = random.Random(seed)
    paras, n = [], 0
    while n < size:
        p = " ".join(KINDS[kind](r) for _ in range(r.randint(2, 4)))
        paras.append(p)
        n += len(p) + 2
    return "\n\n".join(paras)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--model", default=None, help="statistical pipeline (default: the settings' model)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="exit 1 when a ratio is over 1.5")
    args = ap.parse_args(argv)
    import dateline
    from dateline.settings import load_settings

    settings = load_settings(model=args.model)
    sizes = [int(s) for s in args.sizes.split(",")]
    dateline.analyze(text_of("ordinary", 2000), published="2019-10-31", settings=settings)   # warm
    print(f"load average before: {_load()} ({os.cpu_count()} cores)", flush=True)
    worst = 1.0
    for kind in args.kinds.split(","):
        base = None
        for size in sizes:
            text = text_of(kind, size)
            runs, stages = [], {}
            for _ in range(args.repeat):
                stages = {}
                t = time.perf_counter()
                dateline.analyze(text, published="2019-10-31", settings=settings, timings=stages)
                runs.append(time.perf_counter() - t)
            sec = statistics.median(runs)
            per_kb = sec / (len(text) / 1000)
            base = base or per_kb
            worst = max(worst, per_kb / base)
            top = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])[:4])
            print(f"{kind:9s} {len(text) / 1000:8.0f} KB  {sec:8.2f} s  {per_kb * 1000:7.1f} ms/KB  "
                  f"x{per_kb / base:4.2f} of the first size   ({top})", flush=True)
    print(f"load average after: {_load()}")
    print(f"largest ratio of cost per KB to the first size's: {worst:.2f} (target <= 1.5)")
    return 1 if args.check and worst > 1.5 else 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
