"""helpers.parameters: one call checks every knob of a parameters cell, by name."""

import re

import pytest

from helpers import modes, parameters, results
from helpers.parameters import check_parameters


@pytest.fixture(autouse=True)
def _forget_the_run():
    # check_parameters records the run for save_results; leave no trace for other tests.
    saved = dict(results._RUN)
    yield
    results._RUN.update(saved)


def test_good_values_pass_and_are_returned():
    namespace = {"FAST": True, "SEED": 0, "EPOCHS": 3, "DATA_FRACTION": 0.5, "STRATEGY": "mirrored"}
    expected = dict(namespace)
    assert check_parameters(namespace) == expected


def test_a_second_check_ignores_names_set_later_in_the_notebook():
    # Running every cell again: X3 (set by a later cell) is not a parameter; EPOCHS still is.
    namespace = {"FAST": True, "EPOCHS": modes.by_mode(fast=2, full=20)}
    check_parameters(namespace)
    namespace.update(X3=[1, 2], W=None, EPOCHS=modes.by_mode(fast=-1, full=20))
    with pytest.raises(ValueError, match="parameter EPOCHS must be an integer >= 1, got -1"):
        check_parameters(namespace)
    namespace["EPOCHS"] = 4
    assert check_parameters(namespace) == {"FAST": True, "EPOCHS": 4}


def test_by_mode_values_become_the_value_of_the_mode_in_the_namespace():
    for fast, expected in ((True, 2), (False, 20)):
        namespace = {"FAST": fast, "EPOCHS": modes.by_mode(fast=2, full=20)}
        assert check_parameters(namespace)["EPOCHS"] == expected
        assert namespace["EPOCHS"] == expected  # written back: a plain number afterwards


def test_a_by_mode_value_is_checked_after_resolution():
    namespace = {"FAST": False, "EPOCHS": modes.by_mode(fast=2, full=0)}
    with pytest.raises(ValueError, match="parameter EPOCHS must be an integer >= 1, got 0"):
        check_parameters(namespace)
    assert check_parameters({"FAST": True, "EPOCHS": modes.by_mode(fast=2, full=0)})


def test_only_upper_case_non_callable_non_module_names_are_parameters():
    namespace = {
        "FAST": False,
        "epochs": -1,  # lower case: a variable, not a knob
        "_HIDDEN": -1,
        "In": [],  # IPython's history
        "HELPER": lambda: None,
        "NP": pytest,  # a module
    }
    assert check_parameters(namespace) == {"FAST": False}


def test_fast_must_be_set():
    with pytest.raises(KeyError, match="must set FAST"):
        check_parameters({"SEED": 1})


@pytest.mark.parametrize(
    "name, value, allowed",
    [
        ("FAST", "yes", "True or False"),
        ("FAST", None, "True or False"),
        ("SEED", -1, r"an integer from 0 to 2\*\*32 - 1"),
        ("SEED", 1.5, "an integer from 0"),
        ("SEED", 2**32, "an integer from 0"),
        ("EPOCHS", -3, "an integer >= 1"),
        ("EPOCHS", True, "an integer >= 1"),
        ("BATCH_SIZE", 0, "an integer >= 1"),
        ("N_STEPS", 2.0, "an integer >= 1"),
        ("FINE_TUNE_EPOCHS", 0, "an integer >= 1"),
        ("LEARNING_RATE", 0, "a number > 0"),
        ("LEARNING_RATE", float("inf"), "a number > 0"),
        ("DROPOUT_RATE", "0.1", "a number > 0"),
        ("DATA_FRACTION", 1.5, r"a number in \(0, 1\]"),
        ("DATA_FRACTION", 0, r"a number in \(0, 1\]"),
        ("DATA_FRACTION", float("nan"), r"a number in \(0, 1\]"),
        ("STRATEGY", "tpu", "one of 'default', 'mirrored', 'multi_worker'"),
    ],
)
def test_a_bad_value_names_parameter_value_and_what_is_allowed(name, value, allowed):
    namespace = {"FAST": True}
    namespace[name] = value
    with pytest.raises(ValueError) as error:
        check_parameters(namespace)
    message = str(error.value)
    assert message.startswith(f"parameter {name} must be ")
    assert f"got {value!r}" in message
    assert f"-p {name}" in message  # where to fix it
    assert re.search(allowed, message), message


@pytest.mark.parametrize(
    "name, rule",
    [
        ("N_SAMPLES", parameters.COUNT),
        ("EPOCHS", parameters.COUNT),
        ("LSTM_EPOCHS", parameters.COUNT),
        ("BATCH_SIZE", parameters.COUNT),
        ("N_UNITS", parameters.COUNT),
        ("PATIENCE", parameters.COUNT),
        ("LEARNING_RATE", parameters.POSITIVE),
        ("CLIPNORM", parameters.POSITIVE),
        ("VALID_FRACTION", parameters.FRACTION),
        ("SEED", parameters.RULES["SEED"]),
        ("STRATEGY", parameters.RULES["STRATEGY"]),
    ],
)
def test_rules_by_name_and_by_shape_of_name(name, rule):
    assert parameters.rule_for(name) is rule


def test_custom_rules_come_first_and_cover_the_notebooks_own_knobs():
    namespace = {"FAST": True, "DEPTHS": (1, 2, 3), "EPOCHS": 0}
    with pytest.raises(ValueError, match="parameter EPOCHS must be an integer >= 2, got 0"):
        check_parameters(namespace, DEPTHS=parameters.counts(), EPOCHS=parameters.at_least(2))
    namespace["EPOCHS"] = 2
    assert check_parameters(namespace, DEPTHS=parameters.counts(), EPOCHS=parameters.at_least(2))


@pytest.mark.parametrize(
    "rule, good, bad, text",
    [
        (parameters.at_least(4), [4, 10], [3, 4.0, True, "5"], "an integer >= 4"),
        (parameters.number_in(0, 1), [0.5, 1, 1.0], [0, 1.01, True, float("nan")],
         "a number in (0, 1]"),
        (parameters.one_of("a", "b"), ["a", "b"], ["c", None], "one of 'a', 'b'"),
        (parameters.counts(), [(1,), [1, 2]], [(), (0,), (1.0,), "12"],
         "a non-empty tuple of integers >= 1"),
        (parameters.counts(containing=3), [(1, 3)], [(1, 2)],
         "a non-empty tuple of integers >= 1 that contains 3"),
    ],
)  # fmt: skip
def test_rule_builders(rule, good, bad, text):
    assert rule.text == text
    assert all(rule.test(value) for value in good)
    assert not any(rule.test(value) for value in bad)


def test_custom_rule_in_the_error_message():
    with pytest.raises(
        ValueError, match=r"parameter DEPTHS must be a non-empty tuple .*, got \(\)"
    ):
        check_parameters({"FAST": True, "DEPTHS": ()}, DEPTHS=parameters.counts())


def test_unknown_name_is_a_key_error_that_says_how_to_add_a_rule():
    with pytest.raises(KeyError, match="no rule for parameter LR.*LR=helpers.COUNT"):
        check_parameters({"FAST": True, "LR": 0.1})


def test_rules_for_parameters_that_are_not_set_are_refused():
    with pytest.raises(KeyError, match=r"rules given for parameters that are not set: \['DEPTH'\]"):
        check_parameters({"FAST": True}, DEPTH=parameters.COUNT)


def test_the_run_is_remembered_for_save_results():
    check_parameters({"FAST": True, "SEED": 7, "EPOCHS": modes.by_mode(fast=1, full=9)})
    assert results._RUN == {"fast": True, "parameters": {"FAST": True, "SEED": 7, "EPOCHS": 1}}
