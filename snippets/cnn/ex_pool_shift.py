"""Exercise: max pooling ignores a one-pixel shift, but only sometimes."""
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def bar(column):
    """A 12x12 image with a vertical bar of ones in one column."""
    X = torch.zeros(1, 1, 12, 12, device=device)
    X[0, 0, 3:9, column] = 1.0
    return X


pool = nn.MaxPool2d(2)                     # windows: columns 0-1, 2-3, 4-5...
results = {}
for start in (4, 5):
    a, b = pool(bar(start)), pool(bar(start + 1))
    results[start] = torch.equal(a, b)
    lit_a = a[0, 0].any(dim=0).nonzero().flatten().tolist()
    lit_b = b[0, 0].any(dim=0).nonzero().flatten().tolist()
    print(f"column {start} -> {start + 1}: pooled column {lit_a} -> {lit_b},"
          f" same output: {results[start]}")
assert results == {4: True, 5: False}
