"""Exercise: freeze w1 instead; at lr = 1e-6 the loss now blows up. Why?"""
import torch

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in)
y = torch.randn(N, D_out)
w1 = torch.randn(D_in, H)  # frozen: created without requires_grad
w2 = torch.randn(H, D_out)

# with w1 fixed, the loss is a quadratic in
# w2 with Hessian 2 h^T h (times identity)
h_relu = x.mm(w1).clamp(min=0)           # (N, H)
largest = torch.linalg.eigvalsh(2 * h_relu.t() @ h_relu).max().item()
print(f"largest eigenvalue of the Hessian: {largest:.3g}")
print("gradient descent is stable only for lr "
      f"< 2 / {largest:.3g} = {2 / largest:.3g}")


def train(lr, steps=500):
    w = w2.clone().requires_grad_()
    for t in range(steps):
        loss = (h_relu.mm(w) - y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            w.grad.zero_()
    return loss.item()


final = {lr: train(lr) for lr in (1e-6, 5e-7)}
for lr, loss in final.items():
    print(f"lr {lr:.0e}: loss after 500 steps {loss:.4g}")

first = (h_relu.mm(w2) - y).pow(2).sum().item()
assert 1e-6 > 2 / largest > 5e-7
assert not final[1e-6] < first           # diverges (inf or nan)
assert final[5e-7] < 1e-3 * first        # a smaller step converges
