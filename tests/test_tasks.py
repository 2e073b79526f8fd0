import numpy as np
import pytest

from helpers.tasks import memory_task


def test_the_label_is_the_sign_of_the_first_value():
    X, y = memory_task(200, 5, np.random.default_rng(0))
    assert X.shape == (200, 6, 2) and X.dtype == np.float32 and y.dtype == np.float32
    np.testing.assert_array_equal(y, (X[:, 0, 0] > 0).astype(np.float32))
    np.testing.assert_array_equal(X[:, :, 1], np.eye(6)[0][None].repeat(200, axis=0))
    assert 0.3 < y.mean() < 0.7


def test_the_same_generator_state_gives_the_same_data():
    a = memory_task(10, 3, np.random.default_rng(7))
    b = memory_task(10, 3, np.random.default_rng(7))
    np.testing.assert_array_equal(a[0], b[0])


@pytest.mark.parametrize("n, length", [(0, 5), (10, -1), (2.5, 3)])
def test_bad_sizes_are_refused_with_their_values(n, length):
    with pytest.raises(ValueError, match="memory_task needs"):
        memory_task(n, length, np.random.default_rng(0))
