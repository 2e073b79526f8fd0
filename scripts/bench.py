"""Speed of recurrent training on this CPU against the machine's own matmul limit (``make bench``).

Measured in one run, written to results/bench.json and printed:

(a) the largest float32 matrix-multiply throughput TensorFlow reaches here (GFLOP/s);
(b) training throughput of SimpleRNN, LSTM and GRU of 150 units on MNIST-shaped batches
    (28 steps of 28 inputs, a Dense(10) softmax on the final state): samples per second and
    achieved GFLOP/s from the FLOP count of the forward and backward pass, each as a ratio
    to (a), with Keras defaults and with the best setting found (batch size, XLA, unrolling);
(c) eager against ``tf.function`` against XLA (``jit_compile=True``) for one training step,
    and unrolled against looped for the short 28-step sequences.

Run it on an otherwise idle machine: the numbers are only as quiet as the CPU.
"""

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

import helpers  # noqa: E402, F401  (quiet TensorFlow start-up)
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STEPS, INPUTS, UNITS, CLASSES = 28, 28, 150, 10
GATES = {"SimpleRNN": 1, "GRU": 3, "LSTM": 4}


def matmul_peak(sizes=(512, 1024, 2048, 3072), repeats=10):
    """Best float32 matmul GFLOP/s over a few square sizes."""
    best = {}
    for n in sizes:
        a = tf.random.normal((n, n))
        b = tf.random.normal((n, n))
        product = tf.function(lambda x, y: tf.matmul(x, y))
        product(a, b).numpy()  # trace and warm up
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            product(a, b).numpy()
            timings.append(time.perf_counter() - start)
        best[n] = 2 * n**3 / min(timings) / 1e9
    return max(best.values()), best


def flops_per_sample(cell):
    """Multiply-adds of the forward pass x 2 (FLOPs), x 3 for forward plus backward."""
    gates = GATES[cell]
    per_step = 2 * gates * (INPUTS * UNITS + UNITS * UNITS)
    forward = STEPS * per_step + 2 * UNITS * CLASSES
    return 3 * forward


def build(cell, unroll=False, jit_compile=False):
    layer = getattr(keras.layers, cell)(UNITS, unroll=unroll)
    model = keras.Sequential(
        [keras.Input((STEPS, INPUTS)), layer, keras.layers.Dense(CLASSES, activation="softmax")]
    )
    model.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        jit_compile=jit_compile,
    )
    return model


def train_throughput(cell, batch_size, samples, unroll=False, jit_compile=False):
    rng = np.random.default_rng(0)
    x = rng.random((samples, STEPS, INPUTS), dtype=np.float32)
    y = rng.integers(0, CLASSES, samples)
    data = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size).prefetch(2)
    model = build(cell, unroll=unroll, jit_compile=jit_compile)
    model.fit(data.take(3), epochs=1, verbose=0)  # trace, compile, warm up
    start = time.perf_counter()
    model.fit(data, epochs=1, verbose=0)
    seconds = time.perf_counter() - start
    rate = samples / seconds
    return {"samples_per_second": rate, "gflops": rate * flops_per_sample(cell) / 1e9}


def step_modes(cell="LSTM", batch_size=150, repeats=20):
    """Seconds per training step: eager, tf.function, XLA."""
    rng = np.random.default_rng(1)
    x = tf.constant(rng.random((batch_size, STEPS, INPUTS), dtype=np.float32))
    y = tf.constant(rng.integers(0, CLASSES, batch_size))
    model = build(cell)
    optimizer = keras.optimizers.Adam()
    loss_fn = keras.losses.SparseCategoricalCrossentropy()

    def step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables, strict=True))
        return loss

    modes = {
        "eager": step,
        "tf.function": tf.function(step),
        "XLA": tf.function(step, jit_compile=True),
    }
    result = {}
    for name, fn in modes.items():
        fn(x, y)  # warm up / trace / compile
        start = time.perf_counter()
        for _ in range(repeats):
            fn(x, y).numpy()
        result[name] = (time.perf_counter() - start) / repeats
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=22_000, help="samples per timed epoch")
    parser.add_argument("--output", type=Path, default=ROOT / "results" / "bench.json")
    args = parser.parse_args(argv)
    if args.samples < 1000:
        parser.error("--samples must be at least 1000 for a stable measurement")

    peak, by_size = matmul_peak()
    sizes = ", ".join(f"{n}: {g:.1f}" for n, g in by_size.items())
    print(f"(a) matmul peak: {peak:.1f} GFLOP/s  (by size {sizes})")

    settings = {
        "keras defaults, batch 150": dict(batch_size=150),
        "batch 550": dict(batch_size=550),
        "batch 550, XLA": dict(batch_size=550, jit_compile=True),
        "batch 550, unrolled": dict(batch_size=550, unroll=True),
        "batch 550, unrolled, XLA": dict(batch_size=550, unroll=True, jit_compile=True),
    }
    training = {}
    print("(b) training throughput (ratio = achieved GFLOP/s / matmul peak)")
    for cell in GATES:
        training[cell] = {}
        for label, kwargs in settings.items():
            measured = train_throughput(cell, samples=args.samples, **kwargs)
            measured["ratio_to_peak"] = measured["gflops"] / peak
            training[cell][label] = measured
            print(
                f"    {cell:<9} {label:<26} {measured['samples_per_second']:8.0f} samples/s "
                f"{measured['gflops']:6.1f} GFLOP/s  ratio {measured['ratio_to_peak']:.2f}"
            )
    modes = step_modes()
    print(
        "(c) LSTM training step, batch 150: "
        + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in modes.items())
    )

    best = {
        cell: max(results.items(), key=lambda item: item[1]["ratio_to_peak"])
        for cell, results in training.items()
    }
    record = {
        "matmul_peak_gflops": peak,
        "matmul_gflops_by_size": by_size,
        "training": training,
        "best": {cell: {"setting": label, **values} for cell, (label, values) in best.items()},
        "lstm_step_seconds": modes,
        "samples_per_epoch": args.samples,
        "flops_per_sample": {cell: flops_per_sample(cell) for cell in GATES},
        "machine": {
            "system": platform.system(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average_1min_at_end": os.getloadavg()[0],
        },
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
    }
    args.output.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    for cell, (label, values) in best.items():
        print(f"best {cell}: {label}, ratio {values['ratio_to_peak']:.2f}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
