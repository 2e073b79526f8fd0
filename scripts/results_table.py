"""Regenerate the README's results table from results/*.json (``make results``).

Each notebook's headline numbers stand beside the lesson's figure and a published reference
for the same task where one exists. The table sits in README.md between two marker comments;
``--check`` only reports whether it is up to date (the test suite runs that).
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
README = ROOT / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
FIRST_EDITION = "first-edition reference notebook (Géron, *Hands-On ML*, ch. 14)"

# notebook -> [(metric, what it is, format, lesson's figure, published reference)]
HEADLINES = {
    "00_recurrent_neurons": [
        (
            "recurrent_change_when_reversed",
            "RNN output change when the sequence is reversed",
            ".3f",
            "",
            "",
        ),
        ("feedforward_change_when_reversed", "pooled feedforward output change", ".1e", "", ""),
    ],
    "01_manual_two_step_rnn": [
        (
            "max_abs_diff_numpy_vs_keras",
            "max abs. difference, NumPy vs SimpleRNN (Y0, Y1)",
            ".1e",
            "",
            "",
        ),
        ("graph_ops_100_steps", "graph ops, 100 steps unrolled by hand", "d", "", ""),
    ],
    "02_static_vs_dynamic_unrolling": [
        ("ops_static_200_steps", "graph ops, static, 200 steps", "d", "", ""),
        ("ops_dynamic_200_steps", "graph ops, dynamic, 200 steps", "d", "", ""),
    ],
    "03_variable_length_sequences": [
        ("test_accuracy_masked", "sentiment test accuracy, masked", ".3f", "", ""),
        ("test_accuracy_unmasked", "sentiment test accuracy, unmasked", ".3f", "", ""),
    ],
    "04_backpropagation_through_time": [
        (
            "bptt_max_relative_error_vs_gradienttape",
            "NumPy BPTT vs GradientTape, max rel. error",
            ".1e",
            "",
            "",
        ),
        ("full_bptt_accuracy", "lag-8 task, full BPTT accuracy", ".3f", "", ""),
        ("truncated_bptt_accuracy", "lag-8 task, 4-step truncated BPTT accuracy", ".3f", "", ""),
    ],
    "05_mnist_sequence_classifier": [
        (
            "simple_rnn_test_accuracy",
            "MNIST, SimpleRNN(150) test accuracy",
            ".4f",
            "98%",
            f"97.44% final, 98.06% best ({FIRST_EDITION})",
        ),
        (
            "lstm_test_accuracy",
            "MNIST, LSTM(150) test accuracy",
            ".4f",
            "",
            f"98.71% for a three-layer LSTM ({FIRST_EDITION})",
        ),
        ("simple_rnn_epochs", "SimpleRNN epochs", "d", "", ""),
        ("lstm_epochs", "LSTM epochs", "d", "", ""),
    ],
    "06_time_series_prediction": [
        (
            "series_test_mse_rnn",
            "t·sin(t)/3 + 2·sin(5t): RNN test MSE",
            ".4f",
            "",
            f"≈ 0.042 ({FIRST_EDITION})",
        ),
        ("series_test_mse_linear", "same, linear model", ".4f", "", ""),
        ("series_test_mse_naive", "same, naive", ".4f", "", ""),
        ("temp_test_mae_f_rnn_24h_mean", "Seattle, next 24 h, RNN MAE (°F)", ".3f", "", ""),
        ("temp_test_mae_f_persistence_24h_mean", "same, persistence", ".3f", "", ""),
    ],
    "07_deep_rnns": [
        ("baseline_val_mse", "adding problem, baseline MSE (predict the mean)", ".4f", "", ""),
        ("val_mse_reference", "3-layer SimpleRNN, Keras init, tanh, Adam, clipping", ".4f", "", ""),
        ("val_mse_relu", "same with a ReLU activation", ".4f", "", ""),
        ("val_mse_plain_sgd", "same with plain SGD", ".4f", "", ""),
    ],
    "08_lstm_cells": [
        (
            "max_abs_diff_numpy_vs_keras_lstm",
            "max abs. difference, NumPy LSTM vs Keras",
            ".1e",
            "",
            "",
        ),
        (
            "lstm_accuracy_longest",
            "first-step memory task, 200 noise steps: LSTM accuracy",
            ".3f",
            "",
            "",
        ),
        ("simplernn_accuracy_longest", "same, SimpleRNN", ".3f", "", ""),
        ("gru_accuracy_longest", "same, GRU with Keras's default biases", ".3f", "", ""),
        ("gru_zbias1_accuracy_longest", "same, GRU with update-gate bias 1", ".3f", "", ""),
        ("reber_test_accuracy", "embedded Reber grammar, LSTM test accuracy", ".3f", "", ""),
    ],
    "09_word_embeddings": [
        (
            "month_share_top5",
            "months with a month among 5 neighbours",
            ".3f",
            "",
            "11/12 = 0.917 (C word2vec, same settings)",
        ),
        ("cos_milk_water", "cos(milk, water)", ".3f", "", ""),
        ("cos_milk_constitution", "cos(milk, constitution)", ".3f", "", ""),
    ],
    "10_machine_translation": [
        ("bleu_reversed", "BLEU, reversed input", ".3f", "", ""),
        ("bleu_not_reversed", "BLEU, input not reversed", ".3f", "", ""),
        ("bleu_beam", "BLEU, beam search", ".3f", "", ""),
        ("bleu_attention", "BLEU, attention decoder", ".3f", "", ""),
    ],
}


def _load(path):
    record = json.loads(path.read_text(encoding="utf-8"))
    return path.stem, record


def table():
    rows = [
        "| notebook | result | this course | lesson | published reference |",
        "| --- | --- | --- | --- | --- |",
    ]
    machines = set()
    for path in sorted(RESULTS.glob("[0-9][0-9]_*.json")):
        if path.name.endswith(".fast.json"):
            continue
        name, record = _load(path)
        machine = record["machine"]
        machines.add(
            f"{machine['cpus']} CPUs, {machine['system']} {machine['machine']}, "
            f"TensorFlow {record['versions']['tensorflow']}, Keras {record['versions']['keras']}"
        )
        metrics = record["metrics"]
        headlines = HEADLINES.get(name) or [(key, key, "", "", "") for key in list(metrics)[:3]]
        for metric, label, fmt, lesson, reference in headlines:
            if metric not in metrics:
                raise KeyError(f"{path.name} has no metric {metric!r}; update HEADLINES")
            value = format(metrics[metric], fmt)
            rows.append(
                f"| `{name}` | {label} | {value} ({record['mode']}) | {lesson or '—'} "
                f"| {reference or '—'} |"
            )
    footer = "Measured on: " + "; ".join(sorted(machines)) + "."
    return "\n".join(rows) + "\n\n" + footer + "\n"


def updated_readme(text):
    if START not in text or END not in text:
        raise ValueError(f"README.md has no {START} ... {END} block for the results table")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}{END}{tail}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md is out of date")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = updated_readme(text)
    if args.check:
        if new != text:
            print("README.md's results table differs from results/*.json: run `make results`")
            return 1
        print("README.md's results table matches results/*.json")
        return 0
    README.write_text(new, encoding="utf-8")
    print("README.md's results table regenerated from results/*.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
