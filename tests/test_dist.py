"""Part 13's claims that span programs, and the launchers the harness uses for them.

The distributed programs themselves run in tests/test_snippets.py exactly as a reader
runs them: `python collectives.py` (mp.spawn), `torchrun --standalone --nproc-per-node 2
ddp_torchrun.py` (as `python -m torch.distributed.run ...`), each asserting its own
claims. Here: the page shows the command the harness runs, the arithmetic behind
"two ranks of 8 equal one process of 16" (and where it stops holding), and that a
torchrun job always ends: when a worker fails, and when the harness stops it.
"""
import os
import re
import runpy
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import torch
from torch import nn

import notebooks
import runner

DIST = runner.SNIPPETS / "dist"
LAUNCHED = sorted(p for p in DIST.glob("*.py") if runner.settings(p).launch)


def test_programs_that_start_processes_run_from_their_files():
    """Every program that calls mp.spawn or is meant for torchrun has a `launch` (so it runs from its
    file, never forked or pasted); the others stay in the page's session."""
    for path in sorted(DIST.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        starts = "mp.spawn(" in source or re.search(r'init_process_group\("gloo", timeout', source)
        assert bool(starts) == bool(runner.settings(path).launch), runner.rel(path)
        assert not runner.forkable(path) or not starts, runner.rel(path)
        assert notebooks.own_process(runner.rel(path)) == bool(starts), runner.rel(path)
        if "mp.spawn(" in source:
            assert runner.settings(path).launch == "python"
            assert 'if __name__ == "__main__":' in source, f"{runner.rel(path)}: spawn re-imports the file"
        if "dist.init_process_group(" in source:     # every group is destroyed on every path
            assert "finally:\n" in source and "dist.destroy_process_group()" in source, runner.rel(path)
            assert "timeout=datetime.timedelta(seconds=60)" in source or "HashStore" in source, runner.rel(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_shows_the_torchrun_command_the_tests_run(lang):
    """A reader types `torchrun <options> x.py`; the harness runs `python -m torch.distributed.run
    <options> x.py`, with the options from listing.toml: the two must be the same command."""
    for path in LAUNCHED:
        launch = runner.settings(path).launch
        if not launch.startswith("torchrun"):
            continue
        assert runner.launcher(path)[:2] == ["-m", "torch.distributed.run"]
        command = f"{launch} {path.name}"
        pages = [p for p in (runner.ROOT / "docs" / lang / "dist").glob("*.md")
                 if runner.rel(path) in p.read_text(encoding="utf-8")]
        assert pages, f"no page shows {runner.rel(path)}"
        for page in pages:
            shell = re.findall(r"```shell\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
            assert any(command in block for block in shell), (
                f"docs/{lang}/dist/{page.name} must show `{command}` in a shell block")


def _mean_loss_gradient(model, X, y):
    model.zero_grad()
    nn.functional.mse_loss(model(X), y).backward()
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def test_averaging_gradients_of_equal_shards_is_the_combined_batch():
    """ddp.md: the average of the ranks' mean-loss gradients is the gradient of the combined batch,
    because the shards are equal in size; with unequal shards (10 samples on 3 ranks, without the
    sampler's padding) it is not, which is one reason DistributedSampler makes them equal."""
    program = runpy.run_path(str(DIST / "ddp_spawn.py"), run_name="not_main")   # definitions only
    dataset, model = program["make_data"](), program["make_model"](seed=0)
    X, y = dataset.tensors
    whole = _mean_loss_gradient(model, X, y)
    halves = [_mean_loss_gradient(model, X[r::2], y[r::2]) for r in range(2)]
    assert torch.allclose((halves[0] + halves[1]) / 2, whole, atol=1e-6)

    X10, y10 = X[:10], y[:10]
    uneven = [_mean_loss_gradient(model, X10[r::3], y10[r::3]) for r in range(3)]   # 4, 3, 3 samples
    averaged = sum(uneven) / 3
    assert not torch.allclose(averaged, _mean_loss_gradient(model, X10, y10), atol=1e-4)


def test_the_sampler_shards_on_the_page():
    """sampler_shards.py's epochs: disjoint, covering, and reshuffled; ex_sampler_uneven.py's
    padding repeats the start of the list and drop_last cuts its end."""
    shards = runner.snippet_globals("snippets/dist/sampler_shards.py")["shards"]
    for epoch in (0, 1):
        assert sorted(shards[epoch, 0] + shards[epoch, 1]) == list(range(10))
    assert shards[0, 0] != shards[1, 0] and shards[0, 1] != shards[1, 1]
    uneven = runner.snippet_globals("snippets/dist/ex_sampler_uneven.py")
    assert uneven["repeated"] == [0, 1] and uneven["left_out"] == [9]


WORKER = textwrap.dedent('''
    import datetime, os, sys, time
    import torch
    import torch.distributed as dist
    dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=60))
    rank = dist.get_rank()
    try:
        print("worker", os.getpid(), flush=True)
        dist.barrier()
        if rank == 1 and sys.argv[1] == "fail":
            raise RuntimeError("rank 1 fails on purpose")
        if sys.argv[1] == "hang":
            time.sleep(300)
        dist.all_reduce(torch.ones(1))          # rank 0 waits here for rank 1
    finally:
        dist.destroy_process_group()
''')


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:        # a zombie is no longer running
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _torchrun(tmp_path, mode):
    program = tmp_path / "worker.py"
    program.write_text(WORKER, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
         str(program), mode], cwd=tmp_path, env=runner.snippet_env("cpu"), text=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _started(tmp_path, mode):
    """torchrun and the pids its two workers print. A job whose workers never print (seen: rank 1
    exiting with code 1 at start-up; and workers that reach the store, then wait until torchrun
    gives up) is started once more; the cause is still open."""
    from conftest import record_measure
    for attempt in (1, 2):
        start = time.monotonic()
        proc = _torchrun(tmp_path, mode)
        pids = _workers(proc, start + 180)
        # printed at the end of the report: a slow or failed start shows there, with its stderr
        record_measure(f"torchrun start-up, {mode} job, attempt {attempt}",
                       f"{len(pids)} of 2 workers up after {time.monotonic() - start:.1f} s")
        if len(pids) == 2 or attempt == 2:
            return proc, pids
        runner.stop_group(proc.pid)      # exited, or still starting at the deadline: end it
        _, err = proc.communicate()
        record_measure(f"torchrun start-up, {mode} job, attempt 1 failed", err.strip()[-1500:])


def _workers(proc, deadline):
    """The pids the workers print. Seen here about once in five runs of this file: a job whose
    workers reach the store and then print nothing until torchrun gives up, some 300 s later
    (the end of the report shows each start-up's time); this waits it out, and the job is
    started once more."""
    pids = []
    while len(pids) < 2 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("worker "):
            pids.append(int(line.split()[1]))
    return pids


@pytest.mark.slow
def test_a_failing_worker_ends_the_whole_torchrun_job(tmp_path):
    """Rank 1 raises while rank 0 waits in all_reduce: torchrun ends rank 0 too and fails, long
    before the 60 s timeout of the group."""
    proc, pids = _started(tmp_path, "fail")
    try:
        assert len(pids) == 2, proc.stderr.read()[-2000:]
        _, err = proc.communicate(timeout=50)
        assert proc.returncode != 0 and "rank 1 fails on purpose" in err
        assert not any(_alive(pid) for pid in pids)
    finally:
        runner.stop_group(proc.pid)
        proc.communicate()


@pytest.mark.slow
def test_stopping_torchrun_ends_its_workers(tmp_path):
    """torchrun starts each worker in a session of its own, so killing torchrun's process group
    would leave them running: runner.stop_group (the harness's timeout) sends SIGTERM first, and
    torchrun ends its workers before it exits."""
    proc, pids = _started(tmp_path, "hang")
    try:
        assert len(pids) == 2, proc.stderr.read()[-2000:]
        assert all(os.getpgid(pid) != proc.pid for pid in pids)     # not in torchrun's group
        runner.stop_group(proc.pid)
        proc.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in pids), "a worker outlived torchrun"
    finally:
        for pid in [proc.pid]:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.communicate()


def test_the_store_listens_on_every_interface_whatever_the_address():
    """The caution on the collectives page: rank 0's TCPStore, given 127.0.0.1 (as
    MASTER_ADDR is in every program of this part), still listens on the wildcard address,
    so its port is reachable from outside wherever a firewall lets it through. If a future
    torch binds to the address it is given, this fails, and the page must say so."""
    import datetime
    import psutil
    import servers
    port = servers.free_port()
    store = torch.distributed.TCPStore("127.0.0.1", port, 1, is_master=True,
                                       timeout=datetime.timedelta(seconds=10))
    try:
        store.set("key", "value")
        listening = {c.laddr.ip for c in psutil.Process().net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
    finally:
        del store
    assert listening, f"nothing listens on port {port}"
    assert "127.0.0.1" not in listening and listening <= {"0.0.0.0", "::"}, listening
