"""Exercise: sigmoid and tanh derivatives by autograd,
and why deep sigmoid stacks lose the gradient."""
import torch

torch.manual_seed(0)
x = torch.linspace(-6, 6, 1201, dtype=torch.float64, requires_grad=True)

for name, fn in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh)]:
    # elementwise: d fn(x_i) / d x_i
    (grad,) = torch.autograd.grad(fn(x).sum(), x)
    print(
        f"{name:8s} largest derivative {grad.max().item():.4f} "
        f"at x = {abs(x[grad.argmax()].item()):.2f}, "
        f"{grad[0].item():.2g} at x = -6"
    )

s = torch.sigmoid(x)
(grad,) = torch.autograd.grad(s.sum(), x)
assert torch.allclose(grad, s * (1 - s))  # sigmoid' = s (1 - s), at most 1/4
assert abs(grad.max().item() - 0.25) < 1e-12

# a chain of 10 sigmoid layers: each multiplies the gradient by at most 1/4
depth = 10
for name, fn in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh)]:
    h = start = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    for _ in range(depth):
        h = fn(h)
    (g,) = torch.autograd.grad(h, start)
    print(f"d out / d in through {depth} {name} layers: {g.item():.3g}")
    if name == "sigmoid":
        assert g.item() < 0.25 ** depth  # below 1e-6: the gradient vanishes
