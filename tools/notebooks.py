"""Turn a page of the book into a Jupyter notebook, from the same sources.

The page's prose becomes Markdown cells and its programs become code cells, in
page order, so that "Run all" runs exactly what a reader can copy from the page
(the copy-run contract, tools/copyrun.py):

- every Python block the page shows is a code cell: a snippet included whole
  (`--8<-- "snippets/x.py"`), a named section of one (`"snippets/x.py:loop"`:
  the page shows all of a program's sections, in order, so its cells make up the
  whole program), and inline ```python code; the output that ./book record saved
  for a program (outputs/x.txt) goes with its last cell where the page shows it;
- a ```bash or ```sh block is a `%%bash` cell;
- a program that must run in its own process (one that imports TensorFlow: it
  never shares a process with torch, and TensorFlow 1's
  `disable_eager_execution()` must not leak into later cells) is two cells:
  `%%writefile x.py` with the program, then a cell that runs the file with
  `subprocess.run([sys.executable, ...])`, the kernel's own interpreter (never
  whatever `python` the PATH finds; its output and its log stay apart, as stdout
  and stderr); a file, not standard input, because AutoGraph reads the source of
  the functions it converts;
- admonitions, collapsible blocks and content tabs become a bold title over
  their contents; figures are embedded as attachments (the light version);
  links to other pages keep only their text, headings lose their {#id};
  \\( \\) and \\[ \\] become $ and $$.

`page_blocks` lists the same Python blocks as the page shows them (title, code,
whether it runs in its own process): tests/test_copyrun.py checks that list against
the built HTML, and tools/copyrun.py runs it for writers without a build.

Nothing generated is committed: tools/book/notebooks builds the notebooks while
MkDocs builds the site, and the tests execute them.
"""
from __future__ import annotations

import base64
import dataclasses
import json
import re
import textwrap
from pathlib import Path

from book import cjk     # tools/book/cjk.py: no stray space between Chinese lines
from runner import TENSORFLOW as _TENSORFLOW

ROOT = Path(__file__).resolve().parent.parent

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,})(?P<info>[^`]*)$")
_INCLUDE = re.compile(r'^--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
_BLOCK = re.compile(r'^(?P<indent>[ \t]*)(?P<kind>!!!|\?\?\?\+?|===)\s*(?P<type>[\w-]*)\s*(?:"(?P<title>[^"]*)")?\s*$')
_MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):[\w-]+\]\s*$")
_ANNOTATION = re.compile(r"#\s*\((\d+)\)!")
# a Markdown image; alt text may hold one level of brackets ("the [1, -1] kernel")
IMAGE = _IMAGE = re.compile(r"!\[(?P<alt>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<src>[^)\s]+?)(?:#only-(?P<theme>light|dark))?\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)(\{[^}]*\})?")
_SPAN = re.compile(r'<span id="[\w-]+"></span>')
_HEADING_ATTRS = re.compile(r"^(#{1,6} .*?)\s*\{[#:.][^}]*\}\s*$")   # "## Title {#id}": attr_list


def image_sources(markdown: str) -> list[str]:
    """Every image path a page's Markdown shows (without its #only-light/#only-dark)."""
    return [m["src"] for m in IMAGE.finditer(markdown)]

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
          "下一个单元格用 `sys.executable`（也就是这个内核自己的 Python 解释器）运行它。"
          "这样 TensorFlow 不和 PyTorch 共用一个进程，TensorFlow 1 风格的 `disable_eager_execution()` "
          "也只改变它自己所在的进程。",
    "en": "> Each TensorFlow program on this page runs in a Python process of its own: a `%%writefile` cell "
          "saves it as a file, and the cell after it runs that file with `sys.executable`, the kernel's own "
          "Python interpreter. TensorFlow then never shares a process with PyTorch, and TensorFlow 1's "
          "`disable_eager_execution()` changes only its own process.",
}

# the words a page puts in the title of a program that must run in its own process
OWN_PROCESS_TITLE = {"en": "run it in a fresh Python process", "zh": "请在新的 Python 进程中运行"}
# ... and of one that torchrun launches (listing.toml `launch = "torchrun ..."`): its own processes too
TORCHRUN_TITLE = {"en": "run it with torchrun", "zh": "请用 torchrun 运行"}

# the note before the first such program when it is not TensorFlow (worker processes, torchrun)
OWN_PROCESS_FILE = {
    "zh": "> 本页的程序会启动自己的工作进程（`torch.multiprocessing` 或 torchrun），工作进程要从文件导入程序，"
          "所以 `%%writefile` 单元格先把程序存成文件，下一个单元格再用 `sys.executable`（这个内核自己的 Python "
          "解释器）运行它；用 torchrun 启动的程序写成 `sys.executable -m torch.distributed.run`，和命令 `torchrun` 相同。",
    "en": "> The programs on this page start worker processes of their own (`torch.multiprocessing` or torchrun), "
          "which import the program from its file: a `%%writefile` cell saves it, and the cell after it runs it "
          "with `sys.executable`, the kernel's own Python interpreter; a program that torchrun launches runs as "
          "`sys.executable -m torch.distributed.run`, which is what the `torchrun` command runs.",
}


@dataclasses.dataclass
class Block:
    """A Python code block as the page shows it (and as the copy button copies it)."""
    title: str              # the fence's title ("" when it has none)
    code: str               # the code, annotation markers `# (1)!` removed
    own_process: bool       # a program that must run in a fresh Python process of its own

    @property
    def snippet(self) -> str | None:
        """The snippet the block shows, from the title's first word (the book's convention)."""
        first = self.title.split(" ", 1)[0].split("（", 1)[0]
        return first if first.startswith("snippets/") and first.endswith(".py") else None


def copied(code: str) -> str:
    """A block's code as Material's copy button copies it: `# (1)!` annotation markers removed."""
    lines = [_ANNOTATION_COMMENT.sub("", line).rstrip() for line in code.strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


_ANNOTATION_COMMENT = re.compile(r"\s*#\s*\(\d+\)!\s*$")


def run_in_own_process(name: str, args: list[str] = ()) -> str:
    """The notebook cell that runs a saved program in a fresh process of the kernel's own interpreter
    (with `args` before the file: `-m torch.distributed.run ...` for a program that torchrun launches)."""
    if args:
        command = ", ".join(["sys.executable", *map(repr, [*args, name])])
        start = (f"command = [{command}]   # torchrun\n"
                 f"done = subprocess.run(command, capture_output=True, text=True)   # fresh processes\n")
    else:
        start = f"done = subprocess.run([sys.executable, {name!r}], capture_output=True, text=True)   # a fresh process\n"
    return (f"import subprocess\nimport sys\n\n" + start +
            f"print(done.stdout, end=\"\")\n"
            f"print(done.stderr, end=\"\", file=sys.stderr)\n"
            f"done.check_returncode()\n")


def own_process(path: str) -> bool:
    """Whether a snippet's notebook cell runs in its own process: the TensorFlow programs, and those whose
    listing.toml table has a `launch` (worker processes that import the program from its file; torchrun)."""
    import runner
    return bool(_TENSORFLOW.search((ROOT / path).read_text(encoding="utf-8"))) or bool(
        runner.settings(ROOT / path).launch)


def launch_args(path: str) -> list[str]:
    """What the notebook puts between `sys.executable` and the saved file (tools/runner.py: launcher)."""
    import runner
    return runner.launcher(ROOT / path)


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
        self.page = page_path
        self.page_dir = page_path.parent
        self.lang = lang
        self.explained = False      # the note on %%python cells, before the first one
        self.cells: list[dict] = []
        self.blocks: list[Block] = []
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
        line = _HEADING_ATTRS.sub(r"\1", _SPAN.sub("", line))

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
        if include and include["path"].startswith("snippets/") and include["path"].endswith(".py"):
            code = snippet_source(include["path"], include["section"])
            own = own_process(include["path"])
            self.blocks.append(Block(title.group(1) if title else "", copied(code), own))
            if own:
                if include["section"]:
                    raise ValueError(f"{self.page}: {include['path']} runs in its own process (TensorFlow); "
                                     "a page shows it whole, never in sections")
                if not self.explained:
                    note = OWN_PROCESS if _TENSORFLOW.search(code) else OWN_PROCESS_FILE
                    self.markdown += ["", note[self.lang], ""]
                    self.explained = True
                name = include["path"].rsplit("/", 1)[-1]
                self.code(f"%%writefile {name}\n" + code, include["path"])
                code = run_in_own_process(name, launch_args(include["path"]))
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
        elif language == "python":
            self.blocks.append(Block(title.group(1) if title else "", copied(text), False))
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


def _walk(page_path: Path, lang: str, page: str | None = None) -> _Builder:
    builder = _Builder(page_path, lang)
    builder.markdown.append(NOTE[lang].format(page=f"docs/{lang}/{page or page_path.name}"))
    builder.markdown.append("")
    builder.walk(cjk.join_lines(page_path.read_text(encoding="utf-8")).splitlines())   # as the page reads
    builder.flush()
    return builder


def page_blocks(page_path: Path, lang: str) -> list[Block]:
    """The Python blocks of a page, in page order, as the rendered page shows them."""
    return _walk(page_path, lang).blocks


def page_to_notebook(page_path: Path, lang: str, page: str) -> dict:
    """The notebook of docs/<lang>/<page> as a JSON-ready dict (nbformat 4.5)."""
    builder = _walk(page_path, lang, page)
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
