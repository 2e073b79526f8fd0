"""helpers.results: headline numbers and the claims of the text, checked before writing."""

import json

import numpy as np
import pytest

from helpers import Timer, results, save_results
from helpers.results import check_claim, load_results, parse_claim


def test_full_mode_writes_numbers_claims_and_code_hash(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_CODE_SHA256", "ab" * 32)
    save_results(
        "05_mnist_sequence_classifier",
        {"test_accuracy": np.float32(0.9812), "epochs": 12},
        claims=["test_accuracy >= 0.98"],
        fast_claims=["test_accuracy > 0.5"],
        fast=False,
        seconds=123.456,
        parameters={"SEED": 42, "DEPTHS": (1, 2)},
        directory=tmp_path,
    )
    path = tmp_path / "05_mnist_sequence_classifier.json"
    record = json.loads(path.read_text())
    assert record["notebook"] == "05_mnist_sequence_classifier"
    assert record["mode"] == "full"
    assert record["seconds"] == 123.46
    assert record["metrics"] == {"test_accuracy": pytest.approx(0.9812), "epochs": 12}
    assert record["claims"] == ["test_accuracy >= 0.98"]
    assert record["fast_claims"] == ["test_accuracy > 0.5"]
    assert record["parameters"] == {"SEED": 42, "DEPTHS": [1, 2]}
    assert record["code_sha256"] == "ab" * 32
    assert record["versions"]["tensorflow"].startswith("2.")
    assert capsys.readouterr().out.splitlines() == [
        "Headline numbers:",
        "  test_accuracy  0.9812",
        "  epochs         12",
        "Claims of the text:",
        "  holds   test_accuracy >= 0.98",
        "Saved to " + tmp_path.name + "/05_mnist_sequence_classifier.json",
    ]


def test_fast_mode_never_overwrites_full_results(tmp_path):
    save_results("00_recurrent_neurons", {"x": 1.0}, fast=False, seconds=1, directory=tmp_path)
    save_results("00_recurrent_neurons", {"x": 2.0}, fast=True, seconds=1, directory=tmp_path)
    assert load_results("00_recurrent_neurons", directory=tmp_path)["metrics"]["x"] == 1.0
    fast = load_results("00_recurrent_neurons", fast=True, directory=tmp_path)
    assert fast["metrics"]["x"] == 2.0 and fast["mode"] == "fast"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "claim, parsed",
    [
        ("acc >= 0.98", ("acc", ">=", 1.0, 0.98)),
        ("  mse<naive_mse ", ("mse", "<", 1.0, "naive_mse")),
        ("rnn_mse < 0.5 * naive_mse", ("rnn_mse", "<", 0.5, "naive_mse")),
        ("error <= 1e-6", ("error", "<=", 1.0, 1e-6)),
        ("bleu > -1", ("bleu", ">", 1.0, -1.0)),
    ],
)
def test_claims_are_parsed(claim, parsed):
    assert parse_claim(claim) == parsed


@pytest.mark.parametrize(
    "claim", ["acc", "acc == 0.9", "acc >= 0.9 and b < 1", "0.9 <= acc", "Acc >= 1", "a < b * 2", 5]
)
def test_malformed_claims_are_refused(claim):
    with pytest.raises(ValueError, match="is not of the form 'metric >= 0.98'"):
        parse_claim(claim)


@pytest.mark.parametrize(
    "claim, holds",
    [
        ("a >= 0.5", True),
        ("a > 0.5", False),
        ("a <= 0.5", True),
        ("a < b", True),
        ("b < a", False),
        ("a < 0.25 * b", False),
        ("a <= 0.25 * b", True),
    ],
)
def test_claims_are_checked(claim, holds):
    assert check_claim(claim, {"a": 0.5, "b": 2.0}) is holds


def test_a_claim_on_an_unknown_metric_names_it():
    with pytest.raises(KeyError, match="names 'c', which is not among the results"):
        check_claim("a < c", {"a": 1.0})


def test_a_failed_claim_writes_nothing_and_shows_the_numbers(tmp_path, capsys):
    with pytest.raises(AssertionError, match=r"these claims do not hold: \['acc >= 0.98'\]"):
        save_results(
            "05_mnist_sequence_classifier",
            {"acc": 0.97},
            claims=["acc >= 0.98", "acc > 0.5"],
            fast=False,
            seconds=1,
            directory=tmp_path,
        )
    out = capsys.readouterr().out
    assert "  acc  0.97" in out and "FAILED  acc >= 0.98" in out and "holds   acc > 0.5" in out
    assert not list(tmp_path.iterdir())


def test_only_the_claims_of_the_runs_mode_are_checked(tmp_path):
    kwargs = dict(claims=["acc >= 0.98"], fast_claims=["acc > 0.5"], seconds=1, directory=tmp_path)
    save_results("05_mnist_sequence_classifier", {"acc": 0.6}, fast=True, **kwargs)
    with pytest.raises(AssertionError):
        save_results("05_mnist_sequence_classifier", {"acc": 0.6}, fast=False, **kwargs)
    with pytest.raises(AssertionError):
        save_results("05_mnist_sequence_classifier", {"acc": 0.4}, fast=True, **kwargs)


def test_malformed_claims_of_the_other_mode_are_refused_too(tmp_path):
    with pytest.raises(ValueError, match="is not of the form"):
        save_results(
            "05_mnist_sequence_classifier",
            {"acc": 0.6},
            claims=["acc is high"],
            fast=True,
            seconds=1,
            directory=tmp_path,
        )
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "metrics, error, message",
    [
        ({}, ValueError, "non-empty dict"),
        ([("a", 1.0)], ValueError, "non-empty dict"),
        ({"acc": "high"}, TypeError, "result 'acc' must be a number"),
        ({"acc": np.bool_(True)}, TypeError, "result 'acc' is a boolean"),
        ({"acc": float("nan")}, ValueError, "only finite numbers"),
        ({"acc": np.zeros(3)}, TypeError, "must be a number"),
        ({"": 1.0}, TypeError, "lower_case identifiers"),
        ({"Acc": 1.0}, TypeError, "lower_case identifiers"),
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


def test_the_mode_must_be_known(tmp_path, monkeypatch):
    monkeypatch.setitem(results._RUN, "fast", None)
    with pytest.raises(ValueError, match="call helpers.check_parameters"):
        save_results("01_manual_two_step_rnn", {"x": 1.0}, seconds=0, directory=tmp_path)


def test_results_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", str(tmp_path))
    save_results("01_manual_two_step_rnn", {"x": 1.0}, fast=True, seconds=0)
    assert (tmp_path / "01_manual_two_step_rnn.fast.json").exists()


def test_a_relative_results_dir_is_taken_from_the_top_of_the_repository(monkeypatch):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", "results")
    assert results.results_dir() == results.ROOT / "results"


def test_learners_runs_go_to_the_ignored_runs_folder(monkeypatch):
    monkeypatch.delenv("RNN_COURSE_RESULTS_DIR", raising=False)
    assert results.results_dir() == results.ROOT / "runs"
    ignored = (results.ROOT / ".gitignore").read_text().splitlines()
    assert "runs/" in ignored


def test_timer_measures_a_block():
    with Timer() as timer:
        sum(range(10_000))
    assert 0 <= timer.seconds < 5
