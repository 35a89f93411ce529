"""Convolution as one matrix product: unfold (im2col), timed against conv2d."""
# --8<-- [start:setup]
import time

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:unfold]
def conv2d_unfold(X, weight):
    """X (N, C, H, W), weight (O, C, kh, kw) -> (N, O, H-kh+1, W-kw+1)."""
    N, C, H, W = X.shape
    O, _, kh, kw = weight.shape
    cols = F.unfold(X, (kh, kw))            # (N, C*kh*kw, L), L windows
    Y = weight.reshape(O, -1) @ cols        # (N, O, L)
    return Y.reshape(N, O, H - kh + 1, W - kw + 1)


X = torch.arange(9.0, device=device).reshape(1, 1, 3, 3)
cols = F.unfold(X, (2, 2))
print("windows as columns:", cols[0].tolist())
K = torch.arange(4.0, device=device).reshape(1, 1, 2, 2)
print("Y:", conv2d_unfold(X, K)[0, 0].tolist())
# --8<-- [end:unfold]

# --8<-- [start:compare]
X = torch.randn(2, 3, 10, 12, dtype=torch.float64, device=device)
weight = torch.randn(4, 3, 3, 5, dtype=torch.float64, device=device)
torch.testing.assert_close(conv2d_unfold(X, weight), F.conv2d(X, weight))
print("conv2d_unfold equals F.conv2d:", tuple(F.conv2d(X, weight).shape))
# --8<-- [end:compare]

# --8<-- [start:timing]
X = torch.randn(8, 32, 32, 32, device=device)         # a batch of 8
weight = torch.randn(64, 32, 3, 3, device=device)    # 64 filters, 3x3


def sync():
    if device.type != "cpu":                        # GPU work is asynchronous
        torch.accelerator.synchronize()


def best_ms(fn, repeat=5):
    """The fastest of a few runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        sync()
        start = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


mine, torchs = conv2d_unfold(X, weight), F.conv2d(X, weight)
assert (mine - torchs).abs().max() < 1e-2 * torchs.abs().max()
cols = F.unfold(X, (3, 3))
print(f"input {X.numel():,} numbers, unfolded {cols.numel():,}"
      f" ({cols.numel() / X.numel():.1f}x)")
t_unfold = best_ms(lambda: conv2d_unfold(X, weight))
t_conv = best_ms(lambda: F.conv2d(X, weight))
print(f"unfold + matmul {t_unfold:.2f} ms, F.conv2d {t_conv:.2f} ms")
print(f"ratio: {t_unfold / t_conv:.1f}")
# --8<-- [end:timing]
