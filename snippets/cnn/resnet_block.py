"""A residual block, with and without the 1x1 convolution on the shortcut."""
# --8<-- [start:setup]
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def count(net):
    return sum(p.numel() for p in net.parameters())
# --8<-- [end:setup]


# --8<-- [start:block]
class Residual(nn.Module):
    """Two 3x3 convolutions with batch norm, plus the input: F(X) + X."""

    def __init__(self, in_channels, out_channels, use_1x1conv=False,
                 stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3,
                               stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3,
                               padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = nn.Identity()
        if use_1x1conv:                       # match channels and stride
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, kernel_size=1,
                          stride=stride, bias=False),
                nn.BatchNorm2d(out_channels))

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        return F.relu(Y + self.shortcut(X))
# --8<-- [end:block]


# --8<-- [start:shapes]
X = torch.randn(4, 3, 6, 6, device=device)            # (N, C, H, W)
same = Residual(3, 3).to(device)
down = Residual(3, 6, use_1x1conv=True, stride=2).to(device)
print("stride 1, identity shortcut:", tuple(same(X).shape),
      f"{count(same):,} parameters")
print("stride 2, 1x1 conv shortcut:", tuple(down(X).shape),
      f"{count(down):,} parameters")
assert same(X).shape == (4, 3, 6, 6) and down(X).shape == (4, 6, 3, 3)
assert count(down.shortcut) == 3 * 6 + 2 * 6  # 1x1 weights, bn scale/shift
# --8<-- [end:shapes]

# --8<-- [start:mismatch]
for in_c, out_c, stride in [(3, 6, 1), (3, 3, 2)]:
    block = Residual(in_c, out_c, stride=stride).to(device)
    try:
        block(X)
    except RuntimeError as error:
        print(f"{in_c}->{out_c} channels, stride {stride}, no 1x1 conv:",
              error)
    else:
        raise AssertionError("F(X) + X should not add up")
# --8<-- [end:mismatch]
