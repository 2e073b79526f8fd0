"""Pytest hooks for the whole suite: how the workers share it, the notebooks nbval runs
under MirroredStrategy, and each notebook's total duration in the summary."""

import time
from collections import defaultdict
from pathlib import Path

import pytest


# nbval runs these two notebooks with STRATEGY = "mirrored" on two logical CPUs, so one
# execution checks both their outputs and that they train when every batch is split
# between replicas. They cover the different things the strategy has to carry through fit:
# - 03: Sequential models with masking (Embedding(mask_zero=True) and masked GRUs): masks
#   split with the batch; early stopping;
# - 10: an encoder-decoder on tf.data with a loss that masks padding, gradient clipping,
#   steps per call from helpers.steps_per_call (one step when mirrored), a callback that
#   stops training, and the trained model used afterwards by its own decoding loops
#   (greedy, beam, attention).
# 05-08 and 11 fit stacks of SimpleRNN/GRU/LSTM layers (or cells) with standard losses on
# tf.data or arrays, clipping, callbacks and helpers.steps_per_call, which 03 and 10 already
# carry under the strategy. 03 and 10 run with the default strategy in `make execute`.
# Learning is checked by each notebook's fast_claims (save_results fails a run that misses
# them): masked accuracy >= 0.6 against a majority class of about 0.52 in 03, a BLEU of at
# least 0.1 (a model that has learnt nothing scores about 0) in 10.
MIRRORED_UNDER_NBVAL = ("03_variable_length_sequences", "10_machine_translation")
MIRRORED_ENVIRONMENT = {"RNN_COURSE_STRATEGY": "mirrored", "RNN_COURSE_LOGICAL_CPUS": "2"}

_notebook_seconds = defaultdict(float)

# The files that take longest, measured, handed out first so that the workers finish
# together (pytest-xdist keeps this order with --no-loadscope-reorder). Each unit of work (a
# file, or a notebook with the test file that follows it) stays on one worker, so a
# notebook's cells share one kernel and a module's fixtures are built once.
_LONGEST_FIRST = (
    "notebooks/06_time_series_prediction.ipynb",  # with tests/test_learner_runs.py
    "notebooks/10_machine_translation.ipynb",
    "notebooks/03_variable_length_sequences.ipynb",
    "tests/test_publish.py",
    "notebooks/11_parallel_recurrences.ipynb",
    "notebooks/05_mnist_sequence_classifier.ipynb",
    "notebooks/",
)


# A test file that reads what a notebook's run under nbval saved goes with that notebook:
# same worker, right after its cells. test_learner_runs.py compares a learner's run of 06
# with the one nbval has just made, instead of running 06 twice.
RUNS_AFTER_NOTEBOOK = {"tests/test_learner_runs.py": "notebooks/06_time_series_prediction.ipynb"}


def _scope(nodeid):
    path = nodeid.split("::", 1)[0]
    return RUNS_AFTER_NOTEBOOK.get(path, path)


def _rank(nodeid):
    scope = _scope(nodeid)
    rank = next((k for k, start in enumerate(_LONGEST_FIRST) if scope.startswith(start)), 99)
    # Then by unit (pytest collects files alphabetically already), a notebook before its follower.
    return rank, scope, nodeid.split("::", 1)[0] != scope


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: _rank(item.nodeid))  # stable: a file's tests keep their order


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadfile, except that RUNS_AFTER_NOTEBOOK's files share their notebook's unit."""
    from xdist.scheduler import LoadFileScheduling

    class Scheduling(LoadFileScheduling):
        def _split_scope(self, nodeid):
            return _scope(nodeid)

    return Scheduling(config, log) if config.getoption("dist") == "loadfile" else None


def pytest_runtest_logreport(report):
    # nbval makes one test item per cell; their node ids start with the notebook's path.
    path = report.nodeid.split("::", 1)[0]
    if path.endswith(".ipynb"):
        _notebook_seconds[path] += report.duration


def pytest_terminal_summary(terminalreporter):
    if not _notebook_seconds:
        return
    terminalreporter.section("notebook durations (fast mode)")
    for path, seconds in sorted(_notebook_seconds.items()):
        terminalreporter.write_line(f"{seconds:7.1f} s  {path}")
    total = sum(_notebook_seconds.values())
    terminalreporter.write_line(f"{total:7.1f} s  total (run on parallel workers)")


def _mirrored_notebook(item):
    """The notebook's name if ``item`` is a cell (under nbval) of one of MIRRORED_UNDER_NBVAL,
    else None. What follows uses nbval's attributes (the notebook's ``kernel``, the cell's
    ``cell``) directly, so that a change in nbval fails loudly."""
    path = Path(item.path)
    return path.stem if path.suffix == ".ipynb" and path.stem in MIRRORED_UNDER_NBVAL else None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Start the kernel of a MIRRORED_UNDER_NBVAL notebook with MIRRORED_ENVIRONMENT.

    nbval starts a notebook's kernel when its first cell is set up; the kernel copies the
    environment then, and the suite's own environment is restored right after.
    """
    if _mirrored_notebook(item) is None or item.parent.kernel is not None:
        return (yield)
    item.parent.mirrored_since = time.time()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in MIRRORED_ENVIRONMENT.items():
            patch.setenv(name, value)
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the results cell of a MIRRORED_UNDER_NBVAL notebook: the record it just saved
    says the run was mirrored and its trained model had two replicas."""
    result = yield
    name = _mirrored_notebook(item)
    if name is not None and "results" in item.cell.metadata.get("tags", []):
        from helpers.results import load_results, results_path  # the suite's environment

        path = results_path(name, fast=True)
        assert path.exists() and path.stat().st_mtime >= item.parent.mirrored_since, (
            f"the results cell of {name} saved no record to {path}"
        )
        record = load_results(name, fast=True)
        assert record["parameters"]["STRATEGY"] == "mirrored", record["parameters"]
        assert record["metrics"]["replicas"] == 2, "a model was built outside strategy.scope()"
        assert record["fast_claims"], f"{name} declares no learning check (fast_claims)"
    return result
