"""Shared fixtures: paths, the CLI runner, and a sample article written for the tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Our own sample (not corpus text): a short news story with a dateline, bylines, quotes and events.
SAMPLE = """SEOUL — North Korea fired three ballistic missiles Friday, Nov. 15, its fifth launch since August, South Korea's Joint Chiefs of Staff said in a statement.

The launch came two days after North Korea threatened to "respond in kind" to joint drills by the United States and South Korea.

"This is a calculated message to Washington," said Laura Example, a researcher at the Example Peace Institute.

This article was written by Pat Writer, a reporter for The Example Herald. The Example Herald's Jin Example in Seoul contributed to this report.
"""


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"{SHARED} is not there: the shared corpora and harnesses are needed for this test")
    return SHARED


def dateline_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "dateline"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dateline.cli"]


@pytest.fixture
def run_cli():
    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        return subprocess.run(dateline_cmd() + list(args), input=stdin, capture_output=True,
                              cwd=cwd or REPO, env=env, timeout=300)
    return run
