"""Every regular expression dateline compiles (collected while importing every module and analysing
an article, in a fresh interpreter: regex_probe.py) runs fast on adversarial strings of 50 KB: runs
of letters, digits, spaces, tabs, newlines, periods, quotes, 'Mr.', 'said "' and of the pattern's own
literals. Search patterns are probed with finditer, patterns applied at a position with match; the few
applied to short strings only are listed with their use in regex_probe.KNOWN.

The bound (1 s of CPU time a probe, so that other processes on the machine do not count) is generous:
a linear pattern takes milliseconds on 50 KB, a backtracking one takes minutes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_every_pattern_is_fast_on_adversarial_input():
    r = subprocess.run([sys.executable, str(HERE / "regex_probe.py"), "50000", "1.0"], capture_output=True,
                       text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout)
    assert got["patterns"] > 100 and got["probes"] > 1000          # the collection worked
    assert got["slow"] == [], json.dumps(got["slow"], indent=1, ensure_ascii=False)
