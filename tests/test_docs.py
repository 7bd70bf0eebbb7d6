"""docs/: the generated pages are up to date, and the CLI reference's examples print something on
the demo store (examples/ ingested into a real SQLite file)."""
from __future__ import annotations

import io
import json
import shlex
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from dateline import cli, docgen

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


@pytest.mark.parametrize("page", sorted(docgen.PAGES))
def test_generated_page_is_up_to_date(page):
    assert (DOCS / page).read_text(encoding="utf-8") == docgen.PAGES[page](), \
        f"docs/{page} is out of date: run `python -m dateline.docgen docs/`"


def test_every_command_has_an_example():
    from dateline.cli import build_parser
    commands = set(docgen._subparsers(build_parser()))
    missing = commands - set(docgen.EXAMPLES)
    assert not missing or missing <= {"serve"}, f"add an example to dateline.docgen.EXAMPLES for {missing}"


def run(argv: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = cli.main(argv)
    return code, buf.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("docs") / "dateline.db")
    code, _ = run(["ingest", "--quiet", str(REPO / "examples"), "--db", db])
    assert code == 0
    return db


@pytest.mark.parametrize("command", sorted(set(docgen.EXAMPLES) - {"ingest"}))
def test_cli_reference_examples_print_something(demo, command, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    argv = shlex.split(docgen.EXAMPLES[command])[1:]
    if command not in ("analyze", "merge"):
        argv += ["--db", demo]
    if "-o" in argv:
        argv[argv.index("-o") + 1] = str(tmp_path / "out")
    code, out = run(argv)
    assert code == 0
    if command == "failures":                  # the demo's inputs all read well
        return
    if command == "export":
        out = (tmp_path / "out").read_text(encoding="utf-8")
        assert len(out.splitlines()) > 1
        return
    assert out.strip() and "(nothing found)" not in out and not out.startswith("0 ")
    if command not in ("analyze", "merge"):
        code, out = run(argv + ["--format", "json"])
        assert json.loads(out)


def test_the_notebook_example_runs_on_the_demo_store(demo, monkeypatch, capsys):
    import runpy
    import sys

    pytest.importorskip("pandas")
    monkeypatch.setattr(sys, "argv", ["notebook.py", demo])
    runpy.run_path(str(REPO / "examples" / "notebook.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "military exercise or weapons test" in out and "consistent" in out


def test_the_export_page_documents_every_column():
    from dateline.timeline.queries import EXPORT_COLUMNS

    page = (DOCS / "export.md").read_text(encoding="utf-8")
    documented = [line.split("|")[1].strip() for line in page.splitlines() if line.startswith("| ")][2:]
    documented = [c for c in documented if c not in ("column", "---")]
    assert documented == EXPORT_COLUMNS
