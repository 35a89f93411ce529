"""nn.ModuleDict picks layers by name; nn.ParameterList and nn.ParameterDict
register loose tensors as parameters, by position or by name."""
# --8<-- [start:setup]
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:moduledict]
class Net(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.hidden = nn.Linear(D_in, H)
        self.activations = nn.ModuleDict({"relu": nn.ReLU(),
                                          "tanh": nn.Tanh()})
        self.heads = nn.ModuleDict({"regress": nn.Linear(H, 1),
                                    "classify": nn.Linear(H, D_out)})

    def forward(self, x, act="relu", head="regress"):
        # chosen by name at call time
        h = self.activations[act](self.hidden(x))
        return self.heads[head](h)


net = Net(20, 32, 5).to(device)
x = torch.randn(4, 20, device=device)           # (N, D_in)
print("regress:", tuple(net(x).shape),
      "| classify:", tuple(net(x, "tanh", "classify").shape))
print("heads:", list(net.heads.keys()))
assert net(x, head="classify").shape == (4, 5)
assert "heads.classify.weight" in net.state_dict()
# --8<-- [end:moduledict]


# --8<-- [start:parameterlist]
class Polynomial(nn.Module):
    """y = c0 + c1 x + c2 x^2 + c3 x^3 with learnable coefficients."""
    def __init__(self, degree=3):
        super().__init__()
        self.coeffs = nn.ParameterList(
            [nn.Parameter(torch.zeros(())) for _ in range(degree + 1)])

    def forward(self, x):
        return sum(c * x ** k for k, c in enumerate(self.coeffs))


x = torch.linspace(-math.pi, math.pi, 200, device=device)     # (200,)
y = torch.sin(x)
poly = Polynomial().to(device)
print("names:", [name for name, _ in poly.named_parameters()])
optimizer = torch.optim.Adam(poly.parameters(), lr=0.05)
for step in range(300):
    loss = (poly(x) - y).pow(2).mean()
    if step == 0:
        first = loss.item()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
coeffs = torch.stack(list(poly.coeffs)).detach()
print(f"loss {first:.3f} -> {loss.item():.4f}, coefficients "
      f"{[round(c, 3) for c in coeffs.tolist()]}")
# (200, 4), the exact least squares
X = torch.stack([x ** k for k in range(4)], dim=1).cpu()
best = torch.linalg.lstsq(X, y.cpu().unsqueeze(1)).solution.squeeze(1)
assert loss.item() < 0.01 * first
assert torch.allclose(coeffs.cpu(), best, atol=0.01)
# --8<-- [end:parameterlist]


# --8<-- [start:parameterdict]
class Affine(nn.Module):
    """Per-feature scale and shift, stored by name."""
    def __init__(self, D):
        super().__init__()
        self.params = nn.ParameterDict({"scale": nn.Parameter(torch.ones(D)),
                                        "shift": nn.Parameter(torch.zeros(D))})

    def forward(self, x):
        return x * self.params["scale"] + self.params["shift"]


affine = Affine(3).to(device)
print("state_dict:", list(affine.state_dict()))
assert list(affine.state_dict()) == ["params.scale", "params.shift"]
assert torch.equal(affine(torch.ones(2, 3, device=device)),
                   torch.ones(2, 3, device=device))
# --8<-- [end:parameterdict]
