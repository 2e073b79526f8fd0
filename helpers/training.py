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
