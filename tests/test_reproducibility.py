"""A notebook that trains gives the same numbers when run again in a new kernel.

A notebook that trains (06: SimpleRNN models fitted on arrays and on a tf.data pipeline,
several steps per call, early stopping by a custom validation callback) is executed in fast
mode with papermill in a new kernel, and every number it records must equal those of another
fast run with the same parameters (timings excepted). When nbval has run 06 in this session,
its run is the other one: under `make test` (--dist loadfile) conftest.py schedules this file
right after 06's cells, on the same worker. Otherwise this test runs 06 twice.
The notebooks that train nothing (00-02) compute the same numbers by construction; nbval
compares their outputs on every run. Running every cell again in the same kernel is
test_learner_runs.py's (notebook 01, twice through JupyterLab's Run menu).
"""

import json
import re
import time

import pytest
from helpers.results import results_dir

# Numbers that measure time, not results.
TIMING = re.compile(r"seconds|per_second|_time|throughput|_ms\b|speed")
# Collection imports this module before any test of the session runs.
SESSION_STARTED = time.time()


def _numbers(record):
    return {key: value for key, value in record["metrics"].items() if not TIMING.search(key)}


def _saved_by_nbval_in_this_session(name, session):
    """The record nbval's run of notebooks/<name>.ipynb saved during this session, or None
    (nbval did not run it, or not yet, or its run stopped before saving)."""
    if not any(item.nodeid.startswith(f"notebooks/{name}.ipynb::") for item in session.items):
        return None
    path = results_dir() / f"{name}.fast.json"  # the nbval kernel had this environment
    if not path.exists() or path.stat().st_mtime < SESSION_STARTED:
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["06_time_series_prediction"])
def test_two_fast_runs_record_identical_numbers(name, tmp_path, run_to_results, request):
    second = run_to_results(name, tmp_path / "second")
    first = _saved_by_nbval_in_this_session(name, request.session)
    if first is None or first["parameters"] != second["parameters"]:  # another run wrote it
        first = run_to_results(name, tmp_path / "first")
    assert _numbers(first), "no numbers to compare"
    assert _numbers(first) == _numbers(second)
