"""helpers.initializers: the LSTM forget-gate bias."""

import keras
import numpy as np
import pytest

from helpers import lstm_forget_bias


def test_only_the_forget_block_starts_at_the_value():
    layer = keras.layers.LSTM(3, unit_forget_bias=False, bias_initializer=lstm_forget_bias(5.0))
    layer.build((None, None, 2))
    bias = layer.cell.bias.numpy()  # blocks i, f, g, o
    np.testing.assert_array_equal(bias, [0, 0, 0, 5, 5, 5, 0, 0, 0, 0, 0, 0])


@pytest.mark.parametrize("bad", ["5", None, True])
def test_a_value_that_is_not_a_number_is_refused(bad):
    with pytest.raises(TypeError, match="the forget bias must be a number"):
        lstm_forget_bias(bad)


def test_a_shape_that_is_not_an_lstm_bias_is_refused():
    with pytest.raises(ValueError, match=r"an LSTM bias has shape \(4 \* units,\), got \(6,\)"):
        lstm_forget_bias(1.0)((6,))
