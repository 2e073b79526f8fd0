"""The committed notebooks follow the house style of CONTRIBUTING.md: their shape, the
set-up, parameters, checks and results cells, scale-out through one STRATEGY knob.

These checks read the files only; executing the notebooks is nbval's job (make test), the
voice and sizes are scripts/lint_notebooks.py's, the numbers test_committed_results.py's.
"""

import ast
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


def _calls(source, name):
    """Calls of ``helpers.<name>(...)`` in ``source``."""
    return [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
        and getattr(node.func.value, "id", None) == "helpers"
    ]


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
    assert "import helpers" in setup[0].source
    assert _calls(setup[0].source, "start_notebook"), "the setup cell calls start_notebook()"
    first = next(line for line in params[0].source.splitlines() if line.strip())
    assert first.startswith("FAST = helpers.FAST"), "FAST = helpers.FAST comes first"
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown" and c.source]
    assert "## Summary" in headings and "## Exercises" in headings


def test_checks_cell_follows_the_parameters_cell(notebook):
    # Papermill injects its values right after the parameters cell, so the check comes next.
    cells = notebook.cells
    params = _tagged(notebook, "parameters")[0]
    checks = cells[cells.index(params) + 1]
    assert "checks" in checks.metadata.get("tags", []), "the cell after parameters is checks"
    [call] = _calls(checks.source, "check_parameters")
    first = call.args[0] if call.args else None
    assert isinstance(first, ast.Call) and getattr(first.func, "id", None) == "globals", (
        "the checks cell calls helpers.check_parameters(globals())"
    )


def test_results_cell_saves_this_notebooks_numbers_with_its_claims(notebook):
    results = _tagged(notebook, "results")[0]
    [call] = _calls(results.source, "save_results")
    assert isinstance(call.args[0], ast.Constant) and call.args[0].value == notebook.path.stem
    keywords = {k.arg for k in call.keywords}
    assert {"claims", "fast_claims"} <= keywords, (
        "save_results(..., claims=[...], fast_claims=[...])"
    )
    # The mode, parameters and duration come from check_parameters and start_notebook.
    assert not keywords & {"fast", "seconds", "parameters", "directory"}


def test_solutions_come_last_after_the_results(notebook):
    cells = notebook.cells
    results = cells.index(_tagged(notebook, "results")[0])
    for index, cell in enumerate(cells):
        tags = cell.metadata.get("tags", [])
        if "solution" in tags:
            assert index > results, f"cell {index}: solutions come after the results cell"
        elif index > results:
            first_line = cell.source.splitlines()[0] if cell.source else ""
            assert cell.cell_type == "markdown" and first_line == "## Solutions", (
                f"cell {index}: after the results cell only '## Solutions' and solution cells"
            )


def test_slide_metadata(notebook):
    for index, cell in enumerate(notebook.cells):
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
        assert slide_type, f"cell {index} has no slideshow metadata"
        tags = cell.metadata.get("tags", [])
        if {"setup", "parameters", "checks", "results", "solution"} & set(tags):
            assert slide_type == "skip", f"cell {index} ({tags}) is skipped in slides"
            continue
        first_line = cell.source.splitlines()[0] if cell.source else ""
        if cell.cell_type != "markdown":
            continue
        if first_line.startswith("# "):
            assert slide_type == "slide", f"cell {index}: the title starts a slide"
        elif first_line in ("## Results", "## Solutions"):
            assert slide_type == "skip", f"cell {index}: {first_line!r} is skipped in slides"
        elif first_line.startswith("## "):
            assert slide_type == "slide", f"cell {index}: a ## section starts a slide"
        elif first_line.startswith("### "):
            assert slide_type == "subslide", f"cell {index}: a ### section starts a sub-slide"


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


def test_notebooks_that_fit_models_take_one_strategy_knob(notebook):
    # Hand-written training steps (04's BPTT, 09's sparse word2vec updates) run on one
    # device by design; every notebook that trains with Keras's fit takes a strategy.
    code = "\n".join(c.source for c in _code_cells(notebook))
    assert "LOGICAL_CPUS" not in code, "the CPU split comes from RNN_COURSE_LOGICAL_CPUS"
    if ".fit(" not in code:
        return
    params = _tagged(notebook, "parameters")[0].source
    assert re.search(r"^STRATEGY = helpers\.STRATEGY\b", params, re.M), (
        "a STRATEGY knob in the parameters cell, from helpers.STRATEGY (nbval sets it)"
    )
    checks = _tagged(notebook, "checks")[0].source
    assert "helpers.make_strategy(STRATEGY)" in checks
    assert "strategy.scope()" in code
    results = _tagged(notebook, "results")[0].source
    assert '"replicas"' in results, "the results record the replicas of a trained model"
    assert ".distribute_strategy.num_replicas_in_sync" in results
