"""The notebook views and the language switcher as a reader sees them, in Chromium (issue 12).

What went wrong, unseen by the tests that read the HTML: the pruned notebook stylesheet held
a selector cut inside `:is(...)`, Chromium stopped parsing it there, and every notebook view
showed each code cell's source twice and cut its prose off; a notebook view's language
switcher led to another page; its contents list dropped inline code; the switcher dropped
the #anchor. These tests look at what Chromium kept and laid out, in both languages, at
1280x900 and 390x844. Screenshots of each checked page land in test-artifacts/reader-notebooks/.
"""
import re
from urllib.parse import urlparse

import pytest
import tinycss2

from test_browser import ARTIFACTS, Visit, browser, server, url, visit  # noqa: F401  (fixtures, registered here)

pytestmark = pytest.mark.slow
SHOTS = ARTIFACTS / "reader-notebooks"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
LANGS = (("zh", "en"), ("en", "zh"))
# notebook views with what broke or could break a column: headings with inline code and
# display formulas (autograd/graph), wide tables (graphs/capture, module/registries), a formula
# wider than a phone (training/losses-activations), a TensorFlow program (graphs/tf2-eager)
VIEWS = ["autograd/graph.md", "autograd/no-grad.md", "graphs/capture.md", "graphs/tf2-eager.md",
         "module/registries.md", "training/losses-activations.md"]
# at-rules whose block holds rules: Chromium lists those as the at-rule's own cssRules
GROUPING = {"media", "supports", "container", "layer", "document", "scope", "starting-style"}


def view_url(lang, page):
    return url(lang, page).removesuffix("/") + "-notebook/"


def shot(page, name, full_page=True):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


# another engine's prefix: Chromium drops such a rule by design (`::-moz-selection`, `::-ms-clear`,
# `@-moz-keyframes`), so it is not counted among the rules the browser must keep
FOREIGN = re.compile(r"::?-(?:moz|ms|o)-|^@-(?:moz|ms|o)-")


def _rule_count(nodes) -> int:
    """Rules in tinycss2's parse of a stylesheet, counted as CSSOM counts them (nested ones too)."""
    count = 0
    for node in nodes:
        head = tinycss2.serialize(node.prelude) if node.type == "qualified-rule" else (
            f"@{node.at_keyword}" if node.type == "at-rule" else "")
        if FOREIGN.search(head):
            continue
        if node.type == "qualified-rule":
            inner = tinycss2.parse_blocks_contents(node.content, skip_whitespace=True, skip_comments=True)
            count += 1 + _rule_count(n for n in inner if n.type in ("qualified-rule", "at-rule"))
        elif node.type == "at-rule" and node.lower_at_keyword != "charset":   # CSSOM keeps no @charset
            count += 1
            if node.lower_at_keyword in GROUPING and node.content is not None:
                count += _rule_count(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                                     skip_comments=True))
    return count


def _rules_in(text: str) -> int:
    return _rule_count(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True))


def _parse_errors(nodes) -> list:
    """What tinycss2 could not parse, @media blocks included: a rule cut short (the `(` of a
    selector split inside `:is(...)` never closes, and the file's remaining rules become one
    rule that never ends, which both parsers drop, so their counts agree) shows up here."""
    errors = []
    for node in nodes:
        if node.type == "error":
            errors.append(f"{node.message} (line {node.source_line})")
        elif node.type == "at-rule" and node.lower_at_keyword in GROUPING and node.content is not None:
            errors += _parse_errors(tinycss2.parse_blocks_contents(node.content))
    return errors


SHEETS_JS = """() => {
  const count = rules => { let n = 0; for (const r of rules) {
      n += 1; if (r.cssRules && !(r instanceof CSSKeyframesRule)) n += count(r.cssRules); } return n; };
  return [...document.styleSheets].map(s => ({href: s.href, text: s.href ? null : s.ownerNode.textContent,
                                               rules: count(s.cssRules)}));
}"""

# elements of the content column that stick out of it (outside any box that scrolls or clips
# them), and boxes that cut their content off without letting it scroll; the inside of a box
# that scrolls (a code block) is the reader's to scroll, and is not walked
OVERFLOW_JS = """() => {
  const article = document.querySelector("article.md-content__inner");
  const col = article.getBoundingClientRect();
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("");
  const text = el => el.textContent.trim().replace(/\\s+/g, " ").slice(0, 50);
  const wide = [], clipped = [];
  const walk = (el, contained) => {
    for (const child of el.children) {
      const r = child.getBoundingClientRect(), o = getComputedStyle(child).overflowX;
      if (r.width && r.height && !contained && (r.right > col.right + 1 || r.left < col.left - 1))
        wide.push(`${name(child)} spans ${Math.round(r.left)}-${Math.round(r.right)} px, the column ` +
                  `${Math.round(col.left)}-${Math.round(col.right)}: ${text(child)}`);
      if ((o === "hidden" || o === "clip") && child.scrollWidth > child.clientWidth + 1)
        clipped.push(`${name(child)} shows ${child.clientWidth} of its ${child.scrollWidth} px: ${text(child)}`);
      if (o !== "auto" && o !== "scroll") walk(child, contained || o !== "visible");
    }
  };
  walk(article, false);
  // a list item that scrolls or clips cuts off its own bullet, which sits outside its box
  for (const li of article.querySelectorAll("li")) {
    const cs = getComputedStyle(li);
    if (cs.display === "list-item" && cs.listStyleType !== "none" && cs.listStylePosition === "outside"
        && cs.overflowX !== "visible") clipped.push(`li cuts off its bullet (overflow ${cs.overflowX}): ${text(li)}`);
  }
  // each code cell shows its source, highlighted, and no other text (its source again,
  // unstyled, was the symptom)
  const twice = [];
  for (const cell of article.querySelectorAll(".jp-CodeCell")) {
    const input = cell.querySelector(".jp-Cell-inputWrapper");
    const code = input && input.querySelector("pre");
    if (!code || !code.checkVisibility() || !code.innerText.trim()) {
      twice.push(`a code cell that does not show its source: ${text(cell)}`); continue; }
    const walker = document.createTreeWalker(input, NodeFilter.SHOW_TEXT);
    let more = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!code.contains(node) && node.parentElement.checkVisibility() && node.textContent.trim())
        more += node.textContent;
    if (more.trim()) twice.push(`a code cell shows more than its source: ${more.trim().slice(0, 50)}`);
  }
  return {wide, clipped, twice, cells: article.querySelectorAll(".jp-CodeCell").length};
}"""


# the layout once the fonts are in and Material's script has wrapped the tables (measured at
# "networkidle" alone, a table was caught 2 px wider than it is a moment later)
SETTLED_JS = "document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"


def test_every_stylesheet_is_kept_whole(visit, site):
    """Each stylesheet a page loads: the rules Chromium kept are all the rules in the file. A parse
    that stops early (an unbalanced `(` swallows the rest of the file) keeps fewer."""
    v = visit(viewport=SIZES["desktop"])
    checked = {}
    for path in ("/", "/en/", url("zh", VIEWS[0]), view_url("zh", VIEWS[0]), view_url("en", VIEWS[0])):
        p = v.open(path)
        for sheet in p.evaluate(SHEETS_JS):
            if sheet["href"]:
                where = urlparse(sheet["href"]).path
                if where in checked:
                    continue
                text = (site / where.lstrip("/")).read_text(encoding="utf-8")
            else:
                where, text = f"an inline <style> of {path}", sheet["text"]
            checked[where] = (sheet["rules"], _rules_in(text))
            errors = _parse_errors(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True))
            assert not errors, f"{where} does not parse to its end: " + "; ".join(errors)
    assert "/assets/notebook.css" in checked, f"no notebook view loaded the notebook stylesheet: {sorted(checked)}"
    lost = [f"{where}: Chromium kept {kept} of its {total} rules" for where, (kept, total) in checked.items()
            if kept != total]
    assert not lost, "stylesheets Chromium did not read to the end:\n" + "\n".join(lost)
    assert not v.problems, "\n".join(dict.fromkeys(v.problems))


@pytest.mark.parametrize("size", SIZES)
def test_no_element_of_a_notebook_view_leaves_its_column(visit, size):
    v = visit(viewport=SIZES[size])
    problems = []
    for page in VIEWS:
        for lang, _ in LANGS:
            p = v.open(view_url(lang, page))
            p.evaluate(SETTLED_JS)
            found = p.evaluate(OVERFLOW_JS)
            shot(p, f"{lang}-{page.removesuffix('.md').replace('/', '-')}-notebook-{size}")
            where = f"{view_url(lang, page)} at {SIZES[size]['width']} px"
            assert found["cells"], f"{where}: no code cell laid out"
            problems += [f"{where}: {line}" for key in ("wide", "clipped", "twice") for line in found[key][:5]]
    assert not problems, "notebook views that do not fit their column:\n" + "\n".join(problems)
    assert not v.problems, "\n".join(dict.fromkeys(v.problems))


def _switch(p, other):
    p.hover(".md-header__option .md-select")
    p.click(f'a.md-select__link[hreflang="{other}"]')
    p.wait_for_load_state("networkidle")


def test_a_notebook_view_leads_to_its_twin_and_back_to_its_page(visit):
    v = visit(viewport=SIZES["desktop"])
    for lang, other in LANGS:
        for page in VIEWS[:2]:
            p = v.open(view_url(lang, page))
            prev = p.locator("a.md-footer__link--prev")
            assert prev.count() == 1, f"{view_url(lang, page)}: no previous/next footer"
            assert urlparse(prev.evaluate("a => a.href")).path == url(lang, page), (
                f"{view_url(lang, page)}: the footer does not lead back to its chapter page")
            assert p.locator("a.md-footer__link--next").count() == 1, f"{view_url(lang, page)}: no next page"
            _switch(p, other)
            assert urlparse(p.url).path == view_url(other, page), (
                f"{view_url(lang, page)}: the language switch went to {p.url}")
            assert p.locator("html").get_attribute("lang") == other
            shot(p, f"{other}-{page.removesuffix('.md').replace('/', '-')}-notebook-switched", full_page=False)
    assert not v.problems, "\n".join(dict.fromkeys(v.problems))


HEADINGS_JS = """() => [...document.querySelectorAll("article.md-content__inner :is(h2, h3)")].map(h => {
  const copy = h.cloneNode(true); copy.querySelectorAll(".anchor-link, .headerlink").forEach(a => a.remove());
  const link = h.id && document.querySelector(`.md-sidebar--secondary a.md-nav__link[href="#${CSS.escape(h.id)}"]`);
  return {id: h.id, text: copy.textContent.trim(), code: !!h.querySelector("code"),
          listed: link ? link.textContent.trim() : null};
})"""


def test_the_contents_list_keeps_the_headings_code(visit):
    """Each heading of a notebook view is in the right-hand contents list, with its inline code,
    and the list's link finds it (a Chinese heading's id was empty)."""
    v = visit(viewport=SIZES["desktop"])
    for lang, _ in LANGS:
        p = v.open(view_url(lang, "autograd/graph.md"))
        headings = p.evaluate(HEADINGS_JS)
        assert any(h["code"] for h in headings), f"{lang}: no heading with inline code to check"
        for h in headings:
            assert h["id"], f"{lang}: the heading {h['text']!r} has no id to link to"
            assert h["listed"] == h["text"], (
                f"{lang}: the contents list shows {h['listed']!r} for the heading {h['text']!r}")
        shot(p, f"{lang}-autograd-graph-notebook-contents", full_page=False)
    assert not v.problems, "\n".join(dict.fromkeys(v.problems))


def test_the_language_switch_keeps_the_anchor(visit):
    """From the glossary's #tensor to the other glossary's #tensor, also after following a link
    inside the page."""
    v = visit(viewport=SIZES["desktop"])
    for lang, other in LANGS:
        glossary = url(lang, "preface/glossary.md")
        p = v.open(glossary + "#tensor")
        _switch(p, other)
        landed = urlparse(p.url)
        assert (landed.path, landed.fragment) == (url(other, "preface/glossary.md"), "tensor"), (
            f"{glossary}#tensor: the switch went to {p.url}")
        p.evaluate("location.hash = '#gradient'")      # as a click on a link to #gradient does
        _switch(p, lang)
        landed = urlparse(p.url)
        assert (landed.path, landed.fragment) == (glossary, "gradient"), (
            f"{url(other, 'preface/glossary.md')}#gradient: the switch went to {p.url}")
        assert p.evaluate("document.getElementById('gradient') !== null"), f"{glossary}: no #gradient"
        shot(p, f"{lang}-glossary-anchor", full_page=False)
    assert not v.problems, "\n".join(dict.fromkeys(v.problems))
