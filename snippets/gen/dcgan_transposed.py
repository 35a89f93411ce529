"""A transposed convolution: its output size, and what it really computes."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# --8<-- [end:setup]


# --8<-- [start:size]
def out_size(h, kernel, stride=1, padding=0, output_padding=0, dilation=1):
    """H_out of ConvTranspose2d, from the PyTorch documentation."""
    return ((h - 1) * stride - 2 * padding + dilation * (kernel - 1)
            + output_padding + 1)


for h, k, s, p, op in [(1, 2, 1, 0, 0), (2, 4, 2, 1, 0), (4, 4, 2, 1, 0),
                      (4, 3, 2, 1, 0), (4, 3, 2, 1, 1)]:
    layer = nn.ConvTranspose2d(1, 1, k, stride=s, padding=p, output_padding=op)
    got = layer(torch.zeros(1, 1, h, h)).shape[-1]
    print(f"H_in {h}, kernel {k}, stride {s}, padding {p}, "
          f"output_padding {op}: H_out {got}")
    assert got == out_size(h, k, s, p, op)
conv = nn.Conv2d(1, 1, 3, stride=2, padding=1)        # the way down
print("Conv2d, kernel 3, stride 2, padding 1: 7 ->",
      conv(torch.zeros(1, 1, 7, 7)).shape[-1], " 8 ->",
      conv(torch.zeros(1, 1, 8, 8)).shape[-1])
# --8<-- [end:size]

# --8<-- [start:gradient]
x = torch.randn(2, 3, 8, 8, requires_grad=True)     # (N, C_in, H, W)
w = torch.randn(5, 3, 4, 4)                           # (C_out, C_in, k, k)
y = F.conv2d(x, w, stride=2, padding=1)               # (2, 5, 4, 4)
g = torch.randn_like(y)                               # any "upstream" grad
(grad_x,) = torch.autograd.grad(y, x, grad_outputs=g)
up = F.conv_transpose2d(g, w, stride=2, padding=1)    # (2, 3, 8, 8)
print("conv2d:", tuple(x.shape), "->", tuple(y.shape))
print("conv_transpose2d:", tuple(g.shape), "->", tuple(up.shape))
torch.testing.assert_close(up, grad_x)
print("conv_transpose2d(g, w) == d(conv2d(x, w))/dx applied to g")
# --8<-- [end:gradient]

# --8<-- [start:stuffed]
s, k, p = 2, 4, 1
stuffed = torch.zeros(2, 5, (4 - 1) * s + 1, (4 - 1) * s + 1)
stuffed[:, :, ::s, ::s] = g                           # zeros between pixels
flipped = w.flip(-1, -2).transpose(0, 1)              # (C_in, C_out, k, k)
conv = F.conv2d(stuffed, flipped, padding=k - 1 - p)  # a plain convolution
torch.testing.assert_close(conv, up)
print("zero-stuffed", tuple(stuffed.shape[-2:]),
      "+ flipped kernel + conv2d: the same", tuple(conv.shape))
# --8<-- [end:stuffed]
