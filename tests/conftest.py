"""Shared test setup: the tools/ folder is importable from tests, the built site
(one strict build per test worker, shared by tests/test_site.py and
tests/test_browser.py), and a report that ends with the slowest snippets (the
budget in DESIGN.md is 10 s each)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import pytest  # noqa: E402

_TIMINGS = {}
_MEASURES = {}


def build(root: Path, out: Path):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=root, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """`mkdocs build --strict` of the book, once per test process; it must not warn."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    warnings = [l for l in result.stderr.splitlines() if l.startswith("WARNING")]
    assert not warnings, "mkdocs build warned:\n" + "\n".join(warnings)
    return out


def html_path(site, lang, page):
    url = "" if page == "index.md" else page.removesuffix(".md") + "/"
    return site / ("" if lang == "zh" else "en") / url / "index.html"


def record_timing(name, seconds):
    _TIMINGS[name] = seconds


def record_measure(name, text):
    """A measurement of the site (build, reload) for the end of the test report."""
    _MEASURES[name] = text


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # xdist: collect timings from workers
    _TIMINGS.update(getattr(node, "workeroutput", {}).get("snippet_timings", {}))
    _MEASURES.update(getattr(node, "workeroutput", {}).get("site_measures", {}))


def pytest_sessionfinish(session, exitstatus):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # on an xdist worker: hand the timings to the controller
        workeroutput["snippet_timings"] = dict(_TIMINGS)
        workeroutput["site_measures"] = dict(_MEASURES)


def pytest_terminal_summary(terminalreporter):
    if _MEASURES:
        terminalreporter.section("the site, measured")
        for name, text in sorted(_MEASURES.items()):
            terminalreporter.write_line(f"{name}: {text}")
    if not _TIMINGS:
        return
    terminalreporter.section("slowest snippets (CPU time, one thread)")
    for name, seconds in sorted(_TIMINGS.items(), key=lambda kv: -kv[1])[:5]:
        terminalreporter.write_line(f"{seconds:6.2f} s  {name}")
