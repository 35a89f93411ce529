"""StepLR, CosineAnnealingLR and OneCycleLR: the learning rate at every step,
checked against each schedule's closed-form formula."""
# --8<-- [start:setup]
import math

import torch

base_lr, num_steps = 0.1, 100
# --8<-- [end:setup]


# --8<-- [start:loop]
def lr_per_step(make_scheduler, momentum=0.0):
    """Train a one-parameter model for num_steps;
    return the lr and momentum each step used."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=base_lr, momentum=momentum)
    scheduler = make_scheduler(optimizer)
    lrs, momenta = [], []
    for step in range(num_steps):
        lrs.append(scheduler.get_last_lr()[0])   # the lr this step will use
        momenta.append(optimizer.param_groups[0]["momentum"])
        optimizer.zero_grad()
        (w - 1).pow(2).sum().backward()
        optimizer.step()                         # first the optimizer ...
        scheduler.step()                         # ... then the scheduler
    return lrs, momenta
# --8<-- [end:loop]


# --8<-- [start:schedules]
step_lrs, _ = lr_per_step(
    lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=30, gamma=0.1))
cos_lrs, _ = lr_per_step(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(
    o, T_max=num_steps, eta_min=0.001))
one_lrs, one_momenta = lr_per_step(
    lambda o: torch.optim.lr_scheduler.OneCycleLR(
        o, max_lr=base_lr, total_steps=num_steps
    ),
    momentum=0.9,
)
schedules = {"StepLR": step_lrs, "CosineAnnealingLR": cos_lrs,
             "OneCycleLR": one_lrs}
for name, lrs in schedules.items():
    print(f"{name:18s}" + "  ".join(
        f"t={t}: {lrs[t]:.2e}" for t in (0, 29, 30, 50, 99)))
# --8<-- [end:schedules]

# --8<-- [start:formulas]
# StepLR: multiply by gamma every step_size steps
assert all(
    math.isclose(step_lrs[t], base_lr * 0.1 ** (t // 30))
    for t in range(num_steps)
)
# cosine: eta_min + (base - eta_min) * (1 + cos(pi t / T)) / 2
cosine = [
    0.001 + (base_lr - 0.001) * (1 + math.cos(math.pi * t / num_steps)) / 2
    for t in range(num_steps)
]
assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(cos_lrs, cosine))


# one-cycle: from max_lr/25 up to max_lr at
# 30 % of the run, then down to max_lr/25/1e4
def anneal(start, end, pct):
    return end + (start - end) / 2 * (1 + math.cos(math.pi * pct))


peak = 0.3 * num_steps - 1
one = [
    anneal(base_lr / 25, base_lr, t / peak)
    if t <= peak
    else anneal(
        base_lr, base_lr / 25 / 1e4, (t - peak) / (num_steps - 1 - peak)
    )
    for t in range(num_steps)
]
assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(one_lrs, one))
assert max(one_lrs) == one_lrs[29] == base_lr
# OneCycleLR also cycles momentum the other way: 0.95 -> 0.85 -> 0.95
print("OneCycleLR momentum " + "  ".join(
    f"t={t}: {one_momenta[t]:.4f}" for t in (0, 29, 99)))
assert one_momenta[0] == 0.95 and min(one_momenta) == one_momenta[29] == 0.85
assert math.isclose(one_momenta[-1], 0.95, rel_tol=1e-3)
# --8<-- [end:formulas]
