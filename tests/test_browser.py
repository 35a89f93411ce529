"""The built site in a real browser: Debian's Chromium driven by Playwright.

The site is built (conftest.py), served on 127.0.0.1, and read the way a reader
reads it: every page loads with no console error and no request to another
host, the language switch, the copy button, search in both languages, formulas
drawn as math, and the notebook download. Screenshots of a chapter page in light
and dark mode are saved under test-artifacts/ (not committed).

Without Chromium these tests are skipped, with the reason printed; under CI
(.ci/run installs Chromium) a missing browser fails them.
"""
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

import copyrun
import notebooks
import runner
from conftest import html_path

pytestmark = pytest.mark.slow
DOCS = runner.ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS / "zh").as_posix() for p in (DOCS / "zh").rglob("*.md"))
ARTIFACTS = runner.ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# as root in a container, without the sandbox; no background traffic to Google's hosts
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@contextlib.contextmanager
def serving(site):
    """The built site on 127.0.0.1, at a free port, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def chromium():
    """Debian's Chromium under Playwright; skipped without it, except under CI."""
    if CHROMIUM is None:
        message = "Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


class Visit:
    """Pages opened in a fresh context, with every problem a reader would see recorded."""

    def __init__(self, browser, server, **context):
        self.server = server
        self.host = urlparse(server).netloc
        self.context = browser.new_context(**context)
        self.problems = []
        self.page = self._watched(self.context.new_page())

    def _watched(self, page):
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        # (ERR_ABORTED: a request cut short because the test moved on to the next page)
        page.on("requestfailed", lambda r: urlparse(r.url).netloc == self.host and "ERR_ABORTED" not in r.failure
                and self.problems.append(f"failed request: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

        def outside(route):
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()
        page.route(lambda url: urlparse(url).netloc not in (self.host, "") and not url.startswith("data:"), outside)
        return page

    def open(self, path):
        self.page.goto(self.server + path, wait_until="networkidle")
        return self.page

    def open_all(self, paths, tabs=6, then=None):
        """Load every path, several tabs at a time: each tab's wait for a quiet network overlaps the others'.
        `then(page, path)` runs on each loaded page before its tab moves on."""
        pages = [self.page] + [self._watched(self.context.new_page()) for _ in range(tabs - 1)]
        for start in range(0, len(paths), tabs):
            batch = list(zip(pages, paths[start:start + tabs]))
            for page, path in batch:
                page.goto(self.server + path, wait_until="commit")
            for page, path in batch:
                page.wait_for_load_state("networkidle")
                if then is not None:
                    then(page, path)

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    opened = []

    def make(**context):
        v = Visit(browser, server, **context)
        opened.append(v)
        return v
    yield make
    for v in opened:
        v.close()


def url(lang, page):
    path = "" if page == "index.md" else page.removesuffix(".md") + "/"
    return ("/" if lang == "zh" else "/en/") + path


def small_search_index(context, site, seen=None):
    """Material's search worker fetches the language's whole search index (about 1 MB) and indexes it
    on every page load, which is most of a load's CPU here: answer that one request with the index's
    own configuration and no documents (the search tests below load and query the real index)."""
    def answer(route):
        index = json.loads((site / urlparse(route.request.url).path.lstrip("/")).read_text(encoding="utf-8"))
        if seen is not None:
            seen.append(route.request.url)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(dict(index, docs=[])))
    context.route("**/search/search_index.json", answer)


def visit_every_page(site):
    """Every page in both languages and every notebook view, loaded once at 1280x900, with what each
    check of that load needs measured on it: the problems a reader would see (this file), the code
    blocks' boxes (chapter pages: test_reader_code.py), the widths of inline formulas
    (test_reader_math.py) and the spaces between Chinese characters
    (Chinese pages and views: test_reader_text.py), with their screenshots. One load serves all three:
    loading every page is most of what they cost. conftest.py's `every_page` runs it once a session,
    on the worker that runs the tests of the "every-page" group."""
    from test_reader_code import MEASURE, SCREENSHOTS, SHOTS as CODE_SHOTS
    from test_reader_math import INLINE_MATH_WIDTHS
    from test_reader_text import STRAY_SPACES, SHOTS as TEXT_SHOTS
    (spaces_shots := TEXT_SHOTS / "stray-spaces").mkdir(parents=True, exist_ok=True)
    CODE_SHOTS.mkdir(parents=True, exist_ok=True)
    chapter = {url(lang, page): (lang, page) for page in PAGES for lang in ("zh", "en")}
    views = ["/" + p.parent.relative_to(site).as_posix() + "/" for p in sorted(site.rglob("*-notebook/index.html"))]
    seen, measured = [], {}

    def measure(page, path):
        lang = chapter[path][0] if path in chapter else ("en" if path.startswith("/en/") else "zh")
        found = measured[path] = {"lang": lang}
        if lang == "zh":     # before MEASURE opens the collapsed blocks: the page as it first shows
            found["spaces"] = page.evaluate(STRAY_SPACES)
            page.screenshot(path=str(spaces_shots / f'{path.strip("/").replace("/", "-") or "index"}.png'))
        if path in chapter:
            found["inline_math"] = page.evaluate(INLINE_MATH_WIDTHS)
            found["code"] = page.evaluate(MEASURE)
            if chapter[path][1] in SCREENSHOTS:
                name = f"{lang}-{chapter[path][1].replace('/', '-')[:-3]}.png"
                page.screenshot(path=str(CODE_SHOTS / name), full_page=True)

    with serving(site) as address, chromium() as browser:
        v = Visit(browser, address, viewport={"width": 1280, "height": 900})
        try:
            small_search_index(v.context, site, seen)
            v.open_all(list(chapter) + views, then=measure)
            problems = list(dict.fromkeys(v.problems))
        finally:
            v.close()
    return {"pages": measured, "problems": problems, "index_requests": seen}


@pytest.mark.xdist_group("every-page")
def test_every_page_loads_with_no_error_and_no_request_elsewhere(every_page):
    """Every page and notebook view, each with all it requests (conftest.py's `every_page`)."""
    assert len(every_page["pages"]) >= 2 * len(PAGES), "not every page was loaded"
    assert not every_page["problems"], "\n".join(every_page["problems"])
    assert every_page["index_requests"], "no page asked for its search index"


def test_the_language_switch_lands_on_the_same_page(visit):
    v = visit()
    for page, lang, other in (("tensors/basics.md", "zh", "en"), ("tensors/basics.md", "en", "zh"),
                              ("preface/install.md", "zh", "en")):
        p = v.open(url(lang, page))
        p.hover(".md-header__option .md-select")
        p.click(f'a.md-select__link[hreflang="{other}"]')
        p.wait_for_load_state("networkidle")
        assert urlparse(p.url).path == url(other, page), f"{lang} {page}: the switch went to {p.url}"
        assert p.locator("html").get_attribute("lang") == other


def test_the_copy_button_copies_the_code(visit):
    v = visit(permissions=["clipboard-read", "clipboard-write"])
    p = v.open(url("en", "tensors/basics.md"))
    block = p.locator("div.highlight", has=p.locator("span.filename", has_text="snippets/tensors/creation.py"))
    block.hover()
    block.locator('button.md-code__button[data-md-type="copy"]').click()
    copied = p.evaluate("navigator.clipboard.readText()")
    expected = notebooks.snippet_source("snippets/tensors/creation.py")   # the file as the page includes it
    assert copied.strip() == expected.strip(), "the copy button did not copy the program as it is in snippets/"


def test_the_copy_run_test_copies_what_the_copy_button_copies(visit, site):
    """tools/copyrun.py reads the blocks from the HTML; here the real button copies every block of a
    page with code annotations (`# (1)!`), in both languages, and the two must agree."""
    v = visit(permissions=["clipboard-read", "clipboard-write"])
    page = "training/mlp-digits.md"
    for lang in ("zh", "en"):
        p = v.open(url(lang, page))
        p.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")   # the set-up too
        expected = copyrun.blocks_from_html(html_path(site, lang, page).read_text(encoding="utf-8"), lang)
        blocks = p.locator("article div.language-python.highlight")
        assert blocks.count() == len(expected), f"{lang} {page}: the browser shows another number of blocks"
        assert any("(1)!" in notebooks.snippet_source(b.snippet) for b in expected if b.snippet), (
            f"{page} no longer has a code annotation: pick a page that has one")
        for n, block in enumerate(expected):
            shown = blocks.nth(n)
            shown.scroll_into_view_if_needed()
            shown.hover()
            shown.locator('button.md-code__button[data-md-type="copy"]').click()
            copied = p.evaluate("navigator.clipboard.readText()")
            assert notebooks.copied(copied) == block.code, (
                f"{lang} {page}: block {n + 1} ({block.title}): the copy button copies something else than "
                "tools/copyrun.py runs")


SEARCHES = {
    # words that name one chapter's subject (梯度, gradient, runs through half the book)
    "zh": [("张量", "tensors/"), ("自动求导", "autograd/"), ("优化器", "optim/"), ("钩子", "module/")],
    "en": [("tensor", "tensors/"), ("broadcasting", "tensors/operations/"), ("optimizer", "optim/"), ("hook", "module/")],
}


@pytest.mark.parametrize("lang", SEARCHES)
def test_search_lists_the_right_chapter_first(visit, lang):
    """Each query typed into one page's search box (the browser builds the language's index once)."""
    v = visit()
    p = v.open(url(lang, "index.md"))
    p.keyboard.press("s")                     # Material's shortcut that opens the search box
    wrong = []
    for query, chapter in SEARCHES[lang]:
        p.fill("input.md-search__input", "")
        p.wait_for_function("!document.querySelector('.md-search-result__item')")
        p.fill("input.md-search__input", query)
        p.keyboard.press("End")               # a key event: Material searches on keyup
        item = p.locator(".md-search-result__item a").first
        item.wait_for(timeout=15000)
        first = urlparse(item.get_attribute("href")).path
        expected = ("/" if lang == "zh" else "/en/") + chapter
        if not first.startswith(expected):
            wrong.append(f"searching {query!r} ({lang}) lists {first} first, not a page under {expected}")
    assert not wrong, "\n".join(wrong)
    assert not v.problems, "\n".join(v.problems)


def test_formulas_render_as_math(visit):
    v = visit()
    for lang in ("zh", "en"):
        p = v.open(url(lang, "tensors/numpy-warmup.md"))
        math = p.locator("article math")
        assert math.count() > 3, f"{lang}: no MathML formulas on the NumPy warm-up"
        box = math.first.bounding_box()
        assert box and box["height"] > 5 and box["width"] > 5, f"{lang}: the first formula is not drawn"
        text = p.inner_text("article")
        assert "\\(" not in text and "\\frac" not in text and "$$" not in text, f"{lang}: raw TeX on the page"


def test_the_notebook_download_works(visit):
    v = visit(accept_downloads=True)
    for lang in ("zh", "en"):
        p = v.open(url(lang, "tensors/basics.md"))
        with p.expect_download() as info:
            p.click("a[download]")
        download = info.value
        assert download.suggested_filename == "basics.ipynb"
        nb = json.loads(Path(download.path()).read_text(encoding="utf-8"))
        assert nb["nbformat"] == 4 and nb["metadata"]["book"]["language"] == lang
        expected = notebooks.page_to_notebook(DOCS / lang / "tensors/basics.md", lang, "tensors/basics.md")
        assert nb == json.loads(notebooks.dumps(expected)), f"{lang}: the downloaded notebook is not the page's"
        p.click("a[href$='-notebook/']")
        p.wait_for_load_state("networkidle")
        shown = p.inner_text("article")
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                first = cell["source"][0].strip()
                assert first in shown, f"{lang}: the notebook view lacks the cell starting {first!r}"
    assert not v.problems, "\n".join(v.problems)


def test_light_and_dark_screenshots(visit):
    ARTIFACTS.mkdir(exist_ok=True)
    backgrounds = {}
    for scheme in ("light", "dark"):
        v = visit(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        p = v.open(url("zh", "tensors/basics.md"))
        p.screenshot(path=str(ARTIFACTS / f"tensors-basics-{scheme}.png"), full_page=False)
        backgrounds[scheme] = p.evaluate("getComputedStyle(document.body).backgroundColor")
        shown = p.locator(f'img[src$="-{scheme}.svg#only-{scheme}"]').first
        hidden = p.locator(f'img[src$="-{"dark" if scheme == "light" else "light"}.svg#only-'
                           f'{"dark" if scheme == "light" else "light"}"]').first
        assert shown.is_visible() and not hidden.is_visible(), f"{scheme} mode shows the wrong figure"
    luminance = lambda rgb: sum(int(x) for x in re.findall(r"\d+", rgb)[:3])
    assert luminance(backgrounds["dark"]) < luminance(backgrounds["light"]), (
        f"dark mode is not darker: {backgrounds}")
