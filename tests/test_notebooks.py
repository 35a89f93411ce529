"""The chapter notebooks: generated from the pages, executed in a real Jupyter kernel.

A notebook's code cells are its page's copyable blocks, in page order, so "Run all"
runs the page. One notebook for each kind of IPython-only cell (%%bash; %%writefile,
which saves a TensorFlow program for a fresh process) runs top to bottom in an IPython
kernel (nbclient with ipykernel), with the GPU hidden like the recorded CPU runs:
every program must print what ./book record saved for it (within the same
tolerances as tests/test_snippets.py), and no cell may warn. The rest are run,
block for block, by tests/test_copyrun.py. The Chinese notebooks must carry exactly
the same code cells: only the prose differs.
"""
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

import notebooks
import runner

DOCS = runner.ROOT / "docs"
PAGES = [p.relative_to(DOCS / "en").as_posix() for p in sorted((DOCS / "en").rglob("*.md"))
         if notebooks.has_notebook(p.relative_to(DOCS / "en").as_posix())]


def notebook(lang, page):
    return notebooks.page_to_notebook(DOCS / lang / page, lang, page)


def code_cells(nb):
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_every_chapter_page_has_a_notebook():
    assert PAGES, "no chapter pages found"
    for page in PAGES:
        for lang in ("zh", "en"):
            nb = notebook(lang, page)
            assert code_cells(nb), f"docs/{lang}/{page}: its notebook has no code cell"
            nbformat.validate(nbformat.from_dict(json.loads(notebooks.dumps(nb))))


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_carry_the_same_code_cells(page):
    assert code_cells(notebook("zh", page)) == code_cells(notebook("en", page)), (
        f"{page}: the zh and en notebooks differ in their code cells")


def _magic(cell_source: str) -> bool:
    """A cell only IPython runs: `%%bash`, `%%writefile`, or a `!command` line."""
    return cell_source.startswith("%%") or any(l.startswith("!") for l in cell_source.splitlines())


@pytest.mark.parametrize("page", PAGES)
def test_the_notebook_runs_what_the_page_shows(page):
    """Its Python cells are the page's copyable blocks, in page order (notebooks.page_blocks, which
    tests/test_copyrun.py checks against the built HTML); a program that runs in its own process is a
    %%writefile cell and a cell that runs the file with the kernel's interpreter; each program's
    recorded output sits on its last cell."""
    nb = notebook("en", page)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and not "".join(c["source"]).startswith("%%bash")]
    blocks = notebooks.page_blocks(DOCS / "en" / page, "en")
    for n, block in enumerate(blocks, 1):
        assert cells, f"{page}: block {n} ({block.title}) has no notebook cell"
        cell = cells.pop(0)
        # the notebook keeps an annotation's number as a plain comment, `# (1)`; the copy button drops it
        source = notebooks.copied(re.sub(r"\s*# \(\d+\)$", "", "".join(cell["source"]), flags=re.M))
        if block.own_process:
            name = block.snippet.rsplit("/", 1)[-1]
            assert source == notebooks.copied(f"%%writefile {name}\n" + block.code), (
                f"{page}: the %%writefile cell of block {n} ({block.title}) is not the program")
            assert not cell["outputs"], f"{page}: the %%writefile cell of {block.snippet} carries an output"
            cell = cells.pop(0)
            run = notebooks.run_in_own_process(name, notebooks.launch_args(block.snippet))   # torchrun's too
            assert "".join(cell["source"]) == run.rstrip("\n"), (
                f"{page}: {block.snippet} is not run with the kernel's own interpreter after its %%writefile cell")
        else:
            assert source == block.code, f"{page}: cell for block {n} ({block.title}) is not the block's code"
        if cell["outputs"]:
            shown = "".join("".join(o["text"]) for o in cell["outputs"])
            assert block.snippet and shown == runner.output_path(runner.ROOT / block.snippet).read_text(encoding="utf-8"), (
                f"{page}: the cell of block {n} ({block.title}) carries an output that is not its recording")
    assert not cells, f"{page}: the notebook has code cells the page does not show: {cells[0]['source'][:2]}"


def _kinds(page):
    """The kinds of IPython-only cell a page's notebook has, and "torchrun" for a cell that launches a saved
    program with torchrun (`sys.executable -m torch.distributed.run`, after its %%writefile cell)."""
    cells = code_cells(notebook("en", page))
    return ({c.split(None, 1)[0] if c.startswith("%%") else "!" for c in cells if _magic(c)}
            | {"torchrun" for c in cells if "'torch.distributed.run'" in c})


def _kernel_pages():
    """One notebook for each kind of IPython-only cell (the first page, in book order, that has it).

    Every notebook's Python cells are, cell for cell, the page's blocks (test above), and
    tests/test_copyrun.py runs those blocks in one fresh session, each program checked against its
    recording: running them again in a kernel would repeat that run. What only a kernel can show
    is that the IPython-only cells work (%%bash; %%writefile and the cell that runs the file in a
    fresh process, which have the same shape on every page: test above). So one notebook per kind
    runs in a real kernel, top to bottom.
    """
    nav = runner.ROOT.joinpath("mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    order = re.findall(r"^\s*- [^\n]*?:\s*([\w/.-]+\.md)\s*$", nav, re.MULTILINE)   # book order
    chosen, covered = [], set()
    for page in sorted(PAGES, key=lambda p: order.index(p) if p in order else len(order)):   # new pages last
        kinds = _kinds(page)
        if kinds - covered:
            chosen.append(page)
            covered |= kinds
    return chosen


KERNEL_PAGES = _kernel_pages()


def test_some_notebook_runs_in_a_kernel():
    assert KERNEL_PAGES and {"%%bash", "%%writefile"} <= set().union(*map(_kinds, KERNEL_PAGES))


@pytest.mark.slow
@pytest.mark.parametrize("page", KERNEL_PAGES)
def test_notebook_runs_top_to_bottom(page, monkeypatch, tmp_path):
    from jupyter_client import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.reads(notebooks.dumps(notebook("en", page)), as_version=4)
    sources = {c.metadata["book"]["source"] for c in nb.cells if c.cell_type == "code"} - {"inline"}
    for source in sorted(sources):
        needs = runner.settings(runner.ROOT / source).requires
        if needs and importlib.util.find_spec(needs) is None:
            message = f"docs/en/{page}: its notebook runs {source}, which needs {needs} (not installed)"
            if os.environ.get("CI"):
                pytest.fail(message + "; CI must run it")
            pytest.skip(message)
    recorded = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            recorded[cell.id] = "".join(o.get("text", "") for o in cell.outputs)
            cell.outputs = []
    # the kernel inherits this environment: the same conditions as the recorded CPU runs
    for key, value in runner.snippet_env("cpu").items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    # a reader runs Jupyter from the book's environment, in a clone: `python` in a %%bash cell is
    # that environment's, and the paths the preface's shell cells name exist
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    # the kernel works in a folder of its own (the %%writefile cells save files there) that
    # shows the clone's folders, so the paths the preface's shell cells name exist
    for name in ("snippets", "outputs", "docs", "requirements.txt"):
        (tmp_path / name).symlink_to(runner.ROOT / name)
    # IPC sockets, not TCP ports: kernels started at once by parallel workers could pick the same port
    manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(tmp_path / "kernel-ipc"))
    client = NotebookClient(nb, km=manager, timeout=300, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"docs/en/{page}: its notebook failed:\n{str(exc)[-3000:]}")

    printed, expected = {}, {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        source = cell.metadata["book"]["source"]
        stderr = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
        assert not runner._WARNING.search(stderr), f"docs/en/{page}: the cell of {source} warned:\n{stderr[-2000:]}"
        if source == "inline" or "".join(cell.source).startswith("%%writefile"):
            continue
        # a program shown in sections prints over several cells; its recording sits on the last one
        printed[source] = printed.get(source, "") + "".join(
            o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
        if recorded[cell.id]:
            expected[source] = recorded[cell.id]
    for source, text in expected.items():
        problems = runner.compare(text, printed[source], runner.settings(runner.ROOT / source))
        assert not problems, (f"docs/en/{page}: in the notebook, {source} printed something else than its "
                              "recording:\n" + "\n".join(problems[:10]))
