"""helpers.distribute: strategies by name, and the training notebooks under MirroredStrategy.

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


def test_strategy_from_parameters_without_a_split_is_make_strategy():
    strategy = distribute.strategy_from_parameters("default", None)
    assert strategy.num_replicas_in_sync == 1


# Every notebook that trains with fit, trained on two logical CPUs in fast mode, with a
# learning check each (the fast default run gives, for comparison: 03 masked 0.55 vs
# unmasked 0.48; 05 0.80 on 5,000 images in 2 epochs, against 0.1 for guessing; 06 RNN
# MSE 0.10 vs naive 0.66; 07 ReLU stack 0.04 vs the mean predictor 0.17; 08 LSTM 1.00 at 5
# noise steps; 10 BLEU 0.09).
LEARNS = {
    "03_variable_length_sequences": lambda m: m["test_accuracy_masked"] > 0.5,
    "05_mnist_sequence_classifier": lambda m: m["simple_rnn_test_accuracy"] > 0.5,
    "06_time_series_prediction": lambda m: (
        m["series_test_mse_rnn"] < m["series_test_mse_naive"] / 2
    ),
    "07_deep_rnns": lambda m: m["val_mse_relu"] < m["baseline_val_mse"] / 2,
    "08_lstm_cells": lambda m: m["lstm_accuracy_longest"] > 0.9,
    "10_machine_translation": lambda m: m["bleu_reversed"] > 0.02,
}


@pytest.mark.parametrize("name", LEARNS)
def test_training_notebook_learns_under_mirrored_strategy(name, tmp_path, monkeypatch):
    notebook = Path(__file__).resolve().parent.parent / "notebooks" / f"{name}.ipynb"
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    papermill.execute_notebook(
        str(notebook),
        str(tmp_path / notebook.name),
        parameters={"FAST": True, "STRATEGY": "mirrored", "LOGICAL_CPUS": 2},
        cwd=str(notebook.parent),
        progress_bar=False,
    )
    record = json.loads((tmp_path / f"{name}.fast.json").read_text())
    assert record["parameters"]["STRATEGY"] == "mirrored"
    assert record["parameters"]["REPLICAS"] == 2
    assert LEARNS[name](record["metrics"]), record["metrics"]
