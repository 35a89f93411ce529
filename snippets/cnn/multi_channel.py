"""Input and output channels; a 1x1 convolution is a Linear on each pixel."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:multi_in]
def corr2d_multi_in(X, K):
    """X (C_in, H, W), K (C_in, kh, kw): one 2-D result per channel, summed."""
    return sum(F.conv2d(x[None, None], k[None, None])[0, 0]
               for x, k in zip(X, K))


def corr2d_multi_in_out(X, K):
    """K (C_out, C_in, kh, kw): one multi-input result per output channel."""
    return torch.stack([corr2d_multi_in(X, k) for k in K])


X = torch.randn(3, 6, 7, dtype=torch.float64, device=device)
K = torch.randn(4, 3, 2, 2, dtype=torch.float64, device=device)
Y = corr2d_multi_in_out(X, K)
torch.testing.assert_close(Y, F.conv2d(X[None], K)[0])
print("3 input channels, 4 output channels:", tuple(Y.shape),
      "equals F.conv2d")
# --8<-- [end:multi_in]

# --8<-- [start:one_by_one]
conv1x1 = nn.Conv2d(3, 4, kernel_size=1).to(device)
linear = nn.Linear(3, 4).to(device)
with torch.no_grad():                          # share the same numbers
    linear.weight.copy_(conv1x1.weight.reshape(4, 3))
    linear.bias.copy_(conv1x1.bias)

X = torch.randn(2, 3, 5, 5, device=device)     # (N, C, H, W)
by_conv = conv1x1(X)                           # (2, 4, 5, 5)
by_linear = linear(X.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
torch.testing.assert_close(by_conv, by_linear, rtol=1e-3, atol=1e-3)
print("1x1 conv == Linear on every pixel:", tuple(by_conv.shape))
print("parameters:", sum(p.numel() for p in conv1x1.parameters()),
      sum(p.numel() for p in linear.parameters()))
# --8<-- [end:one_by_one]
