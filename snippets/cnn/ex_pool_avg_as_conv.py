"""Exercise: average pooling is a depthwise convolution with fixed weights."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

C, k = 3, 2
X = torch.randn(2, C, 6, 7, dtype=torch.float64, device=device)
# one k x k kernel of 1/k^2 per channel, stride k, channels kept apart
weight = torch.full((C, 1, k, k), 1 / k**2, dtype=torch.float64,
                    device=device)
by_conv = F.conv2d(X, weight, stride=k, groups=C)
by_pool = nn.AvgPool2d(k)(X)
torch.testing.assert_close(by_conv, by_pool)
print("avg pooling == depthwise conv with weights 1/4:",
      tuple(by_pool.shape))

# max is not a weighted sum: no fixed kernel reproduces it
Y = nn.MaxPool2d(k)(X)
print("max pooling >= average pooling everywhere:",
      bool((Y >= by_pool).all()))
assert (Y >= by_pool).all() and not torch.allclose(Y, by_pool)
