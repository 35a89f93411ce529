"""Grouped and depthwise convolutions, and what they save in parameters."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def num_params(module):
    return sum(p.numel() for p in module.parameters())
# --8<-- [end:setup]


# --8<-- [start:groups]
for groups in (1, 4, 32):
    conv = nn.Conv2d(32, 64, kernel_size=3, groups=groups)
    print(f"groups={groups:2d}: weight {tuple(conv.weight.shape)},"
          f" {num_params(conv):5d} parameters")
assert num_params(nn.Conv2d(32, 64, 3)) == 64 * 32 * 9 + 64
assert num_params(nn.Conv2d(32, 64, 3, groups=4)) == 64 * 8 * 9 + 64
# --8<-- [end:groups]

# --8<-- [start:depthwise]
depthwise = nn.Conv2d(32, 32, 3, padding=1, groups=32).to(device)
X = torch.randn(1, 32, 10, 10, device=device)
Y = depthwise(X)
# output channel c sees input channel c only, through its own 3x3 kernel
for c in (0, 17, 31):
    alone = F.conv2d(X[:, c:c + 1], depthwise.weight[c:c + 1],
                     depthwise.bias[c:c + 1], padding=1)
    torch.testing.assert_close(Y[:, c:c + 1], alone, rtol=1e-3, atol=1e-3)
print("depthwise: each output channel from one input channel")
# --8<-- [end:depthwise]

# --8<-- [start:separable]
full = nn.Conv2d(32, 64, 3, padding=1)
separable = nn.Sequential(
    nn.Conv2d(32, 32, 3, padding=1, groups=32),   # depthwise: space
    nn.Conv2d(32, 64, 1),                         # pointwise: channels
)
print("full 3x3:", num_params(full), " depthwise separable:",
      num_params(separable),
      f" ({num_params(full) / num_params(separable):.1f}x fewer)")
assert num_params(separable) == (32 * 9 + 32) + (64 * 32 + 64)
X = torch.randn(1, 32, 10, 10)
assert full(X).shape == separable(X).shape == (1, 64, 10, 10)
# --8<-- [end:separable]
