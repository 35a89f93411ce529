"""Each chapter page is also a Jupyter notebook, published twice.

The notebook is generated from the same sources as the page (tools/notebooks.py)
into .cache/notebooks/ (never committed), and only when one of the page's inputs
changed. It is published as a file to download, linked by a button under the page
title, and as a page rendered by mkdocs-jupyter (<page>-notebook/).
mkdocs-static-i18n rebuilds every File after mkdocs-jupyter has wrapped its
notebooks, which turns notebooks into plain downloads (mkdocs-static-i18n issue
#198), so the notebooks are added here, after i18n, already wrapped. They are
rendered without execution (the cells carry the outputs ./book record saved), so
`mkdocs serve` never runs code.

A rendered notebook is made light and self-contained: the scripts nbconvert's
template would load from a CDN are dropped, and its inlined stylesheets (about
590 KB, JupyterLab's whole CSS, on every page) move to one shared file,
assets/notebook.css, written after the build with only the rules these pages can
match, so the browser fetches it once. The pruning works on tinycss2's parse
tree (a selector list is cut at its top-level commas only, never inside
`:is(...)`): 589 KB (88 KB gzipped) pruned to about 38 KB (7 KB gzipped).

A view reads like its chapter page: each code cell shows its source once, with
Material's copy button (nbconvert's prompts, dead copy button and second copy of
the source are dropped); headings carry the chapter page's ids, and the contents
list is made from them, inline code included; the language switcher leads to the
same notebook view in the other language; the footer leads back to the chapter
page and on to the next one.
"""
import hashlib
import html
import itertools
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

import notebooks    # tools/notebooks.py: page -> notebook

from . import formulas

NOTEBOOKS = Path(__file__).resolve().parent.parent.parent / ".cache" / "notebooks"
NOTEBOOK_CSS = "assets/notebook.css"

# scripts in nbconvert's template that would fetch MathJax or Mermaid from a CDN
_NB_SCRIPT = re.compile(r"<script\b(?:(?!</script>).)*?(?:mathjax|cdnjs|https?://)(?:(?!</script>).)*</script>",
                        re.DOTALL | re.IGNORECASE)
# nbconvert's stylesheets, inlined by mkdocs-jupyter into every notebook page; and a list of
# Pygments rules that mkdocs-jupyter prints as a Python list into a <style> (not CSS at all)
_NB_STYLE = re.compile(r'<style type="text/css">(.*?)</style>\s*', re.DOTALL)
_NB_STYLE_LIST = re.compile(r"<style>\s*\['.*?'\]\s*</style>\s*", re.DOTALL)
_NB_CLASS = re.compile(r'class="([^"]*)"')
# what nbconvert adds around a code cell that does nothing here: its prompts ("In [ ]:", the
# cells were never run), a copy button whose script would come from a CDN, and a second
# copy of the cell's source that only that script's stylesheet hid
_NB_PROMPT = re.compile(r'<div class="jp-(?:In|Out)putPrompt jp-(?:Input|Output)Area-prompt">[^<]*</div>')
_NB_COPY = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.DOTALL)
_NB_SOURCE_AGAIN = re.compile(r'<div class="clipboard-copy-txt"[^>]*>[^<]*</div>\s*')
# a code cell's highlighted source: given a <code> inside its <pre>, it gets Material's
# copy button and code style, as on the chapter page
_NB_SOURCE = re.compile(r'(<div class="highlight-ipynb[^"]*"><pre>)(.*?)(</pre>)', re.DOTALL)
# kept in tools/notebooks.py, a module imported once per process: `mkdocs serve`
# re-runs the hooks for every rebuild, and a dirty rebuild renders only the
# notebook pages that changed, whose classes alone would prune the stylesheet
_nb_styles = notebooks.VIEW_STYLES      # each distinct inlined stylesheet, in page order
_nb_classes = notebooks.VIEW_CLASSES    # every class name the notebook pages use


def _write(path: Path, text: str):
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def add_notebooks(files, config, lang: str, changed):
    """Generate (where an input changed) and publish the notebooks of the language being built."""
    from mkdocs_jupyter.plugin import NotebookFile

    prefix = "" if lang == "zh" else f"{lang}/"
    docs = Path(config["docs_dir"])
    for md in sorted((docs / lang).rglob("*.md")):
        page = md.relative_to(docs / lang).as_posix()
        if not notebooks.has_notebook(page):
            continue
        stem = page.removesuffix(".md")
        download = f"{prefix}{stem}.ipynb"
        view = f"{prefix}{stem}-notebook.ipynb"
        made = [NOTEBOOKS / download, NOTEBOOKS / view]
        if not all(p.is_file() for p in made) or changed(md) > min(p.stat().st_mtime for p in made):
            try:
                text = notebooks.dumps(notebooks.page_to_notebook(md, lang, page))
            except ValueError as exc:       # a page that breaks the copy-run contract, named
                raise PluginError(str(exc)) from exc
            for path in made:
                _write(path, text)
                os.utime(path)      # up to date now, even where the text came out the same
        # the download: a plain file next to the page
        files.append(File(download, str(NOTEBOOKS), config["site_dir"], config["use_directory_urls"]))
        # the rendered view: a page mkdocs-jupyter renders, outside the nav and the search index
        plain = File(view, str(NOTEBOOKS), config["site_dir"], config["use_directory_urls"],
                     inclusion=InclusionLevel.NOT_IN_NAV)
        wrapped = NotebookFile(plain, **config)
        wrapped.inclusion = InclusionLevel.NOT_IN_NAV
        wrapped.book_notebook = {"download": download, "page": f"{lang}/{page}",
                                 "chapter": files.get_file_from_path(f"{lang}/{page}")}
        # what mkdocs-static-i18n reads to point the language switcher at this page's twin (it
        # sets it on the files it knows, before these are added): the same notebook view
        wrapped.locale = wrapped.locale_alternate_of = lang
        wrapped.alternates = {code: _Alternate(NotebookFile(
            File(f"{'' if code == 'zh' else code + '/'}{stem}-notebook.ipynb", str(NOTEBOOKS),
                 config["site_dir"], config["use_directory_urls"]), **config).url) for code in ("zh", "en")}
        files.append(wrapped)


class _Alternate:
    """The one thing mkdocs-static-i18n's switcher reads of a page's twin: its URL."""
    def __init__(self, url: str):
        self.url = url


def is_view(page) -> bool:
    return bool(getattr(page.file, "book_notebook", None))


def view_content(html_text: str, page) -> str:
    """mkdocs-jupyter's HTML of a notebook, made light and to load nothing from another host."""
    html_text = _NB_SCRIPT.sub("", html_text)
    html_text = _NB_STYLE_LIST.sub("", html_text)
    for match in _NB_STYLE.finditer(html_text):
        _nb_styles.setdefault(match.group(1).strip(), None)
    link = f'<link rel="stylesheet" href="{get_relative_url(NOTEBOOK_CSS, page.url)}">\n'
    html_text = _NB_STYLE.sub(link, html_text, count=1)
    html_text = _NB_STYLE.sub("", html_text)
    html_text = _NB_SOURCE_AGAIN.sub("", _NB_COPY.sub("", _NB_PROMPT.sub("", html_text)))
    html_text = _NB_SOURCE.sub(lambda m: f"{m.group(1)}<code>{m.group(2)}</code>{m.group(3)}", html_text)
    _nb_classes.update(name for match in _NB_CLASS.finditer(html_text) for name in match.group(1).split())
    html_text = _headings_and_contents(html_text, page)
    # the footer: back to the chapter page, and on to the page after it
    chapter = getattr(page.file.book_notebook["chapter"], "page", None)
    if chapter is not None:
        page.previous_page, page.next_page = chapter, chapter.next_page
    return formulas.notebook_view(html_text, page.file.src_path)


# a heading as nbconvert writes it: its id (empty for a Chinese heading), its HTML, its permalink
_NB_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>',
                         re.DOTALL)


def _headings_and_contents(html_text: str, page) -> str:
    """Give each heading the id Python-Markdown gives it on the chapter page, and rebuild the
    page's contents list from the headings themselves.

    nbconvert leaves a Chinese heading's id empty, and mkdocs-jupyter's contents list, made
    from the notebook as Markdown by another route, drops inline code ("、与叶子张量") and
    links to ids the page does not have. The list shows each heading's text, code included,
    as the chapter page's does."""
    from markdown.extensions.toc import nest_toc_tokens, slugify, unique
    from mkdocs.structure.toc import get_toc

    used, tokens = set(), []

    def heading(match):
        level, inner = int(match.group(1)), match.group(2)
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        anchor = unique(slugify(text, "-"), used)
        tokens.append({"level": level, "id": anchor, "name": html.escape(text, quote=False), "children": []})
        return (f'<h{level} id="{anchor}">{inner}<a class="anchor-link" href="#{anchor}">¶</a></h{level}>')

    html_text = _NB_HEADING.sub(heading, html_text)
    page.toc = get_toc(nest_toc_tokens(tokens))
    return html_text


def keep_render_cache(config):
    """Keep both languages' entries in mkdocs-jupyter's render cache.

    mkdocs-static-i18n builds each language in its own pass, and after each pass
    mkdocs-jupyter drops every cache entry that pass did not use: the other
    language's. Every build then re-rendered every notebook. The entries of all
    current notebooks are marked as used, so a rebuild renders only what changed.
    """
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not NOTEBOOKS.is_dir():
        return
    for notebook in NOTEBOOKS.rglob("*-notebook.ipynb"):
        key = _compute_cache_key(str(notebook), plugin.config, plugin.config["execute"])
        plugin._used_cache_paths.add(_get_cache_path(plugin.config["cache_dir"], key))


# at-rules whose block holds rules (pruned like the stylesheet); any other at-rule is kept whole
_GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document", "scope", "starting-style"}


def split_selector_list(prelude) -> list:
    """A rule's prelude (tinycss2 tokens) cut into its selectors, at top-level commas only.

    Commas inside :is(), :not(), :where() or [attr="a,b"] are inside a FunctionBlock,
    a SquareBracketsBlock or a string token, never at the top level of the prelude."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def required_classes(selector) -> set:
    """The class names a selector's element chain needs: `.name` at its top level.

    Classes inside functional pseudo-classes (:not(.x) matches where .x is absent;
    :is(.x, .y) needs only one of them) and inside attribute selectors are ignored:
    a rule is kept whenever it might match."""
    names = set()
    for before, token in itertools.pairwise(selector):
        if before.type == "literal" and before.value == "." and token.type == "ident":
            names.add(token.value)
    return names


def never_matches(selector) -> bool:
    """A selector with `:root` after a combinator ("`.jupyter-wrapper :root`", as mkdocs-jupyter
    prefixes JupyterLab's variables): the root element has no ancestor and no sibling."""
    chain = False
    for before, token in itertools.pairwise(selector):
        if before.type == "whitespace" or (before.type == "literal" and before.value in (">", "+", "~")):
            chain = True
        if chain and before.type == "literal" and before.value == ":" and token.type == "ident" \
                and token.lower_value == "root":
            return True
    return False


def prune_css(css: str, used: set) -> str:
    """The rules of `css` that can match elements whose classes are in `used`.

    Works on tinycss2's parse tree, never on the text: a selector list is cut
    only at its top-level commas, a rule keeps the selectors that may match,
    serialized from their own tokens, with the declarations untouched; grouping
    at-rules (@media, @supports...) are pruned inside and dropped when empty;
    other at-rules (@keyframes, @font-face...) are kept whole; @charset, which
    is only valid first in a file, and parse errors are dropped."""
    import tinycss2

    def rules(nodes):
        out = []
        for node in nodes:
            if node.type == "qualified-rule":
                kept = [tinycss2.serialize(selector).strip() for selector in split_selector_list(node.prelude)
                        if required_classes(selector) <= used and not never_matches(_strip(selector))]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(node.content).strip() + "}")
            elif node.type == "at-rule" and node.lower_at_keyword in _GROUPING_AT_RULES and node.content is not None:
                inner = rules(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                             skip_comments=True))
                if inner:
                    out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude).rstrip()}{{{''.join(inner)}}}")
            elif node.type == "at-rule" and node.lower_at_keyword != "charset":
                out.append(tinycss2.serialize([node]))
        return out

    kept = rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    # the stylesheets of several notebooks repeat rules: of rules written the same, the
    # last decides the cascade, so the earlier copies change nothing
    last = {rule: i for i, rule in enumerate(kept)}
    return "\n".join(rule for i, rule in enumerate(kept) if last[rule] == i)


def _strip(tokens):
    """Tokens without leading and trailing whitespace."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].type == "whitespace":
        start += 1
    while end > start and tokens[end - 1].type == "whitespace":
        end -= 1
    return tokens[start:end]


# the book's own rules for the notebook views, after JupyterLab's: a Markdown cell clips
# what overflows it, so a table keeps inside the cell (Material pulls it 0.8rem out on each
# side), and a formula wider than the cell scrolls instead of being cut (a paragraph scrolls, not
# a list item, whose bullet would be cut off); a recorded output keeps its lines and columns,
# and scrolls on a phone, as on the chapter page
NOTEBOOK_RULES = """
.jupyter-wrapper .jp-RenderedMarkdown .md-typeset__scrollwrap{margin-left:0;margin-right:0}
.jupyter-wrapper .jp-RenderedMarkdown math[display="block"]{overflow-x:auto;overflow-y:hidden}
.jupyter-wrapper .jp-RenderedMarkdown p{overflow-x:auto}
.jupyter-wrapper .jp-OutputArea-output pre{white-space:pre;overflow-x:auto}
"""


def write_notebook_css(site_dir: Path):
    """The shared stylesheet of the notebook pages (cached: pruning takes most of a second)."""
    if not _nb_styles:
        return
    css = "\n".join(_nb_styles)
    pruner = Path(__file__).read_text(encoding="utf-8")     # a change to the pruning invalidates it too
    key = hashlib.sha256("\0".join((css, " ".join(sorted(_nb_classes)), pruner)).encode()).hexdigest()[:16]
    cached = NOTEBOOKS.parent / "notebook-css" / f"{key}.css"
    if not cached.is_file():
        _write(cached, prune_css(css, _nb_classes) + "\n" + NOTEBOOK_RULES.lstrip())
    target = site_dir / NOTEBOOK_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())
