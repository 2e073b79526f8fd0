"""Pytest hooks for the whole suite: each notebook's total duration in the summary."""

from collections import defaultdict

_notebook_seconds = defaultdict(float)


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
