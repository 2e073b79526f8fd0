"""helpers.distribute: strategies by name, the strategy and the CPU split from the
environment, steps per call.

The notebooks that train under MirroredStrategy on two logical CPUs are nbval's runs of 03
and 10 (the root conftest.py starts their kernels with RNN_COURSE_STRATEGY=mirrored and
RNN_COURSE_LOGICAL_CPUS=2, and checks the record each saves).
"""

import logging

import pytest

from helpers import distribute


def test_default_strategy_has_one_replica():
    assert distribute.make_strategy("default").num_replicas_in_sync == 1


def test_unknown_strategy_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="unknown strategy 'tpu'; choose one of default, mirrored"):
        distribute.make_strategy("tpu")


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_split_cpu_rejects_bad_counts(bad):
    with pytest.raises(ValueError, match="n_devices must be an integer >= 1"):
        distribute.split_cpu(bad)


@pytest.mark.parametrize("raw, expected", [("2", 2), (" 4 ", 4), ("1", 1), ("", None)])
def test_logical_cpus_from_the_environment(raw, expected):
    assert distribute.logical_cpus_from_env({"RNN_COURSE_LOGICAL_CPUS": raw}) == expected


def test_no_variable_leaves_the_cpu_whole():
    assert distribute.logical_cpus_from_env({}) is None


@pytest.mark.parametrize("raw", ["0", "-2", "two", "1.5"])
def test_bad_logical_cpus_are_refused_with_the_variable_name(raw):
    with pytest.raises(ValueError, match=rf"RNN_COURSE_LOGICAL_CPUS='{raw}' must be an integer"):
        distribute.logical_cpus_from_env({"RNN_COURSE_LOGICAL_CPUS": raw})


@pytest.mark.parametrize("raw, expected", [("", "default"), (" mirrored ", "mirrored")])
def test_strategy_from_the_environment(raw, expected):
    assert distribute.strategy_from_env({"RNN_COURSE_STRATEGY": raw}) == expected


def test_no_variable_means_the_default_strategy():
    assert distribute.strategy_from_env({}) == "default"


def test_an_unknown_strategy_in_the_environment_is_refused_with_the_variable_name():
    with pytest.raises(ValueError, match=r"RNN_COURSE_STRATEGY='tpu' is not a strategy: use one"):
        distribute.strategy_from_env({"RNN_COURSE_STRATEGY": "tpu"})


class _Replicas:
    def __init__(self, n):
        self.num_replicas_in_sync = n


def test_several_steps_per_call_on_one_replica_and_one_on_more():
    assert distribute.steps_per_call(_Replicas(1), 25) == 25
    assert distribute.steps_per_call(_Replicas(2), 25) == 1


@pytest.mark.parametrize("bad", [0, -3, 2.5])
def test_bad_steps_per_call_are_refused(bad):
    with pytest.raises(ValueError, match="steps must be an integer >= 1"):
        distribute.steps_per_call(_Replicas(1), bad)


def test_a_mirrored_strategy_is_made_without_a_word(caplog):
    # nbval compares the checks cell of 03 and 10, mirrored, with their default-strategy run,
    # which prints nothing; TensorFlow's logger would announce the devices
    import tensorflow as tf

    tf.get_logger().setLevel("INFO")
    with caplog.at_level(logging.INFO):
        strategy = distribute.make_strategy("mirrored")
    assert strategy.num_replicas_in_sync >= 1
    assert not [record.getMessage() for record in caplog.records if record.name == "tensorflow"]
    assert tf.get_logger().level == logging.INFO, "the logger's level is left as it was"
