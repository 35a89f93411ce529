"""Part 6's claims that need more than a snippet's own asserts: the from-scratch
optimizers equal torch.optim's for every option combination, step for step,
and the schedulers follow their closed-form formulas at every step."""
import itertools
import math

import pytest
import torch

from runner import snippet_globals

SGD = "snippets/optim/sgd_from_scratch.py"
ADAM = "snippets/optim/adam_from_scratch.py"

SGD_OPTIONS = [
    dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=wd, nesterov=nesterov)
    for lr, momentum, dampening, wd, nesterov in itertools.product(
        (0.05,), (0.0, 0.5, 0.9), (0.0, 0.3), (0.0, 0.01), (False, True))
    # torch's rule: Nesterov needs momentum > 0 and dampening == 0
    if not nesterov or (momentum > 0 and dampening == 0)
]


def _largest_gap(mine, theirs):
    return max((a - b).abs().max().item() for a, b in zip(mine, theirs))


@pytest.mark.parametrize("options", SGD_OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_scratch_sgd_equals_torch_sgd(options):
    sgd = snippet_globals(SGD)
    options = dict(options)
    options.pop("lr")                            # trajectories() trains with lr=0.05
    mine, theirs = sgd["trajectories"](options, steps=50)
    assert _largest_gap(mine, theirs) < 1e-10, f"ScratchSGD drifts from torch.optim.SGD with {options}"


def test_scratch_sgd_takes_every_step_like_torch():
    """Not only the end point: every one of 50 intermediate parameter values agrees."""
    sgd = snippet_globals(SGD)
    g = torch.Generator().manual_seed(3)
    w0 = torch.randn(4, generator=g, dtype=torch.float64)
    A = torch.randn(10, 4, generator=g, dtype=torch.float64)
    p, q = w0.clone().requires_grad_(), w0.clone().requires_grad_()
    mine = sgd["ScratchSGD"]([p], lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.1)
    theirs = torch.optim.SGD([q], lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.1)
    for _ in range(50):
        for w, opt in ((p, mine), (q, theirs)):
            opt.zero_grad()
            (A @ w).sin().sum().backward()
            opt.step()
        assert torch.allclose(p, q, rtol=0, atol=1e-13)


ADAM_OPTIONS = [
    dict(betas=betas, eps=eps, weight_decay=wd, amsgrad=amsgrad)
    for betas, eps, wd, amsgrad in itertools.product(
        ((0.9, 0.999), (0.5, 0.9), (0.0, 0.99)), (1e-8, 1e-3), (0.0, 0.1), (False, True))
]


@pytest.mark.parametrize("decoupled", [False, True], ids=["Adam", "AdamW"])
@pytest.mark.parametrize("options", ADAM_OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_scratch_adam_equals_torch(options, decoupled):
    adam = snippet_globals(ADAM)
    mine, theirs = adam["trajectories"](options, decoupled, steps=50)
    name = "AdamW" if decoupled else "Adam"
    assert _largest_gap(mine, theirs) < 1e-10, f"ScratchAdam drifts from torch.optim.{name} with {options}"


def test_adam_and_adamw_differ_when_weight_decay_is_on():
    adam = snippet_globals(ADAM)
    coupled, _ = adam["trajectories"](dict(weight_decay=0.1), decoupled=False)
    decoupled, _ = adam["trajectories"](dict(weight_decay=0.1), decoupled=True)
    assert _largest_gap(coupled, decoupled) > 1e-3
    # and without weight decay they are the same algorithm
    coupled, _ = adam["trajectories"](dict(weight_decay=0.0), decoupled=False)
    decoupled, _ = adam["trajectories"](dict(weight_decay=0.0), decoupled=True)
    assert _largest_gap(coupled, decoupled) == 0


def test_schedulers_follow_their_formulas_at_every_step():
    sched = snippet_globals("snippets/optim/schedulers.py")
    for step_size, gamma in ((7, 0.5), (30, 0.1)):
        lrs, _ = sched["lr_per_step"](lambda o: torch.optim.lr_scheduler.StepLR(o, step_size, gamma))
        assert all(math.isclose(lr, sched["base_lr"] * gamma ** (t // step_size)) for t, lr in enumerate(lrs))
    for T_max, eta_min in ((100, 0.0), (40, 0.01)):    # past T_max the cosine climbs back up
        lrs, _ = sched["lr_per_step"](lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max, eta_min))
        expected = [eta_min + (sched["base_lr"] - eta_min) * (1 + math.cos(math.pi * t / T_max)) / 2
                    for t in range(sched["num_steps"])]
        assert all(math.isclose(a, b, rel_tol=1e-8, abs_tol=1e-12) for a, b in zip(lrs, expected))
