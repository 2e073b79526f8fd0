"""Pytest hooks for the whole suite: how the two workers share it, and each notebook's total
duration in the summary."""

from collections import defaultdict

_notebook_seconds = defaultdict(float)

# The files that take longest, measured, handed out first so that the two workers finish
# together (pytest-xdist keeps this order with --no-loadscope-reorder; each file stays on
# one worker, so a notebook's cells share one kernel and a module's fixtures are built once).
_LONGEST_FIRST = (
    "tests/test_distribute.py",
    "tests/test_reproducibility.py",
    "tests/test_publish.py",
    "notebooks/",
    "tests/test_learner_runs.py",
)


def _rank(nodeid):
    return next((k for k, start in enumerate(_LONGEST_FIRST) if nodeid.startswith(start)), 99)


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: _rank(item.nodeid))  # stable: a file's tests keep their order


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
