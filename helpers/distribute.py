"""A distribution strategy chosen by name, for the notebooks that train models.

``"default"`` runs on one device (the CPU, or the one GPU TensorFlow picks);
``"mirrored"`` copies the model onto every GPU of this machine (or, with no GPU, onto the
logical CPU devices) and averages their gradients; ``"multi_worker"`` does the same across
machines, configured by the ``TF_CONFIG`` environment variable.

A training notebook takes two parameters, ``STRATEGY`` (a name) and ``LOGICAL_CPUS`` (to
split the CPU into several devices and try ``"mirrored"`` without a GPU), and calls
:func:`strategy_from_parameters`. Build and compile the model inside
``with strategy.scope():``; ``fit`` needs no change.
"""

STRATEGIES = ("default", "mirrored", "multi_worker")


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
            "restart the kernel and set the strategy parameters before anything else runs"
        ) from error
    return [device.name for device in tf.config.list_logical_devices("CPU")]


def make_strategy(name="default"):
    """The ``tf.distribute`` strategy called ``name`` (one of :data:`STRATEGIES`)."""
    import tensorflow as tf

    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; choose one of {', '.join(STRATEGIES)}")
    if name == "default":
        return tf.distribute.get_strategy()
    if name == "mirrored":
        gpus = [device.name for device in tf.config.list_logical_devices("GPU")]
        devices = gpus or [device.name for device in tf.config.list_logical_devices("CPU")]
        return tf.distribute.MirroredStrategy(devices=devices)
    return tf.distribute.MultiWorkerMirroredStrategy()


def strategy_from_parameters(name="default", logical_cpus=None):
    """The strategy a notebook's ``STRATEGY`` and ``LOGICAL_CPUS`` parameters ask for.

    With ``logical_cpus`` set, the CPU is split first, which must happen before TensorFlow
    runs its first operation: call this in the cell after the parameter checks.
    """
    if logical_cpus is not None:
        split_cpu(logical_cpus)
    return make_strategy(name)
