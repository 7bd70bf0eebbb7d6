# dateline: set-up, demo, tests. Everything installs from PyPI into .venv in the repo root.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-all gate bench clean

$(BIN)/dateline: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(BIN)/dateline

demo: setup
	$(BIN)/dateline analyze examples/articles/*.txt

test: setup
	$(BIN)/python -m pytest -m "not slow" -q

test-all: setup
	$(BIN)/python -m pytest -q

gate: setup
	$(BIN)/python -m pytest -q tests/test_quality_gate.py

bench: setup
	$(BIN)/python benchmarks/bench_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
