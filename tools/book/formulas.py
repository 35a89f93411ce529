"""Formulas become MathML at build time, which browsers render natively.

pymdownx.arithmatex (generic mode) wraps TeX in <span class="arithmatex">\\( ... \\)</span>
or <div class="arithmatex">\\[ ... \\]</div>; each one is converted here, so the site
loads no MathJax or KaTeX, from a CDN or anywhere else. Notebook views carry $ and $$
in their Markdown cells instead, converted the same way. A formula that latex2mathml
cannot convert fails the build, naming the page.

Browsers draw MathML in the font of the `math` element, and a formula only looks
right in an OpenType MATH font: its MATH table is what stretches brackets, sizes a
display sum and places scripts. Readers' machines often have none (Debian's Chromium
falls back to Noto Sans CJK or DejaVu Sans), so the site ships one:
`assets/fonts/book-math.woff2`, which docs/assets/math.css declares with @font-face
and puts on `math`. It is made here, at build time, from STIX Two Math as the pinned
PyPI package ziamath ships it (nothing is committed but the licence,
docs/assets/fonts/OFL.txt): subset to Latin, Greek, the mathematical blocks and the
mathematical alphanumerics (the italic letters of `<mi>x</mi>` among them), hinting
dropped, renamed "Book Math" (a Modified Version under the SIL Open Font License),
compressed to WOFF2; about 280 KB, loaded only by pages that show a formula, then
cached by the browser. Compressing takes several seconds, so the result is kept in
.cache/math-font/, keyed by the source font and this recipe; later builds, and every
rebuild of `mkdocs serve`, only copy it.
"""
import hashlib
import html
import io
import os
import re
from importlib import metadata
from pathlib import Path

from latex2mathml.converter import convert as tex_to_mathml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent.parent
FONT = "assets/fonts/book-math.woff2"            # in the site; docs/assets/math.css points here
FONT_FAMILY = "Book Math"                        # the @font-face name, and the font's own name
_SOURCE = ("ziamath", "ziamath/fonts/STIXTwoMath-Regular.ttf", "STIX Two Math")
# the code points kept: Latin, Greek, combining accents, and the blocks formulas draw from
_KEEP = [(0x20, 0x7E), (0xA0, 0xFF), (0x131, 0x131), (0x237, 0x237), (0x2C6, 0x2DC), (0x300, 0x36F),
         (0x391, 0x3C9), (0x3D0, 0x3F6), (0x2000, 0x206F), (0x20D0, 0x20FF), (0x2100, 0x214F),
         (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF), (0x25A0, 0x25FF), (0x27C0, 0x27EF),
         (0x2980, 0x29FF), (0x2A00, 0x2AFF), (0x1D400, 0x1D7FF)]
_RECIPE = "book-math 2: " + repr(_KEEP)          # change it and every cached font is remade

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
        mathml = _fixed(tex_to_mathml(tex, display="block" if display else "inline"))
    except Exception as exc:  # latex2mathml raises several exception types
        raise PluginError(f"{where}: cannot render formula {tex!r} as MathML: {exc}") from exc
    if display and wrap_block:
        return f'<div class="math-block">{mathml}</div>'
    return mathml


# latex2mathml writes \lVert, \rVert, \lvert, \rvert as a bare <mo>, which MathML's operator
# dictionary makes a stretchy fence: in a MATH font the norm of \frac{\lambda}{2}\lVert w\rVert^2
# would grow to the fraction's height. In TeX they keep their size (only \left, \right,
# \big... and matrix delimiters stretch), as latex2mathml already writes \| and |.
_BARE_FENCE = re.compile(r"<mo>(&#x0(?:2016|007C|2223);)</mo>")
# and \langle, \rangle as identifiers (<mi>), which get no fence spacing
_ANGLE = re.compile(r"<mi>(&#x0(?:27E8|27E9);)</mi>")


# and \text{fan\_in} as "fan\_in": in TeX's text mode \_ \% \& \# \$ are the characters themselves
_MTEXT = re.compile(r"<mtext>(.*?)</mtext>", re.DOTALL)
_TEXT_ESCAPE = re.compile(r"\\([_%&#$])")


def _fixed(mathml: str) -> str:
    mathml = _MTEXT.sub(lambda m: "<mtext>" + _TEXT_ESCAPE.sub(r"\1", m.group(1)) + "</mtext>", mathml)
    mathml = _BARE_FENCE.sub(r'<mo stretchy="false">\1</mo>', mathml)
    return _ANGLE.sub(r'<mo stretchy="false">\1</mo>', mathml)


# an inline formula and the punctuation right after it: one unit a line never splits
# (Chromium would start a line with the "，" after a formula; book.css: .book-nobr)
_GLUED = re.compile(r'(<math [^>]*display="inline"[^>]*>(?:(?!</math>).)*</math>)([，。；：、！？）」,.;:!?)]+)', re.S)


def page(html_text: str, where: str) -> str:
    """A page's arithmatex formulas as MathML, each kept on a line with the punctuation after it."""
    html_text = _MATH.sub(lambda m: _mathml(m, where, wrap_block=True), html_text)
    return _GLUED.sub(r'<span class="book-nobr">\1\2</span>', html_text)


def notebook_view(html_text: str, where: str) -> str:
    """The $...$ and $$...$$ of a rendered notebook's Markdown cells as MathML."""
    return _NB_MARKDOWN.sub(
        lambda m: m.group(1) + _NB_MATH.sub(lambda f: _mathml(f, where, wrap_block=False), m.group(2)) + m.group(3),
        html_text)


def _source_font() -> tuple[Path, str]:
    """The STIX Two Math file the pinned ziamath package ships, and the package's version."""
    package, path, name = _SOURCE
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise PluginError(f"the math font comes from the PyPI package {package} (requirements.txt): "
                          "it is not installed") from None
    font = Path(dist.locate_file(path))
    if not font.is_file():
        raise PluginError(f"{package} {dist.version} no longer ships {path}: pin the version that does")
    return font, dist.version


def math_font() -> Path:
    """The site's math font (WOFF2), made once per source font and recipe and kept in .cache/."""
    source, version = _source_font()
    data = source.read_bytes()
    key = hashlib.sha256(data + _RECIPE.encode()).hexdigest()[:16]
    cached = ROOT / ".cache" / "math-font" / f"book-math-{key}.woff2"
    if not cached.is_file():
        woff2 = _subset(data, version)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}")    # parallel builds never read half a file
        partial.write_bytes(woff2)
        os.replace(partial, cached)
    return cached


def _subset(data: bytes, version: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    family = font["name"].getDebugName(1)
    if family != _SOURCE[2] or "MATH" not in font:
        raise PluginError(f"ziamath {version} ships {family!r}, not {_SOURCE[2]} with a MATH table")
    options = subset.Options()
    options.layout_features = ["*"]       # ssty (script-size glyphs), the flattened accents, ...
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False               # a third of the file, and browsers hardly use it
    subsetter = subset.Subsetter(options)  # keeps the MATH table and every variant it names
    subsetter.populate(unicodes=[u for first, last in _KEEP for u in range(first, last + 1)])
    subsetter.subset(font)
    # a Modified Version under the OFL gets a name of its own; the copyright and licence
    # records (name IDs 0, 13, 14) stay, and docs/assets/fonts/OFL.txt travels with it
    names = font["name"]
    original = names.getDebugName(5) or ""
    for name_id in (16, 17, 21, 22):
        names.removeNames(nameID=name_id)
    for name_id, value in ((1, FONT_FAMILY), (2, "Regular"), (3, f"{FONT_FAMILY} Regular; subset of {_SOURCE[2]} "
                           f"{original}"), (4, f"{FONT_FAMILY} Regular"), (6, FONT_FAMILY.replace(" ", "") + "-Regular"),
                           (10, f"A subset of {_SOURCE[2]} ({original}) made for this book's web site: Latin, Greek "
                                "and the mathematical blocks, without hinting. Licensed under the SIL Open Font "
                                "License, Version 1.1 (OFL.txt beside the font).")):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def write_font(site_dir: Path):
    """The math font into the built site, next to its licence (docs/assets/fonts/OFL.txt)."""
    target = site_dir / FONT
    font = math_font()
    if target.is_file() and target.stat().st_size == font.stat().st_size and target.read_bytes() == font.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(font.read_bytes())
