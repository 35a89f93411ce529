"""Part 12, pages 3 and 4 (threads and data movement; torch.compile and mixed precision):
claims the prose makes beyond what each program asserts about itself."""
import subprocess
import sys
import textwrap
import warnings

import pytest
import torch
from torch import nn

import runner
from runner import snippet_globals


def test_most_at_once_counts_overlapping_intervals():
    """The loader page reads the overlap of workers off most_at_once: check it on spans
    whose answer is known (touching intervals do not overlap)."""
    most_at_once = snippet_globals("snippets/speed/loader_workers.py")["most_at_once"]
    spans = lambda *pairs: torch.tensor(pairs, dtype=torch.float64)
    assert most_at_once(spans((0, 1), (1, 2), (2, 3))) == 1
    assert most_at_once(spans((0, 2), (1, 3), (4, 5))) == 2
    assert most_at_once(spans((0, 10), (1, 9), (2, 8), (3, 4), (5, 6))) == 4


_SESSION = textwrap.dedent("""
    import sys
    import torch
    from torch.utils.data import DataLoader, Dataset

    class Squares(Dataset):          # defined in __main__, as in a pasted session
        def __len__(self):
            return 4
        def __getitem__(self, i):
            return i * i

    loader = DataLoader(Squares(), batch_size=2, num_workers=1,
                        multiprocessing_context=sys.argv[1])
    print([batch.tolist() for batch in loader])
""")


@pytest.mark.slow   # a process per worker, each importing torch
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_spawned_workers_cannot_find_a_dataset_class_from_a_session(method):
    """The page: fork sees a Dataset class typed into a session; a spawned worker must
    import it and fails. Run as `python -c`, like a session, in a process of its own."""
    proc = subprocess.run([sys.executable, "-c", _SESSION, method], capture_output=True,
                          text=True, timeout=300, env=runner.snippet_env("cpu"), cwd=runner.ROOT)
    if method == "fork":
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.strip() == "[[0, 1], [4, 9]]"
    else:
        assert proc.returncode != 0
        assert "Can't get attribute 'Squares'" in proc.stderr, proc.stderr[-2000:]


@pytest.mark.skipif(torch.accelerator.is_available(), reason="this machine has an accelerator")
def test_pinning_without_an_accelerator():
    """The page: without an accelerator pin_memory() raises RuntimeError, and a DataLoader
    asked to pin warns and hands out ordinary batches (why the programs pin only with one)."""
    with pytest.raises(RuntimeError):
        torch.ones(3).pin_memory()
    loader = torch.utils.data.DataLoader(torch.arange(6.0), batch_size=3, pin_memory=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        batches = list(loader)
    assert any("pin_memory" in str(w.message) for w in caught)
    assert not any(batch.is_pinned() for batch in batches)


def _train(scaler, steps=5):
    torch.manual_seed(0)
    model = nn.Linear(8, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    X, y = torch.randn(32, 8), torch.randn(32, 1)
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(X), y)
        opt.zero_grad()
        if scaler is None:
            loss.backward()
            opt.step()
        else:
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
    return [p.detach().clone() for p in model.parameters()]


def test_a_disabled_scaler_is_plain_backward_and_step():
    """The page: created with enabled=False (the bfloat16 path), the scaler's three calls
    are loss.backward() and optimizer.step(), bit for bit."""
    plain = _train(None)
    disabled = _train(torch.amp.GradScaler("cpu", enabled=False))
    for a, b in zip(plain, disabled):
        assert torch.equal(a, b)


def test_scaler_doubles_after_growth_interval_good_steps():
    """The page: after growth_interval finite steps in a row the scale doubles; the
    scaled-and-unscaled update equals the plain one (2**k scales are exact)."""
    scaler = torch.amp.GradScaler("cpu", init_scale=2.0**10, growth_interval=3)
    scaled = _train(scaler, steps=4)
    assert scaler.get_scale() == 2.0**11
    for a, b in zip(_train(None, steps=4), scaled):
        torch.testing.assert_close(a, b, rtol=1e-6, atol=1e-7)


def test_autocast_gradients_are_float32_close_to_but_not_equal_to_float32_training():
    """The page: under bfloat16 autocast the gradients stay float32 and move by about
    bfloat16's precision, neither zero nor more than a few percent."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    X, y = torch.randn(256, 64), torch.randint(0, 10, (256,))
    grads = {}
    for name, enabled in (("fp32", False), ("bf16", True)):
        model.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=enabled):
            loss = nn.functional.cross_entropy(model(X), y)
        loss.backward()
        grads[name] = [p.grad.clone() for p in model.parameters()]
    for g32, g16 in zip(grads["fp32"], grads["bf16"]):
        assert g16.dtype == torch.float32
        rel = ((g16 - g32).norm() / g32.norm()).item()
        assert 0 < rel < 5e-2


def test_fullgraph_turns_a_graph_break_into_an_error():
    """The page: fullgraph=True makes a graph break an error (backend='eager': no codegen)."""
    def branchy(x):
        if x.sum() > 0:                  # data-dependent branch: a graph break
            return x + 1
        return x - 1

    torch._dynamo.reset()
    x = torch.ones(3)
    assert torch.equal(torch.compile(branchy, backend="eager")(x), x + 1)
    torch._dynamo.reset()
    with pytest.raises(Exception) as info:
        torch.compile(branchy, backend="eager", fullgraph=True)(x)
    assert "graph break" in str(info.value).lower() or "data-dependent" in str(info.value).lower()
    torch._dynamo.reset()


def test_3008_is_the_bfloat16_number_nearest_3000():
    """Exercise 2's reading of torch.sum: 3000 in bfloat16 is 3008 (spacing 16 there)."""
    assert torch.tensor(3000.0).bfloat16().item() == 3008
    assert torch.tensor(3000.0 + 7).bfloat16().item() == 3008
    assert torch.tensor(256.0).bfloat16() + 1 == 256
    assert torch.tensor(2048.0, dtype=torch.float16) + 1 == 2048
