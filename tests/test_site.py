"""A real `mkdocs build --strict` of both languages, and what a reader gets from it."""
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

import runner
from conftest import build, html_path, record_measure  # noqa: F401  (the site fixture lives in conftest.py too)

pytestmark = pytest.mark.slow
DOCS = runner.ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS / "zh").as_posix() for p in (DOCS / "zh").rglob("*.md"))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(path):
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def test_every_page_is_built_in_both_languages(site):
    for page in PAGES:
        for lang in ("zh", "en"):
            assert html_path(site, lang, page).is_file(), f"{lang} page for {page} was not built"


def test_no_request_to_another_host(site):
    """Scripts, styles, images, fonts and frames all come from the site itself.
    (Links a reader may click, <a href>, are not requests the page makes.)"""
    offenders = []
    for html in site.rglob("*.html"):
        for tag, attrs in tags(html):
            for attr in ("src", "href", "data", "srcset"):
                url = attrs.get(attr) or ""
                if tag == "a" or (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                    continue
                if urlparse(url).netloc or url.startswith("//"):
                    offenders.append(f"{html.relative_to(site)}: <{tag} {attr}={url}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site)}: url({url})")
    assert not offenders, "the site would load from other hosts:\n" + "\n".join(offenders[:20])


def test_language_switch_lands_on_the_same_page(site):
    for page in PAGES:
        for lang, other in (("zh", "en"), ("en", "zh")):
            here = html_path(site, lang, page)
            links = [a["href"] for t, a in tags(here) if t == "a" and a.get("hreflang") == other]
            assert links, f"{here.relative_to(site)} has no link to the {other} version"
            base = "http://book/" + here.relative_to(site).as_posix()
            target = urlparse(urljoin(base, links[0])).path.lstrip("/")
            target = target + "index.html" if target.endswith("/") or not target else target
            assert (site / target).resolve() == html_path(site, other, page).resolve(), (
                f"{lang} {page}: the language switch goes to {target}, not to the same page in {other}")


def _index(site, lang):
    path = site / ("" if lang == "zh" else "en") / "search" / "search_index.json"
    assert path.is_file(), f"no search index for {lang} at {path.relative_to(site)}"
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(site):
    zh, en = _index(site, "zh"), _index(site, "en")
    zh_text = " ".join(doc["title"] + " " + doc["text"] for doc in zh["docs"])
    assert re.search("[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]", zh_text), "Chinese text is not segmented (no \\u200b between words)"
    assert "\u200b张量\u200b" in zh_text, "the word 张量 is not a separate token in the Chinese index"
    assert "\\u200b" in zh["config"]["separator"], "the search separator does not split on \\u200b"
    zh_titles = {doc["title"] for doc in zh["docs"]}
    en_titles = {doc["title"] for doc in en["docs"]}
    assert "Tensor basics" in en_titles and "Tensor basics" not in zh_titles
    assert "张量\u200b基础" in zh_titles and not any(re.search("[\u4e00-\u9fff]", t) for t in en_titles)
    for doc in en["docs"]:   # locations are relative to /en/, where English pages load their index from
        assert not doc["location"].startswith("en/")
        page = doc["location"].split("#")[0]
        assert (site / "en" / page / "index.html").is_file() or (site / "en" / page).is_file(), doc["location"]


def test_english_pages_load_the_english_index(site):
    for page in PAGES:
        here = html_path(site, "en", page)
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      here.read_text(encoding="utf-8")).group(1))
        assert (here.parent / config["base"]).resolve() == (site / "en").resolve(), (
            f"en {page}: Material's base is {config['base']}, not the English root")


def test_every_resource_a_page_requests_exists(site):
    """Scripts, styles, images, and the sitemap.xml Material fetches for each
    <link rel="alternate" hreflang>: a missing one is a 404 in the reader's console."""
    missing = []
    for html in site.rglob("*.html"):
        for tag, attrs in tags(html):
            wanted = []
            if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
                wanted.append(attrs["src"])
            if tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "icon", "preload", "manifest"):
                wanted.append(attrs["href"])
            if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
                wanted.append(attrs["href"].rstrip("/") + "/sitemap.xml")
            for url in wanted:
                path = urlparse(url).path
                if urlparse(url).netloc or urlparse(url).scheme == "data" or not path:
                    continue
                target = (site / path.lstrip("/") if path.startswith("/") else html.parent / path).resolve()
                if not (target.is_file() or (target / "index.html").is_file()):
                    missing.append(f"{html.relative_to(site)} requests {url}")
    assert not missing, "requests that would fail:\n" + "\n".join(missing[:20])


def test_formulas_are_mathml(site):
    for page in PAGES:
        source = (DOCS / "zh" / page).read_text(encoding="utf-8")
        if "$$" not in source and "\\(" not in source:
            continue
        for lang in ("zh", "en"):
            html = html_path(site, lang, page).read_text(encoding="utf-8")
            assert "<math" in html, f"{lang} {page}: no MathML"
            assert 'class="arithmatex"' not in html, f"{lang} {page}: a formula was left as raw TeX"


def test_no_tex_is_left_in_the_text(site):
    """A display formula that Markdown did not see as a block of its own (inside a
    list item with no blank line before it) reaches the reader as backslashes and brackets;
    and inside a formula, no TeX escape is drawn as such (\\text{fan\\_in} is "fan_in")."""
    class Text(HTMLParser):
        skipped = {"code", "pre", "script", "style", "math", "textarea"}

        def __init__(self):
            super().__init__()
            self.depth, self.math, self.found = 0, 0, []

        def handle_starttag(self, tag, attrs):
            self.depth += tag in self.skipped
            self.math += tag == "math"

        def handle_endtag(self, tag):
            self.depth -= tag in self.skipped
            self.math -= tag == "math"

        def handle_data(self, data):
            if not self.depth and re.search(r"\\[\[\]()_]|\\(?:frac|eta|sum|lVert|mathbf)\b", data):
                self.found.append(" ".join(data.split())[:80])
            elif self.math and self.depth == 1 and "\\" in data:
                self.found.append(f"in a formula: {data.strip()[:80]}")

    left = []
    for lang in ("zh", "en"):
        for page in PAGES:
            parser = Text()
            parser.feed(html_path(site, lang, page).read_text(encoding="utf-8"))
            left += [f"docs/{lang}/{page}: {text}" for text in parser.found]
    assert not left, "raw TeX shown to the reader (put a blank line around a display formula):\n" + "\n".join(left)


def test_no_markdown_markup_is_left_in_the_text(site):
    """Emphasis that one renderer takes and another does not reaches the reader as
    asterisks: in CommonMark (the notebook view, Jupyter) a closing ** after a full-width
    full stop and before a Chinese character does not close ("**它测的是第一次调用。**一个"),
    though Python-Markdown renders it. Write the punctuation after the **, and no page or
    notebook view shows ** or a heading's {#id} as text."""
    class Text(HTMLParser):
        skipped = {"code", "pre", "script", "style", "math", "textarea"}

        def __init__(self):
            super().__init__()
            self.depth, self.found = 0, []

        def handle_starttag(self, tag, attrs):
            self.depth += tag in self.skipped

        def handle_endtag(self, tag):
            self.depth -= tag in self.skipped

        def handle_data(self, data):
            if not self.depth and re.search(r"\*\*|\{#[\w-]+\}", data):
                self.found.append(" ".join(data.split())[:80])

    views = [html_path(site, lang, page) for lang in ("zh", "en") for page in PAGES]
    views += sorted(site.rglob("*-notebook/index.html"))
    assert len(views) > 2 * len(PAGES), "no notebook view was built"
    left = []
    for view in views:
        parser = Text()
        parser.feed(view.read_text(encoding="utf-8"))
        left += [f"{view.relative_to(site)}: {text}" for text in parser.found]
    assert not left, "Markdown markup shown to the reader as text:\n" + "\n".join(left)


def test_recorded_outputs_appear_on_the_pages(site):
    """An include that resolved to nothing would show an empty block: check the text is there."""
    import html as html_lib
    for page in PAGES:
        source = (DOCS / "en" / page).read_text(encoding="utf-8")
        for output in re.findall(r'--8<--\s+"(outputs/[^"]+)"', source):
            first_line = (runner.ROOT / output).read_text(encoding="utf-8").splitlines()[0].strip()
            built = re.sub(r"<[^>]+>", "", html_path(site, "en", page).read_text(encoding="utf-8"))
            assert first_line in html_lib.unescape(built), f"en {page}: the output of {output} is not on the page"


def _stamp(html_file):
    match = re.search(r'<div class="book-stamp"([^>]*)>', html_file.read_text(encoding="utf-8"))
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', match.group(1))) if match else None


def test_every_chapter_page_carries_a_stamp_that_matches_its_recordings(site):
    """The stamp is computed at build time from outputs/manifest.json; here it is
    recomputed independently from the manifest and the snippets' current hashes."""
    import hashlib
    manifest = json.loads((runner.OUTPUTS / "manifest.json").read_text(encoding="utf-8"))["snippets"]
    for page in PAGES:
        if page == "index.md" or page.endswith("glossary.md"):
            continue
        source = (DOCS / "zh" / page).read_text(encoding="utf-8")
        snippets = list(dict.fromkeys(re.findall(r'--8<--\s+"(snippets/[^":]+)', source)))
        for lang in ("zh", "en"):
            stamp = _stamp(html_path(site, lang, page))
            assert stamp is not None, f"{lang} {page}: no verified stamp under the title"
            assert int(stamp["snippets"]) == len(snippets), f"{lang} {page}: the stamp counts other snippets"
            if not snippets:
                continue
            entries = [manifest[s] for s in snippets]
            for s, entry in zip(snippets, entries):
                digest = hashlib.sha256((runner.ROOT / s).read_bytes()).hexdigest()
                assert entry["sha256"] == digest, f"{s} changed after it was recorded"
            assert stamp["cpu"] == "passed", f"{lang} {page}: the stamp does not say the CPU run passed"
            assert stamp["torch"] == ", ".join(sorted({e["torch"] for e in entries})), f"{lang} {page}: torch version"
            assert stamp["tensorflow"] == ", ".join(sorted({e["tensorflow"] for e in entries if e.get("tensorflow")})), (
                f"{lang} {page}: TensorFlow version")
            assert stamp["date"] == max(e["recorded"] for e in entries), f"{lang} {page}: the recording date"
            gpu = {("passed" if e["gpu"]["passed"] else "failed") if e.get("gpu") else "not-run" for e in entries}
            expected = gpu.pop() if len(gpu) == 1 else ("failed" if "failed" in gpu else "partial")
            assert stamp["gpu"] == expected, f"{lang} {page}: the stamp's GPU result is not the recorded one"
            html = html_path(site, lang, page).read_text(encoding="utf-8")
            assert html.index('class="book-stamp"') < html.index("<h2"), f"{lang} {page}: the stamp is not near the title"


def test_every_chapter_page_offers_its_notebook(site):
    import notebooks
    search = {lang: {d["location"].split("#")[0] for d in _index(site, lang)["docs"]} for lang in ("zh", "en")}
    for page in PAGES:
        if not notebooks.has_notebook(page):
            continue
        for lang in ("zh", "en"):
            here = html_path(site, lang, page)
            links = {a.get("class", ""): a["href"] for t, a in tags(here) if t == "a" and "download" in a}
            assert links, f"{lang} {page}: no notebook download button"
            target = (here.parent / next(iter(links.values()))).resolve()
            assert target.is_file(), f"{lang} {page}: the notebook link points at nothing"
            expected = notebooks.dumps(notebooks.page_to_notebook(DOCS / lang / page, lang, page))
            assert target.read_text(encoding="utf-8") == expected, f"{lang} {page}: the published notebook is stale"
            view = [a["href"] for t, a in tags(here) if t == "a" and a.get("href", "").endswith("-notebook/")]
            assert view, f"{lang} {page}: no link to the notebook view"
            rendered = (here.parent / view[0] / "index.html").resolve()
            assert rendered.is_file(), f"{lang} {page}: the notebook view was not built"
            text = rendered.read_text(encoding="utf-8")
            assert "jp-Notebook" in text and "jp-CodeCell" in text, f"{lang} {page}: mkdocs-jupyter did not render it"
            shown = sum(1 for cell in json.loads(expected)["cells"] if cell.get("outputs"))
            assert len(re.findall(r'<div class="[^"]*\bjp-OutputArea-output\b', text)) == shown, (
                f"{lang} {page}: the notebook view does not show the {shown} outputs its notebook carries")
            assert '<style type="text/css">' not in text, f"{lang} {page}: the notebook view inlines nbconvert's CSS"
            sheets = [a["href"] for t, a in tags(rendered) if t == "link" and a.get("href", "").endswith("notebook.css")]
            assert sheets, f"{lang} {page}: the notebook view does not link the shared notebook stylesheet"
            location = page.removesuffix(".md") + "-notebook/"
            assert location not in search[lang], f"{lang} {page}: the notebook view is in the search index"
            assert "clipboard-copy-txt" not in text, f"{lang} {page}: the notebook view carries each source twice"
            assert not re.search(r'<h[1-6] id=""', text), f"{lang} {page}: a heading of the notebook view has no id"
            for other in ("zh", "en"):     # the language switcher: the same notebook view in each language
                switch = [a["href"] for t, a in tags(rendered) if t == "a" and a.get("hreflang") == other]
                twin = html_path(site, other, page).parent.parent / (Path(page).stem + "-notebook")
                assert switch and (rendered.parent / switch[0]).resolve() == twin.resolve(), (
                    f"{lang} {page}: the notebook view's switch to {other} leads to {switch}")


def test_each_program_shown_in_sections_is_one_click_away_whole(site):
    """Under the title, a link to each snippet the page shows in sections: the file itself, published."""
    from book import stamps     # tools/book/stamps.py
    for page in PAGES:
        for lang in ("zh", "en"):
            here = html_path(site, lang, page)
            wanted = stamps.in_sections((DOCS / lang / page).read_text(encoding="utf-8"))
            found = {}
            for tag, attrs in tags(here):
                if tag == "a" and attrs.get("href", "").endswith(".py") and "download" in attrs:
                    found[attrs["download"]] = (here.parent / attrs["href"]).resolve()
            assert sorted(found) == sorted(s.rsplit("/", 1)[1] for s in wanted), (
                f"{lang} {page}: links to {sorted(found)}, but shows {wanted} in sections")
            for snippet in wanted:
                target = found[snippet.rsplit("/", 1)[1]]
                assert target.is_file() and target.read_bytes() == (runner.ROOT / snippet).read_bytes(), (
                    f"{lang} {page}: the link to {snippet} does not lead to the program")


PAGE_BUDGET = 400_000    # bytes of HTML: a page a reader on a slow line still opens quickly


def test_no_page_is_heavier_than_the_budget(site):
    sizes = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
    heavy = [f"{path}: {size // 1000} KB" for size, path in sizes if size > PAGE_BUDGET]
    assert not heavy, f"pages over {PAGE_BUDGET // 1000} KB of HTML:\n" + "\n".join(heavy)
    sheet = site / "assets" / "notebook.css"
    assert sheet.is_file() and 10_000 < sheet.stat().st_size < PAGE_BUDGET, (
        f"the shared notebook stylesheet is missing or not pruned: {sheet}")
    assert ".jp-Cell" in sheet.read_text(encoding="utf-8"), "the notebook stylesheet lost the rules of its cells"


def _copy_book(tmp_path):
    for name in ("docs", "snippets", "outputs", "tools"):
        shutil.copytree(runner.ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(runner.ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_a_missing_include_fails_the_build_naming_the_file(tmp_path):
    root = _copy_book(tmp_path)
    page = root / "docs" / "en" / "tensors" / "numpy-warmup.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "snippets/tensors/numpy_two_layer.py:data", "snippets/tensors/no_such_file.py"), encoding="utf-8")
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "no_such_file.py" in result.stdout + result.stderr


def test_an_untranslated_page_fails_the_build_naming_the_file(tmp_path):
    root = _copy_book(tmp_path)
    (root / "docs" / "zh" / "tensors" / "extra.md").write_text("# 只有中文\n", encoding="utf-8")
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/en/tensors/extra.md" in result.stdout + result.stderr


def test_book_serve_answers_in_both_languages_and_rebuilds_only_what_an_edit_changed(tmp_path):
    """What `./book serve` runs (`mkdocs serve --dirty`), in a copy of the book: the dev server
    answers on 127.0.0.1 with / in Chinese and /en/ in English; after a page is edited, and
    after a snippet a page includes is edited, the new text is served well before a full
    build could finish, and the search index holds each section once, the edit included."""
    import socket
    import threading
    import time
    import urllib.request

    book_script = (runner.ROOT / "book").read_text(encoding="utf-8")
    assert "mkdocs serve --dirty" in book_script, "./book serve no longer rebuilds only what changed"
    root = _copy_book(tmp_path / "book")
    if (runner.ROOT / ".cache").is_dir():   # the rendered notebooks of earlier builds, as a writer has them
        shutil.copytree(runner.ROOT / ".cache", root / ".cache", ignore=shutil.ignore_patterns("jinja"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()

    def get(path):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
            return response.read().decode("utf-8")

    def wait_for(path, text, limit):
        start = time.monotonic()
        while time.monotonic() - start < limit:
            assert server.poll() is None, "mkdocs serve exited:\n" + "".join(log)[-3000:]
            try:
                if text in get(path):
                    return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.05)
        pytest.fail(f"{path} did not show {text!r} within {limit} s")

    try:
        full = wait_for("/en/", "Runnable PyTorch", 600)
        assert '<html lang="zh"' in get("/") and "可运行的 PyTorch" in get("/")
        assert '<html lang="en"' in get("/en/")
        time.sleep(1)
        served = Path(next(re.search(r"Building 'en' documentation to directory: (\S+)", line)[1]
                           for line in log if "Building 'en' documentation" in line)).parent
        untouched = [served / "en" / "tensors" / "operations" / "index.html", served / "autograd" / "graph" / "index.html",
                     served / "en" / "tensors" / "operations-notebook" / "index.html"]
        before = [p.stat().st_mtime for p in untouched]
        page = root / "docs" / "en" / "tensors" / "basics.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nA sentence a writer just added.\n", encoding="utf-8")
        after_page = wait_for("/en/tensors/basics/", "A sentence a writer just added.", 120)
        time.sleep(1)
        snippet = root / "snippets" / "tensors" / "creation.py"
        snippet.write_text(snippet.read_text(encoding="utf-8") + "# a comment a writer just added\n", encoding="utf-8")
        after_snippet = wait_for("/tensors/basics/", "a comment a writer just added", 120)
        record_measure("./book serve", f"first build {full:.1f} s; one-page edit served after {after_page:.1f} s; "
                                       f"snippet edit served after {after_snippet:.1f} s")
        for index in ("/search/search_index.json", "/en/search/search_index.json"):
            docs = json.loads(get(index))["docs"]
            locations = [d["location"] for d in docs]
            assert len(locations) == len(set(locations)), f"{index}: sections indexed twice after the rebuilds"
        assert any("A sentence a writer just added." in d["text"]
                   for d in json.loads(get("/en/search/search_index.json"))["docs"]), "the edit is not searchable"
        # the edits rebuilt their pages (the snippet's in both languages) and nothing else: a
        # full build of both languages takes about 20 s on an idle two-core machine
        after = [p.stat().st_mtime for p in untouched]
        rebuilt = [str(p.relative_to(served)) for p, b, a in zip(untouched, before, after) if a != b]
        assert not rebuilt, f"pages the edits did not touch were rebuilt: {rebuilt}"
    finally:
        server.terminate()
        server.wait(timeout=30)
