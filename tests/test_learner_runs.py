"""A learner's runs: papermill from the command line, and `make lab` with Run All from
JupyterLab's menus, twice in one kernel. Neither changes a tracked file.

Both run with the environment of a learner's shell (no RNN_COURSE_* variables): results go
to runs/, which git ignores.

- papermill: a quick run of 06 (`-p FAST True`), a notebook that trains (SimpleRNN models
  fitted on arrays and on a tf.data pipeline, several steps per call, early stopping by a
  custom validation callback). A new kernel must record the numbers of nbval's run of 06
  (timings excepted): under `make test` (--dist loadfile) conftest.py schedules this file
  right after 06's cells, on the same worker, so that run is fresh. Run alone, this test
  runs 06 twice. The notebooks that train nothing compute the same numbers by construction,
  and nbval compares their outputs on every run.
- JupyterLab: notebook 01 in full mode, Run All twice in one kernel; the second run must
  print the same outputs. JupyterLab must serve every notebook with the course kernel.
"""

import configparser
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from browser import launch, needs_chromium
from helpers.results import load_results, results_path

ROOT = Path(__file__).resolve().parent.parent
NAME = "01_manual_two_step_rnn"  # run through JupyterLab
QUICK_RUN = "06_time_series_prediction"  # run through papermill, in fast mode
spec = importlib.util.spec_from_file_location("workspace", ROOT / "scripts" / "workspace.py")
workspace = importlib.util.module_from_spec(spec)
spec.loader.exec_module(workspace)
# Numbers that measure time, not results.
TIMING = re.compile(r"seconds|per_second|_time|throughput|_ms\b|speed")
# Collection imports this module before any test of the session runs.
SESSION_STARTED = time.time()


def _learners_environment():
    return {k: v for k, v in os.environ.items() if not k.startswith("RNN_COURSE_")}


def _state():
    """`git status` (new entries are what matters) and the bytes of the tracked results and
    notebooks."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    tracked = subprocess.run(
        ["git", "ls-files", "results", "notebooks"],
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


def _learners_record(name, since, mode):
    """The record a learner's run of ``name`` saved in runs/ (written after ``since``)."""
    path = results_path(name, fast=mode == "fast", directory=ROOT / "runs")
    assert path.exists() and path.stat().st_mtime >= since, f"{path} was not written by the run"
    record = load_results(name, fast=mode == "fast", directory=ROOT / "runs")
    assert record["mode"] == mode
    return record


def _numbers(record):
    return {key: value for key, value in record["metrics"].items() if not TIMING.search(key)}


def _saved_by_nbval_in_this_session(name, session):
    """The record nbval's run of notebooks/<name>.ipynb saved during this session, or None
    (nbval did not run it, or not yet, or its run stopped before saving)."""
    if not any(item.nodeid.startswith(f"notebooks/{name}.ipynb::") for item in session.items):
        return None
    path = results_path(name, fast=True)  # the nbval kernel had this environment
    if not path.exists() or path.stat().st_mtime < SESSION_STARTED:
        return None
    return load_results(name, fast=True)


def _quick_run_from_the_command_line(out):
    """`python -m papermill notebooks/06_....ipynb out -p FAST True`, as a learner types it;
    returns the record it saved in runs/ and the executed notebook."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "papermill", f"notebooks/{QUICK_RUN}.ipynb", str(out),
         "-p", "FAST", "True", "--no-progress-bar"],
        cwd=ROOT, env=_learners_environment(), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return _learners_record(QUICK_RUN, started, "fast"), nbformat.read(out, as_version=4)


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_a_quick_papermill_run_repeats_the_numbers_and_changes_no_tracked_file(tmp_path, request):
    # Read before the learner's run writes the same file in runs/.
    other = _saved_by_nbval_in_this_session(QUICK_RUN, request.session)
    before = _state()
    record, nb = _quick_run_from_the_command_line(tmp_path / "out.ipynb")
    # A learner's shell sets no RNN_COURSE_FAST: the injected value made it a quick run.
    assert record["parameters"]["FAST"] is True
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    _assert_nothing_tracked_changed(before)
    if other is None or other["parameters"] != record["parameters"]:  # another run wrote it
        other, _ = _quick_run_from_the_command_line(tmp_path / "again.ipynb")
    assert _numbers(record), "no numbers to compare"
    assert _numbers(record) == _numbers(other)


def _nbval_sanitizers():
    """(pattern, replacement) of each section of tests/nbval_sanitize.cfg, as nbval reads it."""
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(config[name]["regex"]), config[name]["replace"])
            for name in config.sections()]  # fmt: skip


def _compared_outputs(nb):
    """Text of every output nbval compares, per code cell, sanitised as nbval does."""
    sanitizers, texts = _nbval_sanitizers(), []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        parts = []
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                parts.append(output.get("data", {}).get("text/plain", ""))
            elif output.output_type == "error":
                parts.append(f"{output.ename}: {output.evalue}")
        text = "".join(parts)
        for pattern, replacement in sanitizers:
            text = pattern.sub(replacement, text)
        texts.append(text)
    return texts


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def _serves_the_workspace(base, token):
    status, page = _get(f"{base}/lab?token={token}")
    assert status == 200 and b"JupyterLab" in page
    _, listing = _get(f"{base}/api/contents?token={token}")
    served = {item["name"] for item in json.loads(listing)["content"]}
    expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert expected and expected <= served
    _, specs = _get(f"{base}/api/kernelspecs?token={token}")
    assert "rnn-course" in json.loads(specs)["kernelspecs"]


def _click_menu(page, menu, command):
    page.click(f"li.lm-MenuBar-item:has-text('{menu}')")
    page.click(f"li.lm-Menu-item[data-command='{command}']")


def _failures(nb):
    """The error and stderr outputs of ``nb``."""
    outputs = [output for cell in nb.cells for output in cell.get("outputs", [])]
    return [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]


def _save(page, path, after, seconds=60):
    """Save the notebook from the File menu until the saved file holds a whole run, every
    execution count above ``after`` (or a failure), and return it. The folded solutions at the
    end have no prompt on the page: they may still be running when the visible cells are done."""
    deadline = time.monotonic() + seconds
    while True:
        _click_menu(page, "File", "docmanager:save")
        time.sleep(1)
        nb = nbformat.read(path, as_version=4)
        counts = [cell.execution_count for cell in nb.cells if cell.cell_type == "code"]
        if all(count is not None and count > after for count in counts) or _failures(nb):
            return nb
        assert time.monotonic() < deadline, f"{path.name} was not saved after the run: {counts}"


def _wait_for_the_kernel(page, base, token, seconds=120):
    """Until the notebook's kernel has started and is idle, as the server sees it; Run All
    before that can find no kernel. JupyterLab may ask which kernel to start (the course
    kernel is preselected), or start the notebook's own at once."""
    select = ".jp-Dialog button:has-text('Select')"
    deadline = time.monotonic() + seconds
    while True:
        if page.locator(select).count():
            page.click(select)
        _, listing = _get(f"{base}/api/sessions?token={token}")
        states = [s["kernel"]["execution_state"] for s in json.loads(listing)]
        if "idle" in states:
            break
        assert time.monotonic() < deadline, f"no idle kernel in {seconds} s: {states}"
        time.sleep(0.5)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)


STDERR = "[data-mime-type='application/vnd.jupyter.stderr']"  # error messages too
# The prompts of the code cells on the page that show an execution count above `after`.
COUNTED_PROMPTS = """after => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .filter(p => { const m = /\\[(\\d+)\\]/.exec(p.textContent); return m && +m[1] > after; })
    .length"""


@needs_chromium
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_run_all_twice_through_jupyterlab_in_the_lab_workspace(tmp_path, monkeypatch, jupyterlab):
    from playwright.sync_api import sync_playwright

    before, started = _state(), time.time()
    folder = tmp_path / "workspace"
    workspace.prepare(workspace=folder)
    path = folder / f"{NAME}.ipynb"
    # The copy starts without outputs: whatever the page shows afterwards comes from this run.
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, path)
    # Collapsed solution cells show no prompt: count the others.
    n_prompts = sum(
        cell.cell_type == "code" and "solution" not in cell.metadata.get("tags", [])
        for cell in nb.cells
    )
    for name in os.environ.keys() - _learners_environment().keys():
        monkeypatch.delenv(name)  # JupyterLab and its kernel get a learner's environment
    passes, last_count = [], 0
    with jupyterlab(folder) as (base, token):
        _serves_the_workspace(base, token)
        with sync_playwright() as playwright:
            browser = launch(playwright, allow_loopback=True)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/lab/tree/{NAME}.ipynb?token={token}", wait_until="domcontentloaded",
                      timeout=120_000)  # fmt: skip
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
            _wait_for_the_kernel(page, base, token)
            for _ in range(2):  # Run All, then Run All again without restarting; save each
                _click_menu(page, "Run", "runmenu:run-all")
                # Every visible cell has run, or one has failed (Run All stops there).
                page.wait_for_function(f"({COUNTED_PROMPTS})({last_count}) >= {n_prompts} || "
                                       f'document.querySelector("{STDERR}")',
                                       timeout=180_000)  # fmt: skip
                failed = page.locator(STDERR)
                assert not failed.count(), f"a cell wrote to stderr: {failed.first.inner_text()}"
                assert page.locator("text=Headline numbers:").count() == 1, "the results cell ran"
                saved = _save(page, path, after=last_count)
                assert not _failures(saved), f"a folded solution failed: {_failures(saved)}"
                passes.append(_compared_outputs(saved))
                last_count = max(c.execution_count for c in saved.cells if c.cell_type == "code")
            page.screenshot(path=tmp_path / f"lab_{NAME}.png")
            browser.close()
    _learners_record(NAME, started, "full")
    first, second = passes
    assert any(first), "the saved notebook holds no compared output"
    differing = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert not differing, f"compared cells {differing} print something else the second time"
    _assert_nothing_tracked_changed(before)
