"""Regenerate the README's results tables from results/*.json (``make results``).

Each notebook's headline numbers stand beside the lesson's figure and a published reference
for the same task where one exists; the timings of the last whole-course ``make execute``
(results/execute_timings.json) and the speed measurements of ``make bench``
(results/bench.json) have blocks of their own. Each block sits in README.md between two
marker comments; ``--check`` only reports whether they are up to date (the test suite runs
that).
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atomic_write import write_text_atomically  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
README = ROOT / "README.md"
BLOCKS = ("results", "timings", "bench")
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
        ("bptt_max_relative_error", "NumPy BPTT vs GradientTape, max rel. error", ".1e", "", ""),
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
        (
            "demand_test_mape_rnn",
            "electricity demand, next day, last two weeks: RNN ensemble MAPE (%)",
            ".2f",
            "",
            "",
        ),
        ("demand_test_mape_linear", "same, ridge on the same inputs", ".2f", "", ""),
        ("demand_test_mape_last_week", "same, same half-hour last week", ".2f", "", ""),
        ("demand_test_mape_yesterday", "same, same half-hour yesterday", ".2f", "", ""),
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
            "first-step memory task, 50 noise steps: LSTM accuracy (mean of 3 seeds)",
            ".3f",
            "",
            "",
        ),
        ("simplernn_accuracy_longest", "same, SimpleRNN", ".3f", "", ""),
        ("gru_accuracy_longest", "same, GRU", ".3f", "", ""),
    ],
    "09_word_embeddings": [
        ("month_share_top5", "months with a month among 5 neighbours", ".3f", "", ""),
        ("number_share_top5", "number words with a number word among 5 neighbours", ".3f", "", ""),
        ("state_share_top5", "US states with a state among 5 neighbours", ".3f", "", ""),
        ("random_cos_raw_all", "mean cosine of random word pairs, raw vectors", ".3f", "", ""),
        ("random_cos_centred", "same, frequent words, mean-centred", ".3f", "", ""),
        ("cos_milk_water", "cos(milk, water), centred", ".3f", "", ""),
        (
            "milk_water_percentile",
            "percentile of cos(milk, water) among the frequent words' pairs",
            ".1f",
            "",
            "",
        ),
    ],
    "10_machine_translation": [
        ("bleu_random_reversed_mean", "BLEU, reversed input (mean of the seeds)", ".3f", "", ""),
        ("bleu_random_not_reversed_mean", "BLEU, input not reversed", ".3f", "", ""),
        (
            "exact_compositional_reversed_mean",
            "held-out word combinations, exact match, reversed input",
            ".3f",
            "",
            "",
        ),
        ("exact_compositional_not_reversed_mean", "same, input not reversed", ".3f", "", ""),
        ("bleu_beam_random", "BLEU, beam search", ".3f", "", ""),
        ("bleu_random_attention", "BLEU, attention decoder", ".3f", "", ""),
        ("exact_compositional_attention", "held-out combinations, exact, attention", ".3f", "", ""),
        ("probe_new_roles_exact", "known words in roles they never had, exact", ".3f", "", ""),
    ],
    "11_parallel_recurrences": [
        (
            "chunked_over_sequential_speedup",
            "minGRU training step, 4,096 steps: sequential time / chunked-scan time",
            ".1f",
            "",
            "",
        ),
        ("gru_over_chunked_time", "same, Keras GRU time / chunked minGRU time", ".1f", "", ""),
        (
            "memory_accuracy_lstm",
            "first-step memory task, 50 noise steps: LSTM accuracy (mean of 3 seeds)",
            ".3f",
            "",
            "",
        ),
        ("memory_accuracy_mingru", "same, minGRU", ".3f", "", ""),
        ("memory_accuracy_simple_rnn", "same, SimpleRNN", ".3f", "", ""),
        ("mnist_accuracy_mingru", "MNIST rows, one minGRU layer, test accuracy", ".3f", "", ""),
        ("mnist_accuracy_two_mingru", "same, two minGRU layers", ".3f", "", ""),
        ("mnist_accuracy_lstm", "same, LSTM on the same budget", ".3f", "", ""),
        ("parity_accuracy_gru", "running parity of 16 bits, GRU accuracy", ".3f", "", ""),
        ("parity_accuracy_two_mingru", "same, two minGRU layers", ".3f", "", ""),
    ],
    "12_keras2_to_keras3": [
        (
            "masked_steps_repeating_last_output_fraction",
            "masked steps where an LSTM repeats its last real output",
            ".2f",
            "",
            "",
        ),
        (
            "input_dropout_mask_fixed_over_steps",
            "input dropout mask the same at every step (1 = yes)",
            ".0f",
            "",
            "",
        ),
        (
            "keras_reload_identical",
            "a `.keras` file reloads with identical outputs (1 = yes)",
            ".0f",
            "",
            "",
        ),
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
    machines, claims = set(), 0
    for path in sorted(RESULTS.glob("[0-9][0-9]_*.json")):
        if path.name.endswith(".fast.json"):
            continue
        name, record = _load(path)
        machine = record["machine"]
        machines.add(
            f"{machine['cpus']} CPUs, {machine['system']} {machine['machine']}, "
            f"TensorFlow {record['versions']['tensorflow']}, Keras {record['versions']['keras']}"
        )
        claims += len(record.get("claims", []))
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
    footer = (
        "Measured on: " + "; ".join(sorted(machines)) + f". The notebooks' texts make {claims} "
        "claims about these runs (the `claims` of each results cell); every one held when the "
        "numbers were saved, and the tests hold the committed numbers to them."
    )
    return "\n".join(rows) + "\n\n" + footer + "\n"


def timings_text():
    record = json.loads((RESULTS / "execute_timings.json").read_text(encoding="utf-8"))
    seconds = record["seconds"]
    longest = max(seconds, key=seconds.get)
    rows = ["| notebook | seconds |", "| --- | ---: |"]
    rows += [f"| `{Path(name).stem}` | {value:.0f} |" for name, value in seconds.items()]
    return (
        f"Each notebook's last `make execute` ({record['mode']} mode, {record['cpus']} CPUs), "
        f"added up: {record['total_seconds']:.0f} s ({record['total_seconds'] / 60:.1f} minutes); "
        f"the longest notebook, `{Path(longest).stem}`, {seconds[longest]:.0f} s "
        "(`results/execute_timings.json`).\n\n" + "\n".join(rows) + "\n"
    )


def bench_text():
    record = json.loads((RESULTS / "bench.json").read_text(encoding="utf-8"))
    peak = record["matmul_peak_gflops"]
    rows = [
        "| layer | Keras defaults (batch 150) | best setting found | achieved GFLOP/s "
        "| ratio to the peak | ratio to its own step's matmul |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for cell, best in record["best"].items():
        default = record["training"][cell]["batch 150"]
        rows.append(
            f"| {cell}(150) | {default['samples_per_second']:,.0f} samples/s, ratio "
            f"{default['ratio_to_peak']:.2f} | {best['setting']}: "
            f"{best['samples_per_second']:,.0f} samples/s | {best['gflops']:.0f} "
            f"| {best['ratio_to_peak']:.2f} | {best['ratio_to_step_ceiling']:.2f} |"
        )
    ceilings = record["step_matmul_ceiling_gflops"]
    sizes = list(next(iter(ceilings.values())))
    rows += [
        "",
        "| layer | " + " | ".join(f"batch {size}" for size in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for cell, training in record["training"].items():
        cells = []
        for size in sizes:
            looped = training[f"batch {size}"]["samples_per_second"]
            unrolled = training[f"batch {size}, unrolled"]["samples_per_second"]
            cells.append(
                f"step ceiling {ceilings[cell][size] / peak:.2f} of the peak; "
                f"{looped:,.0f} looped, {unrolled:,.0f} unrolled"
            )
        rows.append(f"| {cell}(150) | " + " | ".join(cells) + " |")
    bfloat16 = record["mixed_bfloat16_batch_550_unrolled"]
    steps = record["lstm_step_seconds"]
    machine = record["machine"]
    load = machine.get("load_average_1min_at_end")
    load = "not available" if load is None else f"{load:.1f}"
    return (
        f"Matmul peak: {peak:.0f} GFLOP/s (square float32 products up to 3072). "
        f"Measured on {machine['cpus']} CPUs, load average {load} at the end, "
        f"TensorFlow {record['versions']['tensorflow']}. Samples per second throughout.\n\n"
        + "\n".join(rows)
        + "\n\nMixed bfloat16, batch 550, unrolled, against float32: "
        + ", ".join(
            f"{cell} {values['samples_per_second']:,.0f} against "
            f"{record['training'][cell]['batch 550, unrolled']['samples_per_second']:,.0f}"
            for cell, values in bfloat16.items()
        )
        + ".\n\nOne LSTM training step, batch 150: "
        + ", ".join(f"{mode} {value * 1000:.1f} ms" for mode, value in steps.items())
        + ".\n"
    )


def updated_readme(text):
    makers = {"results": table, "timings": timings_text, "bench": bench_text}
    for block in BLOCKS:
        start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
        if start not in text or end not in text:
            raise ValueError(f"README.md has no {start} ... {end} block")
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{makers[block]()}{end}{tail}"
    return text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md is out of date")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = updated_readme(text)
    if args.check:
        if new != text:
            print("README.md's results tables differ from results/*.json: run `make results`")
            return 1
        print("README.md's results tables match results/*.json")
        return 0
    write_text_atomically(README, new)
    print("README.md's results tables regenerated from results/*.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
