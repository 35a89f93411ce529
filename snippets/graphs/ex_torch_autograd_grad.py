"""PyTorch's counterpart of tape.gradient: torch.autograd.grad
returns the gradients instead of adding them to .grad.

Nothing accumulates, so there is nothing to zero;
the losses equal the .backward() version's.
"""
import numpy as np
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# mps has no float64
dtype = torch.float32 if device.type == "mps" else torch.float64
rng = np.random.default_rng(0)
shapes = [(64, 1000), (64, 10), (1000, 100), (100, 10)]  # x, y, w1, w2
x, y, w1, w2 = (
    torch.tensor(rng.standard_normal(s), device=device, dtype=dtype)
    for s in shapes
)
w1.requires_grad_()
w2.requires_grad_()
lr = 1e-6

losses = []
for t in range(500):
    loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
    # like tape.gradient(...)
    grad_w1, grad_w2 = torch.autograd.grad(loss, [w1, w2])
    with torch.no_grad():
        w1 -= lr * grad_w1
        w2 -= lr * grad_w2
    losses.append(loss.item())
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
print("w1.grad is", w1.grad, "| w2.grad is", w2.grad)

assert w1.grad is None and w2.grad is None, "autograd.grad leaves .grad alone"
assert losses[-1] < 1e-3 * losses[0]
# the same numbers as the NumPy warm-up and the other versions
if dtype == torch.float64:
    assert abs(losses[-1] - 4.851e-07) < 1e-10
    assert abs(losses[0] - 3.152e07) < 1e4
