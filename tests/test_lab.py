"""`make lab`'s server: JupyterLab answers on /lab and lists the course notebooks."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "course-test-token"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_jupyterlab_serves_the_course(tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "lab.log", "wb"),
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = _get(f"{base}/api/status?token={TOKEN}")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "lab.log").read_text()
                assert time.monotonic() < deadline, "JupyterLab did not start within 60 s"
                time.sleep(0.5)
        status, page = _get(f"{base}/lab?token={TOKEN}")
        assert status == 200 and b"JupyterLab" in page
        _, listing = _get(f"{base}/api/contents?token={TOKEN}")
        served = {item["name"] for item in json.loads(listing)["content"]}
        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        assert expected <= served
        _, specs = _get(f"{base}/api/kernelspecs?token={TOKEN}")
        assert "rnn-course" in json.loads(specs)["kernelspecs"]
    finally:
        server.terminate()
        server.wait(timeout=30)
