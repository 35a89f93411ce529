"""Run snippets as real programs and compare what they print with the recording.

Used by tools/record.py (to write outputs/) and by tests/ (to check them), so
both run a snippet in exactly the same way: its own subprocess, a fresh
temporary working directory, one CPU thread, and the GPU hidden for a CPU run.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import json
import math
import os
import re
import resource
import runpy
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import servers

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
OUTPUTS = ROOT / "outputs"
LISTING = SNIPPETS / "listing.toml"

# a number as Python prints it: 12, -3.5, 1e-06, 4.851e-07, 0.5000, inf, nan
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])|\b(?:nan|inf)\b")
_WARNING = re.compile(r"\b\w*Warning\b:")


def all_snippets() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    """The path as the book names it (relative to the repository when inside it)."""
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


@functools.cache
def snippet_globals(rel_path: str) -> dict:
    """Run a snippet in this process, as a reader pasting it would, and return its global names.

    Snippets are top-level scripts (README: "What a snippet looks like"), so what a
    test or a figure needs from one (a function, the list of losses) is one of its
    globals. The run prints nothing here (stdout is swallowed) and is done once per
    process: every caller gets the same namespace, so treat it as read-only.
    """
    path = ROOT / rel_path
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="snippet-") as cwd, contextlib.redirect_stdout(io.StringIO()):
        os.chdir(cwd)           # whatever the snippet saves lands in a folder of its own
        try:
            return runpy.run_path(str(path), run_name="__main__")
        finally:
            os.chdir(here)


def output_path(snippet: Path) -> Path:
    """outputs/<chapter>/<name>.txt for snippets/<chapter>/<name>.py"""
    return (OUTPUTS / _key(snippet)).with_suffix(".txt")


@dataclasses.dataclass
class Settings:
    timeout: float
    budget: float
    rel_tol: float
    abs_tol: float
    volatile: list[str]
    gpu: bool
    requires: str | None
    reason: str | None
    server: str | None = None    # a server the harness starts around each run (tools/servers.py)
    launch: str | None = None    # "python" or "torchrun <options>": a program of its own, run from its file


def _listing() -> dict:
    return tomllib.loads(LISTING.read_text(encoding="utf-8"))


def _key(snippet: Path) -> str:
    """How listing.toml names a snippet: its path below snippets/."""
    return snippet.resolve().relative_to(SNIPPETS).as_posix()


def settings(snippet: Path) -> Settings:
    listing = _listing()
    merged = {"volatile": [], "gpu": True, "requires": None, "reason": None, "server": None, "launch": None}
    merged.update(listing["defaults"])
    # a program outside snippets/ (the harness's own tests run some) has no entry: the defaults
    key = _key(snippet) if Path(snippet).resolve().is_relative_to(SNIPPETS) else str(snippet)
    merged.update(listing.get(key, {}))
    unknown = set(merged) - {f.name for f in dataclasses.fields(Settings)}
    if unknown:
        raise ValueError(f"snippets/listing.toml: unknown setting(s) {sorted(unknown)} for {key}")
    return Settings(**merged)


def unknown_listing_entries() -> list[str]:
    known = {_key(p) for p in all_snippets()}
    return sorted(k for k in _listing() if k != "defaults" and k not in known)


@dataclasses.dataclass
class Result:
    snippet: Path
    returncode: int | None      # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float              # wall-clock time
    cpu_seconds: float = 0.0    # CPU time of the snippet's processes (what the budget is about)

    def failure(self) -> str | None:
        """A message naming the snippet, with the end of its stderr, or None."""
        name = rel(self.snippet)
        tail = "\n".join(self.stderr.strip().splitlines()[-25:])
        if self.returncode is None:
            return f"{name} did not finish within its timeout ({self.seconds:.0f} s)\n--- end of stderr ---\n{tail}"
        if self.returncode != 0:
            return f"{name} exited with status {self.returncode}\n--- end of stderr ---\n{tail}"
        warnings = [line for line in self.stderr.splitlines() if _WARNING.search(line)]
        if warnings:
            return f"{name} printed warnings:\n" + "\n".join(warnings[:10])
        # TensorFlow logs its deprecation notes without the word Warning (the book quiets them)
        deprecations = [line for line in self.stderr.splitlines() if "deprecat" in line.lower()]
        if deprecations:
            return f"{name} printed deprecation notices:\n" + "\n".join(deprecations[:10])
        return None


def snippet_env(device: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OMP_NUM_THREADS="1",          # the budget is for one core; one thread is also repeatable
        MKL_NUM_THREADS="1",
        PYTHONHASHSEED="0",
        PYTHONWARNINGS="default",     # show every warning once, so the harness can see it
        PYTHONDONTWRITEBYTECODE="1",
        TF_CPP_MIN_LOG_LEVEL="2",
        MPLBACKEND="Agg",
    )
    env.pop("PYTHONPATH", None)       # a snippet imports only what is installed
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""  # hide any GPU
    return env


def launcher(snippet: Path) -> list[str]:
    """What comes between `python` and the file when a program runs: nothing, or for a program that
    torchrun launches (listing.toml `launch = "torchrun ..."`), `-m torch.distributed.run <options>`
    (torchrun is that module's script: this way it is the same interpreter's)."""
    words = (settings(snippet).launch or "python").split()
    if words[0] == "python":
        return words[1:]
    if words[0] == "torchrun":
        return ["-m", "torch.distributed.run", *words[1:]]
    raise ValueError(f"snippets/listing.toml: launch must start with python or torchrun, not {words[0]!r}")


def stop_group(pid: int, grace: float = 5.0):
    """End a process group: SIGTERM first, so that a launcher (torchrun) ends the workers it started in
    sessions of their own, then SIGKILL whatever is left after `grace` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while sig == signal.SIGTERM and time.monotonic() < deadline:
            try:
                os.killpg(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


def run(snippet: Path, device: str = "cpu", timeout: float | None = None) -> Result:
    """Run one snippet as `python snippet.py` (or as its listing's `launch` says) in a fresh temporary directory."""
    snippet = snippet.resolve()
    timeout = timeout or settings(snippet).timeout
    with servers.serving([settings(snippet).server], rel(snippet)) as server_env, \
            tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
        start = time.perf_counter()
        # CPU time, not wall time, is what the budget limits: a loaded machine (parallel
        # tests) stretches wall time but not the work a snippet does
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        # its own process group, so that a timeout also ends any workers it started
        proc = subprocess.Popen(
            [sys.executable, *launcher(snippet), str(snippet)], cwd=cwd, env={**snippet_env(device), **server_env},
            text=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            stop_group(proc.pid)
            out, err = proc.communicate()
            code = None
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Result(snippet, code, out, err, time.perf_counter() - start, cpu)


def _split(line: str) -> tuple[str, list[str]]:
    return _NUMBER.sub("#", line), _NUMBER.findall(line)


def _last_digit(text: str) -> float:
    """One unit in the last printed digit of a float ('4.851e-07' -> 1e-10); 0 for an integer."""
    mantissa, _, exponent = text.lower().partition("e")
    if "." not in mantissa and not exponent:
        return 0.0
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 10.0 ** (int(exponent or 0) - decimals)


def _close(a: str, b: str, rel_tol: float, abs_tol: float) -> bool:
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    # printed numbers are rounded, so one unit in the last printed digit is allowed too
    tol = max(abs_tol, rel_tol * max(abs(x), abs(y)), _last_digit(a), _last_digit(b))
    return abs(x - y) <= tol


def compare(recorded: str, fresh: str, s: Settings) -> list[str]:
    """Differences between a recorded output and a fresh one, as readable lines."""
    volatile = [re.compile(v) for v in s.volatile]
    keep = lambda text: [l.rstrip() for l in text.strip("\n").splitlines() if not any(v.search(l) for v in volatile)]
    old, new = keep(recorded), keep(fresh)
    problems = []
    if len(old) != len(new):
        problems.append(f"recorded {len(old)} lines, the fresh run printed {len(new)}")
    for i, (a, b) in enumerate(zip(old, new), 1):
        (ta, na), (tb, nb) = _split(a), _split(b)
        if ta != tb or len(na) != len(nb) or not all(_close(x, y, s.rel_tol, s.abs_tol) for x, y in zip(na, nb)):
            problems.append(f"line {i}: recorded {a!r}\n        fresh    {b!r}")
    return problems


def gpu_available() -> tuple[bool, str]:
    """Ask a subprocess (so this process never initialises CUDA) whether torch sees a GPU."""
    code = "import torch; print(torch.cuda.is_available() and torch.cuda.get_device_name(0) or '')"
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return False, "asking torch for a GPU timed out"
    name = proc.stdout.strip()
    if proc.returncode != 0:
        return False, f"torch did not import: {proc.stderr.strip().splitlines()[-1:]}"
    return (True, name) if name else (False, "torch.cuda.is_available() is False on this machine")


# --- the forked runs of the test suite ---------------------------------------------------

# what most snippets import: loaded once by the zygote, so a forked run starts with them in
# sys.modules (each snippet still imports them itself, or fails with a NameError as it would)
PRELOAD = ("numpy", "torch", "torch._dynamo", "torch.utils.data", "sklearn.datasets", "sklearn.model_selection",
           "torchvision")

_ZYGOTE = r'''
import json, os, resource, runpy, sys, traceback
for name in PRELOADS:
    try:
        __import__(name)
    except ImportError:
        pass
sys.stderr.flush()


def _child(job, out, err):
    # local imports only: a `code` job (a copy-run session) empties this module's namespace
    import os, runpy, sys, traceback
    os.setsid()                        # its own process group: a timeout ends its workers too
    os.dup2(out, 1); os.dup2(err, 2); os.close(out); os.close(err)
    null = os.open(os.devnull, os.O_RDONLY); os.dup2(null, 0)
    os.chdir(job["cwd"])
    os.environ.update(job.get("env", {}))   # where the servers the harness started listen
    code = 0
    try:
        if "snippet" in job:           # as `python snippet.py`
            sys.argv = [job["snippet"]]
            sys.path[0] = os.path.dirname(job["snippet"])
            runpy.run_path(job["snippet"], run_name="__main__")
        else:                          # as `python -c code`: this module is __main__, and sys.path[0] is ''
            sys.argv = ["-c"]
            exec(compile(job["code"], "<string>", "exec"), vars(sys.modules["__main__"]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    # exit as a script does, minus tearing down every module the zygote loaded (a second of CPU):
    # the atexit handlers (multiprocessing's joins its workers) run, the buffers are flushed
    import atexit
    atexit._run_exitfuncs()
    sys.stdout.flush(); sys.stderr.flush()
    os._exit(code)


import gc
gc.collect()
gc.freeze()          # what is loaded stays out of the children's collections (no copy-on-write for it)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"ready": usage.ru_utime + usage.ru_stime}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    out = os.open(job["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    pid = os.fork()
    if pid == 0:                       # the new process
        _child(job, out, err)
    os.close(out); os.close(err)
    print(json.dumps({"pid": pid}), flush=True)
    _, status, usage = os.wait4(pid, 0)
    print(json.dumps({"status": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime}),
          flush=True)
'''


class Zygote:
    """A Python that has imported what snippets share (PRELOAD) once, and forks a fresh process per snippet.

    A forked run is a snippet run as `__main__` in a new process, in a fresh temporary
    working directory, with one CPU thread and the GPU hidden, exactly as `run()`; the one
    difference is that the imports in PRELOAD are already in `sys.modules` (a snippet still
    binds each name it uses by its own `import`). That saves every snippet the 2.5 s of CPU of
    `import torch` (5.5 s with torch._dynamo, which the first `optimizer.step()` loads), so the
    test suite's runs take what the snippets themselves do. `import_seconds` is what the imports
    cost, reported apart from each run's own CPU time (`Result.cpu_seconds` is the snippet's
    own work here); the budget, which is about a standalone run, is checked against the CPU
    time ./book record measured for a real `python snippet.py` (outputs/manifest.json).
    TensorFlow programs never fork from here (TensorFlow never shares a process with torch):
    `run()` starts them from scratch, like ./book record and the GPU pass do for every snippet.
    """

    def __init__(self):
        self.fallbacks: list[str] = []      # runs that hung forked and were run from scratch instead
        self._start()

    def _start(self):
        code = _ZYGOTE.replace("PRELOADS", repr(PRELOAD))
        self._log = tempfile.NamedTemporaryFile(prefix="zygote-", suffix=".log")
        self._pending = b""
        self.proc = subprocess.Popen([sys.executable, "-c", code], env=snippet_env("cpu"), text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                     cwd=tempfile.gettempdir())
        try:
            self.import_seconds = self._answer(300)["ready"]
        except (RuntimeError, TimeoutError):
            self.close()
            raise RuntimeError("the snippet zygote did not start:\n" + self._log_text())
        # a warning printed while importing torch & co would be hidden from every forked run: fail here
        warned = [line for line in self._log_text().splitlines() if _WARNING.search(line)]
        if warned:
            self.close()
            raise RuntimeError(f"importing {', '.join(PRELOAD)} printed warnings:\n" + "\n".join(warned[:10]))

    def _restart(self):
        self.proc.kill()
        self.proc.wait()
        self._log.close()
        self._start()

    def _log_text(self) -> str:
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")

    def _answer(self, timeout: float | None = None) -> dict:
        """The zygote's next line, as JSON. Read from the pipe's descriptor into a buffer of our own:
        a buffered readline() may swallow the next answer too, and select() then waits for it in vain."""
        import selectors
        fd = self.proc.stdout.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._pending:
            with selectors.DefaultSelector() as wait:
                wait.register(fd, selectors.EVENT_READ)
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                if not wait.select(left):
                    raise TimeoutError
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("the snippet zygote died")
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return json.loads(line)

    def job(self, job: dict, cwd: str, stdout: Path, stderr: Path, timeout: float) -> tuple[int | None, float, float]:
        """Run a job (`snippet` or `code`) in a new process forked from here; (status, or None when it
        did not finish in time, wall seconds, CPU seconds of the process and its children).

        A run that does not finish is killed with its process group, and the zygote is started
        anew, so that nothing it might have left behind reaches the next run.
        """
        start = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps(dict(job, cwd=cwd, stdout=str(stdout), stderr=str(stderr))) + "\n")
            self.proc.stdin.flush()
            pid = self._answer(60)["pid"]
        except (OSError, RuntimeError, TimeoutError, KeyError):
            self._restart()                  # the zygote itself failed: start again, and run this once more
            return self.job(job, cwd, stdout, stderr, timeout)
        try:
            done = self._answer(timeout)
            return done["status"], time.perf_counter() - start, done["cpu"]
        except TimeoutError:
            for kill in (os.killpg, os.kill):    # its group; the process alone if it never got to setsid()
                try:
                    kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self._restart()
            return None, time.perf_counter() - start, 0.0

    def run(self, snippet: Path, timeout: float | None = None) -> Result:
        snippet = snippet.resolve()
        timeout = timeout or settings(snippet).timeout
        with servers.serving([settings(snippet).server], rel(snippet)) as server_env, \
                tempfile.TemporaryDirectory(prefix="snippet-") as cwd, \
                tempfile.TemporaryDirectory(prefix="snippet-out-") as scratch:
            out, err = Path(scratch) / "stdout", Path(scratch) / "stderr"
            code, seconds, cpu = self.job({"snippet": str(snippet), "env": server_env}, cwd, out, err, timeout)
            if code is None:        # a hang: is it the snippet's or the fork's? A run from scratch decides
                self.fallbacks.append(f"{rel(snippet)} (forked, it did not finish in {timeout:.0f} s)")
                return run(snippet, device="cpu", timeout=timeout)
            return Result(snippet, code, out.read_text(encoding="utf-8", errors="replace"),
                          err.read_text(encoding="utf-8", errors="replace"), seconds, cpu)

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


# a TensorFlow program (Keras 3 imports TensorFlow as its backend): never forked from the zygote,
# and on a page it runs in a fresh process of its own (tools/notebooks.py)
TENSORFLOW = re.compile(r"^\s*(?:import|from)\s+(?:tensorflow|keras)\b", re.MULTILINE)


def forkable(snippet: Path) -> bool:
    """Whether a snippet may run forked from the zygote: not a TensorFlow program, nor one with a
    `launch` (its worker processes import it from its file, or torchrun starts it)."""
    return settings(snippet).requires != "tensorflow" and not settings(snippet).launch and not (
        TENSORFLOW.search(snippet.read_text(encoding="utf-8")))
