import random

import numpy as np
import pytest

from helpers import seed_everything


def _draw_everything():
    import keras

    layer = keras.layers.Dense(2)
    layer.build((None, 3))
    return (
        random.random(),
        float(np.random.rand()),
        keras.random.uniform((3,)).numpy().tolist(),
        layer.kernel.numpy().tolist(),
    )


def test_same_seed_same_numbers():
    seed_everything(123)
    first = _draw_everything()
    seed_everything(123)
    assert _draw_everything() == first


def test_different_seeds_differ():
    seed_everything(1)
    first = _draw_everything()
    seed_everything(2)
    second = _draw_everything()
    assert all(a != b for a, b in zip(first, second, strict=True))


def test_op_determinism_is_enabled():
    # TensorFlow exposes the switch's state only in its private config module.
    from tensorflow.python.framework import config as tf_config

    seed_everything(0)
    assert tf_config.is_op_determinism_enabled()


@pytest.mark.parametrize("bad", [1.0, "42", None, True])
def test_rejects_non_integer_seed(bad):
    with pytest.raises(TypeError, match="seed must be an integer"):
        seed_everything(bad)


@pytest.mark.parametrize("bad", [-1, 2**32])
def test_rejects_out_of_range_seed(bad):
    with pytest.raises(ValueError, match=r"seed must be in \[0, 2\*\*32 - 1\]"):
        seed_everything(bad)
