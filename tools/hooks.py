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
- One search index per language: mkdocs-static-i18n merges both languages into
  /search/search_index.json, so an English reader searching "einsum" was shown
  Chinese pages first. After the build, the index is split into
  /search/search_index.json (Chinese) and /en/search/search_index.json
  (English), and English pages point Material's `base` at /en/ to load theirs.
"""
import html
import json
import re
from pathlib import Path

from latex2mathml.converter import convert as tex_to_mathml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

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
    return _MATH.sub(lambda m: _to_mathml(m, page.file.src_path), html_text)


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


@event_priority(-200)   # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
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
