"""scripts/lint_notebooks.py: the course's notebooks and its template pass, and each rule
fails on a bad example made from the template."""

import copy
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import lint_notebooks as lint  # noqa: E402

TEMPLATE = ROOT / "templates" / "notebook_template.ipynb"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture
def template():
    return nbformat.read(TEMPLATE, as_version=4)


def _rules(nb):
    return {rule for _, rule, _ in lint.lint_notebook(nb, "NN_example")}


def _index(nb, heading):
    return next(i for i, c in enumerate(nb.cells) if c.source.startswith(heading))


def test_the_template_passes(template):
    assert lint.lint_notebook(template, "notebook_template") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_passes(path):
    nb = nbformat.read(path, as_version=4)
    problems = lint.format_problems(path.name, lint.lint_notebook(nb, path.stem))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "phrase", ["the committed run shows", "in fast mode", "a busy machine", "an earlier draft"]
)
def test_a_meta_phrase_in_markdown_fails(template, phrase):
    template.cells[4].source += f"\n\nAs {phrase} says, ..."
    assert "voice" in _rules(template)


def test_a_meta_phrase_in_printed_output_fails(template):
    cell = template.cells[5]
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="load average 3.2\n")]
    assert "voice" in _rules(template)


def test_the_parameters_cell_may_name_the_modes(template):
    template.cells[2].source += "  # full mode: 5 epochs"
    assert _rules(template) == set()


def test_a_long_markdown_cell_fails(template):
    template.cells[4].source += "\n\n" + "word " * lint.MAX_MARKDOWN_WORDS
    assert "markdown-size" in _rules(template)


def test_a_long_code_cell_fails_unless_allowed(template, monkeypatch):
    cell = template.cells[5]
    cell.source += "\n" + "\n".join(f"y{i} = {i}" for i in range(lint.MAX_CODE_LINES))
    assert "code-size" in _rules(template)
    monkeypatch.setitem(lint.ALLOWED_LONG_CELLS, ("NN_example", cell.id), "a reason")
    assert "code-size" not in _rules(template)


def test_too_much_main_text_fails(template):
    section = template.cells[4]
    for _ in range(lint.MAX_MAIN_TEXT_WORDS // lint.MAX_MARKDOWN_WORDS + 1):
        extra = copy.deepcopy(section)
        extra.source = "word " * lint.MAX_MARKDOWN_WORDS
        template.cells.insert(5, extra)
    assert "main-text-size" in _rules(template)


@pytest.mark.parametrize("key", ["source_hidden", "outputs_hidden"])
def test_an_expanded_solution_fails(template, key):
    code = next(
        c
        for c in template.cells
        if "solution" in c.metadata.get("tags", []) and c.cell_type == "code"
    )
    code.metadata.jupyter[key] = False
    assert "solution" in _rules(template)


def test_a_solution_on_the_slides_fails(template):
    template.cells[-1].metadata.slideshow.slide_type = "-"
    assert "solution" in _rules(template)


def test_an_untagged_cell_among_the_solutions_fails(template):
    template.cells[-1].metadata.tags = []
    assert "solution" in _rules(template)


def test_a_solution_under_an_exercise_fails(template):
    solution = copy.deepcopy(template.cells[-2])
    template.cells.insert(_index(template, "## Exercises") + 1, solution)
    assert "solution" in _rules(template)


def test_sections_out_of_order_fail(template):
    summary = template.cells.pop(_index(template, "## Summary"))
    template.cells.insert(_index(template, "## Results"), summary)
    assert "order" in _rules(template)


def test_a_section_after_the_summary_fails(template):
    late = copy.deepcopy(template.cells[4])
    template.cells.insert(_index(template, "## Exercises"), late)
    assert "order" in _rules(template)


def test_parameters_before_setup_fail(template):
    template.cells[1], template.cells[2] = template.cells[2], template.cells[1]
    assert "order" in _rules(template)


def test_fewer_than_three_exercises_fail(template):
    exercises = template.cells[_index(template, "## Exercises")]
    exercises.source = "## Exercises\n\n1. Only one."
    assert "exercises" in _rules(template)


def test_code_among_the_exercises_fails(template):
    template.cells.insert(_index(template, "## Exercises") + 1, nbformat.v4.new_code_cell("1 + 1"))
    assert "exercises" in _rules(template)


def _printed_above(nb, text):
    """The template with one printed line in its first lesson cell and a prose cell after it."""
    nb.cells[5].outputs = [nbformat.v4.new_output("stream", name="stdout", text=text + "\n")]
    return nb.cells[7]


@pytest.mark.parametrize(
    "printed, prose",
    [
        ("test accuracy 0.99150", "The LSTM reaches 0.9915 on the test set."),  # rounded
        ("test accuracy 0.99150", "The LSTM reaches 0.992."),
        ("share 0.0128", "a share of 1.28% of the errors"),  # a fraction as a percentage
        ("errors 1.28%", "a share of 1.28% of the errors"),
        ("left after 50 steps: 8.88e-16", "about 9e-16 of it is left"),
        ("1,803,210 words", "a corpus of 1.8 million words"),
        ("kept +0.2", "a first value of +-0.2"),
    ],
)
def test_a_number_printed_above_may_be_quoted(template, printed, prose):
    _printed_above(template, printed).source += "\n\n" + prose
    assert _rules(template) == set()


@pytest.mark.parametrize(
    "prose",
    [
        "Set the rate to `0.25` and see.",  # code
        "the bias $b = 0.75$",  # an equation
        "as in TensorFlow 2.15 and Keras 2.4",  # versions
        "a learning rate of 0.001",  # a setting the code below makes (Adam(0.001))
        "three seeds and 10,000 images",  # whole numbers
    ],
)
def test_code_equations_versions_settings_and_counts_are_not_checked(template, prose):
    _printed_above(template, "nothing")
    template.cells[8].source += "\nrate = 0.001"
    template.cells[7].source += "\n\n" + prose
    assert _rules(template) == set()


@pytest.mark.parametrize(
    "printed, prose",
    [
        ("test accuracy 0.9915", "The LSTM reaches 0.9951 on the test set."),  # a typo
        ("test accuracy 0.9915", "The LSTM reaches 0.99152."),  # digits never printed
        ("test accuracy 0.9915", "The LSTM reaches 0.991."),  # rounded the wrong way
        ("nothing", "The LSTM reaches 99.2% accuracy."),  # quoted from an unseen run
    ],
)
def test_a_number_not_printed_above_fails(template, printed, prose):
    _printed_above(template, printed).source += "\n\n" + prose
    assert "shown-number" in _rules(template)


def test_a_number_printed_only_below_fails(template):
    template.cells[4].source += "\n\nThe sum is 15.0."
    template.cells[5].outputs = [nbformat.v4.new_output("stream", name="stdout", text="15.0\n")]
    assert "shown-number" in _rules(template)


def test_the_command_line_names_notebook_and_cell(tmp_path, template, capsys):
    template.cells[4].source += "\n\nOn this machine ..."
    path = tmp_path / "NN_example.ipynb"
    nbformat.write(template, path)
    assert lint.main([str(path)]) == 1
    out = capsys.readouterr().out
    assert "NN_example.ipynb cell 4: voice: 'this machine'" in out
