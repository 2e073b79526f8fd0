"""scripts/execute_notebooks.py: in place, papermill's bookkeeping stripped, never half-written."""

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "execute_notebooks", ROOT / "scripts" / "execute_notebooks.py"
)
execute_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute_notebooks)


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


def test_executes_in_place_and_strips_papermill_metadata(tmp_path, capsys):
    path = _notebook(tmp_path / "00_tiny.ipynb", "x = 6 * 7", "print(x)")
    assert execute_notebooks.main([str(path), "--fast"]) == 0
    nb = nbformat.read(path, as_version=4)
    assert [c.execution_count for c in nb.cells] == [1, 2]
    assert nb.cells[1].outputs[0].text == "42\n"
    assert "papermill" not in nb.metadata
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in nb.cells)
    assert "00_tiny.ipynb" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_tiny.ipynb"]


def test_a_failing_notebook_is_left_unchanged(tmp_path, capsys):
    path = _notebook(tmp_path / "00_broken.ipynb", "print('before')", "raise RuntimeError('boom')")
    before = path.read_bytes()
    assert execute_notebooks.main([str(path), "--fast"]) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_broken.ipynb"]
    assert "00_broken.ipynb did not finish and was left unchanged" in capsys.readouterr().err


def test_refuses_a_path_that_is_not_a_notebook(tmp_path):
    with pytest.raises(SystemExit):
        execute_notebooks.main([str(tmp_path / "missing.ipynb")])
