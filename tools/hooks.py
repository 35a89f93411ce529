"""MkDocs hooks for the book (listed under `hooks:` in mkdocs.yml).

- Formulas: pymdownx.arithmatex (generic mode) wraps TeX in
  <span class="arithmatex">\\( ... \\)</span> or <div class="arithmatex">\\[ ... \\]</div>;
  here each one becomes MathML at build time, which browsers render natively.
  The site therefore loads no MathJax or KaTeX, from a CDN or anywhere else.
- A formula that latex2mathml cannot convert fails the build with the page's name.
- A page that exists in one language only fails the build, naming the file.
- The per-page <link rel="alternate" hreflang> tags are dropped from <head>:
  Material's JavaScript fetches "<alternate URL>/sitemap.xml" for each of them,
  and mkdocs-static-i18n points them at pages, not at language roots, so every
  page load asked for two files that do not exist (console errors). The
  language switcher in the header keeps its per-page links and lands on the
  same page in the other language.
- Notebooks: every chapter page, in each language, is also a Jupyter notebook
  generated from the same sources (tools/notebooks.py) into .cache/notebooks/
  (never committed). Each is published twice: as a file to download, linked by
  a button under the page title, and as a page rendered by mkdocs-jupyter
  (<page>-notebook/). mkdocs-static-i18n rebuilds every File after
  mkdocs-jupyter has wrapped its notebooks, which turns notebooks into plain
  downloads (mkdocs-static-i18n issue #198), so the notebooks are added here,
  after i18n, already wrapped. They are rendered without execution (the cells
  carry the outputs ./book record saved), so `mkdocs serve` never runs code.
- The "verified" stamp under each chapter title: torch (and TensorFlow) versions,
  the date and the CPU/GPU results recorded for the page's snippets
  (outputs/manifest.json, written by ./book record; tools/stamp.py).
- One search index per language: mkdocs-static-i18n merges both languages into
  /search/search_index.json, so an English reader searching "einsum" was shown
  Chinese pages first. After the build, the index is split into
  /search/search_index.json (Chinese) and /en/search/search_index.json
  (English), and English pages point Material's `base` at /en/ to load theirs.
- `./book serve` rebuilds only what an edit changed (`mkdocs serve --dirty`): a
  full build of both languages takes far longer than the 3 s a writer should
  wait. MkDocs then rebuilds a page only when its Markdown file is newer than
  its HTML; here a page also counts as changed when anything it shows is newer:
  an included snippet or recording, a figure, the manifest behind its stamp,
  mkdocs.yml or these hooks. MkDocs' warning that a dirty build may leave stale
  links is silenced for that reason (it would abort a strict build).
"""
import functools
import html
import json
import logging
import os
import re
import sys
from pathlib import Path

from latex2mathml.converter import convert as tex_to_mathml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebooks  # noqa: E402  (tools/notebooks.py)
import stamp  # noqa: E402  (tools/stamp.py)

OTHER_LANGUAGE = "en"   # built under /en/; the default language (zh) is built at /

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)


def _to_mathml(match, page_path):
    display = match.group("block") is not None
    tex = html.unescape(match.group("block") if display else match.group("inline")).strip()
    try:
        mathml = tex_to_mathml(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises several exception types
        raise PluginError(f"{page_path}: cannot render formula {tex!r} as MathML: {exc}") from exc
    if display:
        return f'<div class="math-block">{mathml}</div>'
    return mathml


def on_page_content(html_text, page, **kwargs):
    if getattr(page.file, "book_notebook", None):
        return _notebook_view(html_text, page)
    return _MATH.sub(lambda m: _to_mathml(m, page.file.src_path), html_text)


# --- notebooks ------------------------------------------------------------------

NOTEBOOKS = Path(__file__).resolve().parent.parent / ".cache" / "notebooks"
_NB_MATH = re.compile(r"\$\$(?P<block>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.DOTALL)
# scripts in nbconvert's template that would fetch MathJax or Mermaid from a CDN
_NB_SCRIPT = re.compile(r"<script\b(?:(?!</script>).)*?(?:mathjax|cdnjs|https?://)(?:(?!</script>).)*</script>",
                        re.DOTALL | re.IGNORECASE)
_NB_MARKDOWN = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)


def _language(config):
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n is not None else "zh"


def _write(path: Path, text: str):
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class _DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' generic warning about dirty builds: _mark_changed_pages handles what it warns of."""

    def filter(self, record):
        return "A 'dirty' build is being performed" not in record.getMessage()


_build_log = logging.getLogger("mkdocs.commands.build")
if not any(type(f).__name__ == "_DirtyBuildNotice" for f in _build_log.filters):
    _build_log.addFilter(_DirtyBuildNotice())

_INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::[\w-]+)?"')
_FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s#]+)")
_ALWAYS = ("mkdocs.yml", "tools/hooks.py", "tools/notebooks.py", "tools/stamp.py", "outputs/manifest.json")


def _inputs_changed(source: Path, root: Path) -> float:
    """When anything a page shows last changed: the page, its includes and figures, the shared files."""
    text = source.read_text(encoding="utf-8")
    parts = [root / p for p in _ALWAYS + tuple(_INCLUDE.findall(text))]
    parts += [(source.parent / p) for p in _FIGURE.findall(text) if not p.startswith("http")]
    return max([source.stat().st_mtime] + [p.stat().st_mtime for p in parts if p.is_file()])


def _mark_changed_pages(files, inputs_changed):
    """For a dirty rebuild: a page whose included files changed is rebuilt, not only an edited one."""
    for file in files.documentation_pages():
        if os.path.isfile(file.abs_dest_path) and \
                inputs_changed(Path(file.abs_src_path)) > os.path.getmtime(file.abs_dest_path):
            file.is_modified = lambda: True


@event_priority(-150)   # after mkdocs-static-i18n (-100) has rebuilt the file list
def on_files(files, config, **kwargs):
    from mkdocs_jupyter.plugin import NotebookFile

    root = Path(config["config_file_path"]).parent
    inputs_changed = functools.cache(lambda source: _inputs_changed(source, root))   # once per page
    _mark_changed_pages(files, inputs_changed)

    lang = _language(config)
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
        if not all(p.is_file() for p in made) or inputs_changed(md) > min(p.stat().st_mtime for p in made):
            text = notebooks.dumps(notebooks.page_to_notebook(md, lang, page))
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
    return files


# nbconvert's stylesheets, inlined by mkdocs-jupyter into every notebook page
# (about 590 KB each time, JupyterLab's whole CSS); and a list of Pygments rules
# that mkdocs-jupyter prints as a Python list into a <style> (not CSS at all)
_NB_STYLE = re.compile(r'<style type="text/css">(.*?)</style>\s*', re.DOTALL)
_NB_STYLE_LIST = re.compile(r"<style>\s*\['.*?'\]\s*</style>\s*", re.DOTALL)
_NB_CLASS = re.compile(r'class="([^"]*)"')
NOTEBOOK_CSS = "assets/notebook.css"
# kept in tools/notebooks.py, a module imported once per process: `mkdocs serve`
# re-runs this file for every rebuild, and a dirty rebuild renders only the
# notebook pages that changed, whose classes alone would prune the stylesheet
_nb_styles = notebooks.VIEW_STYLES      # each distinct inlined stylesheet, in page order
_nb_classes = notebooks.VIEW_CLASSES    # every class name the notebook pages use


def _notebook_view(html_text, page):
    """mkdocs-jupyter's HTML of a notebook, made light and to load nothing from another host.

    The inlined stylesheets move to one shared file (NOTEBOOK_CSS, written after
    the build with only the rules these pages can match), so a notebook page
    weighs about what its content does, and the browser fetches the CSS once.
    """
    html_text = _NB_SCRIPT.sub("", html_text)
    html_text = _NB_STYLE_LIST.sub("", html_text)
    for match in _NB_STYLE.finditer(html_text):
        _nb_styles.setdefault(match.group(1).strip(), None)
    link = f'<link rel="stylesheet" href="{get_relative_url(NOTEBOOK_CSS, page.url)}">\n'
    html_text = _NB_STYLE.sub(link, html_text, count=1)
    html_text = _NB_STYLE.sub("", html_text)
    _nb_classes.update(name for match in _NB_CLASS.finditer(html_text) for name in match.group(1).split())

    def math(match):
        display = match.group("block") is not None
        tex = html.unescape(match.group("block") if display else match.group("inline")).strip()
        try:
            return tex_to_mathml(tex, display="block" if display else "inline")
        except Exception as exc:
            raise PluginError(f"{page.file.src_path}: cannot render formula {tex!r} as MathML: {exc}") from exc

    return _NB_MARKDOWN.sub(lambda m: m.group(1) + _NB_MATH.sub(math, m.group(2)) + m.group(3), html_text)


def on_env(env, config, files, **kwargs):
    """Compile templates once, and keep both languages' entries in mkdocs-jupyter's render cache.

    Jinja's bytecode cache (in .cache/jinja/) spares compiling Material's templates
    again on every rebuild of `./book serve`, about a second each time.

    mkdocs-static-i18n builds each language in its own pass, and after each pass
    mkdocs-jupyter drops every cache entry that pass did not use: the other
    language's. Every build then re-rendered every notebook. The entries of all
    current notebooks are marked as used, so a rebuild renders only what changed.
    """
    from jinja2 import FileSystemBytecodeCache
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    # Material's templates, compiled once rather than on every build (`./book serve` rebuilds)
    templates = NOTEBOOKS.parent / "jinja"
    templates.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(templates))
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not NOTEBOOKS.is_dir():
        return env
    for notebook in NOTEBOOKS.rglob("*-notebook.ipynb"):
        key = _compute_cache_key(str(notebook), plugin.config, plugin.config["execute"])
        plugin._used_cache_paths.add(_get_cache_path(plugin.config["cache_dir"], key))
    return env


@event_priority(-50)    # after mkdocs-static-i18n's own page handling
def on_page_markdown(markdown, page, config, files, **kwargs):
    """Under a chapter page's title: the verified stamp and the notebook links."""
    if getattr(page.file, "book_notebook", None):
        page.meta["search"] = {"exclude": True}     # the page is indexed, not its notebook twin
        return markdown
    if not page.file.src_uri.endswith(".md"):
        return markdown
    lang, _, rel = page.file.src_uri.partition("/")
    if not notebooks.has_notebook(rel):
        return markdown
    stem = rel.removesuffix(".md")
    prefix = "" if lang == "zh" else f"{lang}/"
    download = files.get_file_from_path(f"{prefix}{stem}.ipynb")
    view = files.get_file_from_path(f"{prefix}{stem}-notebook.ipynb")
    if download is None or view is None:
        raise PluginError(f"docs/{lang}/{rel}: its notebook was not generated")
    links = stamp.notebook_links(lang, get_relative_url(download.url, page.url), get_relative_url(view.url, page.url),
                                 Path(download.url).name)
    block = stamp.render(lang, stamp.for_page(markdown, f"docs/{lang}/{rel}")) + "\n" + links
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        raise PluginError(f"docs/{lang}/{rel}: a chapter page starts with a '# ' title")
    return "\n".join(lines[:title + 1] + ["", block, ""] + lines[title + 1:])


def on_config(config, **kwargs):
    """Every page exists in both languages: an untranslated page fails the build.

    (mkdocs-static-i18n would otherwise fall back to the Chinese page silently.)
    """
    docs = Path(config["docs_dir"])
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
             for lang in ("zh", "en")}
    missing = [f"docs/en/{p} (the Chinese page docs/zh/{p} has no English twin)" for p in sorted(pages["zh"] - pages["en"])]
    missing += [f"docs/zh/{p} (the English page docs/en/{p} has no Chinese twin)" for p in sorted(pages["en"] - pages["zh"])]
    if missing:
        raise PluginError("untranslated pages; missing:\n  " + "\n  ".join(missing))
    return config


def _base_of_other_language(match):
    config = json.loads(match.group(2))
    base = config["base"]   # the relative path from the page to the site root
    config["base"] = "." if base in ("..", "../") else base.removeprefix("../")
    return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)


def on_post_page(output, page, config, **kwargs):
    output = _ALTERNATE.sub("", output)
    if f'<html lang="{OTHER_LANGUAGE}"' in output:
        output, count = _CONFIG.subn(_base_of_other_language, output, count=1)
        if count != 1:
            raise PluginError(f"{page.file.src_path}: no Material __config block to point at /{OTHER_LANGUAGE}/")
    return output


def on_post_template(output, template_name, config, **kwargs):
    return _ALTERNATE.sub("", output)   # 404.html: the same alternate links, without a page


def _prune_css(css, used):
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


def _write_notebook_css(config):
    """The shared stylesheet of the notebook pages (cached: pruning takes most of a second)."""
    if not _nb_styles:
        return
    import hashlib
    css = "\n".join(_nb_styles)
    key = hashlib.sha256((css + "\0" + " ".join(sorted(_nb_classes))).encode()).hexdigest()[:16]
    cached = NOTEBOOKS.parent / "notebook-css" / f"{key}.css"
    if not cached.is_file():
        _write(cached, _prune_css(css, _nb_classes) + "\n")
    target = Path(config["site_dir"]) / NOTEBOOK_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())


@event_priority(-200)   # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    _write_notebook_css(config)
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    # a dirty rebuild (./book serve) merges the new entries of the rebuilt pages into the
    # previous index, once per language pass: the last entry for a location is the newest
    newest = {doc["location"]: doc for doc in index["docs"]}
    index["docs"] = list(newest.values())
    prefix = f"{OTHER_LANGUAGE}/"
    other = [dict(doc, location=doc["location"].removeprefix(prefix))
             for doc in index["docs"] if doc["location"].startswith(prefix)]
    if not other:       # an inner, one-language build pass: nothing merged yet
        return
    default = [doc for doc in index["docs"] if not doc["location"].startswith(prefix)]
    index_path.write_text(json.dumps(dict(index, docs=default), ensure_ascii=False), encoding="utf-8")
    other_path = Path(config["site_dir"]) / OTHER_LANGUAGE / "search" / "search_index.json"
    other_path.parent.mkdir(parents=True, exist_ok=True)
    other_path.write_text(json.dumps(dict(index, docs=other), ensure_ascii=False), encoding="utf-8")
