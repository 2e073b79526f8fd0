"""helpers.distribute: strategies by name, and notebook 05 trained under MirroredStrategy.

Splitting the CPU needs a process where TensorFlow has run nothing yet: papermill's fresh
kernel is one.
"""

import json
from pathlib import Path

import papermill
import pytest

from helpers import distribute


def test_default_strategy_has_one_replica():
    assert distribute.make_strategy("default").num_replicas_in_sync == 1


def test_unknown_strategy_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="unknown strategy 'tpu'; choose one of default, mirrored"):
        distribute.make_strategy("tpu")


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_split_cpu_rejects_bad_counts(bad):
    with pytest.raises(ValueError, match="n_devices must be an integer >= 1"):
        distribute.split_cpu(bad)


def test_notebook_05_learns_under_mirrored_strategy_on_two_logical_cpus(tmp_path, monkeypatch):
    notebook = (
        Path(__file__).resolve().parent.parent / "notebooks" / "05_mnist_sequence_classifier.ipynb"
    )
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    papermill.execute_notebook(
        str(notebook),
        str(tmp_path / notebook.name),
        parameters={"FAST": True, "STRATEGY": "mirrored", "LOGICAL_CPUS": 2},
        cwd=str(notebook.parent),
        progress_bar=False,
    )
    record = json.loads((tmp_path / "05_mnist_sequence_classifier.fast.json").read_text())
    assert record["parameters"]["STRATEGY"] == "mirrored"
    assert record["parameters"]["REPLICAS"] == 2
    # Fast mode trains on 5,000 images for 2 epochs: far above the 0.1 of guessing.
    assert record["metrics"]["simple_rnn_test_accuracy"] > 0.5
