"""MkDocs hooks for the book (listed under `hooks:` in mkdocs.yml).

- Formulas: pymdownx.arithmatex (generic mode) wraps TeX in
  <span class="arithmatex">\\( ... \\)</span> or <div class="arithmatex">\\[ ... \\]</div>;
  here each one becomes MathML at build time, which browsers render natively.
  The site therefore loads no MathJax or KaTeX, from a CDN or anywhere else.
- A formula that latex2mathml cannot convert fails the build with the page's name.
- A page that exists in one language only fails the build, naming the file.
"""
import html
import re

from latex2mathml.converter import convert as tex_to_mathml
from mkdocs.exceptions import PluginError

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
    from pathlib import Path

    docs = Path(config["docs_dir"])
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
             for lang in ("zh", "en")}
    missing = [f"docs/en/{p} (the Chinese page docs/zh/{p} has no English twin)" for p in sorted(pages["zh"] - pages["en"])]
    missing += [f"docs/zh/{p} (the English page docs/en/{p} has no Chinese twin)" for p in sorted(pages["en"] - pages["zh"])]
    if missing:
        raise PluginError("untranslated pages; missing:\n  " + "\n  ".join(missing))
    return config
