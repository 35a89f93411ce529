"""The copy-run contract: what a reader copies from a page runs, in page order, in one fresh Python.

A reader copies a page's Python blocks with the copy button and pastes them, one
after another, into one Python session. This module does the same:

- `blocks_from_html` reads the code blocks of a built page exactly as Material's
  copy button copies them (the text of the `<code>`, annotation markers `# (1)!`
  removed), with their titles; blocks marked `.no-copy` have no button and are left out.
- `run_page` runs them in page order in one fresh interpreter (GPU hidden, one
  thread, an empty temporary working directory, `__name__ == "__main__"`, nothing
  of this book on `sys.path`). A block whose title says it must run in a fresh
  Python process (TensorFlow: `notebooks.OWN_PROCESS_TITLE`) runs by itself in a
  process of its own, as the page tells the reader to.
- Each program's output (the blocks whose title names the same snippet) is
  compared with its recording (outputs/), with the tolerances of
  snippets/listing.toml; a block that warns fails.

tests/test_copyrun.py runs it on every chapter page of the built site. Writers run
it on the Markdown, without a build (`notebooks.page_blocks` lists the same blocks;
the test checks that the two agree):

    .venv/bin/python tools/copyrun.py docs/en/training/mlp-digits.md [more pages...]
"""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
if __name__ != "_book_copyrun":     # the reader's session loads only _session(): none of the book's modules
    sys.path.insert(0, str(TOOLS))
    import notebooks
    import runner
    import servers
    from notebooks import Block

SEPARATOR = "\x00copyrun-block-{}\x00"   # a line no program prints


def blocks_from_html(html_text: str, lang: str) -> list[Block]:
    """The copyable Python blocks of a built page, in page order."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_text, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup
    blocks = []
    for div in article.select("div.highlight"):
        classes = div.get("class", [])
        if "language-python" not in classes and "language-py" not in classes:
            continue
        if "no-copy" in classes:
            continue
        title = div.select_one("span.filename")
        code = div.select_one("pre > code")
        text = code.get_text() if code is not None else ""
        title_text = title.get_text() if title is not None else ""
        blocks.append(Block(title_text, notebooks.copied(text),
                            notebooks.OWN_PROCESS_TITLE[lang] in title_text
                            or notebooks.TORCHRUN_TITLE[lang] in title_text))
    return blocks


# --- the session: runs in the reader's fresh interpreter ------------------------------

def _session(blocks_json: str, events_path: str):
    """Executed inside the fresh interpreter: run the blocks in __main__, as pasted.

    Nothing of this module is left in the reader's namespace: the names the bootstrap
    defined are removed before the first block runs.
    """
    import __main__
    import linecache
    import resource
    import traceback

    namespace = vars(__main__)
    for name in [n for n in namespace if not n.startswith("__")]:
        del namespace[name]
    blocks = json.loads(Path(blocks_json).read_text(encoding="utf-8"))
    events = open(events_path, "a", encoding="utf-8")      # closed when the session ends

    def cpu():
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    for n, block in enumerate(blocks, 1):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            stream.write(SEPARATOR.format(n) + "\n")
            stream.flush()
        events.write(json.dumps({"block": n, "event": "start"}) + "\n")
        events.flush()
        start, status = cpu(), "ok"
        if block["own_process"]:
            name = (block["snippet"] or f"block_{n}.py").rsplit("/", 1)[-1]
            Path(name).write_text(block["code"], encoding="utf-8")
            done = subprocess.run([sys.executable, *block["launch"], name],     # launch: torchrun's module
                                  stdout=sys.stdout.fileno(), stderr=sys.stderr.fileno())
            if done.returncode != 0:
                status = f"exited with status {done.returncode}"
        else:
            filename = f"<block {n}>"
            linecache.cache[filename] = (len(block["code"]), None, block["code"].splitlines(True), filename)
            try:
                exec(compile(block["code"], filename, "exec"), namespace)
            except BaseException:       # SystemExit too: the block stopped the session
                traceback.print_exc()
                status = "raised"
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        events.write(json.dumps({"block": n, "event": "end", "status": status, "cpu": cpu() - start}) + "\n")
        events.flush()
        if status != "ok":
            break
    events.close()


_BOOTSTRAP = (
    "import importlib.util as _u, sys as _s\n"
    "_spec = _u.spec_from_file_location('_book_copyrun', {path!r})\n"
    "_m = _s.modules['_book_copyrun'] = _u.module_from_spec(_spec); _spec.loader.exec_module(_m)\n"
    "_m._session({blocks!r}, {events!r})\n"
)


@dataclasses.dataclass
class BlockRun:
    block: Block
    status: str | None          # "ok", a failure, or None: never started
    stdout: str = ""
    stderr: str = ""
    cpu_seconds: float = 0.0


@dataclasses.dataclass
class PageRun:
    page: str
    runs: list[BlockRun]
    seconds: float
    timed_out: bool

    def failures(self) -> list[str]:
        """What went wrong, each naming the page, the block number and its title."""
        problems = []
        for n, run in enumerate(self.runs, 1):
            where = f"{self.page}: block {n} of {len(self.runs)} ({run.block.title or 'untitled'})"
            tail = "\n".join(run.stderr.strip().splitlines()[-20:])
            if run.status is None:
                if self.timed_out and (n == 1 or self.runs[n - 2].status == "ok"):
                    problems.append(f"{where} did not finish within the page's timeout\n{tail}")
                break
            if run.status != "ok":
                problems.append(f"{where} failed ({run.status}):\n--- end of its traceback ---\n{tail}")
                break
            warned = [line for line in run.stderr.splitlines() if runner._WARNING.search(line)]
            if warned:
                problems.append(f"{where} warned:\n" + "\n".join(warned[:5]))
        return problems + self.output_problems()

    def output_problems(self) -> list[str]:
        """Each program's output, over its blocks, against its recording."""
        printed: dict[str, list[str]] = {}
        for run in self.runs:
            if run.block.snippet:
                printed.setdefault(run.block.snippet, []).append(run.stdout if run.status == "ok" else None)
        problems = []
        for snippet, parts in printed.items():
            recorded = runner.output_path(runner.ROOT / snippet)
            if None in parts or not recorded.is_file():
                continue
            differences = runner.compare(recorded.read_text(encoding="utf-8"), "".join(parts),
                                         runner.settings(runner.ROOT / snippet))
            if differences:
                problems.append(f"{self.page}: {snippet}, run from the page, printed something else than "
                                f"{runner.rel(recorded)}:\n  " + "\n  ".join(differences[:8]))
        return problems


def _split(text: str, count: int) -> list[str]:
    parts = [""] * (count + 1)
    current = 0
    for line in text.splitlines(keepends=True):
        marker = line.rstrip("\n")
        if marker.startswith("\x00copyrun-block-") and marker.endswith("\x00"):
            current = int(marker.strip("\x00").rsplit("-", 1)[1])
            continue
        parts[current] += line
    parts[1] = parts[0] + parts[1]     # what came before the first block (a session that did not start)
    return parts[1:]


def timeout_for(blocks: list[Block]) -> float:
    """The page's time limit: the sum of its programs' timeouts (listing.toml), at least a minute."""
    snippets = {b.snippet for b in blocks if b.snippet}
    return max(60.0, sum(runner.settings(runner.ROOT / s).timeout for s in snippets))


def run_page(page: str, blocks: list[Block], timeout: float | None = None, zygote=None) -> PageRun:
    """Run a page's blocks in page order in one fresh interpreter, as a reader would.

    With a `runner.Zygote`, the interpreter is a process forked from it, which has torch &
    co. imported already (none of their names bound: a block still needs its imports);
    the test suite does that, to spare every page `import torch`. Without, it is a new
    `python -c` (what a writer's `./book copyrun` does).
    """
    timeout = timeout or timeout_for(blocks)
    # the servers its programs need (listing.toml `server`), for the whole session: tools/servers.py
    needed = [runner.settings(runner.ROOT / s).server for s in {b.snippet for b in blocks if b.snippet}]
    with servers.serving(needed, page) as server_env, \
            tempfile.TemporaryDirectory(prefix="copyrun-") as scratch, \
            tempfile.TemporaryDirectory(prefix="copyrun-cwd-") as cwd:
        scratch = Path(scratch)
        blocks_json, events = scratch / "blocks.json", scratch / "events.jsonl"
        blocks_json.write_text(json.dumps([dict(dataclasses.asdict(b), snippet=b.snippet, launch=runner.launcher(
            runner.ROOT / b.snippet) if b.own_process and b.snippet else []) for b in blocks]), encoding="utf-8")
        code = _BOOTSTRAP.format(path=str(Path(__file__).resolve()), blocks=str(blocks_json), events=str(events))
        start = time.perf_counter()
        out_path, err_path = scratch / "stdout", scratch / "stderr"
        if zygote is not None:
            returncode, _, _ = zygote.job({"code": code, "env": server_env}, cwd, out_path, err_path, timeout)
            timed_out = returncode is None
        else:
            with open(out_path, "w", encoding="utf-8") as out, open(err_path, "w", encoding="utf-8") as err:
                proc = subprocess.Popen([sys.executable, "-c", code], cwd=cwd,
                                        env={**runner.snippet_env("cpu"), **server_env},
                                        stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
                try:
                    proc.wait(timeout=timeout)
                    timed_out = False
                except subprocess.TimeoutExpired:
                    runner.stop_group(proc.pid)     # SIGTERM first: torchrun then ends its workers
                    proc.wait()
                    timed_out = True
                returncode = proc.returncode
        stdout = _split(out_path.read_text(encoding="utf-8", errors="replace"), len(blocks))
        stderr = _split(err_path.read_text(encoding="utf-8", errors="replace"), len(blocks))
        ended = {}
        if events.is_file():
            for line in events.read_text(encoding="utf-8").splitlines():
                event = json.loads(line)
                if event["event"] == "end":
                    ended[event["block"]] = event
        runs = []
        for n, block in enumerate(blocks, 1):
            event = ended.get(n)
            runs.append(BlockRun(block, event["status"] if event else None, stdout[n - 1], stderr[n - 1],
                                 event["cpu"] if event else 0.0))
        if not timed_out and returncode != 0 and runs:
            if all(r.status == "ok" for r in runs):
                runs[-1].status = f"the session exited with status {returncode}"
            elif runs[0].status is None:
                runs[0].status = f"the session did not start (status {returncode})"
        return PageRun(page, runs, time.perf_counter() - start, timed_out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    failed = 0
    for arg in argv:
        path = Path(arg).resolve()
        page = runner.rel(path)
        lang = path.relative_to(runner.ROOT / "docs").parts[0]
        blocks = notebooks.page_blocks(path, lang)
        if not blocks:
            print(f"--   {page}: no Python blocks")
            continue
        result = run_page(page, blocks)
        problems = result.failures()
        cpu = sum(r.cpu_seconds for r in result.runs)
        print(f"{'ok  ' if not problems else 'FAIL'} {page}: {len(blocks)} blocks, "
              f"{result.seconds:.1f} s wall, {cpu:.1f} s CPU")
        for problem in problems:
            print("     " + problem.replace("\n", "\n     "))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
