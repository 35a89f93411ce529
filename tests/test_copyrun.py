"""The copy-run contract, proved from the built HTML (DESIGN.md, "Pages: the copy-run contract").

For every chapter page, the Python blocks are read from the built page exactly as
the copy button copies them (tools/copyrun.py) and run in page order in one fresh
interpreter, GPU hidden, in an empty working directory. The interpreter is a process
forked from the test run's zygote (runner.Zygote: torch & co. imported, none of their
names bound, so a missing import still fails); `./book copyrun` starts a new Python. A failure names the page,
the block number and its title, with the end of the traceback; each program's
output must match its recording.

The Chinese and English pages must carry the very same blocks (only the titles'
words differ), so the English blocks run once for both. A block that must run in a
fresh process (TensorFlow) is its whole snippet, which tests/test_snippets.py runs
by itself. The page's notebook has
the same blocks as its code cells (tests/test_notebooks.py), so this run is also
the notebook's "Run all" (README: "What runs where").
"""
import pytest

import copyrun
import notebooks
import runner
from conftest import html_path, record_copyrun

pytestmark = pytest.mark.slow

DOCS = runner.ROOT / "docs"
ALL_PAGES = [p.relative_to(DOCS / "en").as_posix() for p in sorted((DOCS / "en").rglob("*.md"))]
PAGES = [p for p in ALL_PAGES if notebooks.has_notebook(p)]


def _blocks(site, lang, page):
    return copyrun.blocks_from_html(html_path(site, lang, page).read_text(encoding="utf-8"), lang)


@pytest.mark.parametrize("page", PAGES)
def test_the_html_shows_the_blocks_the_markdown_makes(site, page):
    """What the copy buttons copy is what notebooks.page_blocks (and so the notebook) holds, in both languages."""
    for lang in ("zh", "en"):
        built = _blocks(site, lang, page)
        expected = notebooks.page_blocks(DOCS / lang / page, lang)
        assert [b.title for b in built] == [b.title for b in expected], f"docs/{lang}/{page}: block titles differ"
        for n, (b, e) in enumerate(zip(built, expected), 1):
            assert b.code == e.code, f"docs/{lang}/{page}: block {n} ({b.title}) is not what its source makes"
            assert b.own_process == e.own_process, (
                f"docs/{lang}/{page}: block {n} ({b.title}) runs in its own process, so its title must say "
                f"{notebooks.OWN_PROCESS_TITLE[lang]!r}")
            if b.own_process and b.snippet:     # torchrun launches it exactly when its title says so
                torchrun = (runner.settings(runner.ROOT / b.snippet).launch or "").startswith("torchrun")
                assert torchrun == (notebooks.TORCHRUN_TITLE[lang] in b.title), (
                    f"docs/{lang}/{page}: block {n} ({b.title}): the title says "
                    f"{notebooks.TORCHRUN_TITLE[lang]!r} exactly when listing.toml launches it with torchrun")
    zh, en = _blocks(site, "zh", page), _blocks(site, "en", page)
    assert [b.code for b in zh] == [b.code for b in en], f"{page}: the zh and en pages show different code"


def test_only_chapter_pages_show_python(site):
    """The pages without a copy-run (home, glossary) show no Python block, so nothing copyable goes untested."""
    for page in sorted(set(ALL_PAGES) - set(PAGES)):
        for lang in ("zh", "en"):
            assert not _blocks(site, lang, page), f"docs/{lang}/{page} shows Python that no test runs"


@pytest.mark.parametrize("page", PAGES)
def test_the_page_runs_as_copied(site, page, zygote):
    blocks = _blocks(site, "en", page)
    # A block that must run in a fresh process of its own (TensorFlow) is a whole snippet, byte for
    # byte, so running it by itself is exactly tests/test_snippets.py's run of that file (which also
    # checks its output): it is not run a second time here. The rest run in one session, in order.
    for block in [b for b in blocks if b.own_process]:
        assert block.snippet and block.code == notebooks.copied(notebooks.snippet_source(block.snippet)), (
            f"docs/en/{page}: {block.title} runs in its own process, so it must be its whole snippet")
    alone = sum(b.own_process for b in blocks)
    blocks = [b for b in blocks if not b.own_process]
    if not blocks:
        record_copyrun(page, 0, alone, 0.0, 0.0)
        return
    result = copyrun.run_page(f"docs/en/{page}", blocks, zygote=zygote)
    if result.timed_out:        # a hang: the page's or the fork's? A session from scratch decides
        zygote.fallbacks.append(f"docs/en/{page} (forked, its copy-run did not finish)")
        result = copyrun.run_page(f"docs/en/{page}", blocks)
    record_copyrun(page, len(blocks), alone, result.seconds, sum(r.cpu_seconds for r in result.runs))
    problems = result.failures()
    assert not problems, "\n\n".join(problems)
