"""Max and average pooling by hand and with nn, on a 4x5 tensor."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:by_hand]
def pool2d(X, k, mode="max"):
    """Pool a 2-D X with a k x k window moved k steps (no padding)."""
    Y = X.new_zeros((X.shape[0] - k) // k + 1, (X.shape[1] - k) // k + 1)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            window = X[i * k:i * k + k, j * k:j * k + k]
            Y[i, j] = window.max() if mode == "max" else window.mean()
    return Y


X = torch.arange(20.0, device=device).reshape(1, 1, 4, 5)   # (N, C, H, W)
print(X[0, 0].int().tolist())
max_pool, avg_pool = nn.MaxPool2d(2), nn.AvgPool2d(2)
print("max:", max_pool(X)[0, 0].tolist())
print("avg:", avg_pool(X)[0, 0].tolist())
assert max_pool(X)[0, 0].tolist() == [[6.0, 8.0], [16.0, 18.0]]
assert avg_pool(X)[0, 0].tolist() == [[3.0, 5.0], [13.0, 15.0]]
assert torch.equal(pool2d(X[0, 0], 2), max_pool(X)[0, 0])
assert torch.equal(pool2d(X[0, 0], 2, "avg"), avg_pool(X)[0, 0])
# --8<-- [end:by_hand]

# --8<-- [start:stride]
print("default stride:", max_pool.stride,
      "= kernel size", max_pool.kernel_size)
assert max_pool.stride == max_pool.kernel_size == 2
print("k=2, s=1:", nn.MaxPool2d(2, stride=1)(X)[0, 0].tolist())
print("k=3, s=2, p=1:",
      nn.MaxPool2d(3, stride=2, padding=1)(X)[0, 0].tolist())
print("k=2, ceil_mode:", nn.MaxPool2d(2, ceil_mode=True)(X)[0, 0].tolist())
assert nn.MaxPool2d(2, stride=1)(X).shape == (1, 1, 3, 4)
assert nn.MaxPool2d(2, ceil_mode=True)(X)[0, 0, :, 2].tolist() == [9, 19]
# --8<-- [end:stride]

# --8<-- [start:channels]
X2 = torch.cat([X, X + 1], dim=1)            # (1, 2, 4, 5): two channels
Y2 = max_pool(X2)
print("two channels in:", tuple(X2.shape), "out:", tuple(Y2.shape))
assert torch.equal(Y2[:, 1], max_pool(X)[:, 0] + 1)   # each on its own
# --8<-- [end:channels]

# --8<-- [start:params]
for layer in (max_pool, avg_pool, nn.AdaptiveAvgPool2d(1), nn.Conv2d(2, 2, 2)):
    count = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:17s} {count} parameters")
assert not list(max_pool.parameters()) and not list(avg_pool.parameters())
# --8<-- [end:params]
