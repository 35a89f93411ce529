"""Exercise: conv2d_unfold with stride and padding, checked by F.conv2d."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def conv2d_unfold(X, weight, stride=1, padding=0):
    """X (N, C, H, W), weight (O, C, kh, kw), square stride and padding."""
    N, C, H, W = X.shape
    O, _, kh, kw = weight.shape
    cols = F.unfold(X, (kh, kw), padding=padding, stride=stride)
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    return (weight.reshape(O, -1) @ cols).reshape(N, O, H_out, W_out)


X = torch.randn(2, 3, 11, 9, dtype=torch.float64, device=device)
weight = torch.randn(5, 3, 3, 2, dtype=torch.float64, device=device)
for stride, padding in [(1, 0), (2, 0), (2, 1), (3, 2)]:
    mine = conv2d_unfold(X, weight, stride, padding)
    torchs = F.conv2d(X, weight, stride=stride, padding=padding)
    torch.testing.assert_close(mine, torchs)
    print(f"stride {stride}, padding {padding}: {tuple(mine.shape)} equal")
