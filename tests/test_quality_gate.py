"""Quality gate: the evaluation harnesses of ../shared/eval, with the floors of quality/floors.json.

Each harness runs the real CLI once over its whole data set and exits 1 when a score is under its
floor; the scores are printed so that a failing run says what dropped.
"""
from __future__ import annotations

import glob
import json
import shlex
import subprocess
import sys

import pytest

from conftest import REPO, dateline_cmd

FLOORS = json.loads((REPO / "quality" / "floors.json").read_text())
GATES = [k for k in FLOORS if not k.startswith("_")]
pytestmark = pytest.mark.gate      # `make test` runs the gate after the fast suite; `make gate` alone


@pytest.mark.parametrize("name", GATES)
def test_floor(name, shared_dir):
    gate = FLOORS[name]
    args = []
    for a in gate["args"]:
        matches = sorted(glob.glob(str(shared_dir / a)))
        if not matches:
            pytest.skip(f"{shared_dir / a}: not found")
        args += matches
    harness = shared_dir / "eval" / gate["harness"]
    sub = "merge" if gate.get("merge") else "analyze"
    cmd = " ".join(shlex.quote(x) for x in dateline_cmd()) + f" {sub} --input-format jsonl --format jsonl -"
    mins = [x for k, v in gate["floors"].items() for x in ("--min", f"{k}={v}")]
    r = subprocess.run([sys.executable, str(harness), "--cmd", cmd, "--json", *gate.get("options", []), *mins, *args],
                       capture_output=True, text=True, cwd=REPO, timeout=1800)
    lines = r.stdout.strip().splitlines()
    scores = json.loads(lines[0]).get("scores") if lines else None
    print(name, scores)
    assert r.returncode == 0, f"{name}: below a floor of {gate['floors']}: {scores}\n{r.stderr[-2000:]}"
