"""Synthetic sequence tasks that more than one notebook trains on."""

import numpy as np


def memory_task(n, length, rng, key=0.1, noise=1.0):
    """``n`` sequences of ``1 + length`` steps that test a long memory (notebooks 08 and 11).

    Each step is ``[value, marker]``. The first step holds ``+key`` or ``-key`` with the
    marker 1; the ``length`` steps after it hold Gaussian noise of scale ``noise`` and
    marker 0. The label is 1 when the first value is positive, so a model must carry one
    number across ``length`` noisy steps. Returns ``X`` (float32, ``(n, 1 + length, 2)``)
    and the labels (float32, ``(n,)``).
    """
    if int(n) != n or n < 1 or int(length) != length or length < 0:
        raise ValueError(
            f"memory_task needs n >= 1 and length >= 0 as integers, got n={n!r}, length={length!r}"
        )
    labels = rng.integers(0, 2, size=n)
    X = np.zeros((n, 1 + length, 2), dtype=np.float32)
    X[:, 0, 0] = np.where(labels == 1, key, -key)
    X[:, 0, 1] = 1.0  # marks the opening step
    X[:, 1:, 0] = rng.normal(0.0, noise, size=(n, length))
    return X, labels.astype(np.float32)
