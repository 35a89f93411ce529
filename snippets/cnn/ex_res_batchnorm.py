"""Plain vs residual again, now with batch norm after every convolution."""
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


class Block(nn.Module):
    """conv-BN-ReLU-conv-BN, then ReLU; shortcut=True adds the input."""

    def __init__(self, channels, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.shortcut = shortcut

    def forward(self, X):
        Y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(X)))))
        return F.relu(Y + X) if self.shortcut else F.relu(Y)


def deep_net(num_blocks, shortcut, channels=16):
    torch.manual_seed(0)
    return nn.Sequential(
        nn.Conv2d(1, channels, 3, padding=1),
        *[Block(channels, shortcut) for _ in range(num_blocks)],
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(),
        nn.Linear(channels, 10)).to(device)


def grad_norms(net, X, y):
    F.cross_entropy(net(X), y).backward()
    return [m.weight.grad.norm().item() for m in net.modules()
            if isinstance(m, nn.Conv2d)]


X = torch.randn(32, 1, 16, 16, device=device)
y = torch.randint(0, 10, (32,), device=device)
spread = {}
for shortcut in (False, True):
    g = grad_norms(deep_net(20, shortcut), X, y)
    spread[shortcut] = g[0] / g[-1]
    print(f"shortcut={shortcut!s:<5} first layer {g[0]:.2e}, "
          f"last {g[-1]:.2e}, first/last {g[0] / g[-1]:.1f}")
assert spread[False] > 10 * spread[True]   # plain: grows towards the input
assert 0.1 < spread[True] < 10             # residual: even
