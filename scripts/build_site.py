"""Export every notebook to an HTML page and a reveal.js deck that work offline.

Usage: python scripts/build_site.py [notebooks/NN_name.ipynb ...]   (``make slides``)

Writes into ``build/``: ``<notebook>.html`` (the page, images embedded), ``<notebook>.slides.html``
(the deck), ``index.html`` (the course map with each notebook's headline results) and
``assets/`` (MathJax and reveal.js copied from the Python packages that ship them, so that
nothing is fetched from a CDN). Open ``build/index.html`` from the file system.

The exports are made from the committed, executed notebooks; nothing is re-run.
"""

import argparse
import copy
import html
import json
import shutil
import sys
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

MATHJAX_SOURCE = Path(jupyter_server_mathjax.__file__).parent / "static"
REVEAL_SOURCE = Path(sphinx_revealjs.__file__).parent / "_static" / "revealjs"
MATHJAX_URL = "assets/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
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
    for original, shown in zip(nb.cells, for_slides(nb).cells, strict=True):
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


def notebook_title(nb):
    first = nb.cells[0].source.splitlines()[0] if nb.cells else ""
    return first.lstrip("# ").strip() or "notebook"


def export_notebook(path, build):
    nb = nbformat.read(path, as_version=4)
    resources = {"metadata": {"name": notebook_title(nb)}}
    page, _ = HTMLExporter(config=_config(slides=False)).from_notebook_node(
        nb, resources=copy.deepcopy(resources)
    )
    deck, _ = SlidesExporter(config=_config(slides=True)).from_notebook_node(
        for_slides(nb), resources=resources
    )
    (build / f"{path.stem}.html").write_text(page, encoding="utf-8")
    (build / f"{path.stem}.slides.html").write_text(deck, encoding="utf-8")
    return notebook_title(nb), len(slide_sizes(nb))


def _format(value):
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def write_index(build, entries):
    rows = []
    for stem, title, n_slides in entries:
        result_file = RESULTS / f"{stem}.json"
        if result_file.is_file():
            record = json.loads(result_file.read_text(encoding="utf-8"))
            numbers = "<br>".join(
                f"{html.escape(name)} = {html.escape(_format(value))}"
                for name, value in record["metrics"].items()
            )
            numbers += f"<br><small>{record['mode']} mode, {record['seconds']} s</small>"
        else:
            numbers = "<em>no results recorded</em>"
        rows.append(
            f"<tr><td>{html.escape(title)}</td>"
            f'<td><a href="{stem}.html">page</a></td>'
            f'<td><a href="{stem}.slides.html">slides</a> ({n_slides})</td>'
            f"<td>{numbers}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Recurrent Neural Networks in TensorFlow 2</title>
<style>
body {{ font-family: sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ccc; padding: 0.5em; text-align: left; vertical-align: top; }}
small {{ color: #666; }}
</style>
</head>
<body>
<h1>Recurrent Neural Networks in TensorFlow 2</h1>
<p>Every notebook of the course as a page and as slides (press <kbd>?</kbd> in a deck for its
keys, <kbd>S</kbd> for the speaker view), with the headline numbers of its last run.</p>
<table>
<tr><th>notebook</th><th>page</th><th>slides</th><th>headline results</th></tr>
{chr(10).join(rows)}
</table>
</body>
</html>
"""
    (build / "index.html").write_text(page, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    parser.add_argument("--build", type=Path, default=BUILD, help="output folder (default: build/)")
    parser.add_argument(
        "--paginate",
        action="store_true",
        help="only set sub-slide breaks in the notebooks' metadata, in place, and stop",
    )
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

    args.build.mkdir(parents=True, exist_ok=True)
    copy_assets(args.build)
    entries = []
    for path in paths:
        title, n_slides = export_notebook(path, args.build)
        entries.append((path.stem, title, n_slides))
        print(f"{path.stem}: page and deck of {n_slides} slides")
    write_index(args.build, entries)
    print(f"wrote {len(entries)} pages, {len(entries)} decks and index.html in {args.build}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
