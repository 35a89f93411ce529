"""Code that fits (issue 12): at 1280x900 no code block of any page scrolls
sideways, and the copy button never covers the first line of code.

Snippets keep to 79 characters a line (tests/test_snippets.py checks the
source); this checks what the reader sees: every `pre > code` of every page, in
both languages, with each collapsed block opened and each tab shown in turn.
Screenshots of a few pages land in test-artifacts/reader-code/.
"""
import pytest

from test_browser import ARTIFACTS, browser, server, url, visit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
SHOTS = ARTIFACTS / "reader-code"
SCREENSHOTS = {"module/call-and-hooks.md", "training/mlp-digits.md", "training/torchvision.md",
               "graphs/side-by-side.md"}

# Every code block as the reader sees it: its title, whether it scrolls sideways,
# and whether the copy button's box meets the box of the first line's text.
MEASURE = r"""() => {
  const boxes = [];
  const rect = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const firstLine = code => {
    // the boxes of the first line's characters, up to the first newline
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const end = node.data.indexOf("\n");
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, end < 0 ? node.data.length : end);
      for (const r of range.getClientRects()) if (r.width > 0) found.push(rect(r));
      if (end >= 0) break;
    }
    return found;
  };
  const measure = code => {
    if (code.clientWidth === 0) return;           // hidden (another tab): measured when shown
    const block = code.closest(".highlight");
    const title = block && block.querySelector(".filename");
    const nav = code.parentElement.querySelector(".md-code__nav");
    const lines = code.textContent.replace(/\n$/, "").split("\n");
    const item = {
      title: title ? title.textContent.trim() : "(no title)",
      scroll: code.scrollWidth, client: code.clientWidth,
      longest: Math.max(...lines.map(l => l.length)), first: lines[0],
      nav: nav ? rect(nav.getBoundingClientRect()) : null,
      block: block ? rect(block.getBoundingClientRect()) : null,
      line: firstLine(code),
    };
    boxes.push(item);
  };
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const tabbed = [...document.querySelectorAll(".tabbed-set")];
  document.querySelectorAll("pre > code").forEach(code => {
    if (!tabbed.some(set => set.contains(code))) measure(code);
  });
  for (const set of tabbed) {
    for (const input of set.querySelectorAll(":scope > input")) {
      input.checked = true;
      set.querySelectorAll("pre > code").forEach(measure);
    }
  }
  return boxes;
}"""


def overlaps(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.xdist_group("every-page")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_code_block_scrolls_sideways_and_the_copy_button_covers_no_code(every_page, lang):
    """Measured on the one load of every page (test_browser.visit_every_page)."""
    scrolling, covered, misplaced, seen = [], [], [], 0
    for where, found in every_page["pages"].items():
        if found["lang"] != lang or "code" not in found:
            continue
        seen += len(found["code"])
        for b in found["code"]:
            name = f"{where} [{b['title']}]"
            if b["scroll"] > b["client"]:
                scrolling.append(f"{name}: {b['scroll']} px of code in a {b['client']} px box "
                                 f"(longest line {b['longest']} characters)")
            if b["nav"] and any(overlaps(b["nav"], r) for r in b["line"]):
                covered.append(f"{name}: the copy button covers the first line {b['first']!r}")
            if b["nav"] and b["block"] and (b["nav"]["top"] < b["block"]["top"]
                                            or b["nav"]["right"] > b["block"]["right"]):
                misplaced.append(f"{name}: the copy button sits outside its block")
    assert seen > 500, f"only {seen} code blocks measured on the {lang} pages"
    problems = scrolling + covered + misplaced
    assert not problems, (f"{len(scrolling)} of {seen} code blocks scroll sideways at 1280 px, "
                          f"{len(covered)} copy buttons cover code, {len(misplaced)} sit outside their block:\n  "
                          + "\n  ".join(problems[:40]))


# On a phone: each output block, how many lines it has and how many rows it shows,
# whether it wraps on purpose (book-wraps) and still scrolls; and each block with no
# title, whether the copy button meets its first line.
PHONE = r"""() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const rect = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const outputs = [...document.querySelectorAll(".language-text.highlight pre > code")]
    .filter(code => code.clientWidth > 0).map(code => {
      const range = document.createRange();
      range.selectNodeContents(code);
      const rows = new Set([...range.getClientRects()].filter(r => r.width > 0)
                           .map(r => Math.round(r.top)));
      const lines = code.textContent.replace(/\n$/, "").split("\n");
      return {wraps: code.closest(".highlight").classList.contains("book-wraps"),
              lines: lines.filter(l => l.trim()).length, rows: rows.size,
              longest: Math.max(...lines.map(l => l.length)), first: lines[0],
              scroll: code.scrollWidth, client: code.clientWidth};
    });
  const untitled = [...document.querySelectorAll(".highlight")]
    .filter(b => !b.querySelector(":scope > .filename") && b.offsetWidth > 0).map(b => {
      const code = b.querySelector("pre > code"), nav = b.querySelector("pre > .md-code__nav");
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT), line = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const end = node.data.indexOf("\n"), range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, end < 0 ? node.data.length : end);
        for (const r of range.getClientRects()) if (r.width > 0) line.push(rect(r));
        if (end >= 0) break;
      }
      return {first: code.textContent.split("\n")[0], line,
              nav: nav ? rect(nav.getBoundingClientRect()) : null};
    });
  return {outputs, untitled};
}"""
PHONE_PAGES = ["speed/devices.md", "speed/threads-data.md", "viz/visdom.md", "appendix/migration.md"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_printed_tables_keep_their_rows_and_no_copy_button_covers_a_command(visit, lang):
    """A recorded output whose lines fit 79 columns (the matmul sweep, the two-layer timing
    table) keeps one row per line on a 390 px phone and scrolls sideways, as code does;
    one with a longer line (a traceback) wraps, marked book-wraps by tools/book/outputs.py,
    and does not scroll. A block with no title ("python -m visdom.server ...") starts below
    its copy button instead of running under it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = visit(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    broken, wrapped, seen = [], 0, 0
    for page in PHONE_PAGES:
        found = v.open(url(lang, page)).evaluate(PHONE)
        for o in found["outputs"]:
            seen += 1
            if o["wraps"]:
                wrapped += 1
                assert o["longest"] > 79, f"{page}: {o['first']!r} wraps, but every line fits"
                if o["scroll"] > o["client"]:
                    broken.append(f"{page}: {o['first']!r} is marked to wrap but scrolls")
            elif o["rows"] != o["lines"]:
                broken.append(f"{page}: {o['first']!r}: {o['lines']} lines shown on {o['rows']} rows")
        for b in found["untitled"]:
            if b["nav"] and any(overlaps(b["nav"], r) for r in b["line"]):
                broken.append(f"{page}: the copy button covers {b['first']!r}")
        if page == PHONE_PAGES[0]:
            v.page.screenshot(path=str(SHOTS / f"phone-{lang}-devices.png"), full_page=True)
    assert seen > 20 and wrapped > 0, (seen, wrapped)
    assert not v.problems and not broken, "\n".join(v.problems + broken)
