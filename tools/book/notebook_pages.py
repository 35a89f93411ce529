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
match, so the browser fetches it once.
"""
import hashlib
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
        wrapped.book_notebook = {"download": download, "page": f"{lang}/{page}"}
        files.append(wrapped)


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
    _nb_classes.update(name for match in _NB_CLASS.finditer(html_text) for name in match.group(1).split())
    return formulas.notebook_view(html_text, page.file.src_path)


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


def prune_css(css: str, used: set) -> str:
    """The rules of `css` whose selectors name only classes in `used` (at-rules kept whole)."""
    import tinycss2

    def selectors(prelude):
        kept = []
        for selector in tinycss2.serialize(prelude).split(","):
            names = re.findall(r"\.(-?[_a-zA-Z][\w-]*)", re.sub(r"\[[^\]]*\]", "", selector))
            if all(name in used for name in names):
                kept.append(selector.strip())
        return kept

    def rules(nodes):
        out = []
        for node in nodes:
            if node.type == "qualified-rule":
                kept = selectors(node.prelude)
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(node.content).strip() + "}")
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content:
                inner = rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True))
                if inner:
                    out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{''.join(inner)}}}")
            elif node.type == "at-rule" and node.lower_at_keyword != "charset":
                out.append(tinycss2.serialize([node]))
        return out

    return "".join(rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)))


def write_notebook_css(site_dir: Path):
    """The shared stylesheet of the notebook pages (cached: pruning takes most of a second)."""
    if not _nb_styles:
        return
    css = "\n".join(_nb_styles)
    key = hashlib.sha256((css + "\0" + " ".join(sorted(_nb_classes))).encode()).hexdigest()[:16]
    cached = NOTEBOOKS.parent / "notebook-css" / f"{key}.css"
    if not cached.is_file():
        _write(cached, prune_css(css, _nb_classes) + "\n")
    target = site_dir / NOTEBOOK_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())
