"""Exercise: groups=2 is two convolutions side by side, then concatenated."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

conv = nn.Conv2d(6, 4, kernel_size=3, groups=2).to(device)
print("weight", tuple(conv.weight.shape))       # (4, 3, 3, 3): 3 inputs each
X = torch.randn(2, 6, 8, 8, device=device)

# output channels 0-1 come from inputs 0-2, channels 2-3 from inputs 3-5
W, b = conv.weight, conv.bias
halves = [F.conv2d(X[:, 0:3], W[0:2], b[0:2]),
          F.conv2d(X[:, 3:6], W[2:4], b[2:4])]
by_hand = torch.cat(halves, dim=1)
torch.testing.assert_close(conv(X), by_hand, rtol=1e-3, atol=1e-3)
print("groups=2 equals two convolutions, concatenated:",
      tuple(by_hand.shape))
