# Recurrent Neural Networks in TensorFlow 2: set-up, study, test, execute.
# `make lab` and `make test` are all a learner needs; both create .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := rnn-course
# Both cores: notebooks run in parallel under pytest-xdist.
WORKERS ?= 2
# Where the machine allows it (root with unshare and ip), the tests run with the network cut
# off: a fresh network namespace with only loopback, which proves that no notebook downloads
# anything at run time. Elsewhere they run with the network and say so.
OFFLINE := $(shell unshare -n true 2>/dev/null && command -v ip >/dev/null 2>&1 && echo 1 || echo 0)
RUN_OFFLINE := $(if $(filter 1,$(OFFLINE)),unshare -n sh -c 'ip link set lo up && exec "$$0" "$$@"',)
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help install lab test execute slides results bench clean

help:
	@echo "make lab      set up .venv if needed, then open JupyterLab on notebooks/"
	@echo "make test     set up .venv if needed, then lint, unit tests and every notebook (fast mode)"
	@echo "make execute  re-run every notebook in full mode in place, refreshing outputs and results/"
	@echo "              (one notebook: make execute NOTEBOOKS=notebooks/01_manual_two_step_rnn.ipynb)"
	@echo "make slides   export every notebook to build/: an HTML page, a reveal.js deck, index.html"
	@echo "make results  regenerate README.md's results table from results/*.json"
	@echo "make bench    measure training speed against this CPU's matmul peak (results/bench.json)"
	@echo "make clean    remove .venv, caches and build output"

install: $(STAMP)

# Rebuilt only when the pins or the package description change.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "error: the course needs Python 3.10 or newer; '$(PYTHON)' is older. Run e.g. 'make PYTHON=python3.11 $(MAKECMDGOALS)'." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (rnn-course)"
	@touch $(STAMP)
	@echo "Environment ready in $(VENV) with the Jupyter kernel '$(KERNEL)'."

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(LAB_ROOT) $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if [ "$(OFFLINE)" = 1 ]; then echo "The tests run with the network cut off (loopback only)."; \
	else echo "note: the network cannot be cut off here (needs root, unshare and ip); the tests run with it."; fi
	RNN_COURSE_FAST=1 RNN_COURSE_OFFLINE=$(OFFLINE) $(RUN_OFFLINE) $(BIN)/python -m pytest \
		-n $(WORKERS) --dist loadfile --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
		tests notebooks

execute: $(STAMP)
	RNN_COURSE_FAST=0 $(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

slides: $(STAMP)
	$(BIN)/python scripts/build_site.py

results: $(STAMP)
	$(BIN)/python scripts/results_table.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache *.egg-info results/*.fast.json
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
