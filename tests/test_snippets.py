"""Every snippet runs as a real program: once on the CPU (GPU hidden), and once
more on the GPU when there is one. The CPU run must print what the pages show
(outputs/), within the tolerances of snippets/listing.toml.

The CPU runs fork from a zygote that has imported torch and the other modules
every snippet shares (runner.Zygote): each snippet is still `__main__` in a process
of its own, in an empty working directory, but does not pay `import torch` again.
TensorFlow programs start from scratch. ./book record, the GPU pass and the page
copy-runs (tests/test_copyrun.py) start every interpreter from scratch; the CPU
budget is checked against the standalone run ./book record measured."""
import importlib.util
import re
import os

import pytest

import runner
from conftest import record_timing

SNIPPETS = runner.all_snippets()
IDS = [runner.rel(p) for p in SNIPPETS]


def _skip_unless_importable(snippet, settings):
    if settings.requires and importlib.util.find_spec(settings.requires) is None:
        message = f"{runner.rel(snippet)} needs {settings.requires}, which is not installed ({settings.reason})"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run it")
        pytest.skip(message)


def test_every_snippet_is_found():
    assert SNIPPETS, "no snippets/**/*.py found"
    assert not runner.unknown_listing_entries(), (
        f"snippets/listing.toml names snippets that do not exist: {runner.unknown_listing_entries()}")


@pytest.mark.slow
@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_cpu(snippet, zygote):
    settings = runner.settings(snippet)
    _skip_unless_importable(snippet, settings)
    name = runner.rel(snippet)
    result = zygote.run(snippet) if runner.forkable(snippet) else runner.run(snippet, device="cpu")
    record_timing(name, result.cpu_seconds)
    failure = result.failure()
    assert failure is None, failure

    recorded = runner.output_path(snippet)
    assert recorded.exists(), f"{name} has no recorded output {runner.rel(recorded)}: run ./book record {name}"
    problems = runner.compare(recorded.read_text(encoding="utf-8"), result.stdout, settings)
    assert not problems, (
        f"{name} no longer prints what {runner.rel(recorded)} shows:\n  " + "\n  ".join(problems)
        + f"\nIf the change is intended, run ./book record {name}")
    assert result.cpu_seconds <= settings.budget, (
        f"{name} took {result.cpu_seconds:.1f} s of CPU time (one thread); the budget is {settings.budget} s")


def test_every_recorded_run_fits_its_budget():
    """DESIGN.md's budget, on the standalone runs ./book record timed (`python snippet.py`, one thread)."""
    import json
    manifest = json.loads((runner.OUTPUTS / "manifest.json").read_text(encoding="utf-8"))["snippets"]
    over, untimed = [], []
    for snippet in SNIPPETS:
        entry = manifest.get(runner.rel(snippet), {})
        if "cpu_seconds" not in entry:
            untimed.append(runner.rel(snippet))
        elif entry["cpu_seconds"] > runner.settings(snippet).budget:
            over.append(f"{runner.rel(snippet)}: {entry['cpu_seconds']} s > {runner.settings(snippet).budget} s")
    assert not untimed, f"no recorded CPU time for {untimed[:5]}: run ./book record on them"
    assert not over, "over the CPU budget when recorded:\n  " + "\n  ".join(over)


@pytest.fixture(scope="session")
def gpu():
    return runner.gpu_available()


@pytest.mark.slow
@pytest.mark.gpu
@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_gpu(snippet, gpu):
    available, detail = gpu
    if not available:
        pytest.skip(f"GPU pass skipped: {detail}")
    settings = runner.settings(snippet)
    if not settings.gpu:
        pytest.skip(f"{runner.rel(snippet)} is CPU-only: {settings.reason}")
    _skip_unless_importable(snippet, settings)
    result = runner.run(snippet, device="gpu")
    failure = result.failure()
    assert failure is None, failure
    # numbers may differ on a GPU (other kernels, TF32); the shape of the output may not
    recorded = runner.output_path(snippet).read_text(encoding="utf-8").strip("\n").splitlines()
    fresh = result.stdout.strip("\n").splitlines()
    assert len(fresh) == len(recorded), (
        f"{runner.rel(snippet)} printed {len(fresh)} lines on {detail}, {len(recorded)} on the CPU")


@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_snippet_shape(snippet):
    """DESIGN.md: a snippet is a standalone program of 20 to 120 lines, each at
    most 79 characters (what a code block shows whole at 1280 px: issue 12), that
    says what it shows in a docstring and seeds whatever randomness it uses."""
    import ast
    source = snippet.read_text(encoding="utf-8")
    lines = len(source.splitlines())
    name = runner.rel(snippet)
    assert 20 <= lines <= 120, f"{name} has {lines} lines; keep a snippet between 20 and 120"
    wide = [f"{name}:{number}: {len(line)} characters: {line.strip()[:60]}"
            for number, line in enumerate(source.splitlines(), 1) if len(line) > 79]
    assert not wide, "lines over 79 characters (a code block shows 80 at 1280 px):\n  " + "\n  ".join(wide)
    assert ast.get_docstring(ast.parse(source)), f"{name} needs a docstring saying what it shows"
    if re.search(r"\btorch\.(rand|randn|randint|randperm|normal)\b|\.random\.", source):
        assert re.search(r"manual_seed\(|default_rng\(\d|np\.random\.seed\(", source), f"{name} uses randomness without a seed"
