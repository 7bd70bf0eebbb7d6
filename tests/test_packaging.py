"""Packaging metadata: the licence as an SPDX expression (PEP 639), which setuptools >= 77 reads
without the deprecation banner that the old table form prints on install."""
from __future__ import annotations

import re
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None

import pytest

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@pytest.mark.skipif(tomllib is None, reason="tomllib is Python 3.11+")
def test_licence_is_an_spdx_string_with_a_setuptools_that_reads_it():
    meta = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "Apache-2.0"
    assert not any(c.startswith("License ::") for c in meta["project"].get("classifiers", []))
    (st,) = [r for r in meta["build-system"]["requires"] if r.startswith("setuptools")]
    assert tuple(int(x) for x in re.search(r">=\s*([\d.]+)", st)[1].split(".")) >= (77,)
