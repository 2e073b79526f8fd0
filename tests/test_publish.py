"""`make slides`: a page and a deck for every notebook, working offline, checked in Chromium.

The site is built once into build/ (as `make slides` does). The browser tests use Debian's
Chromium through Playwright; without Chromium they are skipped with a message saying how to
install it. Screenshots land in build/screenshots/.
"""

import importlib.util
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SCREENSHOTS = BUILD / "screenshots"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL_SCHEMES = {"file", "data", "about", "blob"}

spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
build_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_site)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is missing: install it with `apt-get install chromium` (Debian/Ubuntu) "
    "to run the browser tests",
)


@pytest.fixture(scope="module")
def site():
    assert build_site.main(["--build", str(BUILD)]) == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return BUILD


def _attributes(html, tag, attribute):
    pattern = rf"<{tag}\b[^>]*\b{attribute}\s*=\s*[\"']([^\"']+)[\"']"
    return re.findall(pattern, html, flags=re.IGNORECASE)


def test_every_notebook_has_a_page_and_a_deck(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert (site / f"{path.stem}.html").is_file()
        assert (site / f"{path.stem}.slides.html").is_file()
        assert f'href="{path.stem}.html"' in index and f'href="{path.stem}.slides.html"' in index


def test_pages_embed_their_figures(site):
    page = (site / "00_recurrent_neurons.html").read_text(encoding="utf-8")
    images = _attributes(page, "img", "src")
    assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_nothing_is_loaded_from_the_network(site):
    offenders = []
    for html_file in site.glob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        urls = _attributes(html, "script", "src") + _attributes(html, "link", "href")
        urls += re.findall(r"@import\s+url\(([^)]+)\)", html)
        for url in urls:
            if re.match(r"\s*['\"]?(https?:)?//", url):
                offenders.append(f"{html_file.name}: {url}")
            elif not url.startswith(("data:", "#")):
                local = (site / url.split("?")[0]).resolve()
                if not local.is_file():
                    offenders.append(f"{html_file.name}: {url} (no such file)")
    for css in (site / "assets").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:[^)'\"]+)", css.read_text(errors="ignore")):
            offenders.append(f"{css.relative_to(site)}: {url}")
    assert not offenders, "remote or missing assets:\n" + "\n".join(offenders)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_slides_fit(path):
    nb = nbformat.read(path, as_version=4)
    too_long = [
        f"slide starting at cell {index}: {lines} lines"
        for index, lines in build_site.slide_sizes(nb)
        if lines > build_site.MAX_SLIDE_LINES
    ]
    assert not too_long, (
        f"{path.name} has slides longer than {build_site.MAX_SLIDE_LINES} lines; start a "
        f"sub-slide (slide_type 'subslide') or split the cell:\n" + "\n".join(too_long)
    )


def _browser(playwright, allow_loopback=False):
    # Any host name resolves to nothing: a request to the network cannot succeed.
    block = "MAP * ~NOTFOUND" + (", EXCLUDE 127.0.0.1" if allow_loopback else "")
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            f"--host-resolver-rules={block}",
        ],
    )


@needs_chromium
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_deck_works_offline_in_chromium(site, path):
    from playwright.sync_api import sync_playwright

    nb = nbformat.read(path, as_version=4)
    expected_slides = len(build_site.slide_sizes(nb))
    has_math = any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto((site / f"{path.stem}.slides.html").as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
        page.wait_for_function(
            "window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0", timeout=60_000
        )
        assert page.evaluate("Reveal.getTotalSlides()") == expected_slides
        title = page.evaluate("document.querySelector('.reveal .slides section h1').textContent")
        assert title.strip(" ¶") == build_site.notebook_title(nb)
        if has_math:
            assert (
                page.evaluate("document.querySelectorAll('.MathJax, .MathJax_Display').length") > 0
            )
            assert page.evaluate("document.querySelectorAll('.MathJax_Error').length") == 0
        page.screenshot(path=SCREENSHOTS / f"{path.stem}_title.png")
        figure_slide = page.evaluate(
            """() => {
                for (const slide of Reveal.getSlides()) {
                    if (slide.querySelector('img')) {
                        const at = Reveal.getIndices(slide);
                        Reveal.slide(at.h, at.v);
                        return true;
                    }
                }
                return false;
            }"""
        )
        if figure_slide:
            page.wait_for_timeout(800)  # the slide transition
            page.screenshot(path=SCREENSHOTS / f"{path.stem}_figure.png")
        browser.close()
    remote = [url for url in requested if urlparse(url).scheme not in LOCAL_SCHEMES]
    assert not remote, f"the deck asked the network for: {remote}"


@needs_chromium
def test_notebook_01_runs_in_jupyterlab_through_the_ui(tmp_path, jupyterlab):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    # A copy without outputs: whatever the page shows afterwards comes from this run, and
    # JupyterLab's autosave can never touch the committed notebook.
    workdir = tmp_path / "notebooks"
    workdir.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "01_manual_two_step_rnn.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, workdir / "01_manual_two_step_rnn.ipynb")
    n_code_cells = sum(cell.cell_type == "code" for cell in nb.cells)
    with jupyterlab(workdir, RNN_COURSE_FAST="1") as (base, token):
        url = f"{base}/lab/tree/01_manual_two_step_rnn.ipynb?token={token}"
        with sync_playwright() as playwright:
            browser = _browser(playwright, allow_loopback=True)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
            assert page.locator("text=NumPy and Keras agree").count() == 0  # no old outputs
            # JupyterLab may ask which kernel to start; the course kernel is preselected.
            select = page.locator(".jp-Dialog button:has-text('Select')")
            try:
                select.wait_for(timeout=15_000)
                select.click()
            except PlaywrightTimeout:
                pass
            page.click("li.lm-MenuBar-item:has-text('Run')")
            page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
            page.wait_for_selector("text=NumPy and Keras agree within 1e-6: True", timeout=120_000)
            # Every code cell has run: its prompt shows an execution count, none is pending.
            page.wait_for_function(
                "n => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
                ".filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n",
                arg=n_code_cells,
                timeout=120_000,
            )
            errors = page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count()
            assert errors == 0, "a cell wrote to stderr or raised"
            assert page.locator("text=Y0 (4, 5)").count() >= 3  # NumPy, TensorFlow and Keras
            page.locator(
                "text=NumPy and Keras agree within 1e-6: True"
            ).scroll_into_view_if_needed()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / "lab_01_manual_two_step_rnn.png")
            browser.close()
