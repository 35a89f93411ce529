"""Gradient clipping: clip_grad_norm_ rescales all gradients together so that
their total norm is at most max_norm (and returns the norm before clipping);
clip_grad_value_ clamps each element."""
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 20), nn.Tanh(), nn.Linear(20, 1))
x = torch.randn(32, 10)       # (N, D_in)
y = 100 * torch.randn(32, 1)  # (N, 1): large targets, large gradients
loss_fn = nn.MSELoss()


def total_norm(parameters):
    """The 2-norm of all gradients taken as one long vector."""
    return torch.cat([p.grad.flatten() for p in parameters]).norm().item()


# --8<-- [start:norm]
loss_fn(model(x), y).backward()
params = list(model.parameters())
grads_before = [p.grad.clone() for p in params]
norm_before = total_norm(params)

returned = nn.utils.clip_grad_norm_(params, max_norm=1.0)    # (1)!
norm_after = total_norm(params)
print(f"norm before {norm_before:.2f}, returned "
      f"{returned.item():.2f}, after {norm_after:.4f}")
# the norm before clipping
assert abs(returned.item() - norm_before) < 1e-3 * norm_before
assert abs(norm_after - 1.0) < 1e-4  # now exactly max_norm
scale = params[0].grad / grads_before[0]
# direction kept
assert torch.allclose(scale, torch.full_like(scale, 1.0 / norm_before),
                      rtol=1e-3)
# --8<-- [end:norm]

# --8<-- [start:small]
for p, g in zip(params, grads_before):
    p.grad = 1e-3 * g                            # a small gradient: left alone
small = total_norm(params)
nn.utils.clip_grad_norm_(params, max_norm=1.0)
assert abs(total_norm(params) - small) < 1e-9
print(f"a gradient of norm {small:.4f} is not changed")
# --8<-- [end:small]

# --8<-- [start:value]
for p, g in zip(params, grads_before):
    p.grad = g.clone()
# each element into [-0.5, 0.5]
nn.utils.clip_grad_value_(params, clip_value=0.5)
largest = max(p.grad.abs().max().item() for p in params)
changed = sum((p.grad != g).sum().item() for p, g in zip(params, grads_before))
print(f"clip_grad_value_: largest element now {largest}, {changed} of "
      f"{sum(p.numel() for p in params)} elements clamped")
assert largest == 0.5
assert all(torch.equal(p.grad, g.clamp(-0.5, 0.5)) for p, g in zip(
    params, grads_before))
# --8<-- [end:value]

# --8<-- [start:loop]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
losses, clipped = [], 0
for step in range(100):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    # after backward, before step
    norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)
    optimizer.step()
    losses.append(loss.item())
    clipped += int(norm.item() > 10.0)
print(f"training with clipping: loss {losses[0]:.0f} -> "
      f"{losses[-1]:.0f}, clipped in {clipped} of 100 steps")
assert losses[-1] < 0.2 * losses[0] and clipped > 0
# --8<-- [end:loop]
