"""Exercise: torch.autograd.grad returns the
gradients instead of adding them to .grad."""
import torch

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, dtype=torch.float64)
y = torch.randn(N, D_out, dtype=torch.float64)
w1 = torch.randn(D_in, H, dtype=torch.float64, requires_grad=True)
w2 = torch.randn(H, D_out, dtype=torch.float64, requires_grad=True)


def loss_fn():
    return (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()


grad_w1, grad_w2 = torch.autograd.grad(loss_fn(), [w1, w2])   # .grad untouched
print("after autograd.grad: w1.grad is", w1.grad, "| returned shapes:",
      tuple(grad_w1.shape), tuple(grad_w2.shape))
assert w1.grad is None and w2.grad is None

loss_fn().backward()                                           # fills .grad
same = torch.allclose(w1.grad, grad_w1) and torch.allclose(w2.grad, grad_w2)
print("after backward: .grad equals the returned gradients:", same)
assert same
