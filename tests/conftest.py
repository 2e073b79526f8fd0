"""The fixture for the tests that need a running JupyterLab; where the suite's results go."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Whatever the shell says, the suite's own runs (nbval's kernels and papermill's included:
# they inherit this environment) write their results to runs/, which git ignores; only
# `make execute` writes results/. Tests that need another folder set it themselves.
os.environ["RNN_COURSE_RESULTS_DIR"] = str(ROOT / "runs")
os.environ.pop("RNN_COURSE_CODE_SHA256", None)
os.environ.pop("RNN_COURSE_STRATEGY", None)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """Start JupyterLab on a free loopback port with a token, as `make lab` would.

    ``with jupyterlab(root_dir, **env) as (base_url, token):`` waits until the server
    answers and stops it afterwards; its log is tmp_path/lab.log.
    """

    @contextlib.contextmanager
    def start(root_dir, seconds=90, **env):
        port, token = _free_port(), "course-test-token"
        log_path = tmp_path / "lab.log"
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [
                    sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
                    "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
                    f"--ServerApp.root_dir={root_dir}",
                ],
                stdout=log,
                stderr=log,
                env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), **env},
            )  # fmt: skip
            base = f"http://127.0.0.1:{port}"
            try:
                deadline = time.monotonic() + seconds
                while True:
                    try:
                        with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                            break
                    except OSError:
                        assert server.poll() is None, log_path.read_text()
                        assert time.monotonic() < deadline, f"JupyterLab not up in {seconds} s"
                        time.sleep(0.5)
                yield base, token
            finally:
                server.terminate()
                server.wait(timeout=30)

    return start
