"""The text as a reader sees it, in Debian's Chromium (issue 12):

- Chinese typeset as Chinese: no text in a paragraph, list item, table cell or
  admonition of any Chinese page or notebook view shows whitespace between two
  CJK characters (tools/book/cjk.py joins the source's line breaks);
- on a phone (390x844), both languages: identifiers in a table stay whole, a
  figure's labels are drawn at a readable size (the figure scrolls sideways in its
  own box rather than shrinking), the stamp's date is on one line, and the site
  title fits the header.

Screenshots of every checked page land in test-artifacts/reader-text/.
"""
import re

import pytest

from test_browser import ARTIFACTS, PAGES, Visit, browser, server, small_search_index, url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow
SHOTS = ARTIFACTS / "reader-text"
CJK = ("\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3100-\\u312f\\u3400-\\u4dbf\\u4e00-\\u9fff"
       "\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef")
PHONE = {"width": 390, "height": 844}
# pages with a table of identifiers, a wide diagram, a TensorFlow stamp (the longest), plots
PHONE_PAGES = ["module/call-and-hooks.md", "graphs/side-by-side.md", "nn/construction.md", "tensors/basics.md"]
SMALLEST_TEXT_PX = 9

# every text node in the article a reader reads as prose (not code, math or keys), and, per block
# (paragraph, list item, cell, title), the text a reader sees across inline elements (bold, links)
STRAY_SPACES = """() => {
  const pair = new RegExp('[%(cjk)s]\\\\s+[%(cjk)s]', 'g');
  const skip = 'code, pre, kbd, math, script, style, svg';
  const blocks = 'p, li, td, th, dt, dd, summary, blockquote, h1, h2, h3, h4, h5, h6, figcaption';
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const inNodes = [], seen = new Map();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, block = el.closest(blocks);
    const prose = block || el.closest('.admonition, details');
    if (!prose) continue;
    const hidden = el.closest(skip);
    if (!hidden) for (const m of n.data.matchAll(pair))
      inNodes.push(n.data.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12));
    if (block) seen.set(block, (seen.get(block) || '') + (hidden ? '\\u0000' : n.data));
  }
  const across = [];
  for (const text of seen.values()) for (const m of text.matchAll(pair))
    across.push(text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12));
  return {inNodes, across};
}""" % {"cjk": CJK}


@pytest.mark.xdist_group("every-page")
def test_chinese_pages_show_no_space_between_chinese_characters(every_page):
    """Every Chinese page and notebook view: no whitespace between two CJK characters in the prose's
    text nodes, nor in a block's text across its inline elements (**加粗。**后文). Measured on the one
    load of every page (test_browser.visit_every_page)."""
    found, total, pages = {}, {"inNodes": 0, "across": 0}, 0
    for path, seen in every_page["pages"].items():
        if "spaces" not in seen:
            continue
        pages += 1
        for kind in total:
            total[kind] += len(seen["spaces"][kind])
        if seen["spaces"]["inNodes"] or seen["spaces"]["across"]:
            found[path] = seen["spaces"]
    print(f"\n{pages} Chinese pages: {total['inNodes']} stray spaces in text nodes, "
          f"{total['across']} across inline elements")
    assert pages >= len(PAGES), f"only {pages} Chinese pages were measured"
    report = [f"{path}: {s}" for path, s in found.items()]
    assert not found, (f"{total['inNodes']} stray spaces between Chinese characters in text nodes, "
                       f"{total['across']} across inline elements:\n" + "\n".join(report[:20]))


PHONE_MEASURES = """([smallest]) => {
  const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
  const title = document.querySelector('.md-header__topic .md-ellipsis');
  const stamp = document.querySelector('.book-stamp');
  let date = null;
  if (stamp && stamp.dataset.date) {
    const walker = document.createTreeWalker(stamp, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(stamp.dataset.date);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at); range.setEnd(n, at + stamp.dataset.date.length);
      date = {text: stamp.dataset.date, lines: new Set([...range.getClientRects()].map(r => Math.round(r.top))).size};
    }
  }
  // a code of a table, or each of its unbreakable pieces in a phone's card (tools/book/tables.py);
  // a heading row hidden by the cards (its text is each cell's label) is not drawn at all
  const lines = el => new Set([...el.getClientRects()].map(r => Math.round(r.top))).size;
  const codes = [...document.querySelectorAll('article td code, article th code')]
    .filter(c => !(c.closest('thead') && getComputedStyle(c.closest('thead')).display === 'none'))
    .flatMap(c => {
      const pieces = [...c.querySelectorAll(':scope > .book-nobr')];
      return (pieces.length ? pieces : [c]).map(p => ({text: p.textContent, whole: c.textContent, lines: lines(p)}));
    });
  const figures = [...document.querySelectorAll('article img[src*="/figures/"]')].filter(visible).map(img => {
    const box = img.parentElement;
    return {src: new URL(img.src).pathname, width: img.getBoundingClientRect().width, natural: img.naturalWidth,
            boxScrolls: getComputedStyle(box).overflowX === 'auto' || getComputedStyle(box).overflowX === 'scroll',
            boxWidth: box.clientWidth};
  });
  return {title: title && {text: title.textContent.trim(), scroll: title.scrollWidth, client: title.clientWidth},
          date, codes, figures,
          page: {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}};
}"""


def _smallest_text(svg: str) -> tuple[float | None, float]:
    """The smallest font size in a figure and its viewBox width, both in the SVG's user units."""
    sizes = [float(s) for s in re.findall(r'font-size[=:]\s*"?\s*([0-9.]+)', svg)]
    view = re.search(r'viewBox="\s*[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)', svg)
    return (min(sizes) if sizes else None), float(view.group(1))


@pytest.fixture(scope="module")
def phone(browser, server, site):   # noqa: F811
    """Each of PHONE_PAGES in both languages at 390x844, measured once, with screenshots."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = Visit(browser, server, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    small_search_index(v.context, site)
    measures = {}
    try:
        for lang in ("zh", "en"):
            for page in PHONE_PAGES:
                p = v.open(url(lang, page))
                m = p.evaluate(PHONE_MEASURES, [SMALLEST_TEXT_PX])
                for figure in m["figures"]:
                    smallest, view_width = _smallest_text((site / figure["src"].lstrip("/")).read_text(encoding="utf-8"))
                    figure["smallest_px"] = smallest and round(smallest * figure["width"] / view_width, 1)
                measures[lang, page] = m
                name = f"{lang}-{page.removesuffix('.md').replace('/', '-')}"
                p.screenshot(path=str(SHOTS / f"phone-{name}-top.png"))
                for kind, selector in (("table", "article table"), ("figure", 'article img[src*="/figures/"]')):
                    target = p.locator(f"{selector} >> visible=true").first
                    if target.count():
                        target.scroll_into_view_if_needed()
                        p.screenshot(path=str(SHOTS / f"phone-{name}-{kind}.png"))
        problems = list(v.problems)
    finally:
        v.close()
    assert not problems, "\n".join(problems)
    return measures


def test_phone_identifiers_in_tables_stay_whole(phone):
    """No name in a table's code is broken on a phone: a code is drawn on one line, or, in a
    table shown as cards, it may go on after a dot, each piece between dots on one line."""
    assert any(m["codes"] for m in phone.values()), "no page of PHONE_PAGES has code in a table any more"
    assert any(c["text"] != c["whole"] for m in phone.values() for c in m["codes"]), "no card cuts a code"
    broken = [f"{lang} {page}: {c['text']!r} (of {c['whole']!r}) is drawn on {c['lines']} lines"
              for (lang, page), m in phone.items() for c in m["codes"] if c["lines"] != 1]
    assert not broken, "\n".join(broken)


def test_phone_figures_keep_readable_labels(phone):
    """A figure's smallest label is at least SMALLEST_TEXT_PX on screen, or the figure is at the size it
    was drawn at; a figure wider than the column scrolls in its own box, never the page."""
    checked, small = 0, []
    for (lang, page), m in phone.items():
        for f in m["figures"]:
            checked += 1
            natural = abs(f["width"] - f["natural"]) <= 1
            if f["smallest_px"] is not None and f["smallest_px"] < SMALLEST_TEXT_PX and not natural:
                small.append(f"{lang} {page}: {f['src']} labels at {f['smallest_px']} px "
                             f"(drawn {f['width']:.0f} px wide of {f['natural']})")
            if f["width"] > f["boxWidth"] + 1 and not f["boxScrolls"]:
                small.append(f"{lang} {page}: {f['src']} is wider than its box, which does not scroll")
        if m["page"]["scroll"] > m["page"]["client"]:
            small.append(f"{lang} {page}: the page itself scrolls sideways ({m['page']})")
    assert any(f["src"].split("/")[-1].startswith("call-path") for m in phone.values() for f in m["figures"])
    assert checked and not small, "\n".join(small)


def test_phone_stamp_date_is_on_one_line(phone):
    wrapped = [f"{lang} {page}: the date {m['date']['text']} is drawn on {m['date']['lines']} lines"
               for (lang, page), m in phone.items() if m["date"] and m["date"]["lines"] != 1]
    if not any(m["date"] for m in phone.values()):
        pytest.skip("no page of PHONE_PAGES has a dated stamp: their recordings are out of date (./book record)")
    assert not wrapped, "\n".join(wrapped)


def test_phone_site_title_fits(phone, browser, server, site):   # noqa: F811
    """At 390 px (the pages above), and on the narrower phones too (360, 320 px), both languages."""
    cut = [f"{lang} at 390 px: the title {m['title']['text']!r} needs {m['title']['scroll']} px, "
           f"has {m['title']['client']}" for (lang, page), m in phone.items() if m["title"]["scroll"] > m["title"]["client"]]
    for width in (360, 320):
        v = Visit(browser, server, viewport={"width": width, "height": 740}, device_scale_factor=2, is_mobile=True)
        small_search_index(v.context, site)
        try:
            for lang in ("zh", "en"):
                p = v.open(url(lang, "index.md"))
                title = p.evaluate("(t => [t.textContent.trim(), t.scrollWidth, t.clientWidth])"
                                   "(document.querySelector('.md-header__topic .md-ellipsis'))")
                p.screenshot(path=str(SHOTS / f"phone-{lang}-title-{width}.png"), clip={"x": 0, "y": 0, "width": width,
                                                                                      "height": 60})
                if title[1] > title[2]:
                    cut.append(f"{lang} at {width} px: the title {title[0]!r} needs {title[1]} px, has {title[2]}")
        finally:
            v.close()
    assert not cut, "\n".join(dict.fromkeys(cut))


# On a phone: each table of the page, whether it scrolls sideways, and each cell's
# right edge, its column's heading and the label drawn above its text.
TABLES = r"""() => [...document.querySelectorAll("article table")].map(table => {
  const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  const headings = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
  const cells = [...table.querySelectorAll("tbody tr")].flatMap(tr => [...tr.children].map((td, i) => ({
    right: td.getBoundingClientRect().right, heading: headings[i] || "",
    spills: td.scrollWidth > td.clientWidth + 1,
    label: getComputedStyle(td, "::before").content.replace(/^"|"$/g, ""),
    shown: td.offsetWidth > 0 && td.textContent.trim() !== ""})));
  return {stacked: table.hasAttribute("data-book-stack"), columns: headings.length,
          scroll: wrap.scrollWidth, client: wrap.clientWidth, cells,
          first: (table.querySelector("tbody td") || table).textContent.trim().slice(0, 40)};
})"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_no_wide_table_hides_its_columns(browser, server, site, lang):  # noqa: F811
    """A table too wide for a 390 px phone (four columns or more, or three long ones:
    the misconceptions, the migration table, TensorBoard against Visdom) shows one card
    per row there, each cell under its column's heading (tools/book/tables.py and
    assets/book.css): nothing scrolls sideways, every cell ends inside the screen, and
    each shows the heading of its own column. Every page with such a table is looked at."""
    from book import tables
    pages = [page for page in PAGES
             if "data-book-stack" in (site / url(lang, page).lstrip("/") / "index.html").read_text(encoding="utf-8")]
    assert len(pages) >= 10, pages
    SHOTS = ARTIFACTS / "reader-text"
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = Visit(browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    problems = []
    try:
        for page in pages:
            opened = v.open(url(lang, page))
            # Material's script puts each table in its scrolling wrapper: measure after it did
            opened.wait_for_function('[...document.querySelectorAll("article table")]'
                                     '.every(t => t.closest(".md-typeset__scrollwrap"))')
            for t in opened.evaluate(TABLES):
                name = f"{page} [{t['first']}]"
                if not t["stacked"]:
                    assert t["columns"] < tables.STACK_COLUMNS, name
                    continue
                if t["scroll"] > t["client"] + 1:
                    problems.append(f"{name}: scrolls sideways ({t['scroll']} px in {t['client']})")
                for c in t["cells"]:
                    if c["shown"] and c["right"] > 390:
                        problems.append(f"{name}: a cell ends at {c['right']:.0f} px, off the screen")
                    if c["shown"] and c["spills"]:
                        problems.append(f"{name}: the text of a {c['heading']!r} cell runs out of it")
                    if c["shown"] and c["label"] != c["heading"]:
                        problems.append(f"{name}: a cell is labelled {c['label']!r}, its column {c['heading']!r}")
            if page == "appendix/misconceptions.md":
                v.page.locator("article table").first.scroll_into_view_if_needed()
                v.page.screenshot(path=str(SHOTS / f"phone-{lang}-table.png"))
    finally:
        v.close()
    assert not problems and not v.problems, "\n".join(v.problems + problems[:30])


# every inline formula followed by punctuation: the formula's line and the punctuation's
GLUED = r"""() => [...document.querySelectorAll("article math[display=inline]")].flatMap(math => {
  const text = math.nextSibling && math.nextSibling.nodeType === 3 ? math.nextSibling : null;
  if (!text || !/^[，。；：、！？）」,.;:!?)]/.test(text.data)) return [];
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 1);
  const mark = range.getBoundingClientRect(), box = math.getBoundingClientRect();
  if (box.width === 0) return [];
  return [{mark: text.data[0], formula: math.textContent.slice(0, 30),
           apart: mark.top > box.bottom - 2 || mark.left < box.left}];
})"""


def test_on_a_phone_no_line_starts_with_the_punctuation_after_a_formula(browser, server):  # noqa: F811
    """Chromium may break a line between an inline formula and the "，" or "；" right after
    it, so that a line of Chinese starts with the punctuation: tools/book/formulas.py makes
    the two one unbreakable unit. Measured at 390 px on the Part 10 pages, where it was seen."""
    v = Visit(browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    found, seen = [], 0
    try:
        for lang in ("zh", "en"):
            for page in ["gen/vae.md", "gen/autoencoder.md", "gen/gan.md", "speed/devices.md"]:
                for g in v.open(url(lang, page)).evaluate(GLUED):
                    seen += 1
                    if g["apart"]:
                        found.append(f"{lang} {page}: {g['mark']!r} starts a line after {g['formula']!r}")
    finally:
        v.close()
    assert seen > 20, seen
    assert not found, "\n".join(found)
