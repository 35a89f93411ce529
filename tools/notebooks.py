"""Turn a page of the book into a Jupyter notebook, from the same sources.

The page's prose becomes Markdown cells and its programs become code cells, in
page order:

- a snippet included whole (`--8<-- "snippets/x.py"`) is a code cell, carrying the
  output that ./book record saved for it (outputs/x.txt) when the page shows it;
- an inline ```python block is a code cell, a ```bash or ```sh block a `%%bash` cell;
- a snippet that imports TensorFlow is two cells, `%%writefile x.py` with the
  program and a `%%bash` cell running `python x.py`, with its output: it runs
  in a Python process of its own, as in the tests, so TensorFlow never shares a
  process with PyTorch and TensorFlow 1's `disable_eager_execution()` cannot
  leak into later cells (a file, not `%%python`'s standard input, because
  AutoGraph reads the source of the functions it converts; and `%%bash` keeps
  TensorFlow's start-up log on stderr, apart from the program's output);
- a named section of a snippet (`"snippets/x.py:loop"`) is an excerpt the page
  discusses: it stays a code listing inside a Markdown cell, because a section
  alone does not run (the whole program does, where the page includes it);
- admonitions, collapsible blocks and content tabs become a bold title over
  their contents; figures are embedded as attachments (the light version);
  links to other pages keep only their text; \\( \\) and \\[ \\] become $ and $$.

Nothing generated is committed: tools/hooks.py builds the notebooks while MkDocs
builds the site, and tests/test_notebooks.py executes them.
"""
from __future__ import annotations

import base64
import json
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,})(?P<info>[^`]*)$")
_INCLUDE = re.compile(r'^--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
_BLOCK = re.compile(r'^(?P<indent>[ \t]*)(?P<kind>!!!|\?\?\?\+?|===)\s*(?P<type>[\w-]*)\s*(?:"(?P<title>[^"]*)")?\s*$')
_MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):[\w-]+\]\s*$")
_ANNOTATION = re.compile(r"#\s*\((\d+)\)!")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+?)(?:#only-(?P<theme>light|dark))?\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)(\{[^}]*\})?")
_SPAN = re.compile(r'<span id="[\w-]+"></span>')

# what tools/hooks.py learns from the rendered notebook pages, kept for the process
VIEW_STYLES: dict = {}
VIEW_CLASSES: set = set()

NOTE = {
    "zh": "> 这个笔记本由网页 `{page}` 自动生成：代码与网页上的完全相同，单元格里的输出是 `./book record` 记录的那次运行。"
          "从上到下依次运行即可；每个程序都自带随机种子，结果应与记录一致。",
    "en": "> This notebook is generated from the page `{page}`: the code is exactly the page's, and the outputs in it "
          "are the ones `./book record` saved. Run it top to bottom; every program sets its own seed, so you "
          "should see the same results.",
}

OWN_PROCESS = {
    "zh": "> 本页的 TensorFlow 程序各自在单独的 Python 进程里运行：`%%writefile` 单元格把程序存成文件，"
          "下一个 `%%bash` 单元格用 `python` 运行它（用的是 `PATH` 上的 `python`，即装有本书依赖的那个环境）。"
          "这样 TensorFlow 不和 PyTorch 共用一个进程，TensorFlow 1 风格的 `disable_eager_execution()` "
          "也只改变它自己所在的进程。",
    "en": "> Each TensorFlow program on this page runs in a Python process of its own: a `%%writefile` cell "
          "saves it as a file, and the `%%bash` cell after it runs it with `python` (the `python` on your `PATH`, the "
          "environment with the book's requirements). TensorFlow then never shares a process with PyTorch, "
          "and TensorFlow 1's `disable_eager_execution()` changes only its own process.",
}
_TENSORFLOW = re.compile(r"^\s*(?:import|from)\s+tensorflow\b", re.MULTILINE)


def own_process(path: str) -> bool:
    """Whether a snippet's notebook cell runs in its own process: the TensorFlow programs."""
    return bool(_TENSORFLOW.search((ROOT / path).read_text(encoding="utf-8")))


def snippet_source(path: str, section: str | None = None) -> str:
    """What pymdownx.snippets puts on the page: the file without section markers, or one section, dedented."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    if section:
        start, end = f"[start:{section}]", f"[end:{section}]"
        begin = next(i for i, l in enumerate(lines) if _MARKER.match(l) and start in l)
        stop = next(i for i, l in enumerate(lines) if _MARKER.match(l) and end in l)
        lines = lines[begin + 1:stop]
    code = "\n".join(l for l in lines if not _MARKER.match(l))
    return textwrap.dedent(code).strip("\n") + "\n"


def _source(text: str) -> list[str]:
    return text.splitlines(keepends=True)


class _Builder:
    def __init__(self, page_path: Path, lang: str):
        self.page_dir = page_path.parent
        self.lang = lang
        self.explained = False      # the note on %%python cells, before the first one
        self.cells: list[dict] = []
        self.markdown: list[str] = []
        self.attachments: dict = {}

    # -- cells ---------------------------------------------------------------
    def flush(self):
        text = "\n".join(self.markdown).strip("\n")
        self.markdown = []
        if text.strip():
            cell = {"cell_type": "markdown", "metadata": {}, "source": _source(text)}
            if self.attachments:
                cell["attachments"] = self.attachments
                self.attachments = {}
            self.cells.append(cell)

    def code(self, source: str, origin: str):
        self.flush()
        self.cells.append({"cell_type": "code", "execution_count": None, "id": None,
                           "metadata": {"book": {"source": origin}}, "outputs": [],
                           "source": _source(source.rstrip("\n"))})

    # -- prose ---------------------------------------------------------------
    def prose(self, line: str) -> str:
        line = _SPAN.sub("", line)

        def image(m):
            if m["theme"] == "dark":
                return ""
            path = (self.page_dir / m["src"]).resolve()
            name = path.name
            data = base64.b64encode(path.read_bytes()).decode()
            mime = "image/svg+xml" if name.endswith(".svg") else "image/png"
            self.attachments[name] = {mime: data}
            return f"![{m['alt']}](attachment:{name})"

        line = _IMAGE.sub(image, line)
        line = _LINK.sub(lambda m: m["text"] if not m["href"].startswith("http") else m[0], line)
        line = line.replace("\\(", "$").replace("\\)", "$").replace("\\[", "$$").replace("\\]", "$$")
        return line

    # -- the page --------------------------------------------------------------
    def walk(self, lines: list[str]):
        i = 0
        while i < len(lines):
            line = lines[i]
            fence = _FENCE_OPEN.match(line)
            block = _BLOCK.match(line)
            if fence:
                indent, mark, info = fence["indent"], fence["mark"], fence["info"].strip()
                j = i + 1
                while j < len(lines) and lines[j].strip() != mark:
                    j += 1
                body = [l[len(indent):] if l.startswith(indent) else l.lstrip() for l in lines[i + 1:j]]
                self.fence(info, body)
                i = j + 1
            elif block:
                inner = block["indent"] + "    "
                j = i + 1
                while j < len(lines) and (not lines[j].strip() or lines[j].startswith(inner)):
                    j += 1
                title = block["title"] if block["title"] is not None else block["type"].capitalize()
                self.markdown.append(f"**{self.prose(title)}**" if block["kind"] != "===" else f"*{title}*")
                self.markdown.append("")
                self.walk([l[len(inner):] for l in lines[i + 1:j]])
                self.markdown.append("")
                i = j
            else:
                self.markdown.append(self.prose(line))
                i += 1

    def fence(self, info: str, body: list[str]):
        language = info.split()[0] if info else ""
        title = re.search(r'title="([^"]*)"', info)
        text = "\n".join(body)
        include = _INCLUDE.match(text.strip()) if len(body) == 1 else None
        if include and include["path"].startswith("snippets/") and not include["section"]:
            code = snippet_source(include["path"])
            if own_process(include["path"]):
                if not self.explained:
                    self.markdown += ["", OWN_PROCESS[self.lang], ""]
                    self.explained = True
                name = include["path"].rsplit("/", 1)[-1]
                self.code(f"%%writefile {name}\n" + code, include["path"])
                code = f"%%bash\npython {name}\n"
            self.code(code, include["path"])
        elif include and include["path"].startswith("outputs/") and self.cells:
            last = self.cells[-1]
            printed = (ROOT / include["path"]).read_text(encoding="utf-8")
            snippet = "snippets/" + include["path"].removeprefix("outputs/").removesuffix(".txt") + ".py"
            if last["cell_type"] == "code" and last["metadata"]["book"]["source"] == snippet:
                last["outputs"] = [{"output_type": "stream", "name": "stdout", "text": _source(printed)}]
            else:
                self.listing("text", printed, title)
        elif include:
            code = snippet_source(include["path"], include["section"]) if include["path"].startswith("snippets/") \
                else (ROOT / include["path"]).read_text(encoding="utf-8")
            self.listing(language, code, title)
        elif info == "python":
            self.code(text + "\n", "inline")
        elif info in ("bash", "sh"):
            self.code("%%bash\n" + text + "\n", "inline")
        else:
            self.listing(language, text, title)

    def listing(self, language: str, code: str, title):
        if title:
            self.markdown.append(f"*{title.group(1)}*")
            self.markdown.append("")
        self.markdown += [f"```{language}", code.rstrip("\n"), "```"]


def page_to_notebook(page_path: Path, lang: str, page: str) -> dict:
    """The notebook of docs/<lang>/<page> as a JSON-ready dict (nbformat 4.5)."""
    builder = _Builder(page_path, lang)
    builder.markdown.append(NOTE[lang].format(page=f"docs/{lang}/{page}"))
    builder.markdown.append("")
    builder.walk(page_path.read_text(encoding="utf-8").splitlines())
    builder.flush()
    for n, cell in enumerate(builder.cells):
        cell["id"] = f"cell-{n}"
        if cell["cell_type"] == "code":     # the page's annotation `# (1)!` reads `# (1)` in a notebook
            cell["source"] = [_ANNOTATION.sub(r"# (\1)", l) for l in cell["source"]]
    return {
        "cells": builder.cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "book": {"page": f"docs/{lang}/{page}", "language": lang},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def dumps(notebook: dict) -> str:
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def has_notebook(page: str) -> bool:
    """Chapter pages get a notebook; the home page and the glossary have no code to run."""
    return page != "index.md" and not page.endswith("glossary.md")
