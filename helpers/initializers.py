"""Weight initialisers that more than one notebook uses."""

import numpy as np


def lstm_forget_bias(value):
    """A bias initialiser for ``keras.layers.LSTM`` that starts the forget gates at ``value``.

    Keras keeps the LSTM's four biases in one vector, in the blocks i, f, g, o; this one
    sets the f block to ``value`` and the others to 0. Use it with
    ``unit_forget_bias=False``, which would otherwise add 1 to the f block.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"the forget bias must be a number, got {value!r}")

    def initializer(shape, dtype=None):
        if len(shape) != 1 or shape[0] % 4:
            raise ValueError(f"an LSTM bias has shape (4 * units,), got {tuple(shape)}")
        bias = np.zeros(shape, dtype="float32")
        bias[shape[0] // 4 : shape[0] // 2] = value
        return bias

    return initializer
