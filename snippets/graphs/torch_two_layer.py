"""The two-layer net in PyTorch with autograd:
the graph is recorded anew on every forward pass.

Same data as the NumPy warm-up, so the losses can be compared digit by digit.
"""
# --8<-- [start:setup]
import numpy as np
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# mps has no float64
dtype = torch.float32 if device.type == "mps" else torch.float64

rng = np.random.default_rng(0)  # the NumPy warm-up's data, in float64
N, D_in, H, D_out = 64, 1000, 100, 10
shapes = [(N, D_in), (N, D_out), (D_in, H), (H, D_out)]      # x, y, w1, w2
data = [rng.standard_normal(shape) for shape in shapes]
x, y, w1, w2 = (torch.tensor(a, device=device, dtype=dtype) for a in data)
w1.requires_grad_()  # (D_in, H), a leaf autograd tracks
w2.requires_grad_()  # (H, D_out)
lr = 1e-6
# --8<-- [end:setup]

# --8<-- [start:loop]
losses = []
for t in range(500):
    h_relu = x.mm(w1).clamp(min=0)             # (N, H)
    y_pred = h_relu.mm(w2)                     # (N, D_out)
    loss = (y_pred - y).pow(2).sum()           # (1)!
    loss.backward()                            # (2)!
    with torch.no_grad():                      # (3)!
        w1 -= lr * w1.grad
        w2 -= lr * w2.grad
        w1.grad.zero_()
        w2.grad.zero_()
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")

assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:loop]
