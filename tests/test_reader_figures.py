"""Figures as a reader sees them, in Chromium: on the Chinese pages the figures
load and their labels are Chinese, drawn with a CJK font (the font Chromium
really used for each label, from the DevTools protocol: no tofu), and on the
English pages they are English; in light and dark. Screenshots of each checked
figure land in test-artifacts/reader-figures/."""
import re

import pytest

from test_browser import ARTIFACTS, Visit, browser, server, url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
SHOTS = ARTIFACTS / "reader-figures"
# a plot (matplotlib), a diagram with code and Chinese (Graphviz), a graph in a monospace font
PAGES = ["training/mlp-digits.md", "module/call-and-hooks.md", "autograd/graph.md", "optim/sgd.md"]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# every figure the page shows for this scheme: loaded, with its size and its SVG's labels
SHOWN_FIGURES = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('article img[src*="assets/figures/"]')) {
    if (!img.checkVisibility()) continue;
    img.scrollIntoView();
    if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; });
    const svg = await (await fetch(img.src)).text();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    out.push({src: img.getAttribute('src'), url: img.src, naturalWidth: img.naturalWidth, width: img.getBoundingClientRect().width,
              texts: [...doc.querySelectorAll('text')].map(t => t.textContent)});
  }
  return out;
}"""


def rendered_fonts(context, page):
    """{label: [font families Chromium drew it with]} for each text element of the SVG open in page."""
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    fonts = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "text"})["nodeIds"]:
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        text = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        label = re.sub(r"<[^>]+>", "", text)
        fonts[label] = [f["familyName"] for f in used if f["glyphCount"]]
    cdp.detach()
    return fonts


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_speak_the_pages_language(browser, server, lang, scheme):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = Visit(browser, server, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        checked = []
        for page_path in PAGES:
            p = v.open(url(lang, page_path))
            shown = p.evaluate(SHOWN_FIGURES)
            assert shown, f"{lang}/{page_path} ({scheme}): no figure shown"
            for i, fig in enumerate(shown):
                where = f"{lang}/{page_path} ({scheme}) {fig['src']}"
                assert fig["naturalWidth"] > 0 and fig["width"] > 0, f"{where}: the image did not load"
                assert f"-{lang}-{scheme}.svg" in fig["src"], f"{where}: not this language's {scheme} drawing"
                chinese = [t for t in fig["texts"] if CJK.search(t)]
                if lang == "zh":
                    assert chinese, f"{where}: no Chinese label among {fig['texts']}"
                else:
                    assert not chinese, f"{where}: Chinese labels on an English page: {chinese}"
                shot = p.locator(f'article img[src="{fig["src"]}"]')
                # just below the sticky header, reached scrolling down (scrolling up shows "back to top")
                target = shot.evaluate("e => window.scrollY + e.getBoundingClientRect().top"
                                       " - document.querySelector('.md-header').getBoundingClientRect().bottom - 16")
                p.evaluate("window.scrollTo(0, 0)")
                p.wait_for_timeout(200)
                p.evaluate(f"window.scrollTo(0, {target})")
                p.wait_for_timeout(400)
                shot.screenshot(
                    path=str(SHOTS / f"{lang}-{page_path[:-3].replace('/', '-')}-{i}-{scheme}.png"))
                checked.append(fig["url"])
        assert not v.problems, "\n".join(v.problems)
        # the fonts Chromium drew the labels with, in the SVG opened on its own
        cjk_labels = {}
        for src in checked:
            page = v.context.new_page()
            page.goto(src.split("#")[0])
            for label, families in rendered_fonts(v.context, page).items():
                if CJK.search(label):
                    cjk_labels[label] = families
                    assert any("CJK" in f or "Han Sans" in f or "PingFang" in f or "YaHei" in f for f in families), (
                        f"{src}: {label!r} drawn without a CJK font (tofu): {families}")
            page.close()
        if lang == "zh":
            assert cjk_labels, "no Chinese label was found in the figures opened on their own"
            print(f"{scheme}: {len(cjk_labels)} Chinese labels, drawn with",
                  sorted({f for fams in cjk_labels.values() for f in fams}))
    finally:
        v.close()


def _edge_luminance(png: bytes, box: dict, x: float) -> float:
    """Mean brightness of a one-pixel column of the screenshot, over a box's height."""
    import io
    from PIL import Image
    image = Image.open(io.BytesIO(png)).convert("L")
    column = [image.getpixel((round(x), y)) for y in range(round(box["y"]) + 4, round(box["y"] + box["height"]) - 4)]
    return sum(column) / len(column)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_a_figure_wider_than_the_column_shows_that_it_goes_on(browser, server, lang):  # noqa: F811
    """On a phone a figure keeps its drawn size and scrolls sideways (assets/book.css), so its
    right part starts off-screen: a shadow at the edge with more figure beyond it says so.
    Measured on the screenshot: the right edge of the curves figure is darker than the page
    before scrolling, and page-coloured once the figure is scrolled to its end; its left
    edge shows the shadow then."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = Visit(browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = v.open(url(lang, "viz/curves.md"))
        figure = page.locator('article p:has(> img[src*="/figures/"])').first
        figure.scroll_into_view_if_needed()
        box = figure.bounding_box()
        scroll = figure.evaluate("p => [p.scrollWidth, p.clientWidth]")
        assert scroll[0] > scroll[1] + 100, f"the figure fits the phone ({scroll}): pick a wider one"
        before = page.screenshot()
        figure.evaluate("p => { p.scrollLeft = p.scrollWidth; }")
        page.wait_for_timeout(100)
        after = page.screenshot()
        (SHOTS / f"phone-{lang}-edge.png").write_bytes(before)
        right = box["x"] + box["width"] - 2
        left = box["x"] + 2
        assert _edge_luminance(before, box, right) < _edge_luminance(after, box, right) - 15, (
            "nothing at the figure's right edge tells the reader it goes on")
        assert _edge_luminance(after, box, left) < _edge_luminance(before, box, left) - 15, (
            "scrolled to its end, nothing at the left edge tells the reader it goes on that way")
        assert not v.problems, v.problems
    finally:
        v.close()
