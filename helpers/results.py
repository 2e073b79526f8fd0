"""Record a notebook's headline numbers into ``results/<notebook>.json``.

A full-mode run writes ``results/<notebook>.json``, the file that is committed and from
which the README's results table is made. A fast-mode run writes
``results/<notebook>.fast.json`` beside it (ignored by git), so a test run never touches
the committed numbers. ``RNN_COURSE_RESULTS_DIR`` points both somewhere else.
"""

import json
import math
import os
import platform
import re
import time
from pathlib import Path

import numpy as np

RESULTS_DIR_ENV_VAR = "RNN_COURSE_RESULTS_DIR"
DEFAULT_RESULTS_DIR = Path(__file__).resolve().parent.parent / "results"
_NOTEBOOK_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")


def results_dir():
    return Path(os.environ.get(RESULTS_DIR_ENV_VAR, DEFAULT_RESULTS_DIR))


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
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, int | float):
        raise TypeError(f"result {name!r} must be a number, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"result {name!r} is {value}; only finite numbers can be recorded")
    return value


def machine_description():
    """A short, stable description of the machine, stored with the numbers."""
    return {
        "system": platform.system(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def save_results(notebook, metrics, *, fast, seconds, parameters=None, directory=None):
    """Write a notebook's headline numbers and return the path written.

    ``metrics`` maps a name to a finite number (for example ``{"test_accuracy": 0.981}``);
    ``seconds`` is the training (or total compute) time of the run; ``parameters`` the
    knobs it ran with. The file is written atomically, so an interrupted run leaves the
    previous one intact.
    """
    if not isinstance(notebook, str) or not _NOTEBOOK_NAME.match(notebook):
        raise ValueError(
            f"notebook must be a notebook's file name without .ipynb, such as "
            f"'01_manual_two_step_rnn', got {notebook!r}"
        )
    if not isinstance(metrics, dict) or not metrics:
        raise ValueError("metrics must be a non-empty dict of name -> number")
    clean = {}
    for name, value in metrics.items():
        if not isinstance(name, str) or not name:
            raise TypeError(f"metric names must be non-empty strings, got {name!r}")
        clean[name] = _as_number(name, value)
    seconds = _as_number("seconds", seconds)
    if seconds < 0:
        raise ValueError(f"seconds must be >= 0, got {seconds}")

    import keras
    import tensorflow as tf

    record = {
        "notebook": notebook,
        "mode": "fast" if fast else "full",
        "seconds": round(seconds, 2),
        "metrics": clean,
        "parameters": parameters or {},
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "machine": machine_description(),
    }
    folder = Path(directory) if directory is not None else results_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (f"{notebook}.fast.json" if fast else f"{notebook}.json")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    print(f"Recorded in {folder.name}/{path.name} ({record['mode']} mode, {seconds:.1f} s):")
    width = max(len(name) for name in clean)
    for name, value in clean.items():
        print(f"  {name:<{width}}  {value:.6g}")
    return path


def load_results(notebook, *, fast=False, directory=None):
    """Read back what :func:`save_results` wrote."""
    folder = Path(directory) if directory is not None else results_dir()
    path = folder / (f"{notebook}.fast.json" if fast else f"{notebook}.json")
    return json.loads(path.read_text(encoding="utf-8"))
