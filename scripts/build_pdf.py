"""Print the whole course to one PDF with Chromium, offline (``make pdf``).

Usage: python scripts/build_pdf.py [--out build/course.pdf] [notebooks/NN_name.ipynb ...]

Each notebook is exported to a single-file page (nbconvert, as committed: nothing is
re-run), opened in Debian's Chromium through Playwright with the network blocked, typeset
by the course's own MathJax, and printed with its solutions unfolded; a cover page comes
first, and the PDF's outline has one entry per notebook.
"""

import argparse
import html
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from pypdf import PdfReader, PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_site  # noqa: E402

ROOT = build_site.ROOT
DEFAULT_OUT = build_site.BUILD / "course.pdf"
CHROMIUM_NAMES = ("chromium", "chromium-browser")
# Chromium draws MathML itself: printed that way, equations stay text in the PDF (the
# HTML-CSS output would print glyphs that a PDF reader cannot search or copy).
TYPESET_AS_MATHML = """() => new Promise(resolve => {
    if (!window.MathJax || !MathJax.Hub) { resolve(); return; }
    MathJax.Hub.Queue(["setRenderer", MathJax.Hub, "NativeMML"], ["Rerender", MathJax.Hub]);
    MathJax.Hub.Queue(() => resolve());
})"""


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit(
        "error: make pdf prints with Chromium, which is missing: install it with "
        "`apt-get install chromium` (Debian/Ubuntu)."
    )


def cover_page(titles):
    items = "\n".join(f"<li>{html.escape(t)}</li>" for t in titles)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Recurrent Neural Networks in TensorFlow 2</title>
<style>body {{ font-family: sans-serif; margin: 20% 10% 0; }} h1 {{ font-size: 2.4em; }}
li {{ margin: 0.4em 0; }}</style></head>
<body><h1>Recurrent Neural Networks in TensorFlow 2</h1>
<p>An open course in Jupyter notebooks, printed with the outputs of a complete run.</p>
<ol start="0">{items}</ol></body></html>"""


def print_pages(pages, chromium):
    """Print each HTML file to a PDF beside it; return the PDF paths."""
    from playwright.sync_api import sync_playwright

    pdfs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"],
        )
        page = browser.new_page()
        for source in pages:
            page.goto(source.as_uri())
            page.wait_for_load_state("load")
            page.evaluate(TYPESET_AS_MATHML)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            target = source.with_suffix(".pdf")
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
            )
            pdfs.append(target)
        browser.close()
    return pdfs


def build_pdf(paths, out):
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="rnn-course-pdf-") as folder:
        folder = Path(folder)
        build_site.copy_assets(folder)
        titles = [build_site.notebook_title(nbformat.read(p, as_version=4)) for p in paths]
        cover = folder / "00_cover.html"
        cover.write_text(cover_page(titles), encoding="utf-8")
        pages = [cover] + [build_site.export_page(p, folder) for p in paths]
        pdfs = print_pages(pages, chromium)
        writer = PdfWriter()
        for pdf, title in zip(pdfs, ["Cover"] + titles, strict=True):
            first = len(writer.pages)
            writer.append(PdfReader(pdf))
            writer.add_outline_item(title=title, page_number=first)
        writer.add_metadata({"/Title": "Recurrent Neural Networks in TensorFlow 2"})
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        with open(partial, "wb") as f:
            writer.write(f)
        partial.replace(out)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="default: build/course.pdf")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(build_site.NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        if not path.is_file() or path.suffix != ".ipynb":
            parser.error(f"{path} is not a notebook file")
    out = build_pdf(paths, args.out)
    print(f"wrote {out} ({len(PdfReader(out).pages)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
