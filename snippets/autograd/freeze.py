"""Freezing a weight with requires_grad_(False):
the two-layer net trains only w1."""
# --8<-- [start:setup]
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

torch.manual_seed(0)                     # the data of the two-layer net
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)
y = torch.randn(N, D_out, device=device)
w1 = torch.randn(D_in, H, device=device, requires_grad=True)
w2 = torch.randn(H, D_out, device=device, requires_grad=True)
# --8<-- [end:setup]

# --8<-- [start:freeze]
w2.requires_grad_(False)                 # frozen: autograd no longer tracks it
w2_before = w2.clone()

lr = 1e-6
losses = []
for t in range(500):
    y_pred = x.mm(w1).clamp(min=0).mm(w2)
    loss = (y_pred - y).pow(2).sum()
    # the gradient still flows *through* w2 to w1
    loss.backward()
    losses.append(loss.item())
    with torch.no_grad():
        w1 -= lr * w1.grad
        w1.grad.zero_()

print("w2.grad:", w2.grad, "| w2 unchanged:", torch.equal(w2, w2_before))
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.3g}")
assert w2.grad is None and torch.equal(w2, w2_before)
assert losses[-1] < 1e-3 * losses[0], "training w1 alone still lowers the loss"
# --8<-- [end:freeze]
