"""Build the course site and its slide decks, both working offline (``make site``).

Usage: python scripts/build_site.py [--build DIR] [notebooks/NN_name.ipynb ...]

Writes into ``build/`` (or DIR):

- the site, made by Sphinx with the book theme and myst-nb from the committed, executed
  notebooks (nothing is re-run): ``index.html`` (the course map), one page per notebook
  with a sidebar, previous/next links, an outline and folded solutions, ``search.html``
  (search that works from ``file://``), a light and a dark theme;
- ``slides/<notebook>.slides.html``: a reveal.js deck per notebook, with ``slides/assets/``.

MathJax and reveal.js are copied from Python packages that ship them
(``jupyter-server-mathjax``, ``sphinx-revealjs``), so nothing is fetched from a CDN.
Open ``build/index.html`` from the file system.
"""

import argparse
import copy
import functools
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jupyter_server_mathjax
import nbformat
import sphinx_revealjs
from nbconvert import HTMLExporter, SlidesExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
RESULTS = ROOT / "results"
BUILD = ROOT / "build"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SITE_CONFIG = Path(__file__).resolve().parent / "site"
TIMINGS = RESULTS / "execute_timings.json"

MATHJAX_SOURCE = Path(jupyter_server_mathjax.__file__).parent / "static"
REVEAL_SOURCE = Path(sphinx_revealjs.__file__).parent / "_static" / "revealjs"
MATHJAX_URL = "assets/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
CLOSING_SECTIONS = ("## Summary", "## Exercises", "## Results", "## Solutions")
REVEAL_URL = "assets/reveal.js"

# On a slide, a text output or a code cell longer than this is cut (the page keeps all of
# it) ...
SLIDE_OUTPUT_LINES = 12
SLIDE_CODE_LINES = 30
# ... and a slide, counted as below, may hold at most this many lines (the test's limit; a
# slide scrolls past about 30). `--paginate` starts sub-slides to keep slides near 35 lines.
MAX_SLIDE_LINES = 60
PAGINATE_LINES = 35
FIGURE_LINES = 14  # a figure takes about as much height as 14 lines of code
SOLUTION_TAG = "solution"  # folded on the pages, left out of the decks
HIDE_INPUT_TAG = "hide-input"  # one-off drawing code: the deck shows only its output


# The parts of reveal.js the decks use: the other themes import web fonts from Google.
REVEAL_PARTS = [
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/reset.css",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro",
    "plugin/notes",
]


def copy_assets(build):
    assets = build / "assets"
    shutil.rmtree(assets, ignore_errors=True)
    shutil.copytree(MATHJAX_SOURCE, assets / "mathjax")
    for part in REVEAL_PARTS:
        source, target = REVEAL_SOURCE / part, assets / "reveal.js" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


def _text_lines(output):
    if output.output_type == "stream":
        return output.text.splitlines()
    if "image/png" in output.get("data", {}) or "image/svg+xml" in output.get("data", {}):
        return None
    return output.get("data", {}).get("text/plain", "").splitlines()


def for_slides(nb):
    """A copy of ``nb`` with long code and text outputs cut for the slides."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if SOLUTION_TAG not in c.metadata.get("tags", [])]
    for cell in nb.cells:
        if HIDE_INPUT_TAG in cell.metadata.get("tags", []):
            cell.source = ""
        source = cell.source.splitlines()
        if cell.cell_type == "code" and len(source) > SLIDE_CODE_LINES:
            hidden = len(source) - SLIDE_CODE_LINES
            cell.source = "\n".join(
                source[:SLIDE_CODE_LINES] + [f"# ... ({hidden} more lines on the notebook's page)"]
            )
        for output in cell.get("outputs", []):
            lines = _text_lines(output)
            if lines is None or len(lines) <= SLIDE_OUTPUT_LINES:
                continue
            kept = lines[:SLIDE_OUTPUT_LINES]
            kept.append(
                f"... ({len(lines) - SLIDE_OUTPUT_LINES} more lines on the notebook's page)"
            )
            text = "\n".join(kept) + "\n"
            if output.output_type == "stream":
                output.text = text
            else:
                output.data = {"text/plain": text}
    return nb


def _cell_lines(cell):
    lines = len(cell.source.splitlines())
    for output in cell.get("outputs", []):
        text = _text_lines(output)
        lines += FIGURE_LINES if text is None else len(text)
    return lines


def paginate(nb):
    """Start a sub-slide wherever a slide would grow past ``PAGINATE_LINES``; return how many."""
    changes, current = 0, 0
    # Sizes are those of the slide version (long outputs cut); metadata is set on ``nb``.
    on_slides = [c for c in nb.cells if SOLUTION_TAG not in c.metadata.get("tags", [])]
    for original, shown in zip(on_slides, for_slides(nb).cells, strict=True):
        slideshow = original.metadata.setdefault("slideshow", {"slide_type": "-"})
        if slideshow.get("slide_type") in ("skip", "notes"):
            continue
        lines = _cell_lines(shown)
        if slideshow.get("slide_type") in ("slide", "subslide"):
            current = lines
        elif current and current + lines > PAGINATE_LINES:
            slideshow["slide_type"] = "subslide"
            changes += 1
            current = lines
        else:
            current += lines
    return changes


def slide_sizes(nb):
    """``[(first cell index, lines)]`` for each slide or sub-slide of the deck made from ``nb``."""
    sizes = []
    for index, cell in enumerate(for_slides(nb).cells):
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if slide_type in ("skip", "notes"):
            continue
        lines = _cell_lines(cell)
        if slide_type in ("slide", "subslide") or not sizes:
            sizes.append([index, 0])
        sizes[-1][1] += lines
    return [tuple(size) for size in sizes]


def _config(slides):
    """nbconvert's configuration for the pages or, with ``slides``, for the decks."""
    config = Config()
    exporter = "SlidesExporter" if slides else "HTMLExporter"
    config[exporter].extra_template_basedirs = [str(TEMPLATES)]  # where templates are found
    config[exporter].extra_template_paths = [str(TEMPLATES)]  # for the shared offline/ macros
    config[exporter].mathjax_url = MATHJAX_URL
    if slides:
        config.SlidesExporter.template_name = "course_slides"
        config.SlidesExporter.reveal_url_prefix = REVEAL_URL
        config.SlidesExporter.reveal_theme = "white"
        config.SlidesExporter.reveal_scroll = True
        # Solutions stay off the decks; one-off drawing code leaves its figure alone there.
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = {SOLUTION_TAG}
        config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    else:
        config.HTMLExporter.template_name = "course_html"  # folds the solutions
    return config


@functools.cache
def _exporter(slides):
    """One exporter of each kind for every notebook, as nbconvert's own command uses: its
    templates are compiled once."""
    return (
        SlidesExporter(config=_config(slides=True))
        if slides
        else HTMLExporter(config=_config(slides=False))
    )


def notebook_title(nb):
    first = nb.cells[0].source.splitlines()[0] if nb.cells else ""
    return first.lstrip("# ").strip() or "notebook"


# ---------------------------------------------------------------------------------------
# Decks


def export_deck(path, slides_dir):
    """Write ``slides_dir/<notebook>.slides.html``; return the number of slides."""
    nb = nbformat.read(path, as_version=4)
    resources = {"metadata": {"name": notebook_title(nb)}}
    deck, _ = _exporter(slides=True).from_notebook_node(for_slides(nb), resources=resources)
    (slides_dir / f"{path.stem}.slides.html").write_text(deck, encoding="utf-8")
    return len(slide_sizes(nb))


def export_page(path, folder):
    """Write a single-file page of one notebook (nbconvert): what ``make pdf`` prints."""
    nb = nbformat.read(path, as_version=4)
    resources = {"metadata": {"name": notebook_title(nb)}}
    page, _ = _exporter(slides=False).from_notebook_node(nb, resources=resources)
    target = folder / f"{path.stem}.html"
    target.write_text(page, encoding="utf-8")
    return target


# ---------------------------------------------------------------------------------------
# The site


def for_site(nb):
    """A copy of ``nb`` for the site: solutions folded, one-off drawing code folded."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        tags = cell.metadata.setdefault("tags", [])
        if SOLUTION_TAG not in tags:
            continue
        if cell.cell_type == "code":
            tags.append("hide-cell")  # myst-nb: source and outputs behind a toggle
            continue
        lines = cell.source.splitlines()
        title = "Solution"
        if lines and lines[0].startswith("#"):
            title, lines = lines[0].lstrip("# ").strip(), lines[1:]
        body = "\n".join(lines).strip()
        cell.source = f"`````{{dropdown}} {title}\n{body}\n`````"
    return nb


def _objectives(nb):
    """The bullet points under "Learning objectives" in the title cell."""
    text = nb.cells[0].source
    at = text.lower().find("learning objectives")
    if at < 0:
        return []
    return [m.strip() for m in re.findall(r"^\s*[-*] (.+)$", text[at:], flags=re.M)]


def _sections(nb):
    sections = []
    for cell in nb.cells:
        first = cell.source.splitlines()[0] if cell.source else ""
        if cell.cell_type != "markdown" or not first.startswith("## "):
            continue
        if first.startswith(CLOSING_SECTIONS) or first.startswith("## Appendix"):
            continue
        sections.append(first[3:].strip())
    return sections


def _minutes(stem):
    if not TIMINGS.is_file():
        return None
    seconds = json.loads(TIMINGS.read_text(encoding="utf-8"))["seconds"].get(f"{stem}.ipynb")
    return None if seconds is None else max(1, math.ceil(seconds / 60))


def _headlines(stem):
    """The notebook's headline results as sentences with units (see results_table.py)."""
    path = RESULTS / f"{stem}.json"
    if not path.is_file():
        return []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from results_table import HEADLINES

    metrics = json.loads(path.read_text(encoding="utf-8"))["metrics"]
    return [
        f"{label}: {in_words(metric, metrics[metric], fmt)}"
        for metric, label, fmt, *_ in HEADLINES.get(stem, [])
        if metric in metrics
    ]


def in_words(metric, value, fmt):
    """A headline number with its unit: accuracies as percentages, seconds with "s"."""
    if re.search(r"(accuracy|share)", metric) and 0 <= value <= 1:
        return f"{value:.2%}"
    if re.search(r"mape", metric):
        return f"{value:.2f}%"
    if re.search(r"seconds", metric):
        return f"{value:.1f} s"
    return format(value, fmt)


def home_page(paths):
    """The site's home page in MyST markdown: the course map and the table of contents."""
    parts = [
        "# Recurrent Neural Networks in TensorFlow 2",
        "",
        "An open course on recurrent neural networks, one notebook per part of a classic "
        "TensorFlow 1 lesson, rebuilt on TensorFlow 2 and Keras 3. Every page shows the "
        "outputs of a complete run; every notebook runs on a laptop CPU in minutes. "
        "Each part also has slides (press <kbd>S</kbd> in a deck for the speaker view).",
        "",
        "## The course map",
        "",
    ]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        minutes = _minutes(path.stem)
        facts = [f'<a href="slides/{path.stem}.slides.html">slides</a>']
        if minutes:
            facts.append(f"about {minutes} min to run")
        parts += [f"### [{notebook_title(nb)}]({path.stem}.ipynb)", "", " · ".join(facts), ""]
        sections = _sections(nb)
        if sections:
            parts += ["**Lesson sections:** " + "; ".join(sections) + ".", ""]
        objectives = _objectives(nb)
        if objectives:
            parts += ["**Learning objectives:**", ""] + [f"- {o}" for o in objectives] + [""]
        headlines = _headlines(path.stem)
        if headlines:
            parts += ["**Results:**", ""] + [f"- {h}" for h in headlines] + [""]
    parts += ["```{toctree}", ":hidden:", ":maxdepth: 1", ""]
    parts += [path.stem for path in paths] + ["```", ""]
    return "\n".join(parts)


def build_book(paths, build):
    """Stage the notebooks beside the Sphinx configuration and build the site into build/."""
    with tempfile.TemporaryDirectory(prefix="rnn-course-site-") as staging:
        _build_book(paths, build, Path(staging))


def _build_book(paths, build, staging):
    source = staging / "source"
    shutil.copytree(SITE_CONFIG, source)
    shutil.copytree(MATHJAX_SOURCE, source / "_static" / "mathjax")
    for path in paths:
        nbformat.write(for_site(nbformat.read(path, as_version=4)), source / path.name)
    (source / "index.md").write_text(home_page(paths), encoding="utf-8")
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",
        "-d", str(staging / "doctrees"), str(source), str(build),
    ]  # fmt: skip
    subprocess.run(command, check=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    parser.add_argument("--build", type=Path, default=BUILD, help="output folder (default: build/)")
    parser.add_argument(
        "--paginate",
        action="store_true",
        help="only set sub-slide breaks in the notebooks' metadata, in place, and stop",
    )
    parser.add_argument("--slides-only", action="store_true", help="build the decks only")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        if not path.is_file() or path.suffix != ".ipynb":
            parser.error(f"{path} is not a notebook file")
    if args.paginate:
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            changes = paginate(nb)
            if changes:
                nbformat.write(nb, path)
            print(f"{path.name}: {changes} sub-slide breaks added")
        return 0

    slides = args.build / "slides"
    slides.mkdir(parents=True, exist_ok=True)
    copy_assets(slides)
    for path in paths:
        print(f"{path.stem}: deck of {export_deck(path, slides)} slides")
    if not args.slides_only:
        build_book(paths, args.build)
        print(f"site: {args.build / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
