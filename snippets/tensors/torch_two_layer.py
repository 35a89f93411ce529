"""The same two-layer ReLU network with torch tensors, still without autograd.

Runs on a GPU (CUDA or Apple MPS) when there is one, else on the CPU.
"""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:device]
if torch.accelerator.is_available():           # CUDA, MPS, XPU, ...
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
print("device:", device.type)
# --8<-- [end:device]

# --8<-- [start:data]
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
dtype = torch.float32

x = torch.randn(N, D_in, device=device, dtype=dtype)
y = torch.randn(N, D_out, device=device, dtype=dtype)
w1 = torch.randn(D_in, H, device=device, dtype=dtype)
w2 = torch.randn(H, D_out, device=device, dtype=dtype)
# --8<-- [end:data]


# --8<-- [start:step]
def forward_backward(x, y, w1, w2):
    """Return the loss and the gradients of the loss w.r.t. w1 and w2."""
    h = x.mm(w1)                     # (N, H)
    h_relu = h.clamp(min=0)          # (N, H)
    y_pred = h_relu.mm(w2)           # (N, D_out)
    loss = (y_pred - y).pow(2).sum()

    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.t().mm(grad_y_pred)
    grad_h_relu = grad_y_pred.mm(w2.t())
    grad_h = grad_h_relu.clone()     # (1)!
    grad_h[h < 0] = 0
    grad_w1 = x.t().mm(grad_h)
    return loss, grad_w1, grad_w2
# --8<-- [end:step]


# --8<-- [start:loop]
lr = 1e-6
losses = []
for t in range(500):
    loss, grad_w1, grad_w2 = forward_backward(x, y, w1, w2)
    losses.append(loss.item())   # (1)!
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")
    w1 -= lr * grad_w1           # (2)!
    w2 -= lr * grad_w2

assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:loop]
