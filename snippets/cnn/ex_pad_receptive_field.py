"""Exercise: the receptive field of stacked convolutions, found by autograd."""
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def receptive_field(model, n=21):
    """Rows and columns of input pixels that one central output depends on."""
    X = torch.randn(1, 1, n, n, device=device, requires_grad=True)
    Y = model.to(device)(X)
    Y[0, 0, Y.shape[2] // 2, Y.shape[3] // 2].backward()
    rows, cols = X.grad[0, 0].nonzero(as_tuple=True)
    return rows.max().item() - rows.min().item() + 1, \
        cols.max().item() - cols.min().item() + 1


for name, model in [
    ("one 3x3", nn.Conv2d(1, 1, 3)),
    ("two 3x3", nn.Sequential(nn.Conv2d(1, 1, 3), nn.Conv2d(1, 1, 3))),
    ("three 3x3", nn.Sequential(*[nn.Conv2d(1, 1, 3) for _ in range(3)])),
    ("3x3 with dilation 2", nn.Conv2d(1, 1, 3, dilation=2)),
    ("3x3, then 3x3 dilated 2",
     nn.Sequential(nn.Conv2d(1, 1, 3), nn.Conv2d(1, 1, 3, dilation=2))),
]:
    print(f"{name:24s} sees {receptive_field(model)}")

two = nn.Sequential(nn.Conv2d(1, 1, 3), nn.Conv2d(1, 1, 3))
assert receptive_field(two) == (5, 5)
assert receptive_field(nn.Conv2d(1, 1, 3, dilation=2)) == (5, 5)
