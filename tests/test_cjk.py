"""tools/book/cjk.py: a line break between two CJK characters of prose renders as
nothing, and nothing else in the Markdown changes (fast; the built pages are
checked in a browser by tests/test_reader_text.py)."""
import re

import markdown
import pytest

from book import cjk

import runner

DOCS = runner.ROOT / "docs"


@pytest.mark.parametrize("source, joined", [
    ("前向计算，\n它一边算", "前向计算，它一边算"),
    ("张量\n是", "张量是"),
    ("第一行。\n第二行。\n第三行。", "第一行。第二行。第三行。"),
    ("- 列表项的第一行，\n  续行", "- 列表项的第一行，续行"),
    ("    提示框里的一行，\n    第二行", "    提示框里的一行，第二行"),
    ("> 引用的一行，\n> 第二行", "> 引用的一行，第二行"),
    ("**加粗的词**\n紧接着", "**加粗的词**紧接着"),
    ("见[术语表](../preface/glossary.md#tensor)\n里的解释", "见[术语表](../preface/glossary.md#tensor)里的解释"),
    ("一句话，\n**加粗开头**", "一句话，**加粗开头**"),
    ("全角（括号）\n：冒号", "全角（括号）：冒号"),
    ("它说“是”\n。", "它说“是”。"),
    ("行尾有一个空格 \n下一行", "行尾有一个空格下一行"),
    ("既费时又容易出错。\nPyTorch 的", "既费时又容易出错。PyTorch 的"),   # full-width punctuation
    ("调用 `f`\n，然后", "调用 `f`，然后"),
    ("公式 \\(x\\)\n。", "公式 \\(x\\)。"),
    ("不归约；\n0.4.1 起", "不归约；0.4.1 起"),
    ("如下：\n![图](x.svg)", "如下：![图](x.svg)"),
])
def test_a_break_between_cjk_characters_is_removed(source, joined):
    assert cjk.join_lines(source) == joined


@pytest.mark.parametrize("source", [
    "用\nPyTorch 训练",                         # Latin on one side: the space is right
    "调用 `forward`\n之后",                     # inline code
    "公式 \\(x\\)\n之后",                       # a formula
    "English line\nanother line",
    "## 小结\n本节讲了",                         # a heading
    "| 列一 | 列二 |\n| 中文 | 中文 |",            # table rows
    "中文 | 中文\n中文 | 中文",
    "<div>中文\n中文</div>",                     # HTML
    "硬换行  \n下一行",                          # a hard line break (two spaces)
    "硬换行\\\n下一行",                          # a hard line break (backslash)
    "```text\n中文\n中文\n```",                  # a fenced block
    "    ```text\n    中文\n    中文\n    ```",  # a fenced block inside an admonition
    "~~~\n中文\n中文\n~~~",
    "\\[\n\\text{中}\n\\text{文}\n\\]",           # a display formula
    "$$\n中\n文\n$$",
    "一段。\n\n另一段。",                        # a blank line: two paragraphs
    "> 引用\n不是引用",                          # a blockquote and a line outside it
    "한국어\n문장",                               # Hangul: Korean spaces its words
    "一句\n- 列表项",                            # a list item starts
    "一句\n1. 列表项",
    "一句。\n- item",
    "一句。\n* item",
    "一句：\n1. item",
    "一句：\n2) item",
    '一句：\n!!! note "x"',
    "一句。\n---",
    "一句。\n[id]: https://example.org",
    "一句。\n[^1]: a note",
    "一句。\n> quote",
    "一句：\n```python\nx = 1\n```",
    "一句：\n\\[\nx\n\\]",
    "English,\n中文",                           # a comma that is not full-width
    '一句\n!!! note "提示"',
    '--8<-- "snippets/x.py"\n中文',
])
def test_everything_else_is_left_alone(source):
    assert cjk.join_lines(source) == source


def test_a_fence_hides_what_looks_like_prose_until_it_closes():
    source = "````markdown\n```\n中文\n中文\n```\n````\n中文\n中文"
    assert cjk.join_lines(source) == "````markdown\n```\n中文\n中文\n```\n````\n中文中文"


def test_the_rendered_paragraph_has_no_space_between_chinese_characters():
    extensions = ["admonition", "tables", "pymdownx.superfences", "pymdownx.details"]
    source = ("!!! note \"提示\"\n\n    前向计算，\n    它一边算，\n    一边**记录**\n    计算图。\n\n"
              "| a | b |\n|---|---|\n| 中 | 文 |\n\n```text\n中文\n中文\n```\n")
    html = markdown.markdown(cjk.join_lines(source), extensions=extensions)
    assert "前向计算，它一边算，一边<strong>记录</strong>计算图。" in html
    assert "中文\n中文" in html                       # the code block is untouched


def _structure(text: str) -> list[str]:
    """The lines that are not prose: fences and all inside them, headings, table rows,
    includes, HTML and the openers of admonitions and tabs."""
    lines, fence = [], None
    for line in text.split("\n"):
        bare = line.strip()
        opening = re.match(r"`{3,}|~{3,}", bare)
        if fence is not None:
            lines.append(line)
            if bare.startswith(fence) and not bare.strip(fence[0]):
                fence = None
        elif opening:
            lines.append(line)
            fence = opening.group(0)
        elif bare.startswith(("#", "|", "--8<--", "<", "!!!", "???", "===", "\\[", "\\]", "$$")):
            lines.append(line)
    return lines


def test_every_page_keeps_its_code_tables_and_headings():
    """On the book's own pages, joining changes only prose: every line that is
    code, a table row, a heading or an include survives, in order, and only
    line breaks (and the indentation after them) go."""
    pages = sorted(DOCS.rglob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        joined = cjk.join_lines(text)
        assert _structure(joined) == _structure(text), f"{page}: a code, table, heading or include line changed"
        assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text), f"{page}: more than whitespace changed"
        if "/en/" in page.as_posix():
            assert joined == text, f"{page}: an English page changed"
