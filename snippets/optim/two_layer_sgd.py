"""The two-layer net trained with torch.optim.SGD: step for step the same as
the hand-written update w <- w - lr * grad."""
# --8<-- [start:setup]
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:data]
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randn(N, D_out, device=device)         # (N, D_out)
w1_init = torch.randn(D_in, H, device=device)    # (D_in, H)
w2_init = torch.randn(H, D_out, device=device)   # (H, D_out)
lr, num_steps = 1e-6, 500


def loss_fn(w1, w2):
    y_pred = x.mm(w1).clamp(min=0).mm(w2)        # (N, D_out)
    return (y_pred - y).pow(2).sum()
# --8<-- [end:data]


# --8<-- [start:by_hand]
w1 = w1_init.clone().requires_grad_()
w2 = w2_init.clone().requires_grad_()
for t in range(num_steps):
    loss = loss_fn(w1, w2)
    loss.backward()        # autograd computes the gradients
    with torch.no_grad():  # we apply them
        w1 -= lr * w1.grad
        w2 -= lr * w2.grad
        w1.grad = None
        w2.grad = None
# --8<-- [end:by_hand]

# --8<-- [start:optimizer]
v1 = w1_init.clone().requires_grad_()
v2 = w2_init.clone().requires_grad_()
optimizer = torch.optim.SGD([v1, v2], lr=lr)     # (1)!
losses = []
for t in range(num_steps):
    loss = loss_fn(v1, v2)
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")
    optimizer.zero_grad()                        # (2)!
    loss.backward()                              # (3)!
    optimizer.step()                             # (4)!
# --8<-- [end:optimizer]

# --8<-- [start:check]
gap = max((v1 - w1).abs().max().item(), (v2 - w2).abs().max().item())
print(f"largest difference from the hand-written update: {gap:.1e}")
assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
assert torch.allclose(v1, w1, rtol=1e-4, atol=1e-5)
assert torch.allclose(v2, w2, rtol=1e-4, atol=1e-5)
# --8<-- [end:check]
