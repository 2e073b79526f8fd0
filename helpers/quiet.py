"""Mute TensorFlow's C++ notices, which go straight to file descriptor 2.

TensorFlow's native code writes some one-off notices (its start-up banner, a oneDNN note the
first time a masked recurrent layer runs on some CPUs, a data-pipeline note during some
``fit`` calls) to the process's stderr, below Python, where ``TF_CPP_MIN_LOG_LEVEL`` does not
always reach them. In a notebook they would land in the outputs. Python's own warnings and
exceptions are not affected.
"""

import contextlib
import os
import sys


@contextlib.contextmanager
def quiet_native_stderr():
    """Send file descriptor 2 to /dev/null inside the block, and restore it afterwards."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
