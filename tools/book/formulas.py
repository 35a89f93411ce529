"""Formulas become MathML at build time, which browsers render natively.

pymdownx.arithmatex (generic mode) wraps TeX in <span class="arithmatex">\\( ... \\)</span>
or <div class="arithmatex">\\[ ... \\]</div>; each one is converted here, so the site
loads no MathJax or KaTeX, from a CDN or anywhere else. Notebook views carry $ and $$
in their Markdown cells instead, converted the same way. A formula that latex2mathml
cannot convert fails the build, naming the page.
"""
import html
import re

from latex2mathml.converter import convert as tex_to_mathml
from mkdocs.exceptions import PluginError

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)
_NB_MATH = re.compile(r"\$\$(?P<block>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.DOTALL)
_NB_MARKDOWN = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)


def _mathml(match, where: str, wrap_block: bool) -> str:
    display = match.group("block") is not None
    tex = html.unescape(match.group("block") if display else match.group("inline")).strip()
    try:
        mathml = tex_to_mathml(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises several exception types
        raise PluginError(f"{where}: cannot render formula {tex!r} as MathML: {exc}") from exc
    if display and wrap_block:
        return f'<div class="math-block">{mathml}</div>'
    return mathml


def page(html_text: str, where: str) -> str:
    """A page's arithmatex formulas as MathML."""
    return _MATH.sub(lambda m: _mathml(m, where, wrap_block=True), html_text)


def notebook_view(html_text: str, where: str) -> str:
    """The $...$ and $$...$$ of a rendered notebook's Markdown cells as MathML."""
    return _NB_MARKDOWN.sub(
        lambda m: m.group(1) + _NB_MATH.sub(lambda f: _mathml(f, where, wrap_block=False), m.group(2)) + m.group(3),
        html_text)
