"""`make site` and `make pdf`: the course site, its decks and its PDF, working offline.

The site is built once, into a temporary folder, from the committed notebooks. The browser
tests drive Debian's Chromium through Playwright with every host name unresolvable, so no
request can leave the machine; without Chromium they are skipped with a message saying how
to install it.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from browser import CHROMIUM, launch, needs_chromium

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LOCAL_SCHEMES = {"file", "data", "about", "blob"}
VIEWPORT = {"width": 1280, "height": 720}

sys.path.insert(0, str(ROOT / "scripts"))
import build_pdf  # noqa: E402
import build_site  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = tmp_path_factory.mktemp("build")
    assert build_site.main(["--build", str(build)]) == 0
    return build


def _attributes(html, tag, attribute):
    pattern = rf"<{tag}\b[^>]*\b{attribute}\s*=\s*[\"']([^\"']+)[\"']"
    return re.findall(pattern, html, flags=re.IGNORECASE)


def _pages(site):
    return [p for p in site.rglob("*.html") if "_static" not in p.parts]


def test_every_notebook_has_a_page_and_a_deck_linked_from_the_home_page(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert (site / f"{path.stem}.html").is_file()
        assert (site / "slides" / f"{path.stem}.slides.html").is_file()
        assert f'href="{path.stem}.html"' in home
        assert f'href="slides/{path.stem}.slides.html"' in home
        title = build_site.notebook_title(nbformat.read(path, as_version=4))
        assert title.split(" · ")[-1].replace("'", "&#39;") in home


def test_the_home_page_is_a_course_map_in_words(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", article)
    assert "Learning objectives" in text and "Lesson sections" in text
    assert "min to run" in text
    assert re.search(r"\d%", text), "accuracies are shown as percentages"
    keys = {
        k
        for p in (ROOT / "results").glob("[0-9]*.json")
        for k in json.loads(p.read_text())["metrics"]
    }
    raw = sorted(k for k in keys if re.search(rf"\b{k}\b", text))
    assert not raw, f"raw metric keys on the home page: {raw}"


def test_every_link_resolves_to_a_file_of_the_site(site):
    broken = []
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        links = _attributes(html, "a", "href") + _attributes(html, "script", "src")
        links += _attributes(html, "link", "href") + _attributes(html, "img", "src")
        for link in links:
            parsed = urlparse(link)
            if parsed.scheme in ("data", "mailto") or link.startswith("#"):
                continue
            if parsed.scheme or link.startswith("//"):
                broken.append(f"{page.relative_to(site)}: {link} (remote)")
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if not target.is_file() and not (target / "index.html").is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    assert not broken, "links that lead nowhere in the site:\n" + "\n".join(broken[:30])


def test_no_stylesheet_imports_from_the_network(site):
    offenders = []
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:[^)'\"]+)", css.read_text(errors="ignore")):
            offenders.append(f"{css.relative_to(site)}: {url}")
    assert not offenders, "remote assets:\n" + "\n".join(offenders)


def test_solutions_are_folded_on_the_pages_and_absent_from_the_decks(site):
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
        page = (site / f"{path.stem}.html").read_text(encoding="utf-8")
        assert page.count("<details") >= len(solutions), f"{path.name}: a solution is unfolded"
        deck = (site / "slides" / f"{path.stem}.slides.html").read_text(encoding="utf-8")
        for cell in solutions:
            first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            if cell.cell_type == "markdown" and first.startswith("#"):
                heading = first.lstrip("# ").strip()
                assert heading not in deck, f"{path.name}: the deck shows {heading!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_slides_are_not_too_long(path):
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


# Every slide in turn, measured against the slide's own box: nothing may be wider than the
# slide or scroll sideways, and no figure may be taller or wider than the slide.
MEASURE_SLIDES = """() => {
    Reveal.configure({transition: 'none', backgroundTransition: 'none'});
    const problems = [];
    for (const slide of Reveal.getSlides()) {
        const at = Reveal.getIndices(slide);
        Reveal.slide(at.h, at.v);
        const name = `slide ${at.h + 1}.${(at.v || 0) + 1}`;
        const box = slide.getBoundingClientRect();
        if (slide.scrollWidth > slide.clientWidth + 2) {
            problems.push(`${name}: content ${slide.scrollWidth - slide.clientWidth}px too wide`);
        }
        const wide = 'pre, table, .MathJax_Display, .jp-OutputArea-output';
        for (const el of slide.querySelectorAll(wide)) {
            if (el.scrollWidth > el.clientWidth + 2) {
                const text = (el.textContent || '').trim().slice(0, 50);
                problems.push(`${name}: ${el.tagName.toLowerCase()} overflows sideways: ${text}`);
            }
        }
        for (const img of slide.querySelectorAll('img')) {
            const r = img.getBoundingClientRect();
            if (r.width > box.width + 2 || r.height > box.height + 2) {
                const size = (b) => `${Math.round(b.width)}x${Math.round(b.height)}px`;
                problems.push(`${name}: a figure of ${size(r)} in a slide of ${size(box)}`);
            }
        }
    }
    return problems;
}"""


def _open_deck(page, deck):
    page.goto(deck.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
    page.wait_for_function(
        "window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0", timeout=60_000
    )


def _deck_problems(page, site, path):
    """What is wrong with one notebook's deck, opened in `page` at 1280x720."""
    nb = nbformat.read(path, as_version=4)
    _open_deck(page, site / "slides" / f"{path.stem}.slides.html")
    problems = []
    if page.evaluate("Reveal.getTotalSlides()") != len(build_site.slide_sizes(nb)):
        problems.append("the deck's slides do not match the notebook's slide marks")
    first = page.evaluate("document.querySelector('.reveal .slides section').textContent")
    if build_site.notebook_title(nb) not in first.replace("¶", ""):
        problems.append("the first slide does not carry the notebook's title")
    if "learning objectives" not in first.lower():
        problems.append("the deck does not open with the objectives")
    if any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells):
        if not page.evaluate("document.querySelectorAll('.MathJax, .MathJax_Display').length"):
            problems.append("no equation was typeset")
        if page.evaluate("document.querySelectorAll('.MathJax_Error').length"):
            problems.append("an equation failed to typeset")
    return problems + page.evaluate(MEASURE_SLIDES)


# One browser opens every deck in turn: starting Chromium takes longer than checking a deck.
@needs_chromium
def test_every_deck_works_offline_and_fits_a_1280x720_screen(site):
    from playwright.sync_api import sync_playwright

    problems, remote = {}, []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for path in NOTEBOOKS:
            page = browser.new_page(viewport=VIEWPORT)
            page.on("request", lambda request: remote.append(request.url))
            problems[path.stem] = _deck_problems(page, site, path)
            page.close()
        browser.close()
    found = [f"{stem}.slides.html: {p}" for stem, ps in problems.items() for p in ps]
    assert not found, "decks at 1280x720:\n" + "\n".join(found)
    remote = [url for url in remote if urlparse(url).scheme not in LOCAL_SCHEMES]
    assert not remote, f"a deck asked the network for: {remote}"


def test_the_overflow_check_catches_a_long_line_and_a_tall_figure(tmp_path):
    if CHROMIUM is None:
        pytest.skip("Chromium is missing: install it with `apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    nb = nbformat.read(ROOT / "templates" / "notebook_template.ipynb", as_version=4)
    cell = nbformat.v4.new_code_cell("x = 1")
    cell.metadata["slideshow"] = {"slide_type": "slide"}
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="<" + "=" * 400 + ">\n"),
    ]
    nb.cells.insert(4, cell)
    path = tmp_path / "NN_overflowing.ipynb"
    nbformat.write(nb, path)
    slides = tmp_path / "slides"
    slides.mkdir()
    build_site.copy_assets(slides)
    build_site.export_deck(path, slides)
    deck = slides / path.name.replace(".ipynb", ".slides.html")
    # An unbreakable line in a <pre> that does not wrap is what the wrapping rule prevents.
    html = deck.read_text(encoding="utf-8").replace("pre-wrap !important", "pre !important")
    html = html.replace("overflow-wrap: anywhere", "overflow-wrap: normal")
    deck.write_text(html, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        _open_deck(page, deck)
        problems = page.evaluate(MEASURE_SLIDES)
        browser.close()
    assert any("overflows sideways" in p or "too wide" in p for p in problems), problems


def _open_page(page, url):
    page.goto(url)
    page.wait_for_load_state("load")


@needs_chromium
def test_search_finds_the_forget_gate_in_notebook_08(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        _open_page(page, (site / "search.html").as_uri() + "?q=forget+gate")
        page.wait_for_function(
            "document.querySelector('#search-results') && "
            "/found|matching/i.test(document.querySelector('#search-results').textContent)",
            timeout=30_000,
        )
        links = page.eval_on_selector_all("#search-results a", "els => els.map(a => a.href)")
        browser.close()
    assert any("08_lstm_cells.html" in link for link in links), links


@needs_chromium
def test_dark_theme_keeps_figures_legible(site, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        _open_page(page, (site / "05_mnist_sequence_classifier.html").as_uri())
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
        page.wait_for_timeout(300)
        body = page.evaluate("getComputedStyle(document.body).backgroundColor")
        figure = page.evaluate(
            "getComputedStyle(document.querySelector('.cell_output img')).backgroundColor"
        )
        page.screenshot(path=tmp_path / "dark.png")
        browser.close()
    darkness = sum(int(v) for v in re.findall(r"\d+", body)[:3])
    assert darkness < 200, f"the dark theme's background is {body}"
    # The theme sets figures on an opaque light panel: dark axes and labels stay legible.
    channels = [int(v) for v in re.findall(r"\d+", figure)]
    assert figure.startswith("rgb(") and sum(channels[:3]) > 600, figure
    assert (tmp_path / "dark.png").stat().st_size > 10_000


@needs_chromium
def test_a_folded_solution_opens_on_click(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        _open_page(page, (site / "05_mnist_sequence_classifier.html").as_uri())
        details = page.locator("details.sd-dropdown").first
        details.scroll_into_view_if_needed()
        assert details.evaluate("d => d.open") is False
        details.locator("summary").click()
        assert details.evaluate("d => d.open") is True
        browser.close()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Chromium is missing: install it with `apt-get install chromium`")
    out = tmp_path_factory.mktemp("pdf") / "course.pdf"
    notebooks = [ROOT / "notebooks" / "01_manual_two_step_rnn.ipynb"]
    assert build_pdf.main(["--out", str(out), *map(str, notebooks)]) == 0
    return out


def _pdftotext(pdf, *args):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: install it with `apt-get install poppler-utils`")
    return subprocess.run(
        ["pdftotext", "-layout", *args, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_pdf_has_a_cover_and_every_page_of_the_notebook(pdf):
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 4
    assert [item.title for item in reader.outline][:2] == [
        "Cover",
        build_site.notebook_title(nbformat.read(NOTEBOOKS[1], as_version=4)),
    ]


def test_the_pdf_holds_equations_as_text_and_figures(pdf):
    from pypdf import PdfReader

    text = _pdftotext(pdf)
    assert "tanh" in text and "𝑊" in text, "the recurrence equation is typeset as text"
    assert any(page.images for page in PdfReader(pdf).pages), "no figure in the PDF"


def test_no_page_of_the_pdf_is_blank(pdf):
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    for number, page in enumerate(reader.pages, start=1):
        text = _pdftotext(pdf, "-f", str(number), "-l", str(number)).strip()
        assert text or page.images, f"page {number} of the PDF is blank"
