"""Shared test setup: the tools/ folder is importable from tests, and the
report ends with the slowest snippets (the budget in DESIGN.md is 10 s each)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import pytest  # noqa: E402

_TIMINGS = {}


def record_timing(name, seconds):
    _TIMINGS[name] = seconds


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # xdist: collect timings from workers
    _TIMINGS.update(getattr(node, "workeroutput", {}).get("snippet_timings", {}))


def pytest_sessionfinish(session, exitstatus):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # on an xdist worker: hand the timings to the controller
        workeroutput["snippet_timings"] = dict(_TIMINGS)


def pytest_terminal_summary(terminalreporter):
    if not _TIMINGS:
        return
    terminalreporter.section("slowest snippets (CPU, one thread)")
    for name, seconds in sorted(_TIMINGS.items(), key=lambda kv: -kv[1])[:5]:
        terminalreporter.write_line(f"{seconds:6.2f} s  {name}")
