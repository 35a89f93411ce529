"""Activation functions at a few points (sigmoid, tanh,
ReLU, LeakyReLU, GELU), and maxout as a module."""
# --8<-- [start:setup]
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:values]
x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0], device=device)
activations = {
    "sigmoid": nn.Sigmoid(),
    "tanh": nn.Tanh(),
    "relu": nn.ReLU(),
    "leaky_relu(0.1)": nn.LeakyReLU(negative_slope=0.1),
    "gelu": nn.GELU(),
    "gelu(tanh)": nn.GELU(approximate="tanh"),           # (1)!
}
print(f"{'x':16s}" + "".join(f"{v:8.1f}" for v in x.tolist()))
for name, act in activations.items():
    print(f"{name:16s}" + "".join(f"{v + 0.0:8.4f}" for v in act(x).tolist()))

Phi = lambda v: 0.5 * (1 + torch.erf(v / math.sqrt(2)))  # standard normal CDF
assert torch.allclose(activations["sigmoid"](x), 1 / (1 + torch.exp(-x)))
assert torch.allclose(activations["tanh"](x), 2 * torch.sigmoid(2 * x) - 1,
                      atol=1e-6)
assert torch.equal(activations["relu"](x), x.clamp(min=0))
assert torch.allclose(activations["leaky_relu(0.1)"](x),
                      torch.where(x > 0, x, 0.1 * x))
# GELU(x) = x * Phi(x)
assert torch.allclose(activations["gelu"](x), x * Phi(x), atol=1e-6)
assert (
    activations["gelu"](x) - activations["gelu(tanh)"](x)
).abs().max() < 1e-3
# --8<-- [end:values]


# --8<-- [start:maxout]
class Maxout(nn.Module):
    """k linear pieces per output unit; the unit
    outputs the largest: max_j (W_j x + b_j)."""

    def __init__(self, in_features, out_features, k):
        super().__init__()
        self.out_features, self.k = out_features, k
        self.linear = nn.Linear(in_features, out_features * k)

    def forward(self, x):                          # x: (N, in_features)
        z = self.linear(x)                         # (N, out_features * k)
        z = z.view(-1, self.out_features, self.k)  # (N, out_features, k)
        return z.max(dim=2).values                 # (N, out_features)


layer = Maxout(in_features=4, out_features=3, k=2).to(device)
print("maxout output shape:",
      tuple(layer(torch.randn(5, 4, device=device)).shape))

# with two pieces, weights (1, 0) and (-1, 0) make
# maxout compute |x|; (1, 0) and (0, 0) give ReLU
one = Maxout(1, 1, k=2).to(device)
with torch.no_grad():
    one.linear.bias.zero_()
    one.linear.weight.copy_(torch.tensor([[1.0], [-1.0]]))
    as_abs = one(x.unsqueeze(1)).squeeze(1)
    one.linear.weight.copy_(torch.tensor([[1.0], [0.0]]))
    as_relu = one(x.unsqueeze(1)).squeeze(1)
print("maxout as |x|: ", as_abs.tolist())
print("maxout as ReLU:", as_relu.tolist())
assert torch.equal(as_abs, x.abs()) and torch.equal(as_relu, torch.relu(x))
# --8<-- [end:maxout]
