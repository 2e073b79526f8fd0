"""helpers.modes: the mode from RNN_COURSE_FAST, and by_mode defaults."""

import pytest

from helpers import modes


@pytest.mark.parametrize("raw", ["1", "true", "YES", " on "])
def test_fast_from_env_true(raw):
    assert modes.fast_from_env({"RNN_COURSE_FAST": raw}) is True


@pytest.mark.parametrize("raw", ["", "0", "false", "No", "off"])
def test_fast_from_env_false(raw):
    assert modes.fast_from_env({"RNN_COURSE_FAST": raw}) is False


def test_fast_defaults_to_full_mode():
    assert modes.fast_from_env({}) is False


def test_fast_from_env_rejects_unknown_value():
    with pytest.raises(ValueError, match=r"RNN_COURSE_FAST='maybe'.*use 1 for fast mode"):
        modes.fast_from_env({"RNN_COURSE_FAST": "maybe"})


def test_by_mode_resolves_to_the_value_of_the_mode():
    epochs = modes.by_mode(fast=2, full=20)
    assert epochs.resolve(True) == 2 and epochs.resolve(False) == 20
    assert repr(epochs) == "by_mode(fast=2, full=20)"


def test_by_mode_takes_keywords_only():
    with pytest.raises(TypeError):
        modes.by_mode(2, 20)
