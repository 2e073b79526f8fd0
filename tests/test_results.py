import json

import numpy as np
import pytest

from helpers import Timer, save_results
from helpers.results import load_results


def test_full_mode_writes_the_committed_file(tmp_path, capsys):
    path = save_results(
        "05_mnist_sequence_classifier",
        {"test_accuracy": np.float32(0.9812), "epochs": 12},
        fast=False,
        seconds=123.456,
        parameters={"SEED": 42},
        directory=tmp_path,
    )
    assert path == tmp_path / "05_mnist_sequence_classifier.json"
    record = json.loads(path.read_text())
    assert record["mode"] == "full"
    assert record["seconds"] == 123.46
    assert record["metrics"] == {"test_accuracy": pytest.approx(0.9812), "epochs": 12}
    assert record["parameters"] == {"SEED": 42}
    assert record["versions"]["tensorflow"].startswith("2.")
    assert "test_accuracy" in capsys.readouterr().out


def test_fast_mode_never_overwrites_full_results(tmp_path):
    save_results("00_recurrent_neurons", {"x": 1.0}, fast=False, seconds=1, directory=tmp_path)
    save_results("00_recurrent_neurons", {"x": 2.0}, fast=True, seconds=1, directory=tmp_path)
    assert load_results("00_recurrent_neurons", directory=tmp_path)["metrics"]["x"] == 1.0
    fast = load_results("00_recurrent_neurons", fast=True, directory=tmp_path)
    assert fast["metrics"]["x"] == 2.0 and fast["mode"] == "fast"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "metrics, error, message",
    [
        ({}, ValueError, "non-empty dict"),
        ([("a", 1.0)], ValueError, "non-empty dict"),
        ({"acc": "high"}, TypeError, "result 'acc' must be a number"),
        ({"acc": np.bool_(True)}, TypeError, "result 'acc' is a boolean"),
        ({"acc": float("nan")}, ValueError, "only finite numbers"),
        ({"acc": np.zeros(3)}, TypeError, "must be a number"),
        ({"": 1.0}, TypeError, "non-empty strings"),
    ],
)
def test_bad_metrics_are_refused(tmp_path, metrics, error, message):
    with pytest.raises(error, match=message):
        save_results("01_manual_two_step_rnn", metrics, fast=True, seconds=0, directory=tmp_path)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["01_manual_two_step_rnn.ipynb", "manual", "", None])
def test_bad_notebook_name_is_refused(tmp_path, name):
    with pytest.raises(ValueError, match="notebook's file name without .ipynb"):
        save_results(name, {"x": 1.0}, fast=True, seconds=0, directory=tmp_path)


def test_negative_seconds_are_refused(tmp_path):
    with pytest.raises(ValueError, match="seconds must be >= 0"):
        save_results(
            "01_manual_two_step_rnn", {"x": 1.0}, fast=True, seconds=-1, directory=tmp_path
        )


def test_results_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    save_results("01_manual_two_step_rnn", {"x": 1.0}, fast=True, seconds=0)
    assert (tmp_path / "01_manual_two_step_rnn.fast.json").exists()


def test_timer_measures_a_block():
    with Timer() as timer:
        sum(range(10_000))
    assert 0 <= timer.seconds < 5
