"""The two-layer ReLU network of Part 1,
with the backward pass left to autograd.

Runs on a GPU (CUDA or Apple MPS) when there is one, else on the CPU.
"""
# --8<-- [start:setup]
import torch

if torch.accelerator.is_available():           # CUDA, MPS, XPU, ...
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
print("device:", device.type)
# --8<-- [end:setup]


# --8<-- [start:step]
def forward_backward(x, y, w1, w2):
    """Return the loss and the gradients of the loss w.r.t. w1 and w2.

    w1 and w2 are leaf tensors with requires_grad=True whose .grad is None or
    zeroed: backward() adds to it.
    """
    y_pred = x.mm(w1).clamp(min=0).mm(w2)   # (N, D_out), recorded
    loss = (y_pred - y).pow(2).sum()
    loss.backward()                  # (1)!
    return loss, w1.grad, w2.grad
# --8<-- [end:step]


# --8<-- [start:data]
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
dtype = torch.float32

x = torch.randn(N, D_in, device=device, dtype=dtype)
y = torch.randn(N, D_out, device=device, dtype=dtype)
w1 = torch.randn(D_in, H, device=device, dtype=dtype,
                 requires_grad=True)  # (1)!
w2 = torch.randn(H, D_out, device=device, dtype=dtype, requires_grad=True)
# --8<-- [end:data]

# --8<-- [start:loop]
lr = 1e-6
losses = []
for t in range(500):
    loss, grad_w1, grad_w2 = forward_backward(x, y, w1, w2)
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")
    with torch.no_grad():        # (1)!
        w1 -= lr * grad_w1
        w2 -= lr * grad_w2
        w1.grad.zero_()          # (2)!
        w2.grad.zero_()

assert w1.is_leaf and w2.is_leaf, "the in-place updates keep w1 and w2 leaves"
assert losses[-1] < 1e-3 * losses[0], "the loss should fall 1000-fold"
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:loop]
