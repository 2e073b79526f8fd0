"""helpers.reference: the NumPy RNN agrees with Keras, and refuses wrong shapes and dtypes."""

import keras
import numpy as np
import pytest

from helpers.reference import simple_rnn_numpy


def weights(n_inputs=3, n_neurons=5, dtype=np.float32, seed=0):
    rng = np.random.default_rng(seed)
    shapes = [(n_inputs, n_neurons), (n_neurons, n_neurons), (n_neurons,)]
    return [rng.normal(scale=0.5, size=shape).astype(dtype) for shape in shapes]


def test_matches_keras_simple_rnn_at_every_step():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(4, 6, 3)).astype(np.float32)
    Wx, Wy, b = weights()
    layer = keras.layers.SimpleRNN(5, return_sequences=True)
    layer.build(X.shape)
    layer.set_weights([Wx, Wy, b])
    Y = simple_rnn_numpy(X, Wx, Wy, b)
    assert Y.shape == (4, 6, 5) and Y.dtype == np.float32
    np.testing.assert_allclose(Y, layer(X).numpy(), atol=1e-6)


def test_first_step_has_no_previous_output_and_float64_is_kept():
    X = np.ones((2, 3, 3))
    Wx, Wy, b = weights(dtype=np.float64)
    Y = simple_rnn_numpy(X, Wx, Wy, b, activation=lambda z: z)
    assert Y.dtype == np.float64
    np.testing.assert_allclose(Y[:, 0], X[:, 0] @ Wx + b)
    np.testing.assert_allclose(Y[:, 1], X[:, 1] @ Wx + Y[:, 0] @ Wy + b)


@pytest.mark.parametrize(
    "change, error, message",
    [
        (lambda X, Wx, Wy, b: (X[:, 0], Wx, Wy, b), ValueError,
         r"X must have shape \[batch, n_steps, n_inputs\] \(3-D\), got shape \(4, 3\)"),
        (lambda X, Wx, Wy, b: (X, Wx.T, Wy, b), ValueError,
         r"Wx must have shape \(3, 5\) for X with 3 inputs per step and Wy with 5 neurons, "
         r"got \(5, 3\)"),
        (lambda X, Wx, Wy, b: (X, Wx, Wy, b[:4]), ValueError, r"b must have shape \(5,\)"),
        (lambda X, Wx, Wy, b: (X, Wx, Wy, b[None]), ValueError,
         r"b must have shape \[n_neurons\] \(1-D\)"),
        (lambda X, Wx, Wy, b: (X.astype(np.int64), Wx, Wy, b), TypeError,
         r"X must be a float32 or float64 array, got dtype int64; convert it with "
         r"X.astype\(np.float32\)"),
        (lambda X, Wx, Wy, b: (X, Wx.astype(np.float64), Wy, b), TypeError,
         r"Wx is float64 but X is float32: give all four arrays one dtype"),
    ],
)  # fmt: skip
def test_refuses_wrong_shapes_and_dtypes_naming_the_expected_ones(change, error, message):
    X = np.zeros((4, 6, 3), dtype=np.float32)
    with pytest.raises(error, match=message):
        simple_rnn_numpy(*change(X, *weights()))
