"""Part 6: misconceptions about optimizers, each checked; the line
printed starts with the number of its row in the table."""
import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)

# 6.1 zero_grad() sets gradients to None by default, not to zeros
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(1, 2)).sum().backward()
opt.zero_grad()
print("6.1 after zero_grad(): weight.grad is", model.weight.grad)
assert model.weight.grad is None

# 6.2 a zero gradient still moves a parameter (momentum, weight decay)
p = nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.1)
p.grad = torch.ones(1)
opt.step()
before = p.item()
p.grad = torch.zeros(1)              # zeros: the update still runs
opt.step()
moved = before - p.item()
p.grad = None                        # None: the parameter is skipped
last = p.item()
opt.step()
print("6.2 step with zero grad moved p by", round(moved, 4),
      "| with None:", p.item() - last)
assert moved > 0 and p.item() == last

# 6.3 scheduler.step() before optimizer.step() warns and skips a value
p = nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=1.0)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
p.grad = torch.ones(1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    sched.step()                     # wrong order
    opt.step()
print("6.3 scheduler first:", caught[0].category.__name__,
      "| first step used lr", 1.0 - p.item())
assert "lr_scheduler.step()` before `optimizer.step()" in str(
    caught[0].message)
assert p.item() == 0.5               # lr 1.0 was never used

# 6.4 Adam(weight_decay=...) is not AdamW(weight_decay=...)
results = []
for cls in (torch.optim.Adam, torch.optim.AdamW):
    q = nn.Parameter(torch.tensor([2.0]))
    o = cls([q], lr=0.1, weight_decay=0.1)
    for _ in range(3):
        q.grad = torch.tensor([0.5])
        o.step()
    results.append(q.item())
print("6.4 after 3 steps: Adam", round(results[0], 4), "| AdamW",
      round(results[1], 4))
assert abs(results[0] - results[1]) > 1e-3

# 6.5 Adam's first step is lr per parameter, whatever the gradient scale
q = nn.Parameter(torch.zeros(3))
o = torch.optim.Adam([q], lr=0.01)
q.grad = torch.tensor([1e-4, 1.0, 1e4])
o.step()
print("6.5 Adam's first step for gradients 1e-4, 1, 1e4:",
      [round(v, 5) for v in q.tolist()])
assert torch.allclose(q, torch.full((3,), -0.01), atol=1e-4)

# 6.6 clip_grad_norm_ returns the norm before clipping
q = nn.Parameter(torch.zeros(2))
q.grad = torch.tensor([3.0, 4.0])
norm = nn.utils.clip_grad_norm_([q], max_norm=1.0)
print("6.6 returned norm:", norm.item(), "| norm after clipping:",
      round(q.grad.norm().item(), 4))
assert norm.item() == 5.0 and abs(q.grad.norm().item() - 1) < 1e-4
