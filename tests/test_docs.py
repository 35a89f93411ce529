"""The pages' structure, without building the site: both languages have the same
pages with the same code, every code fence is one the tests can see, every
snippet is shown, and every recording is up to date with its snippet."""
import hashlib
import json
import posixpath
import re

import pytest

import figures
import notebooks
import runner

DOCS = runner.ROOT / "docs"
LANGS = ("zh", "en")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)(?P=mark)[ \t]*$",
                   re.MULTILINE | re.DOTALL)
INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
GLOSSARY_LINK = re.compile(r"\(([./]*)(?:preface/)?glossary\.md#([\w-]+)\)")


def pages(lang):
    return sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md"))


def text(lang, page):
    return (DOCS / lang / page).read_text(encoding="utf-8")


def fences(markdown):
    return [(m["info"].strip(), m["body"]) for m in FENCE.finditer(markdown)]


PAGES = pages("zh")


def test_both_languages_have_the_same_pages():
    assert PAGES, "docs/zh has no pages"
    assert pages("zh") == pages("en"), (
        f"only in zh: {sorted(set(pages('zh')) - set(pages('en')))}; only in en: {sorted(set(pages('en')) - set(pages('zh')))}")


def test_every_page_is_in_the_nav_with_an_english_title():
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python tags
    config = yaml.load((runner.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    titles = []

    def walk(nav):
        for item in nav:
            if isinstance(item, dict):
                title, value = next(iter(item.items()))
                titles.append(title)
            else:
                value = item
            yield from (walk(value) if isinstance(value, list) else [value])
    assert sorted(walk(config["nav"])) == PAGES

    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(l for l in i18n["languages"] if l["locale"] == "en")
    untranslated = [t for t in titles if t not in english.get("nav_translations", {})]
    assert not untranslated, f"nav titles without an English title under nav_translations: {untranslated}"


@pytest.mark.parametrize("page", PAGES)
def test_same_snippets_same_inline_code_same_figures(page):
    zh, en = text("zh", page), text("en", page)
    assert INCLUDE.findall(zh) == INCLUDE.findall(en), f"{page}: zh and en include different files (or order)"
    inline = lambda md: [body for info, body in fences(md) if info in ("python", "bash", "sh")]
    assert inline(zh) == inline(en), f"{page}: zh and en carry different inline code"
    same_figure = lambda md: [re.sub(r"-(zh|en)-", "-LANG-", src) for src in notebooks.image_sources(md)]
    assert same_figure(zh) == same_figure(en), f"{page}: zh and en show different figures"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_code_fences_are_ones_the_tests_see(lang, page):
    """pytest-codeblocks runs fences whose info is exactly python, bash or sh and
    silently skips others, so a runnable block must say exactly that; a block
    that includes a file must carry a title (which codeblocks skips) and nothing else."""
    where = f"docs/{lang}/{page}"
    markdown = text(lang, page)
    assert "~~~" not in markdown, f"{where}: use ``` fences, not ~~~ (pytest-codeblocks skips them)"
    for info, body in fences(markdown):
        language = info.split()[0] if info else ""
        assert language, f"{where}: a code fence without a language"
        assert language not in ("py", "python3", "sh3"), f"{where}: fence '{info}' is skipped by the tests; write python"
        if "--8<--" in body:
            assert "title=" in info, f"{where}: an include fence needs a title (an untitled python fence is executed)"
            lines = [l.strip() for l in body.strip().splitlines()]
            assert all(l.startswith("--8<--") for l in lines), f"{where}: an include fence holds only the include line"
        elif language == "python":
            assert info == "python", f"{where}: inline code fence '{info}' would not run in the tests; write plain python"


@pytest.mark.parametrize("lang", LANGS)
def test_includes_exist_and_outputs_follow_their_snippet(lang):
    for page in PAGES:
        included = INCLUDE.findall(text(lang, page))
        snippets = {i.split(":")[0] for i in included if i.startswith("snippets/")}
        for item in included:
            path = item.split(":")[0]
            # a file whole, or a named section: never line numbers (DESIGN.md), which the
            # notebooks (tools/notebooks.py) do not read and which shift when a file changes
            assert re.fullmatch(r"[\w./-]+(:[A-Za-z_][\w-]*)?", item), (
                f"docs/{lang}/{page} includes '{item}': include a file whole or a named section, not lines")
            assert (runner.ROOT / path).is_file(), f"docs/{lang}/{page} includes {path}, which does not exist"
            if path.startswith("outputs/") and path != "outputs/versions.txt":
                snippet = "snippets/" + path.removeprefix("outputs/").removesuffix(".txt") + ".py"
                assert snippet in snippets, f"docs/{lang}/{page} shows {path} without the code that printed it ({snippet})"


def test_every_snippet_is_shown_in_both_languages():
    for lang in LANGS:
        shown = {i.split(":")[0] for page in PAGES for i in INCLUDE.findall(text(lang, page))}
        missing = [runner.rel(s) for s in runner.all_snippets() if runner.rel(s) not in shown]
        assert not missing, f"snippets not included by any {lang} page: {missing}"


def test_recordings_are_up_to_date():
    manifest = json.loads((runner.OUTPUTS / "manifest.json").read_text())
    for snippet in runner.all_snippets():
        name = runner.rel(snippet)
        entry = manifest["snippets"].get(name)
        assert entry, f"{name} was never recorded: run ./book record {name}"
        digest = hashlib.sha256(snippet.read_bytes()).hexdigest()
        assert entry["sha256"] == digest, f"{name} changed after its output was recorded: run ./book record {name}"
        assert runner.output_path(snippet).is_file()
    recorded = {runner.rel(p) for p in runner.OUTPUTS.rglob("*.txt")} - {"outputs/versions.txt"}
    expected = {runner.rel(runner.output_path(s)) for s in runner.all_snippets()}
    assert recorded == expected, f"outputs without a snippet: {sorted(recorded - expected)}"
    for figure in figures.REGISTRY:
        for path in figure.paths():
            assert path.is_file(), f"figure {runner.rel(path)} is missing: run ./book record"


@pytest.mark.parametrize("lang", LANGS)
def test_page_shape(lang):
    """Chapter pages open with their goals and end with a summary and exercises
    that have collapsible solutions, in the same shape in both languages."""
    heads = {"zh": ("本节目标", "## 小结", "## 练习", "??? success"),
             "en": ("What you will learn", "## Summary", "## Exercises", "??? success")}[lang]
    for page in PAGES:
        if page == "index.md" or page.endswith("glossary.md"):
            continue
        markdown = text(lang, page)
        for head in heads:
            assert head in markdown, f"docs/{lang}/{page} lacks '{head}'"
    for page in PAGES:
        count = lambda md: (len(re.findall(r"^#+ ", md, re.M)), md.count("??? "), md.count("!!! "))
        assert count(text("zh", page)) == count(text("en", page)), (
            f"{page}: zh and en differ in headings, collapsible blocks or admonitions")


def reading_order():
    """The pages in the order of mkdocs.yml's nav: the order a reader meets them."""
    nav = runner.ROOT.joinpath("mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    return re.findall(r"^\s*- [^\n]*?:\s*([\w/.-]+\.md)\s*$", nav, re.MULTILINE)


def test_glossary_terms_are_linked_from_their_first_use():
    for lang in LANGS:
        glossary = text(lang, "preface/glossary.md")
        anchors = re.findall(r'<span id="([\w-]+)"></span>', glossary)
        assert anchors, "the glossary has no terms"
        for anchor in anchors:
            row = next(line for line in glossary.splitlines() if f'id="{anchor}"' in line)
            first = re.search(r"\]\(([^)]+\.md)\)\s*\|\s*$", row).group(1)
            page = posixpath.normpath(posixpath.join("preface", first))
            assert (DOCS / lang / page).is_file(), f"glossary entry '{anchor}' names {page}, which does not exist"
            assert f"glossary.md#{anchor})" in text(lang, page), (
                f"docs/{lang}/{page} is where '{anchor}' first appears, but it does not link to the glossary entry")
            earliest = next(p for p in reading_order() if f"glossary.md#{anchor})" in text(lang, p))
            assert earliest == page, (
                f"glossary entry '{anchor}' ({lang}) names {page} as its first use, but docs/{lang}/{earliest} "
                f"links to it earlier in the book")
        duplicated = sorted({a for a in anchors if anchors.count(a) > 1})
        assert not duplicated, f"docs/{lang}/preface/glossary.md defines these entries twice: {duplicated}"
        linked = {a for page in PAGES for _, a in GLOSSARY_LINK.findall(text(lang, page))}
        assert linked <= set(anchors), f"links to glossary entries that do not exist: {sorted(linked - set(anchors))}"



SECTION_MARK = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):([\w-]+)\]\s*$")


def sections_of(snippet):
    """The named sections of a snippet in file order, and the code lines that lie outside every section."""
    source = (runner.ROOT / snippet).read_text(encoding="utf-8")
    import ast
    tree = ast.parse(source)
    docstring = set()
    if ast.get_docstring(tree):
        first = tree.body[0]
        docstring = set(range(first.lineno, first.end_lineno + 1))
    order, outside, current = [], [], None
    for number, line in enumerate(source.splitlines(), 1):
        mark = SECTION_MARK.match(line)
        if mark:
            kind, name = mark.groups()
            if kind == "start":
                assert current is None, f"{snippet}:{number}: section {name!r} starts inside section {current!r}"
                current = name
                order.append(name)
            else:
                assert current == name, f"{snippet}:{number}: [end:{name}] closes {current!r}"
                current = None
        elif current is None and line.strip() and number not in docstring:
            outside.append(f"{snippet}:{number}: {line.strip()}")
    assert current is None, f"{snippet}: section {current!r} is never closed"
    assert len(order) == len(set(order)), f"{snippet}: a section name is used twice"
    return order, outside


@pytest.mark.parametrize("lang", LANGS)
def test_a_program_shown_in_sections_is_shown_whole_and_in_order(lang):
    """The copy-run contract (DESIGN.md): a reader who copies every block of a page has run
    each program on it. A page that shows a snippet in sections shows all of them, each once,
    in file order; every code line of that snippet lies in a section (imports and set-up too,
    collapsed on the page); and it never also includes the whole file (it would run twice).
    A program that runs in its own process (TensorFlow) is shown whole."""
    problems = []
    for page in pages(lang):
        shown = {}
        for target in INCLUDE.findall(text(lang, page)):
            path, _, section = target.partition(":")
            if path.startswith("snippets/") and path.endswith(".py"):
                shown.setdefault(path, []).append(section)
        for snippet, parts in shown.items():
            where = f"docs/{lang}/{page}"
            if parts == [""]:
                continue
            if "" in parts:
                problems.append(f"{where} shows {snippet} in sections and also whole: a reader would run it twice")
                continue
            if notebooks.own_process(snippet):
                problems.append(f"{where} shows {snippet} in sections, but it runs in its own process "
                                f"(TensorFlow): show it whole, titled {notebooks.OWN_PROCESS_TITLE[lang]!r}")
                continue
            order, outside = sections_of(snippet)
            if parts != order:
                problems.append(f"{where} shows the sections {parts} of {snippet}, whose sections are {order}: "
                                "show every section, once each, in file order")
            if outside:
                problems.append(f"{where} shows {snippet} in sections, but these lines are in no section "
                                "(the reader would never see them):\n      " + "\n      ".join(outside[:5]))
    assert not problems, "\n  ".join([""] + problems)
