"""The chapter notebooks: generated from the pages, executed in a real Jupyter kernel.

Every English chapter notebook runs top to bottom in an IPython kernel (nbclient
with ipykernel), with the GPU hidden like the recorded CPU runs; every cell that
is a whole snippet must print what ./book record saved for it (within the same
tolerances as tests/test_snippets.py), and no cell may warn. The Chinese
notebooks must carry exactly the same code cells: only the prose differs.
"""
import importlib.util
import json
import os
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


@pytest.mark.parametrize("page", PAGES)
def test_whole_snippets_are_code_cells_with_their_recorded_output(page):
    cells = [c for c in notebook("en", page)["cells"]
             if c["cell_type"] == "code" and c["metadata"]["book"]["source"] != "inline"]
    while cells:
        cell = cells.pop(0)
        snippet = cell["metadata"]["book"]["source"]
        expected = notebooks._ANNOTATION.sub(r"# (\1)", notebooks.snippet_source(snippet)).rstrip("\n")
        if notebooks.own_process(snippet):      # the program saved to a file, then run in its own process
            name = snippet.rsplit("/", 1)[-1]
            assert "".join(cell["source"]) == f"%%writefile {name}\n" + expected, (
                f"{page}: the %%writefile cell of {snippet} is not the snippet's code")
            assert not cell["outputs"], f"{page}: the %%writefile cell of {snippet} carries an output"
            cell = cells.pop(0)
            assert cell["metadata"]["book"]["source"] == snippet and "".join(cell["source"]) == f"%%bash\npython {name}", (
                f"{page}: the %%writefile cell of {snippet} is not followed by the cell that runs it")
        else:
            assert "".join(cell["source"]) == expected, f"{page}: the cell of {snippet} is not the snippet's code"
        output = runner.output_path(runner.ROOT / snippet).read_text(encoding="utf-8")
        shown = "".join("".join(o["text"]) for o in cell["outputs"])
        assert shown in ("", output), f"{page}: the cell of {snippet} carries an output that is not its recording"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
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

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        source = cell.metadata["book"]["source"]
        stderr = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
        assert not runner._WARNING.search(stderr), f"docs/en/{page}: the cell of {source} warned:\n{stderr[-2000:]}"
        if source == "inline" or not recorded[cell.id]:
            continue
        printed = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
        problems = runner.compare(recorded[cell.id], printed, runner.settings(runner.ROOT / source))
        assert not problems, (f"docs/en/{page}: in the notebook, {source} printed something else than its "
                              "recording:\n" + "\n".join(problems[:10]))
