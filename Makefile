# dateline: set-up, demo, tests. Everything installs from PyPI into .venv in the repo root.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup bytecode demo test test-all gate bench fuzz clean

$(BIN)/dateline: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(BIN)/dateline

# the package's bytecode, written once (an editable install leaves src/ uncompiled, and where
# PYTHONDONTWRITEBYTECODE is set every `dateline` process would compile it again: 0.3 s a start)
bytecode: setup
	@$(BIN)/python -m compileall -q src

DB ?= dateline.db
DL := $(BIN)/dateline

demo: bytecode
	$(DL) ingest examples --db $(DB)
	$(DL) timeline --actor PRK --cameo 15 --db $(DB)
	$(DL) count --actor PRK --cameo 150 --since 2019-05-01 --until 2019-10-31 --db $(DB)
	$(DL) claims --db $(DB)
	@echo "Browse the record: $(DL) serve --db $(DB)   (then open http://127.0.0.1:8000/)"

# the fast suite (under 5 minutes on 2 cores; one pytest-xdist worker per core, idle workers steal
# queued tests), then the long runs: the stress tests (marker slow: many processes killed or run at
# once) and the quality gate's corpus runs
XDIST ?= -n auto --dist worksteal
test: bytecode
	$(BIN)/python -m pytest -m "not slow and not gate" -q $(XDIST)
	$(BIN)/python -m pytest -m "slow or gate" -q $(XDIST)

test-all: bytecode
	$(BIN)/python -m pytest -q

gate: bytecode
	$(BIN)/python -m pytest -m gate -q

bench: setup
	$(BIN)/python benchmarks/bench_throughput.py
	$(BIN)/python benchmarks/bench_store.py

# The long fuzz run (tests/fuzz/fuzz_run.py): FUZZ_SECONDS of Hypothesis over analyze, mutated corpus
# articles and the readers; resumable (database and counts in out/fuzz/), prints inputs and findings.
FUZZ_SECONDS ?= 3600
FUZZ_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
fuzz: setup
	$(BIN)/python tests/fuzz/fuzz_run.py --seconds $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS)

clean:
	rm -rf $(VENV) build *.egg-info

# Retrain the shipped English pipeline (src/dateline/models/en_dateline) from ../shared/data/treebanks:
# converts the treebanks, trains on train + dev for the fixed number of steps chosen on the train/dev
# split (one thread, about an hour), evaluates on EWT/GUM test, packages the last step.
# `training/build_model.py` without --final is the development run (train only, best dev checkpoint).
.PHONY: model
model: setup
	$(BIN)/python training/build_model.py --final
