"""Define, then run, in PyTorch: trace the loss
once with torch.fx, then train with that graph.

Autograd works through the GraphModule, and
the losses equal those of the plain function.
"""
import numpy as np
import torch
import torch.fx


def two_layer_loss(x, y, w1, w2):
    return (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()


def train(loss_fn, data, lr=1e-6, steps=500):
    x, y, w1, w2 = (t.clone() for t in data)
    w1.requires_grad_()
    w2.requires_grad_()
    losses = []
    for t in range(steps):
        loss = loss_fn(x, y, w1, w2)
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
        losses.append(loss.item())
    return losses


if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# mps has no float64
dtype = torch.float32 if device.type == "mps" else torch.float64
rng = np.random.default_rng(0)
shapes = [(64, 1000), (64, 10), (1000, 100), (100, 10)]  # x, y, w1, w2
data = [
    torch.tensor(rng.standard_normal(s), device=device, dtype=dtype)
    for s in shapes
]

traced = torch.fx.symbolic_trace(two_layer_loss)    # define: once
traced_losses = train(traced, data)                 # run: 500 times
eager_losses = train(two_layer_loss, data)
print("traced graph nodes:", len(traced.graph.nodes))
print(f"traced: last loss {traced_losses[-1]:.4g} "
      f"| eager: last loss {eager_losses[-1]:.4g}")
print("identical at every step:", traced_losses == eager_losses)
assert traced_losses == eager_losses, "the same operations in the same order"
