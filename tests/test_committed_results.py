"""One source of truth per number: a notebook's committed outputs, its results/<nb>.json, the
claims its text makes and its current code must all come from one full-mode run.

For every notebook this fails when:

- the numbers its results cell printed and the ones in ``results/<nb>.json`` disagree;
- its committed outputs or its JSON are not from a full-mode run;
- a claim of its results cell (``claims=[...]``, read from the source) does not hold for the
  committed numbers, or the JSON was written with other claims;
- its code cells changed after the run (``make execute`` records a hash of them in the
  notebook's metadata and in the JSON; the hash is recomputed here the same way).

The fix is always the same: ``make execute NOTEBOOKS=notebooks/<nb>.ipynb``, then commit the
notebook and its JSON. The tests at the end build each broken state in a temporary copy of
a notebook executed the way ``make execute`` does, and show that it is caught.
"""

import ast
import importlib.util
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from helpers.results import check_claim, parse_claim

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
spec = importlib.util.spec_from_file_location(
    "execute_notebooks", ROOT / "scripts" / "execute_notebooks.py"
)
execute_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute_notebooks)


def results_cell(nb):
    cells = [c for c in nb.cells if "results" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "a notebook has exactly one cell tagged results"
    return cells[0]


def declared(source):
    """The arguments of the ``helpers.save_results(...)`` call in ``source``: the notebook's
    name and its ``claims`` and ``fast_claims``, which must be literal lists of strings."""
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) == "save_results"
    ]
    assert len(calls) == 1, "the results cell makes one call to helpers.save_results"
    call = calls[0]
    found = {"name": None, "claims": [], "fast_claims": []}
    if call.args and isinstance(call.args[0], ast.Constant):
        found["name"] = call.args[0].value
    for keyword in call.keywords:
        if keyword.arg in ("claims", "fast_claims"):
            try:
                value = ast.literal_eval(keyword.value)
            except ValueError:
                value = None
            assert isinstance(value, list | tuple) and all(isinstance(c, str) for c in value), (
                f"{keyword.arg}= must be a literal list of strings, so that tests can read it"
            )
            found[keyword.arg] = list(value)
    return found


def printed(cell):
    """What the results cell printed: {metric: text of its value}, and the 'Saved to' line."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")
    numbers, saved, section = {}, None, None
    for line in text.splitlines():
        if line in ("Headline numbers:", "Claims of the text:"):
            section = line
        elif line.startswith("Saved to "):
            saved, section = line.removeprefix("Saved to "), None
        elif section == "Headline numbers:" and line.startswith("  "):
            name, _, value = line.strip().partition(" ")
            numbers[name] = value.strip()
    return numbers, saved


def problems(notebook_path, results_dir):
    """Everything that keeps a notebook's committed numbers from being one current full run."""
    path = Path(notebook_path)
    nb = nbformat.read(path, as_version=4)
    stem, found = path.stem, []
    json_path = Path(results_dir) / f"{stem}.json"
    if not json_path.is_file():
        return [f"{json_path.name} is missing"]
    record = json.loads(json_path.read_text(encoding="utf-8"))
    cell = results_cell(nb)
    args = declared(cell.source)

    if args["name"] != stem or record.get("notebook") != stem:
        found.append(f"the results cell saves {args['name']!r}, the JSON is for "
                     f"{record.get('notebook')!r}, the notebook is {stem!r}")  # fmt: skip

    run = nb.metadata.get("rnn_course", {})
    if run.get("mode") != "full":
        found.append("the committed outputs are not from a full-mode run of make execute "
                     f"(recorded mode: {run.get('mode')})")  # fmt: skip
    if record.get("mode") != "full":
        found.append(f"{json_path.name} is from a {record.get('mode')}-mode run, not full mode")

    numbers, saved = printed(cell)
    metrics = record.get("metrics", {})
    if saved != f"results/{stem}.json":
        found.append(f"the results cell says it saved to {saved!r}, not results/{stem}.json")
    if set(numbers) != set(metrics):
        found.append(f"the results cell prints {sorted(numbers)}, {json_path.name} has "
                     f"{sorted(metrics)}")  # fmt: skip
    for name in sorted(set(numbers) & set(metrics)):
        if format(metrics[name], ".6g") != numbers[name]:
            found.append(f"{name}: the results cell printed {numbers[name]}, "
                         f"{json_path.name} has {metrics[name]!r}")  # fmt: skip

    for kind in ("claims", "fast_claims"):
        if record.get(kind) != args[kind]:
            found.append(f"{kind}: the results cell declares {args[kind]}, {json_path.name} "
                         f"was written with {record.get(kind)}")  # fmt: skip
    if not args["claims"]:
        found.append("the results cell declares no claims=[...] for a full run")
    for claim in args["claims"]:
        try:
            holds = check_claim(claim, metrics)
        except (KeyError, ValueError) as error:
            found.append(f"claim {claim!r} cannot be checked: {error}")
            continue
        if not holds:
            found.append(f"claim {claim!r} does not hold for the committed numbers")

    current = execute_notebooks.code_sha256(nb)
    if run.get("code_sha256") != current:
        found.append("the code cells changed after the run that produced the committed outputs")
    if record.get("code_sha256") != current:
        found.append(f"the code cells changed after the run that wrote {json_path.name}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_numbers_are_one_full_run_of_the_current_code(path):
    found = problems(path, ROOT / "results")
    assert not found, (
        f"{path.name}: " + "; ".join(found) + f". Run `make execute NOTEBOOKS=notebooks/"
        f"{path.name}` and commit the notebook with results/{path.stem}.json."
    )


def test_every_committed_result_belongs_to_a_notebook():
    stems = {p.stem for p in NOTEBOOKS}
    for path in (ROOT / "results").glob("[0-9][0-9]_*.json"):
        assert path.stem in stems, f"{path.name} has no notebook: remove it"


# --- Each broken state, built in a temporary copy, is caught. ---------------------------

TEMPLATE = ROOT / "templates" / "notebook_template.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The template notebook executed in place as `make execute` does (results in results/)."""
    folder = tmp_path_factory.mktemp("committed")
    nb = nbformat.read(TEMPLATE, as_version=4)
    name = declared(results_cell(nb).source)["name"]
    path = folder / f"{name}.ipynb"
    shutil.copy(TEMPLATE, path)
    (folder / "results").mkdir()
    execute_notebooks.execute(path, results_dir=folder / "results")
    return folder, name


@pytest.fixture
def copy(executed, tmp_path):
    """A fresh copy of the executed notebook and its results: (notebook, JSON path)."""
    folder, name = executed
    shutil.copytree(folder, tmp_path, dirs_exist_ok=True)
    return tmp_path / f"{name}.ipynb", tmp_path / "results" / f"{name}.json"


def _edit_json(path, change):
    record = json.loads(path.read_text())
    change(record)
    path.write_text(json.dumps(record, indent=2))


def _edit_notebook(path, change):
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def _printed_output(nb):
    """The results cell's printed text as one output: the kernel may split what it prints
    into several stream outputs (as the checks read it, joined)."""
    cell = results_cell(nb)
    streams = [o for o in cell.outputs if o.output_type == "stream"]
    streams[0].text = "".join(o.text for o in streams)
    cell.outputs = [streams[0]] + [o for o in cell.outputs if o.output_type != "stream"]
    return streams[0]


def _found(notebook):
    return "\n".join(problems(notebook, notebook.parent / "results"))


def test_an_untouched_run_passes(copy):
    notebook, _ = copy
    assert problems(notebook, notebook.parent / "results") == []


def test_an_edited_json_is_caught(copy):
    notebook, json_path = copy
    metric = next(iter(json.loads(json_path.read_text())["metrics"]))
    _edit_json(json_path, lambda r: r["metrics"].update({metric: 0.5}))
    assert f"{metric}: the results cell printed" in _found(notebook)


def test_an_edited_printed_number_is_caught(copy):
    notebook, _ = copy

    def change(nb):
        output = _printed_output(nb)
        lines = output.text.splitlines(keepends=True)
        lines[1] = lines[1].rstrip("\n").rsplit(" ", 1)[0] + " 12345\n"
        output.text = "".join(lines)

    _edit_notebook(notebook, change)
    assert "the results cell printed 12345" in _found(notebook)


def test_a_changed_code_cell_is_caught(copy):
    notebook, _ = copy

    def change(nb):
        cell = next(c for c in nb.cells if c.cell_type == "code" and not c.metadata.get("tags"))
        cell.source += "\nprint('changed after the run')"

    _edit_notebook(notebook, change)
    found = _found(notebook)
    assert "the code cells changed after the run that produced the committed outputs" in found
    assert "the code cells changed after the run that wrote" in found


def test_fast_mode_outputs_are_caught(copy):
    notebook, _ = copy
    _edit_notebook(notebook, lambda nb: nb.metadata["rnn_course"].update(mode="fast"))
    assert "not from a full-mode run of make execute (recorded mode: fast)" in _found(notebook)


def test_outputs_without_a_recorded_run_are_caught(copy):
    notebook, _ = copy
    _edit_notebook(notebook, lambda nb: nb.metadata.pop("rnn_course"))
    found = _found(notebook)
    assert "not from a full-mode run of make execute (recorded mode: None)" in found
    assert "the code cells changed after the run that produced" in found


def test_a_fast_mode_json_is_caught(copy):
    notebook, json_path = copy
    _edit_json(json_path, lambda r: r.update(mode="fast"))
    assert "is from a fast-mode run, not full mode" in _found(notebook)


def test_a_claim_raised_above_the_committed_figure_is_caught(copy):
    notebook, json_path = copy
    record = json.loads(json_path.read_text())
    claim = record["claims"][0]
    left, op, _, _ = parse_claim(claim)
    raised = f"{left} {op} {abs(record['metrics'][left]) * 10 + 1000}"

    def change(nb):
        cell = results_cell(nb)
        assert f'"{claim}"' in cell.source
        cell.source = cell.source.replace(f'"{claim}"', f'"{raised}"', 1)

    _edit_notebook(notebook, change)
    found = _found(notebook)
    assert f"claim {raised!r} does not hold for the committed numbers" in found
    assert "claims: the results cell declares" in found


def test_json_written_with_other_claims_is_caught(copy):
    notebook, json_path = copy
    _edit_json(json_path, lambda r: r.update(claims=[]))
    assert "claims: the results cell declares" in _found(notebook)


def test_a_missing_json_is_caught(copy):
    notebook, json_path = copy
    json_path.unlink()
    assert "is missing" in _found(notebook)


def test_results_saved_elsewhere_than_results_are_caught(copy):
    notebook, _ = copy

    def change(nb):
        output = _printed_output(nb)
        output.text = output.text.replace("Saved to results/", "Saved to runs/")

    _edit_notebook(notebook, change)
    assert "the results cell says it saved to 'runs/" in _found(notebook)


@pytest.mark.parametrize(
    "source, message",
    [
        ('helpers.save_results("00_x", {}, claims=CLAIMS)', "must be a literal list of strings"),
        ('helpers.save_results("00_x", {}, claims=["a > 1", 2])', "literal list of strings"),
        ('helpers.save_results("00_x", {})\nhelpers.save_results("00_x", {})', "one call"),
    ],
)
def test_claims_must_be_readable_from_the_source(source, message):
    with pytest.raises(AssertionError, match=message):
        declared(source)


def test_claims_are_read_from_the_source():
    source = 'x = 1\nhelpers.save_results(\n    "00_x", {"a": x},\n    claims=["a > 0"],\n)\n'
    assert declared(source) == {"name": "00_x", "claims": ["a > 0"], "fast_claims": []}
