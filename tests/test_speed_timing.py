"""Part 12's claims that span programs: the timing harness, Timer's warm-up, the devices page.

Nothing here compares speeds: a loaded machine may make anything slow. What is checked is
what must hold on any machine: warm-up calls are not timed, Timer keeps a slow first call
out of its statistics, the devices page runs Part 1's very network, NumPy and torch compute
the same numbers, GFLOP/s are counted as torch counts them, and the figure shows the recording.
"""
import re
import time

import numpy as np
import pytest
import torch

import runner
from runner import snippet_globals

TIMING = "snippets/speed/timing_wrong_right.py"
TWO_LAYER = "snippets/speed/devices_two_layer.py"
SWEEP = "snippets/speed/devices_matmul_sweep.py"


@pytest.mark.parametrize("warmup, repeat", [(3, 15), (1, 4), (0, 2)])
def test_measure_leaves_warmup_calls_untimed(warmup, repeat):
    """The page's measure(): the warm-up calls are slow (0.2 s each) and the timed ones
    return at once, so a single timed value near 0.2 s would mean a warm-up call was timed."""
    measure = snippet_globals(TIMING)["measure"]
    calls = []

    def fn():
        calls.append(None)
        if len(calls) <= warmup:
            time.sleep(0.2)

    times = measure(fn, warmup=warmup, repeat=repeat)
    assert len(calls) == warmup + repeat and len(times) == repeat
    assert max(times) < 0.1, times


def test_timer_keeps_a_slow_first_call_out_of_its_statistics():
    """torch.utils.benchmark.Timer: the first execution of stmt (0.2 s here) happens while it
    sizes its blocks (its warm-up); the Measurement's median is the fast calls'."""
    from torch.utils import benchmark
    state = {"calls": 0}

    def step():
        state["calls"] += 1
        if state["calls"] == 1:
            time.sleep(0.2)
        return sum(range(200))

    m = benchmark.Timer(stmt="step()", globals={"step": step}).blocked_autorange(min_run_time=0.05)
    assert state["calls"] > len(m.times) * m.number_per_run   # some calls were not measured
    assert m.median < 0.01, m.median


def test_devices_page_runs_part_one_network():
    """Same sizes as Part 1's NumPy two-layer net, and the same loss and gradients as its
    forward_backward on the same data."""
    part1 = snippet_globals("snippets/tensors/numpy_two_layer.py")
    page = snippet_globals(TWO_LAYER)
    assert [page[k] for k in ("N", "D_in", "H", "D_out")] == [part1[k] for k in ("N", "D_in", "H", "D_out")]
    rng = np.random.default_rng(1)
    N, D_in, H, D_out = page["N"], page["D_in"], page["H"], page["D_out"]
    data = [rng.standard_normal(s) for s in ((N, D_in), (N, D_out), (D_in, H), (H, D_out))]
    theirs = part1["forward_backward"](*data)
    mine = page["forward_backward"](*data)
    for a, b in zip(mine, theirs):
        np.testing.assert_allclose(a, b, rtol=1e-12)
    # and on torch tensors the same function agrees with autograd's gradients
    x, y, w1, w2 = (torch.from_numpy(a) for a in data)
    w1.requires_grad_()
    w2.requires_grad_()
    loss = ((x @ w1).clamp(min=0) @ w2 - y).pow(2).sum()
    loss.backward()
    ours = page["forward_backward"](x, y, w1.detach(), w2.detach())
    torch.testing.assert_close(ours[0], loss.detach())
    torch.testing.assert_close(ours[1], w1.grad)
    torch.testing.assert_close(ours[2], w2.grad)


@pytest.mark.parametrize("n", [1, 7, 64, 300])
def test_gflops_counts_what_torch_counts(n):
    """gflops(n, s) is torch's FLOP count of an (n, n) @ (n, n) product per second, in 1e9."""
    from torch.utils.flop_counter import FlopCounterMode
    gflops = snippet_globals(SWEEP)["gflops"]
    with FlopCounterMode(display=False) as counter:
        torch.ones(n, n) @ torch.ones(n, n)
    for seconds in (1.0, 0.25, 3e-6):
        assert gflops(n, seconds) == pytest.approx(counter.get_total_flops() / seconds / 1e9, rel=1e-12)


def test_sweep_figure_is_the_recording():
    """The figure module reads the recorded table: the snippet's sizes and column names, one
    number per size for each CPU column, 'no GPU' (None) only in the GPU columns, and the CPU
    named as the recording machine reported it."""
    import figures  # noqa: F401  (first: it imports every figures_*.py module)
    import figures_speed_devices
    names = snippet_globals(SWEEP)
    recorded = runner.output_path(runner.ROOT / SWEEP).read_text(encoding="utf-8")
    data = figures_speed_devices.parse_sweep(recorded)
    assert data["sizes"] == names["sizes"]
    assert list(data["columns"]) == names["names"]
    for name, values in data["columns"].items():
        assert len(values) == len(data["sizes"])
        if "GPU" not in name:
            assert all(v is not None and v > 0 for v in values), name
    assert data["cpu"] and re.search(rf"^CPU: {re.escape(data['cpu'])}, ", recorded, re.M)
