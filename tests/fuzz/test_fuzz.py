"""A short fuzz run in the fast suite (a few seconds): Hypothesis over dateline.analyze (rules and
the statistical pipeline) and the readers, on hostile text (fuzz_strategies). The long, resumable
run is `make fuzz` (fuzz_run.py)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_checks import run_analyze, run_read
from fuzz_strategies import FRAGMENTS, hostile_bytes, hostile_text, mutated

from dateline.settings import load_settings

FAST = settings(max_examples=25, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RULES = load_settings(model="none")
STORY = " ".join(FRAGMENTS[:12]) + "."


def _ok(finding):
    assert finding is None or finding[0] == "failure", finding[1]


@FAST
@given(hostile_text())
def test_analyze_rules_never_crashes(text):
    _ok(run_analyze(text, published="2019-10-31", settings=RULES))


@settings(FAST, max_examples=8)
@given(hostile_text(max_pieces=10))
def test_analyze_with_the_model_never_crashes(text):
    _ok(run_analyze(text))


@FAST
@given(mutated(STORY))
def test_mutated_story_never_crashes(text):
    _ok(run_analyze(text, published="2019-10-31", settings=RULES))


@settings(FAST, max_examples=60)
@given(hostile_bytes(), st.sampled_from(["x.txt", "x.html", "x.rss", "x.jsonl", "x"]))
def test_readers_never_raise(data, name):
    _ok(run_read(data, name))
