"""Pieces of a Keras training loop that several notebooks share."""

import time

import keras


class EpochLog(keras.callbacks.Callback):
    """One short line per epoch instead of progress bars, and the seconds of each epoch.

    ``EpochLog(show=False)`` only records. After ``fit``, ``log.seconds`` holds one entry
    per epoch run. ``metrics`` names the logged values to print (default: all of them).
    """

    def __init__(self, show=True, metrics=None):
        super().__init__()
        self.show, self.metrics, self.seconds = show, metrics, []

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self._start)
        if not self.show:
            return
        logs = logs or {}
        names = self.metrics if self.metrics is not None else list(logs)
        values = "  ".join(f"{name} {logs[name]:.4f}" for name in names if name in logs)
        print(f"epoch {epoch + 1:>2}  {self.seconds[-1]:5.1f} s  {values}")


class StopWhenSolved(keras.callbacks.Callback):
    """Stop training at the end of the first epoch whose ``metric`` reaches ``threshold``."""

    def __init__(self, threshold=0.99, metric="val_accuracy"):
        super().__init__()
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        self.threshold, self.metric = threshold, metric

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.metric not in logs:
            raise KeyError(
                f"StopWhenSolved watches {self.metric!r}, which fit did not log (it logged "
                f"{sorted(logs)}); pass validation_data to fit or choose another metric"
            )
        if logs[self.metric] >= self.threshold:
            self.model.stop_training = True


class ReusedModels:
    """One compiled model per key, reused by every training with that key.

    Keras traces a model's training step the first time ``fit`` runs it, which takes
    seconds. Trainings that differ only in their initial weights (several seeds, say) can
    share one model: ``models.start(key, fresh)`` sets the model kept under ``key`` to the
    initial weights of ``fresh`` (a newly built model of the same architecture, compiled
    the same way) and its optimizer back to step 0, and returns it; it then trains exactly
    as ``fresh`` would. The first call keeps ``fresh`` itself. ``models[key]`` is the kept
    model.
    """

    def __init__(self):
        self._kept = {}  # key -> model, its optimizer's variables at step 0

    def start(self, key, fresh):
        if getattr(fresh, "optimizer", None) is None:
            raise ValueError("ReusedModels.start needs a compiled model; call compile first")
        if key not in self._kept:
            with fresh.distribute_strategy.scope():  # on every replica, like the weights
                fresh.optimizer.build(fresh.trainable_variables)
            self._kept[key] = fresh, [v.numpy() for v in fresh.optimizer.variables]
        model, optimizer_start = self._kept[key]
        shapes = [tuple(w.shape) for w in model.weights]
        if [tuple(w.shape) for w in fresh.weights] != shapes:
            raise ValueError(
                f"the model kept under {key!r} has weights of shapes {shapes}; a model of "
                "another architecture needs a key of its own"
            )
        kept_settings, settings = (_settings(m.optimizer) for m in (model, fresh))
        if settings != kept_settings:
            raise ValueError(
                f"the model kept under {key!r} was compiled with another optimizer "
                f"({kept_settings}); give this one a key of its own"
            )
        model.set_weights(fresh.get_weights())
        for variable, value in zip(model.optimizer.variables, optimizer_start, strict=True):
            variable.assign(value)  # moments and step count back to their start
        return model

    def __getitem__(self, key):
        return self._kept[key][0]


def _settings(optimizer):  # an optimizer's class and configuration, without its unique name
    config = {k: v for k, v in optimizer.get_config().items() if k != "name"}
    return type(optimizer).__name__, config
