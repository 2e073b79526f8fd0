"""helpers.training: the callbacks and the models reused between trainings."""

import keras
import numpy as np
import pytest

from helpers import EpochLog, ReusedModels, StopWhenSolved, seed_everything

X = np.random.default_rng(0).normal(size=(64, 5, 2)).astype("float32")
Y = (X[:, 0, 0] > 0).astype("float32")


def compiled_model(seed):
    seed_everything(seed)
    model = keras.Sequential(
        [keras.Input((5, 2)), keras.layers.SimpleRNN(4), keras.layers.Dense(1, "sigmoid")]
    )
    model.compile(keras.optimizers.Adam(0.01), "binary_crossentropy", metrics=["accuracy"])
    return model


def trained_weights(model, epochs=2):
    model.fit(X, Y, batch_size=16, epochs=epochs, shuffle=False, verbose=0)
    return model.get_weights()


def test_epoch_log_records_one_time_per_epoch(capsys):
    log = EpochLog(metrics=["loss"])
    compiled_model(0).fit(X, Y, epochs=2, verbose=0, callbacks=[log])
    assert len(log.seconds) == 2
    assert capsys.readouterr().out.count("loss") == 2


@pytest.mark.parametrize("accuracy, stops", [(0.989, False), (0.99, True), (1.0, True)])
def test_stop_when_solved_stops_once_the_metric_reaches_the_threshold(accuracy, stops):
    model, stop = compiled_model(0), StopWhenSolved(0.99)
    stop.set_model(model)
    model.stop_training = False
    stop.on_epoch_end(0, {"loss": 0.1, "val_accuracy": accuracy})
    assert model.stop_training is stops


def test_stop_when_solved_names_a_metric_fit_did_not_log():
    with pytest.raises(KeyError, match="StopWhenSolved watches 'val_accuracy'.*validation_data"):
        compiled_model(0).fit(X, Y, epochs=1, verbose=0, callbacks=[StopWhenSolved()])


@pytest.mark.parametrize("bad", [0, 1.5, -0.1])
def test_stop_when_solved_refuses_a_threshold_outside_0_1(bad):
    with pytest.raises(ValueError, match="threshold must be in"):
        StopWhenSolved(bad)


def test_a_reused_model_trains_exactly_as_a_fresh_one():
    models = ReusedModels()
    first = models.start("rnn", compiled_model(1))
    trained_weights(first)  # traced and trained: weights and Adam's moments have moved
    reused = models.start("rnn", compiled_model(2))
    assert reused is first
    expected = trained_weights(compiled_model(2))
    for got, want in zip(trained_weights(reused), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)
    assert models["rnn"] is first


def test_reused_models_need_a_compiled_model():
    model = keras.Sequential([keras.Input((5, 2)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="needs a compiled model"):
        ReusedModels().start("dense", model)


def test_a_model_of_another_architecture_needs_its_own_key():
    models = ReusedModels()
    models.start("rnn", compiled_model(0))
    wider = keras.Sequential(
        [keras.Input((5, 2)), keras.layers.SimpleRNN(8), keras.layers.Dense(1, "sigmoid")]
    )
    wider.compile(keras.optimizers.Adam(0.01), "binary_crossentropy")
    with pytest.raises(ValueError, match="another architecture needs a key of its own"):
        models.start("rnn", wider)


def test_a_model_compiled_with_another_optimizer_needs_its_own_key():
    models = ReusedModels()
    models.start("rnn", compiled_model(0))
    other = compiled_model(0)
    other.compile(keras.optimizers.Adam(0.001), "binary_crossentropy")
    with pytest.raises(ValueError, match="compiled with another optimizer"):
        models.start("rnn", other)
