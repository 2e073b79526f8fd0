"""A plain NumPy recurrent layer: the equation of notebook 01, to check TensorFlow against.

Notebook 01 writes it out as the lesson's first RNN; notebooks 02 and 04 compare graphs,
loops and gradients with it. Wrong shapes and dtypes are refused with a message naming the
expected ones, since NumPy would otherwise broadcast a transposed matrix or a missing batch
axis into a result of the wrong meaning, or round integer inputs without a word.
"""

import numpy as np

_FLOATS = (np.float32, np.float64)


def _checked(name, array, ndim, meaning):
    array = np.asarray(array)
    if array.dtype not in _FLOATS:
        raise TypeError(
            f"{name} must be a float32 or float64 array, got dtype {array.dtype}; "
            f"convert it with {name}.astype(np.float32)"
        )
    if array.ndim != ndim:
        raise ValueError(f"{name} must have shape {meaning} ({ndim}-D), got shape {array.shape}")
    return array


def simple_rnn_numpy(X, Wx, Wy, b, activation=np.tanh):
    """Every step's output of a basic RNN layer, shape ``[batch, n_steps, n_neurons]``.

    ``Y(t) = activation(X(t) @ Wx + Y(t-1) @ Wy + b)`` with ``Y(-1) = 0``, for
    ``X`` of shape ``[batch, n_steps, n_inputs]``, ``Wx`` ``[n_inputs, n_neurons]``,
    ``Wy`` ``[n_neurons, n_neurons]`` and ``b`` ``[n_neurons]`` (the order of
    ``keras.layers.SimpleRNN``'s ``get_weights()``). All four share one float dtype,
    which the outputs keep.
    """
    X = _checked("X", X, 3, "[batch, n_steps, n_inputs]")
    Wx = _checked("Wx", Wx, 2, "[n_inputs, n_neurons]")
    Wy = _checked("Wy", Wy, 2, "[n_neurons, n_neurons]")
    b = _checked("b", b, 1, "[n_neurons]")
    batch, n_steps, n_inputs = X.shape
    n_neurons = Wy.shape[0]
    expected = {"Wx": (n_inputs, n_neurons), "Wy": (n_neurons, n_neurons), "b": (n_neurons,)}
    for name, array in (("Wx", Wx), ("Wy", Wy), ("b", b)):
        if array.shape != expected[name]:
            raise ValueError(
                f"{name} must have shape {expected[name]} for X with {n_inputs} inputs per "
                f"step and Wy with {n_neurons} neurons, got {array.shape}"
            )
        if array.dtype != X.dtype:
            raise TypeError(
                f"{name} is {array.dtype} but X is {X.dtype}: give all four arrays one dtype "
                f"(for example {name}.astype(X.dtype))"
            )
    outputs = np.zeros((batch, n_steps, n_neurons), dtype=X.dtype)
    Y = np.zeros((batch, n_neurons), dtype=X.dtype)  # Y(-1) = 0
    for t in range(n_steps):
        Y = activation(X[:, t] @ Wx + Y @ Wy + b).astype(X.dtype, copy=False)
        outputs[:, t] = Y
    return outputs
