"""MkDocs hooks for the book (listed under `hooks:` in mkdocs.yml): a thin entry point.

Each job lives in a module of tools/book/ with a docstring of what it guarantees:
formulas (MathML at build time), outputs (which output blocks wrap), tables
(wide ones as cards on a phone), languages (twin pages, hreflang, the English
search base), notebook_pages (each chapter page's notebook, downloaded and
rendered), stamps (the verified stamp, the notebook buttons, the whole
programs), search (one index per language) and serve (dirty rebuilds for
`./book serve`).
This file only connects them to MkDocs' events, in the order they must run.
"""
import functools
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book import cjk, formulas, languages, notebook_pages, outputs, search, serve, stamps, tables  # noqa: E402

serve.silence_dirty_notice()


def on_config(config, **kwargs):
    languages.check_twins(Path(config["docs_dir"]))
    return config


@event_priority(-150)   # after mkdocs-static-i18n (-100) has rebuilt the file list
def on_files(files, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    changed = functools.cache(lambda source: serve.inputs_changed(source, root))   # once per page
    serve.mark_changed_pages(files, changed)
    lang = languages.current(config)
    notebook_pages.add_notebooks(files, config, lang, changed)
    stamps.add_programs(files, config, lang)
    return files


def on_env(env, config, files, **kwargs):
    serve.compile_templates_once(env, notebook_pages.NOTEBOOKS.parent / "jinja")
    notebook_pages.keep_render_cache(config)
    return env


@event_priority(-50)    # after mkdocs-static-i18n's own page handling
def on_page_markdown(markdown, page, config, files, **kwargs):
    if notebook_pages.is_view(page):
        page.meta["search"] = {"exclude": True}     # the page is indexed, not its notebook twin
        return markdown
    if not page.file.src_uri.endswith(".md"):
        return markdown
    return stamps.under_title(cjk.join_lines(markdown), page, files)   # no stray space in Chinese


def on_page_content(html_text, page, **kwargs):
    if notebook_pages.is_view(page):
        return notebook_pages.view_content(html_text, page)
    return tables.mark(outputs.mark_wide(formulas.page(html_text, page.file.src_path)))


def on_post_page(output, page, config, **kwargs):
    return languages.post_page(output, page.file.src_path)


def on_post_template(output, template_name, config, **kwargs):
    return languages.drop_alternates(output)   # 404.html: the same alternate links, without a page


@event_priority(-200)   # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    site_dir = Path(config["site_dir"])
    notebook_pages.write_notebook_css(site_dir)
    formulas.write_font(site_dir)      # the math font that assets/math.css names
    search.split_index(site_dir)
