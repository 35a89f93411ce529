"""Exercise: linear warm-up then cosine decay, built
from LinearLR and CosineAnnealingLR with SequentialLR,
and checked against the formula via LambdaLR."""
import math

import torch
from torch.optim.lr_scheduler import (
    CosineAnnealingLR,
    LambdaLR,
    LinearLR,
    SequentialLR,
)

base_lr, warmup, num_steps = 0.1, 10, 60


def lrs(make_scheduler):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=base_lr)
    scheduler = make_scheduler(optimizer)
    used = []
    for _ in range(num_steps):
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.zero_grad()
        (w - 1).pow(2).sum().backward()
        optimizer.step()
        scheduler.step()
    return used


def sequential(optimizer):
    return SequentialLR(
        optimizer,
        milestones=[warmup],
        schedulers=[
            LinearLR(
                optimizer, start_factor=0.1, end_factor=1.0, total_iters=warmup
            ),
            CosineAnnealingLR(optimizer, T_max=num_steps - warmup),
        ],
    )


def factor(t):  # the same schedule as a formula
    if t < warmup:
        return 0.1 + 0.9 * t / warmup            # 0.1 -> 1 linearly
    return (1 + math.cos(math.pi * (t - warmup) / (num_steps - warmup))) / 2


built = lrs(sequential)
formula = lrs(lambda optimizer: LambdaLR(optimizer, factor))
for t in (0, 5, 10, 35, 59):
    print(f"step {t:2d}: SequentialLR {built[t]:.5f} "
          f"| LambdaLR {formula[t]:.5f}")
assert all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(
    built, formula))
# the peak comes right after the warm-up
assert max(built) == built[warmup] == base_lr
