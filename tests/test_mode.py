import pytest

from helpers import mode


@pytest.mark.parametrize("raw", ["1", "true", "YES", " on "])
def test_fast_from_env_true(raw):
    assert mode.fast_from_env({"RNN_COURSE_FAST": raw}) is True


@pytest.mark.parametrize("raw", ["", "0", "false", "No", "off"])
def test_fast_from_env_false(raw):
    assert mode.fast_from_env({"RNN_COURSE_FAST": raw}) is False


def test_fast_defaults_to_full_mode():
    assert mode.fast_from_env({}) is False


def test_fast_from_env_rejects_unknown_value():
    with pytest.raises(ValueError, match=r"RNN_COURSE_FAST='maybe'.*use 1 for fast mode"):
        mode.fast_from_env({"RNN_COURSE_FAST": "maybe"})


def test_pick_uses_the_mode_default_only_for_none():
    assert mode.pick(None, fast=2, full=20, is_fast=True) == 2
    assert mode.pick(None, fast=2, full=20, is_fast=False) == 20
    assert mode.pick(7, fast=2, full=20, is_fast=True) == 7


def test_check_parameters_accepts_good_values():
    params = mode.check_parameters(FAST=True, SEED=0, EPOCHS=None, DATA_FRACTION=0.5)
    assert params["SEED"] == 0


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("FAST", "yes", "True or False"),
        ("FAST", None, "True or False"),
        ("SEED", -1, "an integer from 0"),
        ("SEED", 1.5, "an integer from 0"),
        ("EPOCHS", -3, "an integer >= 1"),
        ("EPOCHS", True, "an integer >= 1"),
        ("BATCH_SIZE", 0, "an integer >= 1"),
        ("DATA_FRACTION", 1.5, r"a number in \(0, 1\]"),
        ("DATA_FRACTION", float("nan"), r"a number in \(0, 1\]"),
        ("STRATEGY", "tpu", "one of default, mirrored, multi_worker"),
        ("LOGICAL_CPUS", 0, "an integer >= 1"),
    ],
)
def test_check_parameters_names_the_bad_parameter(name, value, expected):
    with pytest.raises(ValueError, match=rf"parameter {name} must be {expected}"):
        mode.check_parameters(**{name: value})


def test_check_parameters_takes_notebook_specific_rules():
    rules = {"N_STEPS": ("an integer >= 2", lambda v: isinstance(v, int) and v >= 2)}
    assert mode.check_parameters(rules=rules, N_STEPS=2)
    with pytest.raises(ValueError, match="parameter N_STEPS must be an integer >= 2, got 1"):
        mode.check_parameters(rules=rules, N_STEPS=1)


def test_check_parameters_refuses_unknown_names():
    with pytest.raises(KeyError, match="no rule to check parameter LR"):
        mode.check_parameters(LR=0.1)


@pytest.mark.parametrize(
    "value, count, positive",
    [(1, True, True), (0, False, False), (True, False, False), (2.0, False, True),
     (0.5, False, True), (-1, False, False), (float("inf"), False, False), ("3", False, False)],
)  # fmt: skip
def test_shared_value_tests(value, count, positive):
    assert mode.is_count(value) is count
    assert mode.is_positive_number(value) is positive


def test_int_at_least_describes_and_tests_its_bound():
    text, test = mode.int_at_least(2)
    assert text == "an integer >= 2"
    assert test(2) and not test(1) and not test(2.0) and not test(True)
    with pytest.raises(ValueError, match="parameter SEQ_LEN must be an integer >= 2, got 1"):
        mode.check_parameters(rules={"SEQ_LEN": (text, test)}, SEQ_LEN=1)
