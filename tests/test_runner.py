"""The harness itself: a failing, hanging or noisy snippet is reported by name,
and the output comparison tolerates rounding but not real changes."""
import json
import os
import textwrap
import time
from pathlib import Path

import runner


def _write(tmp_path, body):
    path = tmp_path / "broken_example.py"
    path.write_text(textwrap.dedent(body))
    return path


def test_failure_names_the_snippet_and_shows_stderr(tmp_path):
    path = _write(tmp_path, """
        print("started")
        raise ValueError("shapes (2, 3) and (4,) do not match")
    """)
    result = runner.run(path, timeout=60)
    message = result.failure()
    assert "broken_example.py exited with status 1" in message
    assert "ValueError: shapes (2, 3) and (4,) do not match" in message


def test_a_hang_is_killed_and_named_with_its_workers(tmp_path):
    path = _write(tmp_path, """
        import subprocess, sys, time
        worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        print(worker.pid, flush=True)
        time.sleep(120)
    """)
    result = runner.run(path, timeout=3)
    assert result.returncode is None
    assert result.seconds < 30, "the harness waited for the snippet's worker instead of ending it"
    assert "broken_example.py did not finish within its timeout" in result.failure()
    worker = int(result.stdout.split()[0])
    for _ in range(50):          # the worker was killed with its process group
        if not _alive(worker):
            break
        time.sleep(0.1)
    assert not _alive(worker), "a worker of the timed-out snippet is still running"


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split()[2] == "Z")   # a zombie is dead


def test_a_warning_fails_the_snippet(tmp_path):
    path = _write(tmp_path, "import warnings\nwarnings.warn('old API', DeprecationWarning)\n")
    result = runner.run(path, timeout=60)
    assert result.returncode == 0
    assert "printed warnings" in result.failure()


def test_a_cpu_run_hides_the_gpu_and_uses_one_thread(tmp_path):
    path = _write(tmp_path, """
        import os
        print(repr(os.environ["CUDA_VISIBLE_DEVICES"]), os.environ["OMP_NUM_THREADS"])
    """)
    assert runner.run(path, device="cpu", timeout=60).stdout.split() == ["''", "1"]


def test_compare_tolerates_rounding_but_not_changes():
    s = runner.Settings(timeout=1, budget=1, rel_tol=1e-3, abs_tol=1e-6, volatile=[r"^took"], gpu=True,
                        requires=None, reason=None)
    recorded = "step 100  loss 328.8\nlast 4.851e-07\nshape torch.Size([64, 10])\ntook 1.2 s\n"
    assert runner.compare(recorded, "step 100  loss 328.9\nlast 4.852e-07\nshape torch.Size([64, 10])\ntook 9 s\n", s) == []
    assert runner.compare(recorded, "step 100  loss 330.1\nlast 4.851e-07\nshape torch.Size([64, 10])\ntook 1 s\n", s)
    assert runner.compare(recorded, "step 100  loss 328.8\nlast 4.851e-07\nshape torch.Size([64, 11])\ntook 1 s\n", s)
    assert runner.compare(recorded, "step 100  loss 328.8\nlast 4.851e-07\n", s)


# --- the zygote the test suite forks the snippets from (runner.Zygote) ---------------------

import pytest  # noqa: E402


@pytest.fixture(scope="module")
def zygote():
    zygote = runner.Zygote()
    yield zygote
    zygote.close()
    assert zygote.proc.poll() is not None, "the zygote is still running after close()"


@pytest.mark.slow
def test_a_forked_run_fails_hangs_and_warns_like_a_real_one(zygote, tmp_path):
    path = _write(tmp_path, 'print("started")\nraise ValueError("shapes (2, 3) and (4,) do not match")\n')
    message = zygote.run(path, timeout=60).failure()
    assert "broken_example.py exited with status 1" in message and "ValueError: shapes (2, 3)" in message

    path = _write(tmp_path, """
        import subprocess, sys, time
        worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        print(worker.pid, flush=True)
        time.sleep(120)
    """)
    result = zygote.run(path, timeout=3)
    assert result.returncode is None and "did not finish within its timeout" in result.failure()
    worker = int(result.stdout.split()[0])
    for _ in range(50):
        if not _alive(worker):
            break
        time.sleep(0.1)
    assert not _alive(worker), "a worker of the timed-out forked snippet is still running"

    path = _write(tmp_path, "import warnings\nwarnings.warn('old API', DeprecationWarning)\n")
    assert "printed warnings" in zygote.run(path, timeout=60).failure()


@pytest.mark.slow
def test_a_forked_run_is_a_fresh_main_that_shares_nothing(zygote, tmp_path):
    """The zygote imported torch, but a snippet that does not import it has no `torch`; what one
    snippet changes (torch's default dtype) the next does not see; each is `__main__`, run as
    `python snippet.py` from an empty folder, with the GPU hidden and one thread."""
    missing = _write(tmp_path, "x = torch.zeros(2)\n")
    assert "NameError: name 'torch' is not defined" in zygote.run(missing, timeout=60).failure()

    first = tmp_path / "first.py"
    first.write_text("import torch\ntorch.set_default_dtype(torch.float64)\nprint(torch.get_default_dtype())\n")
    second = tmp_path / "second.py"
    second.write_text(textwrap.dedent("""
        import os, sys
        import torch
        print(torch.get_default_dtype(), __name__, sys.argv[0] == __file__, os.listdir("."))
        print(repr(os.environ["CUDA_VISIBLE_DEVICES"]), os.environ["OMP_NUM_THREADS"], sys.path[0] == os.path.dirname(__file__))
    """))
    assert zygote.run(first, timeout=60).stdout.strip() == "torch.float64"
    result = zygote.run(second, timeout=60)
    assert result.failure() is None, result.failure()
    assert result.stdout.splitlines() == ["torch.float32 __main__ True []", "'' 1 True"]
    assert zygote.import_seconds > 0.5, "the zygote did not import torch before forking"


@pytest.mark.slow
@pytest.mark.parametrize("forked", [False, True], ids=["python -c", "zygote"])
def test_a_copy_run_session_starts_empty_and_names_the_failing_block(zygote, forked):
    """What a reader pastes runs in a __main__ that holds nothing of the harness: a block that
    uses a name no earlier block defined fails, named by its number and title."""
    import copyrun
    from notebooks import Block
    blocks = [Block("first", "print(sorted(k for k in globals() if not k.startswith('__')))\nx = 2\n", False),
              Block("second", "print(x * 21, __name__)\n", False),
              Block("third", "print(torch.zeros(1))\n", False),
              Block("fourth", "print('never')\n", False)]
    result = copyrun.run_page("page.md", blocks, zygote=zygote if forked else None)
    assert [r.stdout for r in result.runs[:2]] == ["[]\n", "42 __main__\n"]
    problems = result.failures()
    assert len(problems) == 1 and "page.md: block 3 of 4 (third) failed" in problems[0]
    assert "NameError: name 'torch' is not defined" in problems[0]
    assert result.runs[3].status is None, "the session went on after a failing block"


@pytest.mark.slow
def test_the_zygote_answers_are_read_even_when_two_arrive_at_once(zygote, tmp_path):
    """Regression: a fast run's two answers (its pid, then its status) can reach the pipe together;
    a buffered readline() took both, and the wait for the second timed out (CI, December 2026)."""
    quick = tmp_path / "quick.py"
    quick.write_text("print('hi')\n")
    job = {"snippet": str(quick), "cwd": str(tmp_path), "stdout": str(tmp_path / "out"), "stderr": str(tmp_path / "err")}
    zygote.proc.stdin.write(json.dumps(job) + "\n")
    zygote.proc.stdin.flush()
    time.sleep(3)                       # both answers are in the pipe by now
    assert "pid" in zygote._answer(5)
    assert zygote._answer(5)["status"] == 0
    assert (tmp_path / "out").read_text() == "hi\n"
