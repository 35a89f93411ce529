"""Servers that a snippet talks to, started by the harness around its run.

A snippet that needs one says so in snippets/listing.toml (`server = "visdom"`).
Every harness path that runs it (tools/runner.py's runs, forked or not, and so
./book record and tests/test_snippets.py; a page's copy-run in tools/copyrun.py;
tests/test_visdom.py) goes through `serving()` here, so they all get the same
server, started the same way:

- on 127.0.0.1 only, at a free port, with an empty temporary state folder;
- its output captured to a log file, shown when it fails to start;
- waited for (it must answer HTTP within `timeout` seconds, or the run fails
  naming the snippet and showing the log);
- stopped when the block ends, whatever happened in it: SIGTERM to its process
  group, then SIGKILL, and waited for, so that nothing is left running.

The snippet learns where the server is from an environment variable
(`VISDOM_PORT`); without it, it uses the server's own default port, so a reader
who started `python -m visdom.server` needs nothing.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator

HOST = "127.0.0.1"


@dataclasses.dataclass
class Server:
    kind: str
    port: int
    proc: subprocess.Popen
    log: Path
    state: Path                 # the server's own folder (visdom: -env_path, where it saves environments)
    env: dict[str, str]         # what the snippet's process needs to find it

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.is_file() else ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def _stop(proc: subprocess.Popen, grace: float = 10.0):
    """SIGTERM to the server's process group, SIGKILL if it is still there after `grace` s."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 30.0)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


# the server kinds listing.toml may name: the command, and the variables the snippet reads
COMMANDS = {
    "visdom": lambda port, state: [sys.executable, "-m", "visdom.server", "-port", str(port),
                                   "--hostname", HOST, "-bind_local", "-env_path", state],
}
PORT_VARIABLE = {"visdom": "VISDOM_PORT"}


@contextlib.contextmanager
def server(kind: str, name: str, timeout: float = 120.0) -> Iterator[Server]:
    """A `kind` server for `name` (the snippet or page, for messages), stopped when the block ends."""
    if kind not in COMMANDS:
        raise ValueError(f"{name}: unknown server {kind!r} (known: {sorted(COMMANDS)})")
    with tempfile.TemporaryDirectory(prefix=f"{kind}-server-") as scratch:
        state, log = Path(scratch) / "state", Path(scratch) / "server.log"
        state.mkdir()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        env.pop("PYTHONPATH", None)
        for attempt in range(3):      # a free port can be taken between free_port() and the bind
            port = free_port()
            with open(log, "w", encoding="utf-8") as out:
                proc = subprocess.Popen(COMMANDS[kind](port, str(state)), cwd=scratch, env=env,
                                        stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
            running = Server(kind, port, proc, log, state, {PORT_VARIABLE[kind]: str(port)})
            try:
                deadline = time.monotonic() + timeout
                while proc.poll() is None and time.monotonic() < deadline and not _answers(port):
                    time.sleep(0.2)
                if proc.poll() is None and _answers(port):
                    yield running
                    return
                if proc.poll() is not None and "Address already in use" in running.log_text() and attempt < 2:
                    continue
                what = (f"exited with status {proc.returncode}" if proc.poll() is not None
                        else f"did not answer within {timeout:.0f} s")
                raise RuntimeError(f"{name}: the {kind} server on {HOST}:{port} {what}\n"
                                   f"--- its log ({' '.join(COMMANDS[kind](port, str(state)))}) ---\n"
                                   + running.log_text()[-4000:])
            finally:
                _stop(proc)


@contextlib.contextmanager
def serving(kinds: Iterable[str | None], name: str) -> Iterator[dict[str, str]]:
    """The servers of these kinds (None: no server), one each, for as long as the block runs.

    Yields the environment variables that point a snippet's process at them ({} when none).
    """
    with contextlib.ExitStack() as stack:
        env: dict[str, str] = {}
        for kind in sorted({k for k in kinds if k}):
            env.update(stack.enter_context(server(kind, name)).env)
        yield env
