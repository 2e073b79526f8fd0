"""`make lab`'s server: JupyterLab answers on /lab and lists the course notebooks."""

import json
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_jupyterlab_serves_the_course(jupyterlab):
    with jupyterlab(ROOT / "notebooks") as (base, token):
        status, page = _get(f"{base}/lab?token={token}")
        assert status == 200 and b"JupyterLab" in page
        _, listing = _get(f"{base}/api/contents?token={token}")
        served = {item["name"] for item in json.loads(listing)["content"]}
        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        assert expected <= served
        _, specs = _get(f"{base}/api/kernelspecs?token={token}")
        assert "rnn-course" in json.loads(specs)["kernelspecs"]
