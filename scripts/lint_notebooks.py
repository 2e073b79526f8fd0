"""Check the course's notebooks against the house style in CONTRIBUTING.md, without a kernel.

Usage: python scripts/lint_notebooks.py [notebooks/NN_name.ipynb ...]   (default: all)

Each problem is printed as ``<notebook> cell <index>: <rule>: <what is wrong>``; the exit
status is 1 when there is any. The rules, each named in its messages:

- ``voice``: a markdown cell, or a printed output outside the parameters cell, uses a
  phrase about the course's machinery (:data:`META_PHRASES`);
- ``markdown-size``: a markdown cell of more than :data:`MAX_MARKDOWN_WORDS` words;
- ``code-size``: a code cell of more than :data:`MAX_CODE_LINES` non-blank lines, unless
  it is in :data:`ALLOWED_LONG_CELLS` with a reason;
- ``main-text-size``: more than :data:`MAX_MAIN_TEXT_WORDS` words of markdown before
  ``## Exercises``;
- ``solution``: a cell after ``## Solutions`` that is not tagged ``solution``, collapsed
  in JupyterLab (source and outputs hidden) and skipped on the slides, or a cell tagged
  ``solution`` before that heading;
- ``order``: the title, setup, parameters and checks cells, then the lesson's sections,
  then ``## Summary``, ``## Exercises``, ``## Results`` with the results cell, and
  ``## Solutions``, in that order;
- ``exercises``: fewer than three exercises, or code in the Exercises section;
- ``shown-number``: a decimal number in a markdown cell's prose (``0.998``, ``1.28%``,
  ``9e-16``, ``1.8 million``) that no code cell above prints, to the digits written, and
  that no code cell sets. Code spans, code blocks, equations and version numbers are not
  prose; whole numbers are left out, as most of them are settings or the lesson's facts.
"""

import argparse
import re
import sys
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

MAX_MARKDOWN_WORDS = 200
MAX_CODE_LINES = 30
MAX_MAIN_TEXT_WORDS = 2500
MIN_EXERCISES = 3

#: Phrases about the course's machinery, not about recurrent networks (matched as words,
#: case-insensitively).
META_PHRASES = [
    "committed run",
    "committed output",
    "committed outputs",
    "committed figure",
    "committed number",
    "regression test",
    "regression run",
    "fast mode",
    "full mode",
    "fast-mode",
    "full-mode",
    "fast run",
    "full run",
    "load average",
    "this machine",
    "quiet machine",
    "busy machine",
    "shared machine",
    "draft",
    "nbval",
    "papermill",
    "test suite",
    "while writing this notebook",
    "earlier version of this notebook",
]
_META = re.compile(r"\b(" + "|".join(re.escape(p) for p in META_PHRASES) + r")\b", re.I)

#: Code cells allowed to be longer than MAX_CODE_LINES: (notebook, cell id) -> reason.
ALLOWED_LONG_CELLS = {
    ("08_lstm_cells", "6557463d"): "the results cell: one claim per statement of the text",
    ("12_keras2_to_keras3", "b2ee9510"): "the results cell: one claim per behaviour in the table",
}

# The headings that close every notebook, in order; "## Appendix..." sections may come
# right before the Summary.
CLOSING = ["## Summary", "## Exercises", "## Results", "## Solutions"]
MACHINERY_TAGS = ("setup", "parameters", "checks")


# What the shown-number rule reads as prose numbers, and what it leaves out.
_NOT_PROSE = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", re.S)
_VERSION = re.compile(
    r"(?:TensorFlow|Keras|tf\.keras`?|Python|NumPy|version)\s+\d[\d.]*(?:\s*(?:to|-)\s*\d[\d.]*)?"
)
_PROSE_NUMBER = re.compile(
    r"(?<![\w.])[-+]?\d+(?:,\d{3})*\.\d+(?:e[-+]?\d+)?(?:%|\s+million)?"
    r"|(?<![\w.])\d+(?:\.\d+)?e[-+]?\d+"
)
_ANY_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?:e[-+]?\d+)?")


def _decimal(text):
    try:
        return Decimal(text.replace(",", "").lstrip("+"))
    except InvalidOperation:
        return None


def _numbers(text):
    return {d for d in map(_decimal, _ANY_NUMBER.findall(text)) if d is not None}


def _prose_numbers(markdown):
    prose = _NOT_PROSE.sub(" ", _VERSION.sub(" ", markdown))
    return [m.group(0) for m in _PROSE_NUMBER.finditer(prose)]


def _is_shown(written, printed, set_in_code):
    """Whether a prose number is printed above (the same value, or one that rounds to it
    at the digits written; a percentage also as a fraction) or set by a code cell."""
    text, scale = written, None
    if text.endswith("%"):
        text, scale = text[:-1], Decimal(100)
    elif text.endswith("million"):
        text, scale = text[: -len("million")].strip(), Decimal(10) ** -6
    value = _decimal(text)
    if value in set_in_code:
        return True
    digits = Decimal(1).scaleb(value.as_tuple().exponent)
    for number in printed:
        candidates = {number, -number}
        if scale is not None:
            candidates |= {number * scale, -number * scale}
        for candidate in candidates:
            if candidate == value:
                return True
            if "e" in text:  # 9e-16 for 8.88e-16 printed: within half of the last digit
                if abs(candidate - value) <= digits / 2:
                    return True
            elif candidate.as_tuple().exponent < value.as_tuple().exponent and value in {
                candidate.quantize(digits, ROUND_HALF_EVEN),
                candidate.quantize(digits, ROUND_HALF_UP),
            }:
                return True
    return False


def _first_line(cell):
    return cell.source.splitlines()[0].strip() if cell.source.strip() else ""


def _words(text):
    return len(text.split())


def _tags(cell):
    return cell.metadata.get("tags", [])


def _slide_type(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type")


def _printed_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "text/plain" in output.get("data", {}):
            parts.append(output["data"]["text/plain"])
    return "".join(parts)


def lint_notebook(nb, name):
    """Return the problems of one notebook as ``[(cell index or None, rule, message)]``."""
    problems = []

    def problem(index, rule, message):
        problems.append((index, rule, message))

    cells = nb.cells
    headings = {
        i: _first_line(c)
        for i, c in enumerate(cells)
        if c.cell_type == "markdown" and _first_line(c).startswith("## ")
    }
    position = {}
    for i, line in headings.items():
        for heading in CLOSING:
            if line == heading or line.startswith(heading + " "):
                position.setdefault(heading, i)
    exercises_at = position.get("## Exercises", len(cells))
    solutions_at = position.get("## Solutions")

    # order
    if not cells or not _first_line(cells[0]).startswith("# "):
        problem(0, "order", "the notebook starts with its '# NN · Title' cell")
    elif "learning objectives" not in cells[0].source.lower():
        problem(0, "order", "the title cell lists the learning objectives")
    machinery = [
        next((i for i, c in enumerate(cells) if t in _tags(c)), None) for t in MACHINERY_TAGS
    ]
    for tag, index in zip(MACHINERY_TAGS, machinery, strict=True):
        if index is None:
            problem(None, "order", f"no cell tagged '{tag}'")
    if None not in machinery and machinery != list(range(machinery[0], machinery[0] + 3)):
        problem(machinery[0], "order", "setup, parameters and checks cells come one after another")
    if None not in machinery:
        first_section = min(headings, default=len(cells))
        if machinery[2] > first_section:
            problem(machinery[0], "order", "setup, parameters and checks come before the sections")
    missing = [h for h in CLOSING if h not in position]
    for heading in missing:
        problem(None, "order", f"no '{heading}' section")
    if not missing:
        found = [position[h] for h in CLOSING]
        if found != sorted(found):
            problem(
                found[0], "order", "the closing sections are Summary, Exercises, Results, Solutions"
            )
        after_summary = [
            line for i, line in headings.items() if i > position["## Summary"] and not any(
                line == h or line.startswith(h + " ") for h in CLOSING)
        ]  # fmt: skip
        for line in after_summary:
            problem(None, "order", f"section {line!r} comes after the Summary")
        results_cells = [i for i, c in enumerate(cells) if "results" in _tags(c)]
        if len(results_cells) != 1:
            problem(None, "order", "exactly one cell is tagged 'results'")
        elif not position["## Results"] < results_cells[0] < position["## Solutions"]:
            problem(results_cells[0], "order", "the results cell sits under '## Results'")
        appendix = [i for i, line in headings.items() if line.startswith("## Appendix")]
        for i in appendix:
            later_sections = [j for j in headings if i < j < position["## Summary"]]
            if any(not headings[j].startswith("## Appendix") for j in later_sections):
                problem(i, "order", "appendix sections come last, right before the Summary")

    # exercises
    if "## Exercises" in position:
        end = min(
            [position.get("## Results", len(cells)), position.get("## Solutions", len(cells))]
        )
        section = cells[position["## Exercises"] : end]
        prompts = sum(
            len(re.findall(r"^(?:\d+\.|###) ", c.source, re.M))
            for c in section
            if c.cell_type == "markdown"
        )
        if prompts < MIN_EXERCISES:
            problem(
                position["## Exercises"],
                "exercises",
                f"{prompts} exercises, at least {MIN_EXERCISES} expected",
            )
        for offset, cell in enumerate(section):
            if cell.cell_type == "code":
                problem(
                    position["## Exercises"] + offset,
                    "exercises",
                    "the Exercises section holds prompts only, no code",
                )

    # solution
    for index, cell in enumerate(cells):
        is_solution = "solution" in _tags(cell)
        if solutions_at is None or index <= solutions_at:
            if is_solution:
                problem(index, "solution", "a solution cell before '## Solutions'")
            continue
        hidden = cell.metadata.get("jupyter", {})
        if not is_solution:
            problem(index, "solution", "a cell after '## Solutions' is not tagged 'solution'")
        if not (
            hidden.get("source_hidden")
            and (cell.cell_type == "markdown" or hidden.get("outputs_hidden"))
        ):
            problem(
                index,
                "solution",
                "a solution is not collapsed (jupyter.source_hidden/outputs_hidden)",
            )
        if _slide_type(cell) != "skip":
            problem(index, "solution", "a solution is on the slides (slide_type must be 'skip')")
    if solutions_at is not None and solutions_at == len(cells) - 1:
        problem(solutions_at, "solution", "'## Solutions' has no solutions under it")

    # voice and size
    main_words = 0
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            words = _words(cell.source)
            if index < exercises_at:
                main_words += words
            if words > MAX_MARKDOWN_WORDS:
                problem(
                    index,
                    "markdown-size",
                    f"{words} words (at most {MAX_MARKDOWN_WORDS}): one idea per cell",
                )
            match = _META.search(cell.source)
            if match:
                problem(
                    index,
                    "voice",
                    f"{match.group(0)!r}: talk about recurrent networks, not the machinery",
                )
        else:
            lines = [line for line in cell.source.splitlines() if line.strip()]
            allowed = (name, cell.get("id")) in ALLOWED_LONG_CELLS
            if len(lines) > MAX_CODE_LINES and not allowed:
                problem(
                    index,
                    "code-size",
                    f"{len(lines)} lines (at most {MAX_CODE_LINES}): split it or use helpers",
                )
            if "parameters" not in _tags(cell):
                match = _META.search(_printed_text(cell))
                if match:
                    problem(index, "voice", f"printed output says {match.group(0)!r}")

    # shown-number
    set_in_code = set().union(*(_numbers(c.source) for c in cells if c.cell_type == "code"))
    printed = set()
    for index, cell in enumerate(cells):
        if cell.cell_type == "code":
            printed |= _numbers(_printed_text(cell))
            continue
        unshown = [n for n in _prose_numbers(cell.source) if not _is_shown(n, printed, set_in_code)]
        if unshown:
            problem(
                index,
                "shown-number",
                f"{', '.join(unshown)}: not printed by a cell above; print it or cut it",
            )
    if main_words > MAX_MAIN_TEXT_WORDS:
        problem(
            None,
            "main-text-size",
            f"{main_words} words before '## Exercises' (at most {MAX_MAIN_TEXT_WORDS})",
        )
    return problems  # fmt: skip


def format_problems(name, problems):
    lines = []
    for index, rule, message in problems:
        where = f"cell {index}" if index is not None else "notebook"
        lines.append(f"{name} {where}: {rule}: {message}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    total = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        lines = format_problems(f"{path.parent.name}/{path.name}", lint_notebook(nb, path.stem))
        for line in lines:
            print(line)
        total += len(lines)
    print(
        f"{len(paths)} notebooks, {total} problems"
        if total
        else f"{len(paths)} notebooks, no problems"
    )
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
