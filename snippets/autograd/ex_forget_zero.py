"""Exercise: the two-layer net with the zero_() lines left out.
The gradients pile up and training blows up."""
import math

import torch

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in)
y = torch.randn(N, D_out)
w1_init = torch.randn(D_in, H)
w2_init = torch.randn(H, D_out)


def train(zero_grads, steps=300, lr=1e-6):
    w1 = w1_init.clone().requires_grad_()
    w2 = w2_init.clone().requires_grad_()
    losses = []
    for t in range(steps):
        loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            if zero_grads:
                w1.grad.zero_()
                w2.grad.zero_()
    return losses


right, forgot = train(zero_grads=True), train(zero_grads=False)
for t in (0, 10, 50, 100, 299):
    print(f"step {t + 1:3d}  with zero_(): "
          f"{right[t]:10.4g}  without: {forgot[t]:10.4g}")

assert right[-1] < 1e-3 * right[0]
assert not math.isfinite(forgot[-1]) or forgot[-1] > right[0], (
    "training should diverge"
)
