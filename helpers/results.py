"""Record a notebook's headline numbers, and check the claims its text makes about them.

The Results cell of a notebook calls :func:`save_results` with its numbers and the claims
its prose makes (``"lstm_test_accuracy >= 0.99"``, ``"rnn_mape < last_week_mape"``). The
claims are checked there, in both modes, and a claim that fails stops the run with the
numbers.

Where the file goes: a learner's run (JupyterLab, papermill, the test suite) writes to
``runs/`` at the top of the repository, which git ignores, so running a notebook never
changes a tracked file. ``make execute`` sets ``RNN_COURSE_RESULTS_DIR=results`` to refresh
the committed numbers. Fast-mode runs write ``<notebook>.fast.json``, full-mode runs
``<notebook>.json``.
"""

import json
import math
import operator
import os
import platform
import re
import time
from pathlib import Path

import numpy as np

RESULTS_DIR_ENV_VAR = "RNN_COURSE_RESULTS_DIR"
CODE_HASH_ENV_VAR = "RNN_COURSE_CODE_SHA256"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RESULTS_DIR = ROOT / "runs"
_NOTEBOOK_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")
_RUN = {"fast": None, "parameters": None}

_OPERATORS = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}
_CLAIM = re.compile(
    r"^\s*(?P<left>[a-z][a-z0-9_]*)\s*(?P<op>>=|<=|>|<)\s*"
    r"(?:(?P<factor>[-+]?[0-9.]+(?:e[-+]?\d+)?)\s*\*\s*)?"
    r"(?P<right>[a-z][a-z0-9_]*|[-+]?[0-9.]+(?:e[-+]?\d+)?)\s*$"
)


def results_dir():
    """Where results are written: ``$RNN_COURSE_RESULTS_DIR``, else ``runs/``."""
    configured = os.environ.get(RESULTS_DIR_ENV_VAR)
    if not configured:
        return DEFAULT_RESULTS_DIR
    folder = Path(configured)
    return folder if folder.is_absolute() else ROOT / folder


def remember_run(*, fast, parameters):
    """Called by :func:`helpers.check_parameters`: the mode and knobs of this run."""
    _RUN["fast"], _RUN["parameters"] = fast, dict(parameters)


class Timer:
    """Wall-clock seconds of a block: ``with Timer() as timer: ...; timer.seconds``."""

    def __enter__(self):
        self._start = time.perf_counter()
        self.seconds = None
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        return False


def _as_number(name, value):
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"result {name!r} is a boolean; record a number (for example 1.0 or 0.0)")
    if hasattr(value, "numpy"):  # a TensorFlow scalar
        value = value.numpy()
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, int | float):
        raise TypeError(f"result {name!r} must be a number, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"result {name!r} is {value}; only finite numbers can be recorded")
    return value


def parse_claim(claim):
    """``"a >= 0.98"`` or ``"a < b"`` or ``"a < 0.5 * b"`` as (left, op, factor, right)."""
    match = _CLAIM.match(claim) if isinstance(claim, str) else None
    if not match:
        raise ValueError(
            f"claim {claim!r} is not of the form 'metric >= 0.98', 'metric < other_metric' "
            f"or 'metric < 0.5 * other_metric'"
        )
    right = match["right"]
    try:
        right = float(right)
    except ValueError:
        pass
    factor = float(match["factor"]) if match["factor"] else 1.0
    return match["left"], match["op"], factor, right


def check_claim(claim, metrics):
    """Whether ``claim`` holds for ``metrics``; raises ``KeyError`` for an unknown metric."""
    left, op, factor, right = parse_claim(claim)
    for name in (left, right):
        if isinstance(name, str) and name not in metrics:
            raise KeyError(f"claim {claim!r} names {name!r}, which is not among the results")
    right_value = metrics[right] if isinstance(right, str) else right
    return _OPERATORS[op](metrics[left], factor * right_value)


def machine_description():
    """A short, stable description of the machine, stored with the numbers."""
    return {
        "system": platform.system(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def save_results(
    notebook,
    metrics,
    *,
    claims=(),
    fast_claims=(),
    fast=None,
    seconds=None,
    parameters=None,
    directory=None,
):
    """Check the claims and write a notebook's headline numbers (nothing is returned, so
    that the results cell shows only what it prints).

    ``metrics`` maps a name to a finite number. ``claims`` are what the notebook's text
    says of a full run, ``fast_claims`` what a fast run must show (a learning check); the
    ones for the run's mode are checked before anything is written. ``fast``,
    ``seconds`` and ``parameters`` default to what :func:`helpers.check_parameters` and
    :func:`helpers.start_notebook` recorded. The file is written atomically.
    """
    from helpers.startup import seconds_since_start

    if not isinstance(notebook, str) or not _NOTEBOOK_NAME.match(notebook):
        raise ValueError(
            f"notebook must be a notebook's file name without .ipynb, such as "
            f"'01_manual_two_step_rnn', got {notebook!r}"
        )
    if not isinstance(metrics, dict) or not metrics:
        raise ValueError("metrics must be a non-empty dict of name -> number")
    clean = {}
    for name, value in metrics.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise TypeError(f"metric names must be lower_case identifiers, got {name!r}")
        clean[name] = _as_number(name, value)
    fast = _RUN["fast"] if fast is None else fast
    if fast is None:
        raise ValueError("fast is unknown: call helpers.check_parameters(globals()) first")
    parameters = _RUN["parameters"] if parameters is None else parameters
    seconds = seconds_since_start() if seconds is None else seconds
    seconds = _as_number("seconds", 0.0 if seconds is None else seconds)
    if seconds < 0:
        raise ValueError(f"seconds must be >= 0, got {seconds}")
    for claim in (*claims, *fast_claims):
        parse_claim(claim)
    checked = list(fast_claims if fast else claims)
    failed = [claim for claim in checked if not check_claim(claim, clean)]

    import keras
    import tensorflow as tf

    record = {
        "notebook": notebook,
        "mode": "fast" if fast else "full",
        "seconds": round(seconds, 2),
        "metrics": clean,
        "claims": list(claims),
        "fast_claims": list(fast_claims),
        "parameters": {k: _jsonable(v) for k, v in (parameters or {}).items()},
        "code_sha256": os.environ.get(CODE_HASH_ENV_VAR),
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "machine": machine_description(),
    }
    width = max(len(name) for name in clean)
    print("Headline numbers:")
    for name, value in clean.items():
        print(f"  {name:<{width}}  {value:.6g}")
    if checked:
        print("Claims of the text:")
        for claim in checked:
            print(f"  {'FAILED' if claim in failed else 'holds '}  {claim}")
    if failed:
        raise AssertionError(f"{notebook}: these claims do not hold: {failed}; nothing written")
    path = results_path(notebook, fast=fast, directory=directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    print(f"Saved to {path.parent.name}/{path.name}")


def _jsonable(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def results_path(notebook, *, fast=False, directory=None):
    """Where :func:`save_results` writes a notebook's record: ``<notebook>.json``, or
    ``<notebook>.fast.json`` for a fast run, in ``directory`` (default :func:`results_dir`)."""
    folder = Path(directory) if directory is not None else results_dir()
    return folder / (f"{notebook}.fast.json" if fast else f"{notebook}.json")


def load_results(notebook, *, fast=False, directory=None):
    """Read back what :func:`save_results` wrote."""
    path = results_path(notebook, fast=fast, directory=directory)
    return json.loads(path.read_text(encoding="utf-8"))
