"""Why the shortcut helps: gradient norms layer by layer, plain vs residual."""
# --8<-- [start:setup]
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:model]
class Block(nn.Module):
    """conv-ReLU-conv, then ReLU; with shortcut=True the input is added."""

    def __init__(self, channels, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1)
        self.shortcut = shortcut

    def forward(self, X):
        Y = self.conv2(F.relu(self.conv1(X)))
        return F.relu(Y + X) if self.shortcut else F.relu(Y)


def deep_net(num_blocks, shortcut, channels=16):
    torch.manual_seed(0)                     # same weights for both kinds
    return nn.Sequential(
        nn.Conv2d(1, channels, 3, padding=1),
        *[Block(channels, shortcut) for _ in range(num_blocks)],
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(),
        nn.Linear(channels, 10)).to(device)


def grad_norms(net, X, y):
    """The norm of each convolution's weight gradient, input side first."""
    F.cross_entropy(net(X), y).backward()
    return [m.weight.grad.norm().item() for m in net.modules()
            if isinstance(m, nn.Conv2d)]
# --8<-- [end:model]


# --8<-- [start:compare]
X = torch.randn(32, 1, 16, 16, device=device)
y = torch.randint(0, 10, (32,), device=device)
print("blocks  conv layers  first-layer gradient: plain  residual")
first = {}
for num_blocks in (5, 10, 20):
    plain = grad_norms(deep_net(num_blocks, shortcut=False), X, y)
    residual = grad_norms(deep_net(num_blocks, shortcut=True), X, y)
    first[num_blocks] = plain[0], residual[0]
    print(f"{num_blocks:>6} {len(plain):>12} {plain[0]:>26.2e}"
          f" {residual[0]:>9.2e}")

norms = {"plain": plain, "residual": residual}   # 20 blocks, for the figure
for name, g in norms.items():
    print(f"{name:>8}: last layer {g[-1]:.2e}, first {g[0]:.2e}, "
          f"ratio last/first {g[-1] / g[0]:.1e}")
assert first[5][0] > first[10][0] > first[20][0]    # plain: fades
assert all(p < 1e-3 * r for p, r in first.values())
assert plain[-1] / plain[0] > 1e12
assert max(residual) / min(residual) < 10           # residual: even
# --8<-- [end:compare]
