# Recurrent Neural Networks in TensorFlow 2: set-up, study, test, execute.
# `make lab` and `make test` are all a learner needs; both create .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := rnn-course
# Three pytest-xdist workers on two cores: the suite waits on kernels starting, browsers and
# files as well as computing, and a third worker fills those gaps (measured in a fresh clone,
# 2026-11-29: 496 s with 2 workers, 372 s with 3, 398 s with 4; again with the threads below,
# in one checkout: 382 s with 2, 290-324 s with 3, 342 s with 4).
WORKERS ?= 3
# Each TensorFlow process of the suite computes an op on one thread and runs one op at a time,
# as three workers already share two cores (measured run after run in one clone, 2026-11-29:
# 376 s with TensorFlow's default threads, 334 s with one thread per op; then, in three
# pairs, one thread per op against one op at a time as well: 335/290, 378/324, 350/321 s).
# `make execute` and `make lab` keep the default: the committed numbers come from it.
# Where the machine allows it (root with unshare and ip), the tests run with the network cut
# off: a fresh network namespace with only loopback, which proves that no notebook downloads
# anything at run time. Elsewhere they run with the network and say so.
OFFLINE := $(shell unshare -n true 2>/dev/null && command -v ip >/dev/null 2>&1 && echo 1 || echo 0)
RUN_OFFLINE := $(if $(filter 1,$(OFFLINE)),unshare -n sh -c 'ip link set lo up && exec "$$0" "$$@"',)
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help install lab test execute site slides pdf results bench clean

help:
	@echo "make lab      set up .venv if needed, then open JupyterLab on workspace/, your copy of notebooks/"
	@echo "make test     set up .venv if needed, then lint, unit tests and every notebook (fast mode; results to runs/)"
	@echo "make execute  re-run every notebook in full mode in place, refreshing outputs and results/"
	@echo "              (one notebook: make execute NOTEBOOKS=notebooks/01_manual_two_step_rnn.ipynb)"
	@echo "make site     build the course site and the slide decks into build/ (open build/index.html)"
	@echo "make slides   the same as make site"
	@echo "make pdf      print the whole course to build/course.pdf with Chromium"
	@echo "make results  regenerate README.md's results table from results/*.json"
	@echo "make bench    measure training speed against this CPU's matmul peak (results/bench.json)"
	@echo "make clean    remove .venv, caches and build output"

install: $(STAMP)

# The pins have wheels for Python 3.11 to 3.13 (none for 3.10).
MIN_PYTHON := 3.11

# Rebuilt only when the pins or the package description change. The version check runs
# before anything is created, so an old Python leaves no half-made .venv behind.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < tuple(map(int, "$(MIN_PYTHON)".split("."))))' 2>/dev/null || \
		{ echo "error: the course needs Python $(MIN_PYTHON) or newer (3.11 to 3.13); '$(PYTHON)' is $$($(PYTHON) -V 2>/dev/null || echo 'not a working Python command'). Run e.g. 'make PYTHON=python3.11 $(MAKECMDGOALS)'." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (rnn-course)"
	@touch $(STAMP)
	@echo "Environment ready in $(VENV) with the Jupyter kernel '$(KERNEL)'."

# JupyterLab works on workspace/ (git-ignored), a copy of notebooks/ that scripts/workspace.py
# keeps up to date without overwriting the learner's changes: studying changes no tracked file.
lab: $(STAMP)
	$(BIN)/python scripts/workspace.py
	$(BIN)/jupyter lab --ServerApp.root_dir=workspace $(LAB_ROOT) $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if [ "$(OFFLINE)" = 1 ]; then echo "The tests run with the network cut off (loopback only)."; \
	else echo "note: the network cannot be cut off here (needs root, unshare and ip); the tests run with it."; fi
	RNN_COURSE_FAST=1 RNN_COURSE_RESULTS_DIR=runs RNN_COURSE_OFFLINE=$(OFFLINE) \
		TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 \
		$(RUN_OFFLINE) $(BIN)/python -m pytest \
		-n $(WORKERS) --dist loadfile --no-loadscope-reorder --durations=12 --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
		tests notebooks

execute: $(STAMP)
	RNN_COURSE_FAST=0 $(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

# The site (Sphinx, from the committed outputs: nothing is re-run) and the decks.
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

slides: site

# Needs Debian's Chromium (apt-get install chromium); Playwright drives it, offline.
pdf: $(STAMP)
	$(BIN)/python scripts/build_pdf.py

results: $(STAMP)
	$(BIN)/python scripts/results_table.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache *.egg-info results/*.fast.json
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
