"""The papermill path: a bad injected parameter stops the notebook at its checks cell, with
a message naming it, before any work and before anything is written.

A good run with an injected value (`-p FAST True`) is test_learner_runs.py's; the rules
themselves are unit-tested in test_parameters.py. Each run here stops in its first cells.
"""

from pathlib import Path

import papermill
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "name, parameters, message",
    [
        ("01_manual_two_step_rnn", {"FAST": True, "SEED": -5},
         "parameter SEED must be an integer from 0 to 2**32 - 1, got -5"),
        # A by_mode default overridden by papermill is checked like any other value.
        ("03_variable_length_sequences", {"FAST": True, "EPOCHS": -3},
         "parameter EPOCHS must be an integer >= 1, got -3"),
    ],
    ids=["seed", "epochs of a training notebook"],
)  # fmt: skip
def test_a_bad_parameter_stops_with_a_clear_message(
    tmp_path, monkeypatch, name, parameters, message
):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    notebook = ROOT / "notebooks" / f"{name}.ipynb"
    with pytest.raises(papermill.PapermillExecutionError) as error:
        papermill.execute_notebook(
            str(notebook),
            str(tmp_path / notebook.name),
            parameters=parameters,
            cwd=str(notebook.parent),
            progress_bar=False,
        )
    assert message in str(error.value)
    assert "-p " in str(error.value), "the message says where to fix it"
    assert not list(tmp_path.glob("*.json"))
