"""Speed of recurrent training on this CPU against the machine's own matmul limit (``make bench``).

Measured in one run, written to results/bench.json and printed:

(a) the largest float32 matrix-multiply throughput TensorFlow reaches here (GFLOP/s), and,
    for each layer and batch size, the throughput of the product a recurrent step computes,
    [batch, inputs + units] x [inputs + units, gates * units], 28 times in sequence: small
    products run below the peak, and a layer cannot run faster than its own products;
(b) training throughput of SimpleRNN, LSTM and GRU of 150 units on MNIST-shaped batches
    (28 steps of 28 inputs, a Dense(10) softmax on the final state): samples per second and
    achieved GFLOP/s from the FLOP count of the forward and backward pass, each as a ratio
    to (a), for batch sizes 150 (the lesson's), 550 and 1,100, looped or unrolled, with or
    without XLA; "batch 150" alone is Keras's defaults;
(b') the same layers under Keras's ``mixed_bfloat16`` policy (batch 550, unrolled);
(c) eager against ``tf.function`` against XLA (``jit_compile=True``) for one training step.

Run it on an otherwise idle machine: the numbers are only as quiet as the CPU.
"""

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atomic_write import write_text_atomically  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

import helpers  # noqa: E402, F401  (quiet TensorFlow start-up)
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STEPS, INPUTS, UNITS, CLASSES = 28, 28, 150, 10
GATES = {"SimpleRNN": 1, "GRU": 3, "LSTM": 4}


def best_seconds(function, *args, seconds=0.5, repeats=None):
    """Best of 3 timed bursts, per call of ``function(*args)``. A burst is ``repeats`` calls,
    or as many as take about ``seconds`` when ``repeats`` is not given."""
    function(*args)  # trace and warm up
    if repeats is None:
        start = time.perf_counter()
        function(*args)
        repeats = max(1, int(seconds / max(time.perf_counter() - start, 1e-6)))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeats):
            result = function(*args)
        np.asarray(result[-1] if isinstance(result, list) else result)  # wait for the last call
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


def load_average():
    """The 1-minute load average, or None where the system has none (``os.getloadavg`` is
    Unix-only)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def matmul_peak(sizes=(512, 1024, 2048, 3072)):
    """Best float32 matmul GFLOP/s over a few square sizes."""
    product = tf.function(lambda x, y: tf.matmul(x, y))
    best = {}
    for n in sizes:
        a, b = tf.random.normal((n, n)), tf.random.normal((n, n))
        best[n] = 2 * n**3 / best_seconds(product, a, b) / 1e9
    return max(best.values()), best


def step_matmul_ceiling(cell, batch_size):
    """GFLOP/s of the products an unrolled layer computes, one after the other: STEPS
    products of [batch, inputs + units] x [inputs + units, gates * units] in one graph (so
    that TensorFlow's per-call overhead is paid once, as in a training step), each made to
    wait for the one before, as the recurrence forces. No training run of the layer can
    beat its own products."""
    width = INPUTS + UNITS
    stacked = tf.random.normal((STEPS, batch_size, width))
    weights = tf.random.normal((width, GATES[cell] * UNITS))

    @tf.function
    def products(x, w):
        outputs = [tf.matmul(x[0], w)]
        for t in range(1, STEPS):
            with tf.control_dependencies([outputs[-1]]):  # step t waits for step t - 1
                outputs.append(tf.matmul(x[t], w))
        return outputs

    flops = 2 * STEPS * batch_size * width * GATES[cell] * UNITS
    return flops / best_seconds(products, stacked, weights) / 1e9


def flops_per_sample(cell):
    """Multiply-adds of the forward pass x 2 (FLOPs), x 3 for forward plus backward."""
    gates = GATES[cell]
    per_step = 2 * gates * (INPUTS * UNITS + UNITS * UNITS)
    forward = STEPS * per_step + 2 * UNITS * CLASSES
    return 3 * forward


def build(cell, unroll=False, jit_compile=False):
    layer = getattr(keras.layers, cell)(UNITS, unroll=unroll)
    model = keras.Sequential(
        [
            keras.Input((STEPS, INPUTS)),
            layer,
            # float32 softmax even under a mixed-precision policy
            keras.layers.Dense(CLASSES, activation="softmax", dtype="float32"),
        ]
    )
    model.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        jit_compile=jit_compile,
    )
    return model


def train_throughput(cell, batch_size, samples, unroll=False, jit_compile=False):
    """Training samples per second: the best of 3 timed passes over about ``samples`` samples.

    One fixed batch is fed again and again (``train_on_batch``, the step ``fit`` runs), so
    that every pass has the same shapes and no input pipeline or last partial batch is timed.
    """
    rng = np.random.default_rng(0)
    x = tf.constant(rng.random((batch_size, STEPS, INPUTS), dtype=np.float32))
    y = tf.constant(rng.integers(0, CLASSES, batch_size))
    model = build(cell, unroll=unroll, jit_compile=jit_compile)
    for _ in range(2):  # trace, compile, warm up (best_seconds adds one more call)
        model.train_on_batch(x, y)
    n_batches = max(1, round(samples / batch_size))
    rate = batch_size / best_seconds(model.train_on_batch, x, y, repeats=n_batches)
    return {"samples_per_second": rate, "gflops": rate * flops_per_sample(cell) / 1e9}


def bfloat16_throughput(cell, batch_size, samples):
    """As train_throughput, unrolled, under Keras's mixed_bfloat16 policy (bfloat16 products,
    float32 weights): this CPU has bfloat16 instructions (AVX512_BF16)."""
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    try:
        return train_throughput(cell, batch_size, samples, unroll=True)
    finally:
        keras.mixed_precision.set_global_policy("float32")


def step_modes(cell="LSTM", batch_size=150):
    """Seconds per training step (best of 3 bursts): eager, tf.function, XLA."""
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
    return {name: best_seconds(fn, x, y) for name, fn in modes.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=22_000, help="samples per timed pass")
    parser.add_argument("--output", type=Path, default=ROOT / "results" / "bench.json")
    parser.add_argument(
        "--matmul-only",
        action="store_true",
        help="print (a)'s peak alone, as a number, and write nothing (make execute records it)",
    )
    args = parser.parse_args(argv)
    if args.samples < 1000:
        parser.error("--samples must be at least 1000 for a stable measurement")

    peak, by_size = matmul_peak()
    if args.matmul_only:
        print(f"{peak:.1f}")
        return 0
    sizes = ", ".join(f"{n}: {g:.1f}" for n, g in by_size.items())
    print(f"(a) matmul peak: {peak:.1f} GFLOP/s  (by size {sizes})")

    batch_sizes = (150, 550, 1100)
    ceilings = {
        cell: {str(size): step_matmul_ceiling(cell, size) for size in batch_sizes} for cell in GATES
    }
    print("(a') matmul of one recurrent step, GFLOP/s (the ceiling for that layer and batch):")
    for cell, by_batch in ceilings.items():
        print(f"    {cell:<9} " + ", ".join(f"batch {b}: {g:.1f}" for b, g in by_batch.items()))

    settings = {}
    for size in batch_sizes:
        for unroll in (False, True):
            for jit_compile in (False, True):
                label = (
                    f"batch {size}"
                    + (", unrolled" if unroll else "")
                    + (", XLA" if jit_compile else "")
                )
                settings[label] = dict(batch_size=size, unroll=unroll, jit_compile=jit_compile)
    training = {}
    print("(b) training throughput (ratio = achieved GFLOP/s / matmul peak; / step ceiling)")
    for cell in GATES:
        training[cell] = {}
        for label, kwargs in settings.items():
            measured = train_throughput(cell, samples=args.samples, **kwargs)
            measured["ratio_to_peak"] = measured["gflops"] / peak
            ceiling = ceilings[cell][str(kwargs["batch_size"])]
            measured["ratio_to_step_ceiling"] = measured["gflops"] / ceiling
            training[cell][label] = measured
            print(
                f"    {cell:<9} {label:<27} {measured['samples_per_second']:8.0f} samples/s "
                f"{measured['gflops']:6.1f} GFLOP/s  ratio {measured['ratio_to_peak']:.2f}"
                f"  / ceiling {measured['ratio_to_step_ceiling']:.2f}"
            )
    bfloat16 = {}
    print(
        "(b') the same in mixed bfloat16, batch 550, unrolled (not compared with the float32 peak)"
    )
    for cell in GATES:
        bfloat16[cell] = bfloat16_throughput(cell, 550, args.samples)
        float32_rate = training[cell]["batch 550, unrolled"]["samples_per_second"]
        print(
            f"    {cell:<9} {bfloat16[cell]['samples_per_second']:8.0f} samples/s "
            f"(float32: {float32_rate:.0f})"
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
        "step_matmul_ceiling_gflops": ceilings,
        "training": training,
        "best": {cell: {"setting": label, **values} for cell, (label, values) in best.items()},
        "mixed_bfloat16_batch_550_unrolled": bfloat16,
        "lstm_step_seconds": modes,
        "samples_per_timed_pass": args.samples,
        "flops_per_sample": {cell: flops_per_sample(cell) for cell in GATES},
        "machine": {
            "system": platform.system(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average_1min_at_end": None,
        },
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
    }
    # The measurements are saved first; the load average (Unix only) is added afterwards.
    write_text_atomically(args.output, json.dumps(record, indent=2) + "\n")
    record["machine"]["load_average_1min_at_end"] = load_average()
    write_text_atomically(args.output, json.dumps(record, indent=2) + "\n")
    for cell, (label, values) in best.items():
        print(
            f"best {cell}: {label}, ratio {values['ratio_to_peak']:.2f} of the peak, "
            f"{values['ratio_to_step_ceiling']:.2f} of its step's matmul"
        )
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
