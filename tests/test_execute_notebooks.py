"""scripts/execute_notebooks.py: full runs in place with a code hash, fast runs elsewhere,
papermill's bookkeeping stripped, nothing half-written."""

import importlib.util
import json
import os
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "execute_notebooks", ROOT / "scripts" / "execute_notebooks.py"
)
execute_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute_notebooks)

ENV = "import os\nprint(os.environ['RNN_COURSE_FAST'], os.environ['RNN_COURSE_RESULTS_DIR'], os.environ['RNN_COURSE_CODE_SHA256'])"  # noqa: E501


def _notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "rnn-course",
        "display_name": "rnn-course",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, path)
    return path


def test_a_full_run_executes_in_place_with_its_mode_and_code_hash(tmp_path, capsys):
    path = _notebook(
        tmp_path / "00_tiny.ipynb", "x = 6 * 7", "import time\n\ntime.sleep(1)\nprint(x)", ENV
    )
    code_hash = execute_notebooks.code_sha256(nbformat.read(path, as_version=4))
    results = tmp_path / "results"
    seconds, slowest = execute_notebooks.execute(path, results_dir=results)
    assert seconds > 0
    # where the time went, longest first
    assert [cell["cell"] for cell in slowest][0] == 1 and slowest[0]["seconds"] >= 1
    assert slowest[0]["starts"] == "import time"
    assert sorted(cell["cell"] for cell in slowest) == [0, 1, 2]
    nb = nbformat.read(path, as_version=4)
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]
    assert nb.cells[1].outputs[0].text == "42\n"
    # The kernel saw the mode, a staging folder named results/ and the hash of its code.
    mode, staging, seen_hash = nb.cells[2].outputs[0].text.split()
    assert (mode, seen_hash) == ("0", code_hash)
    assert Path(staging).name == "results" and Path(staging) != results.resolve()
    assert nb.metadata["rnn_course"] == {"mode": "full", "code_sha256": code_hash}
    assert "papermill" not in nb.metadata
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in nb.cells)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_tiny.ipynb", "results"]


SAVE = (
    "import os, pathlib\n"
    "folder = pathlib.Path(os.environ['RNN_COURSE_RESULTS_DIR'])\n"
    "folder.mkdir(parents=True, exist_ok=True)\n"
    "(folder / '00_tiny.json').write_text('{\"run\": 2}')"
)


def test_results_move_in_only_when_the_whole_notebook_succeeded(tmp_path, capsys):
    results = tmp_path / "results"
    results.mkdir()
    (results / "00_tiny.json").write_text('{"run": 1}')
    path = _notebook(tmp_path / "00_tiny.ipynb", SAVE, "raise RuntimeError('a solution fails')")
    with pytest.raises(Exception, match="a solution fails"):
        execute_notebooks.execute(path, results_dir=results)
    assert (results / "00_tiny.json").read_text() == '{"run": 1}'
    _notebook(path, SAVE, "print('fine')")
    execute_notebooks.execute(path, results_dir=results)
    assert (results / "00_tiny.json").read_text() == '{"run": 2}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_tiny.ipynb", "results"]


def test_the_environment_is_restored_after_a_run(tmp_path, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_RESULTS_DIR", "somewhere")
    monkeypatch.delenv("RNN_COURSE_CODE_SHA256", raising=False)
    path = _notebook(tmp_path / "00_tiny.ipynb", "x = 1")
    execute_notebooks.execute(path, results_dir=tmp_path)
    assert os.environ["RNN_COURSE_RESULTS_DIR"] == "somewhere"
    assert "RNN_COURSE_CODE_SHA256" not in os.environ


def test_fast_runs_never_write_in_place(tmp_path, monkeypatch, capsys):
    path = _notebook(tmp_path / "00_tiny.ipynb", ENV)
    before = path.read_bytes()
    out = tmp_path / "out"
    monkeypatch.setattr(execute_notebooks, "FAST_OUT", out)
    assert execute_notebooks.main([str(path), "--fast"]) == 0
    assert path.read_bytes() == before
    nb = nbformat.read(out / "00_tiny.ipynb", as_version=4)
    assert nb.metadata["rnn_course"]["mode"] == "fast"
    assert nb.cells[0].outputs[0].text.split()[0] == "1"
    assert Path(nb.cells[0].outputs[0].text.split()[1]).name == "out"
    assert "executed notebooks and their results are in" in capsys.readouterr().out
    with pytest.raises(ValueError, match="never replaces the committed notebook"):
        execute_notebooks.execute(path, fast=True)
    assert path.read_bytes() == before


def test_out_writes_elsewhere_in_full_mode_too(tmp_path):
    path = _notebook(tmp_path / "00_tiny.ipynb", "print(1)")
    before = path.read_bytes()
    assert execute_notebooks.main([str(path), "--out", str(tmp_path / "out")]) == 0
    assert path.read_bytes() == before
    nb = nbformat.read(tmp_path / "out" / "00_tiny.ipynb", as_version=4)
    assert nb.metadata["rnn_course"]["mode"] == "full"


def test_a_failing_notebook_is_left_unchanged(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(execute_notebooks, "RESULTS", tmp_path / "results")
    path = _notebook(tmp_path / "00_broken.ipynb", "print('before')", "raise RuntimeError('boom')")
    before = path.read_bytes()
    assert execute_notebooks.main([str(path)]) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_broken.ipynb", "results"]
    assert "00_broken.ipynb did not finish and was left unchanged" in capsys.readouterr().err


def test_a_full_run_records_seconds_slowest_cells_and_the_machines_speed(tmp_path, monkeypatch):
    monkeypatch.setattr(execute_notebooks, "RESULTS", tmp_path / "results")
    monkeypatch.setattr(execute_notebooks, "TIMINGS", tmp_path / "results" / "timings.json")
    monkeypatch.setattr(execute_notebooks, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(execute_notebooks, "ROOT", tmp_path)
    monkeypatch.setattr(execute_notebooks, "matmul_gflops", lambda: 123.4)
    path = _notebook(tmp_path / "00_tiny.ipynb", "print(1)")
    assert execute_notebooks.main([str(path)]) == 0
    record = json.loads((tmp_path / "results" / "timings.json").read_text())
    assert list(record["seconds"]) == ["00_tiny.ipynb"] and record["seconds"]["00_tiny.ipynb"] > 0
    assert record["slowest_cells"]["00_tiny.ipynb"][0]["starts"] == "print(1)"
    assert record["matmul_gflops"] == {"00_tiny.ipynb": 123.4}


def test_an_unmeasured_speed_is_recorded_as_none_with_a_note(monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise execute_notebooks.subprocess.CalledProcessError(1, args[0])

    monkeypatch.setattr(execute_notebooks.subprocess, "run", fail)
    assert execute_notebooks.matmul_gflops() is None
    assert "the matmul speed was not measured" in capsys.readouterr().err


def test_refuses_a_path_that_is_not_a_notebook(tmp_path):
    with pytest.raises(SystemExit):
        execute_notebooks.main([str(tmp_path / "missing.ipynb")])


def test_code_hash_covers_code_cells_only_and_not_the_injected_parameters():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell("# text")]
    first = execute_notebooks.code_sha256(nb)
    nb.cells[1].source = "# other text"
    injected = nbformat.v4.new_code_cell("SEED = 7")
    injected.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(1, injected)
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="anything")]
    assert execute_notebooks.code_sha256(nb) == first
    nb.cells[0].source = "x = 2"
    assert execute_notebooks.code_sha256(nb) != first


def test_write_text_atomically_never_leaves_half_a_file(tmp_path, monkeypatch):
    path = tmp_path / "timings.json"
    execute_notebooks.write_text_atomically(path, json.dumps({"a": 1}))
    assert json.loads(path.read_text()) == {"a": 1}

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(execute_notebooks.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        execute_notebooks.write_text_atomically(path, json.dumps({"a": 2}))
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["timings.json"]
