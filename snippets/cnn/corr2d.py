"""Cross-correlation by two loops, checked against F.conv2d and scipy."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from scipy import signal

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:corr2d]
def corr2d(X, K):
    """2-D cross-correlation of X (H, W) with kernel K (kh, kw)."""
    kh, kw = K.shape
    Y = X.new_zeros(X.shape[0] - kh + 1, X.shape[1] - kw + 1)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + kh, j:j + kw] * K).sum()
    return Y


X = torch.arange(9.0, device=device).reshape(3, 3)
K = torch.arange(4.0, device=device).reshape(2, 2)
Y = corr2d(X, K)
print(Y.tolist())
assert Y.tolist() == [[19.0, 25.0], [37.0, 43.0]]
# --8<-- [end:corr2d]

# --8<-- [start:compare]
# F.conv2d wants (N, C, H, W) inputs and (C_out, C_in, kh, kw) weights
for (h, w), (kh, kw) in [((5, 5), (3, 3)), ((7, 9), (2, 4)),
                         ((16, 12), (5, 1)), ((4, 4), (4, 4))]:
    X = torch.randn(h, w, dtype=torch.float64, device=device)
    K = torch.randn(kh, kw, dtype=torch.float64, device=device)
    mine = corr2d(X, K)
    torchs = F.conv2d(X[None, None], K[None, None])[0, 0]
    torch.testing.assert_close(mine, torchs)
    print(f"X {h}x{w}, K {kh}x{kw} -> Y {tuple(mine.shape)}: equal")
# --8<-- [end:compare]

# --8<-- [start:flip]
X = torch.randn(6, 6, dtype=torch.float64)
K = torch.randn(3, 3, dtype=torch.float64)
true_conv = signal.convolve2d(X.numpy(), K.numpy(), mode="valid")
cross = signal.correlate2d(X.numpy(), K.numpy(), mode="valid")
# scipy's correlation is corr2d; its convolution is corr2d with K flipped
assert torch.allclose(corr2d(X, K), torch.from_numpy(cross))
assert torch.allclose(corr2d(X, K.flip(0, 1)), torch.from_numpy(true_conv))
assert not torch.allclose(corr2d(X, K), torch.from_numpy(true_conv))
print("convolution == corr2d with the kernel flipped both ways")
# --8<-- [end:flip]
