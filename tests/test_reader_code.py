"""Code that fits (issue 12): at 1280x900 no code block of any page scrolls
sideways, and the copy button never covers the first line of code.

Snippets keep to 79 characters a line (tests/test_snippets.py checks the
source); this checks what the reader sees: every `pre > code` of every page, in
both languages, with each collapsed block opened and each tab shown in turn.
Screenshots of a few pages land in test-artifacts/reader-code/.
"""
import pytest

from test_browser import ARTIFACTS

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
