"""A learner's runs change no tracked file: papermill from the command line, and a notebook
run top to bottom (twice, in one kernel) in the `make lab` workspace as JupyterLab runs it.

Both run notebook 01 in full mode, as a learner would, with the environment of a learner's
shell (no RNN_COURSE_* variables): its results go to runs/, which git ignores. The second
run also checks that running every cell again in the same kernel prints the same outputs.
"""

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from compared_outputs import compared_outputs
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NAME = "01_manual_two_step_rnn"
spec = importlib.util.spec_from_file_location("workspace", ROOT / "scripts" / "workspace.py")
workspace = importlib.util.module_from_spec(spec)
spec.loader.exec_module(workspace)


def _learners_environment():
    return {k: v for k, v in os.environ.items() if not k.startswith("RNN_COURSE_")}


def _state():
    """`git status` (new entries are what matters) and the bytes of the tracked results."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    tracked = subprocess.run(
        ["git", "ls-files", "results", f"notebooks/{NAME}.ipynb"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    digests = {
        name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        for name in tracked
        if (ROOT / name).exists()
    }
    return set(status), digests


def _assert_nothing_tracked_changed(before):
    status, digests = _state()
    # In a fresh clone `before` is empty: this is `git status` clean.
    assert status <= before[0], f"new in git status: {sorted(status - before[0])}"
    assert digests == before[1], "a tracked result or notebook was rewritten"


def _learners_record():
    record = json.loads((ROOT / "runs" / f"{NAME}.json").read_text())
    assert record["mode"] == "full"
    return record


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_papermill_run_from_the_command_line(tmp_path):
    before = _state()
    result = subprocess.run(
        [sys.executable, "-m", "papermill", f"notebooks/{NAME}.ipynb", str(tmp_path / "out.ipynb"),
         "-p", "SEED", "7", "--no-progress-bar"],
        cwd=ROOT, env=_learners_environment(), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    record = _learners_record()
    assert record["parameters"]["SEED"] == 7  # the injected value reached the code
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    _assert_nothing_tracked_changed(before)


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_run_all_twice_in_the_lab_workspace(tmp_path, monkeypatch):
    before = _state()
    folder = tmp_path / "workspace"
    workspace.prepare(workspace=folder)
    path = folder / f"{NAME}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for name in [k for k in os.environ if k.startswith("RNN_COURSE_")]:
        monkeypatch.delenv(name)  # the kernel inherits a learner's environment
    client = NotebookClient(nb, timeout=900, resources={"metadata": {"path": str(folder)}})
    passes = []
    with client.setup_kernel():
        for _ in range(2):  # Run All, then Run All again without restarting
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    client.execute_cell(cell, index)
            passes.append(compared_outputs(nb))
    nbformat.write(nb, path)  # JupyterLab saves the notebook where it was opened
    _learners_record()
    first, second = passes
    differing = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert not differing, f"compared cells {differing} print something else the second time"
    _assert_nothing_tracked_changed(before)
