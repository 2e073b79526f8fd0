"""One seeding function, called right before each model is built."""

import numpy as np


def seed_everything(seed):
    """Seed Python, NumPy and TensorFlow, and make TensorFlow's operations deterministic.

    Call it right before building each model so that a rerun of a cell on the same machine
    gives the same weights, the same batches and the same numbers. Returns ``seed``.
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise TypeError(f"seed must be an integer, got {type(seed).__name__} {seed!r}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"seed must be in [0, 2**32 - 1], got {seed}")
    import keras
    import tensorflow as tf

    seed = int(seed)
    keras.utils.set_random_seed(seed)  # Python's random, NumPy and TensorFlow together
    # Same results on reruns at some cost in speed (some kernels lose parallelism).
    tf.config.experimental.enable_op_determinism()
    return seed
