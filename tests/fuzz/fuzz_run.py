"""The long fuzz run (`make fuzz`): Hypothesis over analyze (rules only, and with the statistical
pipeline), over mutated articles of the shared corpora (read at run time from ../shared, when it is
there) and over the readers, for FUZZ_SECONDS (default 600), in batches.

Resumable: the Hypothesis database (every failing example, replayed first on the next run) and the
cumulative counts live in out/fuzz/ (ignored by git). A crash is shrunk by Hypothesis, written to
out/fuzz/findings.jsonl and the run goes on with the next batch; inputs that analysis refuses with
a clear error (a failure row in a batch) are counted as failures. Prints the counts: inputs, inputs
of at least 100 bytes, crashes, failures.

    python tests/fuzz/fuzz_run.py [--seconds N] [--out DIR]
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import subprocess
import random
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

from fuzz_checks import run_analyze, run_read  # noqa: E402
from fuzz_strategies import hostile_bytes, hostile_text, mutated  # noqa: E402

REPO = HERE.parents[1]
CORPORA = [REPO.parent / "shared" / "data" / "polnear"]
SLOW = 10.0                 # CPU seconds: an input that takes longer is a finding (a blow-up); CPU time, not
                            # wall-clock, so that a run at low priority on a busy machine finds only real ones


class Crash(Exception):
    pass


class OverBudget(BaseException):
    """Raised by the CPU-time alarm inside an input that runs past ``STOP`` CPU seconds (a
    BaseException, so that the checks' own ``except Exception`` does not take it for a crash)."""


STOP = 6 * SLOW             # CPU seconds after which an input is stopped: kept as a slow finding, the run goes on


def _alarm(signum, frame):
    raise OverBudget()


class Run:
    def __init__(self, out: Path):
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.stats_path = out / "stats.json"
        self.lock_path = out / "stats.lock"
        self.stats = {"inputs": 0, "inputs_100": 0, "crashes": 0, "failures": 0, "seconds": 0.0, "runs": 0}
        self.stats.update(self._read())
        self.saved = dict(self.stats)            # the counts as of this process's last save
        self.shown = dict(self.stats)
        self.db = DirectoryBasedExampleDatabase(str(out / "hypothesis"))

    def count(self, size: int, finding, seconds: float = 0.0, sample: str = "") -> None:
        if seconds > SLOW:                       # a blow-up: kept as a finding, the run goes on
            self.stats["slow"] = self.stats.get("slow", 0) + 1
            with (self.out / "findings.jsonl").open("a", encoding="utf-8") as f:
                f.write(json.dumps({"target": "slow", "seconds": round(seconds, 1), "size": size,
                                    "input": sample[:20000], "at": time.time()}, ensure_ascii=False) + "\n")
        self.stats["inputs"] += 1
        self.stats["inputs_100"] += size >= 100
        if finding and finding[0] == "failure":
            self.stats["failures"] += 1
        elif finding:
            raise Crash(finding[1])

    def record(self, target: str, err: BaseException) -> None:
        self.stats["crashes"] += 1
        with (self.out / "findings.jsonl").open("a", encoding="utf-8") as f:
            f.write(json.dumps({"target": target, "error": str(err)[-4000:], "at": time.time()}) + "\n")

    def _read(self) -> dict:
        return json.loads(self.stats_path.read_text()) if self.stats_path.exists() else {}

    def save(self) -> None:
        """Add this process's counts since its last save to the file, under a lock, so that several
        runs at once (``--jobs``) each add their own inputs and none overwrites another's."""
        with self.lock_path.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            disk = {**{k: 0 for k in self.stats}, **self._read()}
            mine = {k: self.stats.get(k, 0) - self.saved.get(k, 0) for k in self.stats}
            total = {k: disk.get(k, 0) + mine.get(k, 0) for k in set(disk) | set(mine)}
            tmp = self.stats_path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(total, indent=1))
            tmp.replace(self.stats_path)
        self.saved = dict(self.stats)
        self.shown = total


def targets(run: Run, bases: list[str]):
    from dateline.settings import load_settings

    rules = load_settings(model="none")

    def timed(size, fn, sample):
        t = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, STOP)
        try:
            finding = fn()
        except OverBudget:
            finding = None
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        run.count(size, finding, time.process_time() - t, sample)

    def analyze_rules(text):
        timed(len(text.encode("utf-8", "surrogatepass")),
              lambda: run_analyze(text, published="2019-10-31", settings=rules), text)

    def analyze_model(text):
        timed(len(text.encode("utf-8", "surrogatepass")), lambda: run_analyze(text), text)

    def read(data, name):
        timed(len(data), lambda: run_read(data, name), f"{name}: {data[:1000]!r}")

    names = st.sampled_from(["x.txt", "x.html", "x.rss", "x.jsonl", "x"])
    out = [("analyze-rules", (hostile_text(max_pieces=60),), analyze_rules, 8),
           ("analyze-model", (hostile_text(max_pieces=20),), analyze_model, 1),
           ("readers", (hostile_bytes(), names), read, 4)]
    if bases:
        out.append(("mutated-corpus", (st.sampled_from(bases).flatmap(mutated),), analyze_rules, 3))
    return out


def corpus_bases(limit: int = 200) -> list[str]:
    files = sorted(p for c in CORPORA if c.is_dir() for p in c.rglob("*.txt"))[:limit]
    return [p.read_text(encoding="utf-8", errors="replace")[:20_000] for p in files]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--batch", type=int, default=300, help="examples per Hypothesis run")
    ap.add_argument("--out", default=str(REPO / "out" / "fuzz"))
    ap.add_argument("--jobs", type=int, default=1, help="runs at once, each in its own process (counts add up)")
    args = ap.parse_args(argv)
    if args.jobs > 1:
        return _fan_out(args, argv if argv is not None else sys.argv[1:])
    run = Run(Path(args.out))
    bases = corpus_bases()
    tgts = targets(run, bases)
    weights = [w for *_, w in tgts]
    rng = random.Random()
    t0 = time.time()
    before = dict(run.stats)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGPROF, _alarm)
    try:
        _loop(run, tgts, weights, rng, t0, args)
    except KeyboardInterrupt:
        print("fuzz: stopped; the counts so far are kept", file=sys.stderr)
    run.stats["runs"] += 1
    run.save()
    new = {k: run.stats.get(k, 0) - before.get(k, 0) for k in ("inputs", "inputs_100", "crashes", "failures", "slow")}
    total = run.shown
    print(f"fuzz: this run {new['inputs']} inputs ({new['inputs_100']} of >= 100 bytes), {new['crashes']} crashes, "
          f"{new['slow']} over {SLOW:.0f} s, {new['failures']} refused with a clear error; in all "
          f"{total['inputs']} inputs ({total['inputs_100']} of >= 100 bytes) over "
          f"{total['seconds'] / 3600:.1f} h, {total['crashes']} crashes, {total.get('slow', 0)} slow "
          "(out/fuzz/findings.jsonl)")
    return 1 if new["crashes"] or new["slow"] else 0


def _fan_out(args, argv: list[str]) -> int:
    """``--jobs N``: N runs of this script at once (one per core), each adding its counts to the same
    stats file and sharing the Hypothesis database; the exit status is the worst of theirs."""
    rest = [a for i, a in enumerate(argv) if not a.startswith("--jobs") and not (i and argv[i - 1] == "--jobs")]
    procs = [subprocess.Popen([sys.executable, __file__, *rest]) for _ in range(args.jobs)]
    try:
        return max(p.wait() for p in procs)
    except KeyboardInterrupt:
        for p in procs:
            p.terminate()
        return max(p.wait() for p in procs)


def _stop(signum, frame):
    raise KeyboardInterrupt


def _loop(run: Run, tgts, weights, rng, t0: float, args) -> None:
    while time.time() - t0 < args.seconds:
        name, strategies, inner, _ = rng.choices(tgts, weights)[0]
        cfg = settings(max_examples=args.batch, deadline=None, database=run.db, derandomize=False,
                       phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                       suppress_health_check=list(HealthCheck), print_blob=False)

        def body(args):
            inner(*args)

        t = time.time()
        try:
            cfg(given(st.tuples(*strategies))(body))()
        except (Crash, ExceptionGroup) as e:
            run.record(name, e)
        run.stats["seconds"] += time.time() - t
        run.save()


if __name__ == "__main__":
    sys.exit(main())
