"""Shared test setup: the tools/ folder is importable from tests, the built site
(one strict build per test worker, shared by tests/test_site.py and
tests/test_browser.py), and a report that ends with the slowest snippets (the
budget in DESIGN.md is 10 s each)."""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
# one thread for the torch the tests run in-process, like the snippets' own runs: two xdist
# workers with two threads each on a two-core machine ran the in-process tests 30x slower
# (tests/test_nn.py: 50 s instead of 1.5 s); set before any test module imports torch
os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"

import pytest  # noqa: E402

_TIMINGS = {}
_MEASURES = {}


def build(root: Path, out: Path):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=root, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """`mkdocs build --strict` of the book, once per test run; it must not warn.

    Under pytest-xdist the workers share one build: the first to get here builds
    into the run's shared temporary folder while the others wait on a file lock.
    """
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    out, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.is_file():
            start = time.perf_counter()
            result = build(ROOT, out)
            if result.returncode != 0:
                done.write_text("FAILED\n" + result.stdout[-3000:] + "\n" + result.stderr[-5000:], encoding="utf-8")
            else:
                warnings = [l for l in result.stderr.splitlines() if l.startswith("WARNING")]
                done.write_text(("WARNED\n" + "\n".join(warnings)) if warnings else "OK", encoding="utf-8")
                record_measure("mkdocs build --strict (the tests' build)", f"{time.perf_counter() - start:.1f} s")
    status = done.read_text(encoding="utf-8")
    assert not status.startswith("FAILED"), f"mkdocs build --strict failed:\n{status[7:]}"
    assert not status.startswith("WARNED"), f"mkdocs build warned:\n{status[7:]}"
    return out


@pytest.fixture(scope="session")
def zygote():
    """One per test process: a Python with torch & co. imported, forking a fresh process per run (runner.Zygote)."""
    import runner
    zygote = runner.Zygote()
    yield zygote
    zygote.close()
    if zygote.fallbacks:        # shown at the end of the report: a fork that hung, then a real run decided
        record_measure(f"runs that hung forked and ran from scratch ({os.getpid()})", "; ".join(zygote.fallbacks))


@pytest.fixture(scope="session")
def every_page(site):
    """Every page and notebook view loaded once in Chromium, with what the browser tests measure on
    each (test_browser.visit_every_page). Its tests share the xdist group "every-page", so one
    worker loads the pages once for all of them."""
    import test_browser
    return test_browser.visit_every_page(site)


def html_path(site, lang, page):
    url = "" if page == "index.md" else page.removesuffix(".md") + "/"
    return site / ("" if lang == "zh" else "en") / url / "index.html"


def record_timing(name, seconds):
    _TIMINGS[name] = seconds


def record_measure(name, text):
    """A measurement of the site (build, reload) for the end of the test report."""
    _MEASURES[name] = text


def record_copyrun(page, blocks, alone, wall, cpu):
    """One page's copy-run, for the summary at the end of the report (`alone`: blocks run by themselves)."""
    _MEASURES[f"copy-run\0{page}"] = (blocks, alone, wall, cpu)


_BY_FILE = {}       # test file -> [tests, seconds of setup + call + teardown]


def pytest_runtest_logreport(report):
    """Where the suite's time goes, per test file (on the controller under xdist: every report comes here)."""
    entry = _BY_FILE.setdefault(report.nodeid.split("::", 1)[0], [0, 0.0])
    entry[1] += report.duration
    if report.when == "call":
        entry[0] += 1


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
    copyruns = {k.split("\0", 1)[1]: v for k, v in _MEASURES.items() if k.startswith("copy-run\0")}
    measures = {k: v for k, v in _MEASURES.items() if not k.startswith("copy-run\0")}
    if measures:
        terminalreporter.section("the site, measured")
        for name, text in sorted(measures.items()):
            terminalreporter.write_line(f"{name}: {text}")
    if copyruns:
        terminalreporter.section("copy-run (every chapter page's blocks, copied from the built HTML)")
        ran = {page: v for page, v in copyruns.items() if v[0]}
        alone = sum(v[1] for v in copyruns.values())
        terminalreporter.write_line(
            f"{len(copyruns)} chapter pages: {len(ran)} ran {sum(v[0] for v in ran.values())} blocks in one session "
            f"each, {sum(v[3] for v in ran.values()):.0f} s CPU in all; {alone} blocks that run in a fresh process of "
            f"their own (TensorFlow) are whole snippets, run by tests/test_snippets.py; "
            f"{sum(1 for v in copyruns.values() if not v[0] and not v[1])} pages show no Python")
        for page, (blocks, _, wall, cpu) in sorted(ran.items(), key=lambda kv: -kv[1][3])[:5]:
            terminalreporter.write_line(f"{cpu:6.1f} s CPU  {wall:6.1f} s wall  {blocks:3d} blocks  {page}")
    if _BY_FILE:
        terminalreporter.section("where the time went, per test file (sum of test durations, all workers)")
        for name, (count, seconds) in sorted(_BY_FILE.items(), key=lambda kv: -kv[1][1]):
            terminalreporter.write_line(f"{seconds:7.1f} s  {count:4d} tests  {name}")
    if not _TIMINGS:
        return
    terminalreporter.section("slowest snippets (CPU time, one thread)")
    import json
    manifest = json.loads((ROOT / "outputs" / "manifest.json").read_text(encoding="utf-8"))["snippets"]
    alone = sorted(e["cpu_seconds"] for e in manifest.values() if "cpu_seconds" in e)
    forked = sorted(_TIMINGS.values())
    if alone:
        terminalreporter.write_line(f"{len(alone)} snippets run alone (./book record): median {alone[len(alone) // 2]:.2f} s, "
                                    f"max {alone[-1]:.2f} s, total {sum(alone):.0f} s")
    terminalreporter.write_line(f"{len(forked)} snippets run here (forked from the zygote but TensorFlow): median "
                                f"{forked[len(forked) // 2]:.2f} s, total {sum(forked):.0f} s")
    for name, seconds in sorted(_TIMINGS.items(), key=lambda kv: -kv[1])[:5]:
        terminalreporter.write_line(f"{seconds:6.2f} s  {name}")


def pytest_collection_modifyitems(session, config, items):
    """Order the run for two workers so that neither waits for the site build: the longest browser
    test first (its worker builds the site, shared by all, then visits every page), then everything
    that needs no site (the other worker starts on the snippets at once), then the rest of the
    site and browser tests and the copy-runs, when the build is done. In file order, the browser
    tests came first and both workers waited for the build."""
    def rank(item):
        path = item.nodeid.split("::", 1)[0]
        if item.nodeid.endswith("::test_every_page_loads_with_no_error_and_no_request_elsewhere"):
            return 0
        if path in ("tests/test_browser.py", "tests/test_site.py", "tests/test_copyrun.py"):
            return 2
        return 1
    items.sort(key=rank)
