"""nn.Flatten against a home-made flatten layer: the
same output; the traps of view and torch.flatten."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:layer]
class MyFlatten(nn.Module):
    """Keep the batch dimension, merge all
    the others: (N, C, H, W) -> (N, C*H*W)."""

    def forward(self, x):
        return x.view(x.size(0), -1)                     # (1)!


x = torch.randn(5, 3, 4, 4, device=device)               # (N, C, H, W)
ours, theirs = MyFlatten()(x), nn.Flatten()(x)
print("MyFlatten:", tuple(ours.shape), "| nn.Flatten:", tuple(theirs.shape))
assert torch.equal(ours, theirs) and theirs.shape == (5, 48)
assert torch.equal(theirs, x.reshape(5, -1))
assert torch.equal(theirs, torch.flatten(x, start_dim=1))
# --8<-- [end:layer]

# --8<-- [start:pitfalls]
everything = torch.flatten(x)  # start_dim=0: the batch is gone too
print("torch.flatten(x):", tuple(everything.shape))
assert everything.shape == (240,)

channels_last = x.permute(0, 2, 3, 1)  # (N, H, W, C), not contiguous
try:
    MyFlatten()(channels_last)
except RuntimeError as err:
    assert "view size is not compatible" in str(err)
    print("MyFlatten on a permuted tensor -> RuntimeError:",
          str(err).split(" (")[0].split(".")[0])
else:
    raise AssertionError("view should refuse a non-contiguous tensor")
# reshape copies when it must
print("nn.Flatten on it:", tuple(nn.Flatten()(channels_last).shape))

partial = nn.Flatten(start_dim=2)(x)  # (N, C, H*W): merge only H and W
print("nn.Flatten(start_dim=2):", tuple(partial.shape))
assert partial.shape == (5, 3, 16)
# --8<-- [end:pitfalls]
