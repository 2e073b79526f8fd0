"""helpers.distribute: strategies by name, the CPU split from the environment, and training
notebooks that learn under MirroredStrategy on two logical CPUs.

Splitting the CPU needs a process where TensorFlow has run nothing yet: papermill's fresh
kernel is one (helpers.start_notebook splits it when RNN_COURSE_LOGICAL_CPUS is set).
"""

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


# Which notebooks train under MirroredStrategy here. Every notebook that trains with fit
# builds its models in strategy.scope() (test_notebooks checks it in the source) and records
# the replicas of its trained model; what differs between them is what the strategy has to
# carry through fit. These two cover the different paths:
# - 03: Sequential models with masking (Embedding(mask_zero=True) and masked GRUs): masks
#   split with the batch; early stopping;
# - 10: an encoder-decoder on tf.data with a loss that masks padding, gradient clipping,
#   steps per call from helpers.steps_per_call (one step when mirrored), a callback that
#   stops training, and the trained model used afterwards by its own decoding loops
#   (greedy, beam, attention).
# 05-08 fit Sequential stacks of SimpleRNN/GRU/LSTM layers (or cells) with standard losses
# on tf.data or arrays, clipping, callbacks and (05, 06) helpers.steps_per_call, which 03
# and 10 already carry under the strategy.
#
# Each must learn well above chance: its fast_claims (checked by save_results, so a run that
# misses them fails) and the margin here, measured on fast mirrored runs, must both hold.
MARGINS = {
    # sentiment, about balanced: at least 6 points above predicting the majority class
    # (measured, fast mode, default strategy: 0.64 against 0.52)
    "03_variable_length_sequences": lambda m: (
        m["val_accuracy_masked"] >= m["val_majority_baseline"] + 0.06
    ),
    # a model that has learnt nothing scores a BLEU of about 0 and no exact translation
    "10_machine_translation": lambda m: m["bleu_random_reversed_mean"] >= 0.05,
}


@pytest.mark.parametrize("name", MARGINS)
def test_training_notebook_learns_under_mirrored_strategy(name, run_to_results, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_LOGICAL_CPUS", "2")
    record = run_to_results(name, STRATEGY="mirrored")
    assert record["parameters"]["STRATEGY"] == "mirrored"
    assert record["metrics"]["replicas"] == 2, "a model was built outside strategy.scope()"
    assert record["fast_claims"], "the notebook declares no learning check (fast_claims)"
    assert MARGINS[name](record["metrics"]), record["metrics"]


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
