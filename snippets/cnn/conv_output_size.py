"""Padding, stride and dilation: the output size of a convolution."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:padding]
X = torch.randn(1, 1, 8, 8, device=device)     # one 8x8 single-channel image


def out_shape(conv):
    """The (H, W) that conv makes of X."""
    return tuple(conv.to(device)(X).shape[2:])


print("k=3, p=0:", out_shape(nn.Conv2d(1, 1, 3)))
print("k=3, p=1:", out_shape(nn.Conv2d(1, 1, 3, padding=1)))
print("k=(5, 3), p=(2, 1):",
      out_shape(nn.Conv2d(1, 1, (5, 3), padding=(2, 1))))
print("k=5, p='same':", out_shape(nn.Conv2d(1, 1, 5, padding="same")))
assert out_shape(nn.Conv2d(1, 1, 3, padding=1)) == (8, 8)
# --8<-- [end:padding]

# --8<-- [start:stride]
print("k=3, p=1, s=2:", out_shape(nn.Conv2d(1, 1, 3, padding=1, stride=2)))
print("k=(3, 5), p=(0, 1), s=(3, 4):",
      out_shape(nn.Conv2d(1, 1, (3, 5), padding=(0, 1), stride=(3, 4))))
assert out_shape(nn.Conv2d(1, 1, 3, padding=1, stride=2)) == (4, 4)
# --8<-- [end:stride]

# --8<-- [start:formula]
def conv_out(n, k, p=0, s=1, d=1):
    """Output length for input n, kernel k, padding p, stride s, dilation d."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


print(" n  k  p  s  d  formula  nn.Conv2d")
for n, k, p, s, d in [(8, 3, 0, 1, 1), (8, 3, 1, 2, 1), (7, 2, 0, 2, 1),
                      (8, 3, 2, 1, 2), (9, 3, 0, 3, 3), (28, 5, 2, 2, 1)]:
    conv = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)
    size = conv.to(device)(torch.zeros(1, 1, n, n, device=device)).shape[-1]
    print(f"{n:2d} {k:2d} {p:2d} {s:2d} {d:2d}  {conv_out(n, k, p, s, d):7d}"
          f"  {size:9d}")
    assert size == conv_out(n, k, p, s, d)
# --8<-- [end:formula]
