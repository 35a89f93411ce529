"""Adaptive average pooling: choose the output size, not the window."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:adaptive]
X = torch.arange(20.0, device=device).reshape(1, 1, 4, 5)
Y = nn.AdaptiveAvgPool2d((2, 2))(X)
print("adaptive (2, 2):", Y[0, 0].tolist())
# rows 0-1 and 2-3; columns 0-2 and 2-4 (column 2 is in both)
assert Y[0, 0, 0, 0] == X[0, 0, 0:2, 0:3].mean() == 3.5
assert Y[0, 0].tolist() == [[3.5, 5.5], [13.5, 15.5]]

gap = nn.AdaptiveAvgPool2d(1)                # global average pooling
print("global average:", gap(X).flatten().tolist())
assert gap(X).item() == X.mean().item() == 9.5
# --8<-- [end:adaptive]

# --8<-- [start:any_size]
gap_head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten()).to(device)
for size in [(4, 5), (7, 9), (32, 32)]:
    features = torch.randn(2, 16, *size, device=device)   # 16 channels
    out = gap_head(features)
    print(f"{size} -> {tuple(out.shape)}")
    assert out.shape == (2, 16)
# --8<-- [end:any_size]
