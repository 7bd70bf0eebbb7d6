"""Shared fixtures: paths, the CLI runner, and a sample article written for the tests."""
from __future__ import annotations

import functools
import json
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
        r = subprocess.run(dateline_cmd() + list(args), input=stdin, capture_output=True,
                           cwd=cwd or REPO, env=env, timeout=300)
        check_records_in(r.stdout)          # records a subprocess prints meet the schema too
        return r
    return run


RECORD_SCHEMA = REPO / "docs" / "record.schema.json"


@functools.lru_cache(maxsize=1)
def _record_validator():
    try:
        import jsonschema
    except ImportError:           # jsonschema is in the dev extra; without it the check is off
        return None
    return jsonschema.Draft202012Validator(json.loads(RECORD_SCHEMA.read_text(encoding="utf-8")))


def schema_error(record: dict) -> str | None:
    """Why a record does not match docs/record.schema.json (None when it does, or without jsonschema)."""
    validator = _record_validator()
    err = next(iter(sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))), None) \
        if validator else None
    if err is None:
        return None
    where = "/".join(str(p) for p in err.absolute_path)
    return (f"record {record.get('article', {}).get('id')!r} does not match {RECORD_SCHEMA.name} at /{where}: "
            f"{err.message} (update docs/record.schema.json with the record)")


def check_records_in(stdout: bytes) -> None:
    """Validate every dateline/article@1 record in a command's JSON or JSONL output."""
    text = stdout.decode("utf-8", "replace").strip()
    if not text.startswith(("{", "[")):
        return
    try:
        objs = [json.loads(text)]
    except ValueError:
        try:
            objs = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            return
    flat = [o for x in objs for o in (x if isinstance(x, list) else [x])]
    for o in flat:
        if isinstance(o, dict) and o.get("schema") == "dateline/article@1" and (why := schema_error(o)):
            raise AssertionError(why)


@pytest.fixture(scope="session", autouse=True)
def every_record_matches_the_schema():
    """Every record the tests produce in-process (Record.to_dict) is validated against the strict JSON
    Schema in docs/record.schema.json; a field added to the record must be added there too."""
    if _record_validator() is None:
        yield
        return
    from dateline.record import Record

    to_dict = Record.to_dict

    def checked(self):
        d = to_dict(self)
        if why := schema_error(d):
            raise AssertionError(why)
        return d

    Record.to_dict = checked
    yield
    Record.to_dict = to_dict


@pytest.fixture(scope="session")
def dask_client():
    """A Client of the two-worker LocalCluster that `--dask local:2` starts (once for the whole run)."""
    pytest.importorskip("distributed")
    from distributed import Client

    from dateline.dask_pool import local_cluster

    with local_cluster(2) as cluster, Client(cluster) as c:
        yield c
