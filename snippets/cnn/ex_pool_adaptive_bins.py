"""Exercise: adaptive average pooling by hand, from its bin boundaries."""
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def bins(n, m):
    """Window [start, end) of output i, for input length n and output m."""
    return [(i * n // m, math.ceil((i + 1) * n / m)) for i in range(m)]


def adaptive_avg_pool2d(X, out_h, out_w):
    rows, cols = bins(X.shape[-2], out_h), bins(X.shape[-1], out_w)
    return torch.stack([torch.stack([X[..., r0:r1, c0:c1].mean(dim=(-2, -1))
                                     for c0, c1 in cols], dim=-1)
                        for r0, r1 in rows], dim=-2)


print("5 -> 2:", bins(5, 2), " 7 -> 3:", bins(7, 3), " 4 -> 4:", bins(4, 4))
for h, w, out_h, out_w in [(4, 5, 2, 2), (7, 9, 3, 4), (10, 10, 3, 3),
                           (5, 6, 5, 6), (6, 3, 4, 5)]:
    X = torch.randn(2, 3, h, w, dtype=torch.float64, device=device)
    mine = adaptive_avg_pool2d(X, out_h, out_w)
    torch.testing.assert_close(mine, nn.AdaptiveAvgPool2d((out_h, out_w))(X))
    print(f"{h}x{w} -> {out_h}x{out_w}: equal")
