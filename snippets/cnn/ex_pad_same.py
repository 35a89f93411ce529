"""Exercise: which padding keeps the size, and where padding='same' stops."""
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
X = torch.randn(1, 1, 9, 9, device=device)

for k in (1, 3, 5, 7):
    p = (k - 1) // 2                     # n + 2p - k + 1 == n when k is odd
    Y = nn.Conv2d(1, 1, k, padding=p).to(device)(X)
    print(f"k={k}: padding {p} keeps {tuple(Y.shape[2:])}")
    assert Y.shape[2:] == X.shape[2:]

# an even kernel needs k - 1 (odd) padding in all: more on one side
pad_then_conv = nn.Sequential(
    nn.ZeroPad2d((1, 2, 1, 2)),          # left, right, top, bottom
    nn.Conv2d(1, 1, 4),
).to(device)
Y = pad_then_conv(X)
print("k=4 after ZeroPad2d((1, 2, 1, 2)):", tuple(Y.shape[2:]))
assert Y.shape[2:] == X.shape[2:]

try:
    nn.Conv2d(1, 1, 3, stride=2, padding="same")
except ValueError as error:
    print("ValueError:", error)
