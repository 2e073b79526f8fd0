"""The committed notebooks follow the course conventions (../shared/course-spec.md).

These checks read the files only; executing the notebooks is nbval's job (make test).
"""

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "rnn-course"
# Strings that would leak this machine into committed outputs.
MACHINE_PATHS = re.compile(r"(/work/|/home/|/root/|/tmp/|site-packages|\.venv/)")


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def notebook(request):
    nb = nbformat.read(request.param, as_version=4)
    nbformat.validate(nb)
    nb.path = request.param
    return nb


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _tagged(nb, tag):
    return [c for c in nb.cells if tag in c.metadata.get("tags", [])]


def test_file_name_is_numbered(notebook):
    assert re.fullmatch(r"\d\d_[a-z0-9_]+", notebook.path.stem)


def test_uses_the_course_kernel(notebook):
    assert notebook.metadata.kernelspec.name == KERNEL


def test_shape_of_a_notebook(notebook):
    cells = notebook.cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert "learning objectives" in cells[0].source.lower()
    setup = _tagged(notebook, "setup")
    params = _tagged(notebook, "parameters")
    results = _tagged(notebook, "results")
    assert len(setup) == 1 and len(params) == 1 and len(results) == 1
    order = [cells.index(c) for c in (setup[0], params[0], results[0])]
    assert order == sorted(order), "setup, then parameters, ..., then results"
    assert results[0] is _code_cells(notebook)[-1], "the results cell is the last code cell"
    assert "import helpers" in setup[0].source
    assert "helpers.FAST" in params[0].source, "FAST defaults to helpers.FAST"
    # Papermill injects its values right after the parameters cell, so the check comes next.
    checks = cells[cells.index(params[0]) + 1]
    assert "checks" in checks.metadata.get("tags", [])
    assert "helpers.check_parameters(" in checks.source
    assert f'"{notebook.path.stem}"' in results[0].source, "results are saved under this notebook"
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown"]
    assert "## Summary" in headings and "## Exercises" in headings


def test_slide_metadata(notebook):
    for index, cell in enumerate(notebook.cells):
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
        assert slide_type, f"cell {index} has no slideshow metadata"
        first_line = cell.source.splitlines()[0] if cell.source else ""
        if cell.cell_type == "markdown" and first_line.startswith("# "):
            assert slide_type == "slide", f"cell {index}: the title starts a slide"
        if cell.cell_type == "markdown" and first_line == "## Results":
            assert slide_type == "skip", f"cell {index}: the results heading is skipped in slides"
        elif cell.cell_type == "markdown" and first_line.startswith("## "):
            assert slide_type == "slide", f"cell {index}: a ## section starts a slide"
        if cell.cell_type == "markdown" and first_line.startswith("### "):
            assert slide_type == "subslide", f"cell {index}: a ### section starts a sub-slide"
        tags = cell.metadata.get("tags", [])
        if {"setup", "parameters", "checks", "results"} & set(tags):
            assert slide_type == "skip", f"cell {index} ({tags}) is skipped in slides"


def test_headings_start_their_cells(notebook):
    # Each heading begins a slide or sub-slide, so it must be the first line of its cell.
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        inner = [line for line in cell.source.splitlines()[1:] if re.match(r"#{1,3} ", line)]
        assert not inner, f"cell {index}: heading {inner[0]!r} should start a new cell"


def test_committed_outputs_are_a_clean_full_run(notebook):
    code = _code_cells(notebook)
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "execute top to bottom: make execute"
    for index, cell in enumerate(notebook.cells):
        assert "papermill" not in cell.metadata and "execution" not in cell.metadata
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {index} was committed with an error"
            if output.output_type == "stream":
                assert output.name != "stderr", (
                    f"cell {index} has stderr output: {output.text[:200]}"
                )
            text = json.dumps(output.get("text", "")) + json.dumps(
                output.get("data", {}).get("text/plain", "")
            )
            assert not MACHINE_PATHS.search(text), f"cell {index} shows a path of this machine"
    assert "papermill" not in notebook.metadata


def test_full_mode_results_are_committed(notebook):
    path = ROOT / "results" / f"{notebook.path.stem}.json"
    assert path.is_file(), f"run `make execute` to write {path.relative_to(ROOT)}"
    record = json.loads(path.read_text())
    assert record["notebook"] == notebook.path.stem
    assert record["mode"] == "full"
    assert record["metrics"]


def test_notebooks_that_fit_models_take_a_distribution_strategy(notebook):
    # Hand-written training steps (04's BPTT, 09's sparse word2vec updates) run on one
    # device by design; every notebook that trains with Keras's fit takes a strategy.
    code = "\n".join(c.source for c in _code_cells(notebook))
    if ".fit(" not in code:
        return
    params = _tagged(notebook, "parameters")[0].source
    assert re.search(r"^STRATEGY = ", params, re.M) and re.search(r"^LOGICAL_CPUS = ", params, re.M)
    assert "helpers.strategy_from_parameters(STRATEGY, LOGICAL_CPUS)" in code
    assert "strategy.scope()" in code
    assert ".distribute_strategy.num_replicas_in_sync" in _tagged(notebook, "results")[0].source
