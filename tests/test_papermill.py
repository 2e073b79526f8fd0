"""The papermill path: parameters injected into a notebook reach the code, bad ones stop it."""

import json
from pathlib import Path

import papermill
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01_manual_two_step_rnn.ipynb"


def _run(tmp_path, monkeypatch, notebook=NOTEBOOK, **parameters):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    monkeypatch.setenv("RNN_COURSE_FAST", "0")  # papermill's FAST must win over this
    return papermill.execute_notebook(
        str(notebook),
        str(tmp_path / notebook.name),
        parameters=parameters,
        cwd=str(notebook.parent),
        progress_bar=False,
    )


def test_injected_parameters_take_effect(tmp_path, monkeypatch):
    nb = _run(tmp_path, monkeypatch, FAST=True, SEED=7)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    record = json.loads((tmp_path / f"{NOTEBOOK.stem}.fast.json").read_text())
    assert record["mode"] == "fast"
    assert record["parameters"]["SEED"] == 7


def test_bad_parameter_stops_with_a_clear_message(tmp_path, monkeypatch):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        _run(tmp_path, monkeypatch, FAST=True, SEED=-5)
    assert "parameter SEED must be an integer from 0 to 2**32 - 1, got -5" in str(error.value)
    assert not list(tmp_path.glob("*.json"))


TRAINING_NOTEBOOK = ROOT / "notebooks" / "03_variable_length_sequences.ipynb"


@pytest.mark.parametrize(
    "parameters, message",
    [
        (
            {"EPOCHS": -3},
            "parameter EPOCHS must be an integer >= 1 (or None for the mode's default), got -3",
        ),
        ({"FAST": "maybe"}, "parameter FAST must be True or False, got 'maybe'"),
        ({"DATA_FRACTION": 1.5}, "parameter DATA_FRACTION must be a number in (0, 1]"),
    ],
    ids=["negative epochs", "unknown mode", "data fraction above 1"],
)
def test_bad_training_parameters_stop_before_any_work(tmp_path, monkeypatch, parameters, message):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        _run(tmp_path, monkeypatch, notebook=TRAINING_NOTEBOOK, **parameters)
    assert message in str(error.value)
    assert not list(tmp_path.glob("*.json"))
