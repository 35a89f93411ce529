"""Formulas as a reader sees them: in the math font the site ships, on every platform.

Formulas are MathML (tools/book/formulas.py), drawn by the browser in the font of `math`;
without an OpenType MATH font, matrix brackets do not stretch and a display sum stays
small. The site ships one ("Book Math", a subset of STIX Two Math made at build time,
docs/assets/math.css). The fast tests check that font and its licence, and that it has a
glyph for every character the book's formulas use; the browser tests look at the built
site in Debian's Chromium, both languages, 1280x900 and 390x844: the font `math` is
drawn in is the shipped one and it loaded, the Jacobian's brackets are taller than a
line of text, the closing bar of a norm sits where the opening one does, and a display
sum is larger than an inline one. They measure ink (pixels of a screenshot), not boxes,
and save a screenshot of each checked formula in test-artifacts/reader-math/.
"""
import html
import io
import re
from pathlib import Path

import pytest

import runner
from book import formulas
from test_browser import ARTIFACTS, Visit, browser, server, url  # noqa: F401 (fixtures)

DOCS = runner.ROOT / "docs"
SHOTS = ARTIFACTS / "reader-math"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _formulas():
    """Every formula of the book's pages, as (page, TeX, display)."""
    found = []
    for md in sorted(DOCS.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        for m in re.finditer(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", text, re.DOTALL):
            found.append((md.relative_to(DOCS).as_posix(), m.group(1) or m.group(2), m.group(2) is not None))
    return found


def _italic(ch):
    """The mathematical italic letter Chromium draws for a one-letter <mi> (MathML's math-auto)."""
    if ch == "h":
        return "\u210e"
    if "A" <= ch <= "Z":
        return chr(0x1D434 + ord(ch) - ord("A"))
    if "a" <= ch <= "z":
        return chr(0x1D44E + ord(ch) - ord("a"))
    if "\u03b1" <= ch <= "\u03c9":
        return chr(0x1D6FC + ord(ch) - 0x3B1)
    return None


def test_the_math_font_is_stix_two_math_renamed_small_and_licensed():
    from fontTools.ttLib import TTFont

    path = formulas.math_font()
    font = TTFont(path)
    assert font.flavor == "woff2" and "MATH" in font, "the shipped math font must be WOFF2 with a MATH table"
    size = path.stat().st_size
    assert size < 300_000, f"the math font is {size} bytes: keep it under 300 KB"
    assert font["name"].getDebugName(1) == formulas.FONT_FAMILY, "the modified font must carry its own name"
    notice = font["name"].getDebugName(0)
    licence = (DOCS / "assets/fonts/OFL.txt").read_text(encoding="utf-8")
    assert "The STIX Fonts Project Authors" in notice and "The STIX Fonts Project Authors" in licence
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence, "OFL.txt must hold the licence itself"
    css = (DOCS / "assets/math.css").read_text(encoding="utf-8")
    src = formulas.FONT.removeprefix("assets/")
    assert f'font-family: "{formulas.FONT_FAMILY}"' in css and f'url("{src}")' in css, (
        "docs/assets/math.css must declare the font tools/book/formulas.py writes")
    assert re.search(rf'(?m)^math \{{ font-family: "{formulas.FONT_FAMILY}"', css), "math.css must put it on `math`"


def test_the_math_font_has_every_character_of_every_formula():
    from fontTools.ttLib import TTFont

    cmap = TTFont(formulas.math_font()).getBestCmap()
    missing = {}
    for page, tex, display in _formulas():
        mathml = formulas._fixed(formulas.tex_to_mathml(html.unescape(tex), display="block" if display else "inline"))
        chars = set()
        for tag, text in re.findall(r"<(mi|mo|mn|mtext)[^>]*>([^<]*)</\1>", mathml):
            text = html.unescape(text)
            chars |= {c for c in text if not c.isspace() and not CJK.match(c)}   # Chinese falls back
            if tag == "mi" and len(text) == 1 and _italic(text):
                chars.add(_italic(text))
        for c in chars:
            if ord(c) not in cmap:
                missing.setdefault(f"U+{ord(c):04X} {c}", page)
    assert not missing, f"the math font lacks characters the formulas use (first page): {missing}"


def test_norm_bars_keep_their_size():
    """latex2mathml writes \\lVert as a bare, stretchy <mo>: in a MATH font it would grow to the fraction."""
    mathml = formulas._fixed(formulas.tex_to_mathml(r"\frac{\lambda}{2}\lVert w \rVert^2"))
    bars = re.findall(r"<mo([^>]*)>&#x02016;</mo>", mathml)
    assert len(bars) == 2 and all('stretchy="false"' in b for b in bars), mathml


# ---------------------------------------------------------------- in the browser


def _ink(page, element, pad=40):
    """The rows (page y, top and bottom) where element itself draws something: everything
    else on the page is hidden (`visibility`), so a script, a neighbour or the next line
    of text never counts, and ink that leaves the element's box still does."""
    from PIL import Image

    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    element.evaluate("e => { document.body.style.visibility = 'hidden'; e.style.visibility = 'visible'; }")
    try:
        top = max(0, box["y"] - pad)
        clip = {"x": max(0, box["x"] - 2), "y": top, "width": box["width"] + 4, "height": box["y"] + box["height"] + pad - top}
        image = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("L")
    finally:
        element.evaluate("e => { document.body.style.visibility = ''; e.style.visibility = ''; }")
    w, h = image.size
    pixels = image.load()
    background = pixels[0, 0]
    rows = [y for y in range(h) if any(abs(pixels[x, y] - background) > 60 for x in range(w))]
    assert rows, f"nothing drawn at {box}"
    scale = h / clip["height"]
    return top + rows[0] / scale, top + (rows[-1] + 1) / scale


def _note(line):
    """Each measure into test-artifacts/reader-math/measures.txt, to read after a run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    with open(SHOTS / "measures.txt", "a", encoding="utf-8") as f:
        f.write(line + "\n")


def _shot(element, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(SHOTS / f"{name}.png"))


def _font_loaded(p, where):
    family = formulas.FONT_FAMILY
    p.evaluate("document.fonts.ready")
    p.wait_for_function(f"""document.fonts.check('16px "{family}"', "∑‖(")""", timeout=15000)
    state = p.evaluate(f"""() => [...document.fonts].filter(f => f.family.replace(/"/g, '') === '{family}')
                                   .map(f => f.status)""")
    assert state == ["loaded"], f"{where}: the math font did not load ({state})"
    families = p.evaluate("""() => [...new Set([...document.querySelectorAll('article math')]
                                   .map(m => getComputedStyle(m).fontFamily))]""")
    assert families and all(f.split(",")[0].strip().strip('"') == family for f in families), (
        f"{where}: `math` is set in {families}, not in {family}")


def _drawn_in(p, selector, where):
    """The fonts Chromium actually drew a node's text in (DevTools' "Rendered fonts")."""
    cdp = p.context.new_cdp_session(p)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"{where}: no {selector}"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"] for f in fonts}


def _mo(p, math, char):
    return math.locator("mo", has_text=char)


@pytest.fixture(params=[(lang, name) for lang in ("zh", "en") for name in VIEWPORTS], ids=lambda x: "-".join(x))
def reader(request, browser, server):  # noqa: F811 (fixtures from test_browser)
    lang, name = request.param
    v = Visit(browser, server, viewport=VIEWPORTS[name])
    yield v, lang, name
    v.close()


@pytest.mark.slow
def test_formulas_are_drawn_in_the_shipped_math_font(reader):
    v, lang, size = reader
    for page in ("autograd/graph.md", "training/mlp-digits.md", "training/linear-regression.md"):
        where = f"{lang} {page} {size}"
        p = v.open(url(lang, page))
        _font_loaded(p, where)
        drawn = _drawn_in(p, "article math mo", where) | _drawn_in(p, "article math mi", where)
        _note(f"{where}: drawn in {sorted(drawn)}")
        assert drawn == {formulas.FONT_FAMILY}, f"{where}: formulas are drawn in {drawn}"
    p = v.open(url(lang, "autograd/graph.md").rstrip("/") + "-notebook/")
    _font_loaded(p, f"{lang} the graph notebook view {size}")
    assert not v.problems, "\n".join(v.problems)


@pytest.mark.slow
def test_matrix_brackets_stretch(reader):
    v, lang, size = reader
    p = v.open(url(lang, "autograd/graph.md"))
    _font_loaded(p, f"{lang} autograd/graph {size}")
    jacobian = p.locator("article .math-block", has=p.locator("mtable")).first
    _shot(jacobian, f"jacobian-{lang}-{size}")
    line = p.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).lineHeight)")
    bracket = jacobian.locator("mo:has(+ mtable)").first        # the ( of the first matrix
    top, bottom = _ink(p, bracket)
    _note(f"{lang} {size} Jacobian bracket {bottom - top:.1f} px, line of text {line:.1f} px")
    assert bottom - top > 1.5 * line, (
        f"{lang} {size}: the Jacobian's bracket is {bottom - top:.1f} px tall, a line of text {line:.1f} px")
    assert not v.problems, "\n".join(v.problems)


@pytest.mark.slow
def test_the_closing_norm_bar_sits_on_the_baseline(reader):
    v, lang, size = reader
    p = v.open(url(lang, "training/mlp-digits.md"))
    _font_loaded(p, f"{lang} training/mlp-digits {size}")
    norm = p.locator("article p math", has=p.locator("mfrac")).filter(has=p.locator("mo", has_text="‖")).first
    norm.scroll_into_view_if_needed()
    _shot(norm.locator("xpath=ancestor::p[1]"), f"norm-{lang}-{size}")
    bars = norm.locator("mo", has_text="‖")
    assert bars.count() == 2
    (top1, bottom1), (top2, bottom2) = (_ink(p, bars.nth(i)) for i in range(2))
    _note(f"{lang} {size} norm bars {top1:.1f}-{bottom1:.1f} and {top2:.1f}-{bottom2:.1f} px")
    assert abs(bottom1 - bottom2) <= 1.5 and abs(top1 - top2) <= 1.5, (
        f"{lang} {size}: the norm's bars span {top1:.1f}-{bottom1:.1f} and {top2:.1f}-{bottom2:.1f} px")
    letter = norm.locator("mi", has_text="w").first
    w_top, w_bottom = _ink(p, letter)
    assert bottom1 - top1 < 3 * (w_bottom - w_top), f"{lang} {size}: the norm's bars grew to the fraction's height"
    assert not v.problems, "\n".join(v.problems)


@pytest.mark.slow
def test_a_display_sum_is_larger_than_an_inline_one(reader):
    v, lang, size = reader
    p = v.open(url(lang, "training/linear-regression.md"))
    _font_loaded(p, f"{lang} training/linear-regression {size}")
    display = p.locator("article .math-block math").filter(has=p.locator("mo", has_text="∑")).first
    inline = p.locator("article p math").filter(has=p.locator("mo", has_text="∑")).first
    _shot(display.locator("xpath=ancestor::div[contains(@class, 'math-block')][1]"), f"sum-display-{lang}-{size}")
    _shot(inline.locator("xpath=ancestor::p[1]"), f"sum-inline-{lang}-{size}")
    heights = []     # in ems of each formula's own font size (display formulas are set 1.1 times larger)
    for math in (display, inline):
        sigma = math.locator("mo", has_text="∑").first
        top, bottom = _ink(p, sigma)
        heights.append((bottom - top) / math.evaluate("m => parseFloat(getComputedStyle(m).fontSize)"))
    _note(f"{lang} {size} sum: display {heights[0]:.2f} em, inline {heights[1]:.2f} em")
    # STIX Two Math: 1.03 em inline, 1.33 em (its largest variant) in display style
    assert heights[0] > 1.2 * heights[1], (
        f"{lang} {size}: the display sum is {heights[0]:.2f} em tall, the inline one {heights[1]:.2f} em")
    assert not v.problems, "\n".join(v.problems)


# Every inline formula of a chapter page, with its drawn width. An inline formula does not wrap,
# so one wider than a phone's column (390 px less the margins) makes the whole page scroll
# sideways there; a display formula scrolls in its own box (.math-block) instead.
INLINE_MATH_WIDTHS = """() => [...document.querySelectorAll('article math:not([display="block"])')]
  .map(m => ({text: m.textContent.slice(0, 60), width: Math.round(m.getBoundingClientRect().width)}))"""
PHONE_COLUMN_PX = 340


@pytest.mark.slow
@pytest.mark.xdist_group("every-page")
def test_no_inline_formula_is_wider_than_a_phone(every_page):
    """Measured on the one load of every page at 1280 px (test_browser.visit_every_page), where the
    root font size is the phone's (Material enlarges it only from 1600 px)."""
    widths = [(path, m) for path, found in every_page["pages"].items() for m in found.get("inline_math", [])]
    assert len(widths) > 100, f"only {len(widths)} inline formulas measured"
    wide = [f"{path}: {m['width']} px: {m['text']}" for path, m in widths if m["width"] > PHONE_COLUMN_PX]
    assert not wide, (f"inline formulas wider than a phone's {PHONE_COLUMN_PX} px column (shorten them, or make "
                      "them display formulas, which scroll in their own box):\n" + "\n".join(wide))
