"""TensorFlow housekeeping, so that a notebook's first cell is one line of set-up.

TensorFlow's native code writes start-up notices to file descriptor 2, below Python,
where ``TF_CPP_MIN_LOG_LEVEL`` does not always reach them; in a notebook they would land in
the outputs. :func:`import_tensorflow_quietly` captures them in a log file instead and
shows that log if the import fails, or, when a native crash killed the kernel during the
import, at the next start. :func:`start_notebook` does the rest of a notebook's set-up.
"""

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

_LOG_PREFIX = "rnn-course-tensorflow-import-"
_STARTED = {"clock": None}


@contextlib.contextmanager
def quiet_native_stderr(to=None):
    """Send file descriptor 2 to ``to`` (a path; default /dev/null) inside the block."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(to or os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _report_crashed_imports(folder):
    for log in Path(folder).glob(f"{_LOG_PREFIX}*.log"):
        pid = log.stem.removeprefix(_LOG_PREFIX)
        if pid.isdigit() and not _pid_alive(int(pid)):
            text = log.read_text(errors="replace").strip()
            print(
                "warning: an earlier kernel died while importing TensorFlow; it said:\n"
                + (text or "(nothing)"),
                file=sys.stderr,
            )
            log.unlink(missing_ok=True)


def import_tensorflow_quietly():
    """Import TensorFlow and Keras with their native start-up notices captured."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if "tensorflow" in sys.modules:
        return
    folder = tempfile.gettempdir()
    _report_crashed_imports(folder)
    log = Path(folder) / f"{_LOG_PREFIX}{os.getpid()}.log"
    try:
        with quiet_native_stderr(to=log):
            import keras  # noqa: F401
            import tensorflow  # noqa: F401
    except Exception as error:
        said = log.read_text(errors="replace").strip() if log.exists() else ""
        raise ImportError(
            f"TensorFlow could not be imported ({error}). Its native log said:\n{said or '-'}\n"
            "Check that the course environment is installed: run `make install`."
        ) from error
    finally:
        if "tensorflow" in sys.modules or log.exists():
            log.unlink(missing_ok=True)


def _warm_up_masked_layers():
    # The first masked recurrent layer logs a one-off oneDNN notice on some CPUs: run one
    # tiny layer now, muted, so the notice never reaches a lesson cell.
    import keras
    import numpy as np

    with quiet_native_stderr():
        keras.layers.SimpleRNN(1)(np.ones((1, 2, 1), "float32"), mask=np.array([[1, 0]], bool))


def start_notebook():
    """Set up a notebook: CPU split (if asked), figure style, print options, versions.

    Call it once, in the setup cell. It starts the clock that :func:`helpers.save_results`
    reads for the run's duration.
    """
    import keras
    import numpy as np
    import tensorflow as tf

    from helpers.distribute import logical_cpus_from_env, split_cpu
    from helpers.plotting import use_course_style

    _STARTED["clock"] = time.perf_counter()
    n_cpus = logical_cpus_from_env()
    if n_cpus is not None:
        split_cpu(n_cpus)
    _warm_up_masked_layers()
    use_course_style()
    np.set_printoptions(precision=4, suppress=True)
    print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}, NumPy {np.__version__}")


def seconds_since_start():
    """Seconds since :func:`start_notebook` (None if it was not called)."""
    start = _STARTED["clock"]
    return None if start is None else time.perf_counter() - start
