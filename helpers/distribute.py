"""A distribution strategy chosen by name, for the notebooks that train models.

A training notebook has one knob, ``STRATEGY``: ``"default"`` runs on one device (the
CPU, or the one GPU TensorFlow picks); ``"mirrored"`` copies the model onto every GPU of
the machine and averages their gradients; ``"multi_worker"`` does the same across
machines described by the ``TF_CONFIG`` environment variable. The notebook builds and
compiles its models inside ``with strategy.scope():``; ``fit`` needs no change.

The knob's default comes from the environment variable ``RNN_COURSE_STRATEGY`` (unset:
``"default"``), because nbval cannot inject parameters; papermill can, and its value wins.
With no GPU, ``RNN_COURSE_LOGICAL_CPUS=2`` in the environment splits the CPU into two
logical devices when the notebook starts (:func:`helpers.start_notebook`), so that
``"mirrored"`` runs on them: the test suite runs 03 and 10 that way.
"""

import os

STRATEGIES = ("default", "mirrored", "multi_worker")
LOGICAL_CPUS_ENV_VAR = "RNN_COURSE_LOGICAL_CPUS"
STRATEGY_ENV_VAR = "RNN_COURSE_STRATEGY"


def strategy_from_env(environ=None):
    """The strategy name ``RNN_COURSE_STRATEGY`` asks for (unset or empty: ``"default"``)."""
    environ = os.environ if environ is None else environ
    raw = environ.get(STRATEGY_ENV_VAR, "")
    name = raw.strip() or "default"
    if name not in STRATEGIES:
        raise ValueError(
            f"{STRATEGY_ENV_VAR}={raw!r} is not a strategy: use one of {', '.join(STRATEGIES)} "
            "(or leave it unset for default)"
        )
    return name


def logical_cpus_from_env(environ=None):
    """The number of logical CPUs the environment asks for, or None to leave the CPU whole."""
    environ = os.environ if environ is None else environ
    raw = environ.get(LOGICAL_CPUS_ENV_VAR, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{LOGICAL_CPUS_ENV_VAR}={raw!r} must be an integer >= 1 (or unset)")
    return int(raw)


def split_cpu(n_devices):
    """Present the CPU as ``n_devices`` logical devices (to try "mirrored" without GPUs).

    Must run before TensorFlow executes its first operation in the process.
    """
    import tensorflow as tf

    if isinstance(n_devices, bool) or not isinstance(n_devices, int) or n_devices < 1:
        raise ValueError(f"n_devices must be an integer >= 1, got {n_devices!r}")
    cpu = tf.config.list_physical_devices("CPU")[0]
    try:
        tf.config.set_logical_device_configuration(
            cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(n_devices)]
        )
    except RuntimeError as error:
        raise RuntimeError(
            "the CPU can only be split before TensorFlow runs its first operation: "
            f"restart the kernel with {LOGICAL_CPUS_ENV_VAR} set before anything else runs"
        ) from error
    return [device.name for device in tf.config.list_logical_devices("CPU")]


def make_strategy(name="default"):
    """The ``tf.distribute`` strategy called ``name`` (one of :data:`STRATEGIES`)."""
    import tensorflow as tf

    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; choose one of {', '.join(STRATEGIES)}")
    if name == "default":
        return tf.distribute.get_strategy()
    # Quiet, as "default" is: the strategies announce their devices on TensorFlow's logger
    # (the results record the replicas of the trained model).
    logger = tf.get_logger()
    level = logger.level
    logger.setLevel("WARNING")
    try:
        if name == "mirrored":
            gpus = [device.name for device in tf.config.list_logical_devices("GPU")]
            devices = gpus or [device.name for device in tf.config.list_logical_devices("CPU")]
            return tf.distribute.MirroredStrategy(devices=devices)
        return tf.distribute.MultiWorkerMirroredStrategy()
    finally:
        logger.setLevel(level)


def steps_per_call(strategy, steps):
    """Training steps ``fit`` should run per call into TensorFlow (``steps_per_execution``).

    Several steps per call save Python overhead and change no update on one replica. With
    more than one replica, Keras 3.15's multi-step loop fails inside its ``while`` condition
    (InvalidArgumentError on a placeholder), so the strategy gets one step per call.
    """
    if int(steps) != steps or steps < 1:
        raise ValueError(f"steps must be an integer >= 1, got {steps!r}")
    return int(steps) if strategy.num_replicas_in_sync == 1 else 1
