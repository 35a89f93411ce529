"""The (N, C, H, W) layout, and what channels_last changes (strides only)."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:layout]
conv = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3).to(device)
X = torch.randn(2, 3, 16, 16, device=device)   # (N, C, H, W): 2 RGB images
Y = conv(X)
print("weight", tuple(conv.weight.shape), "bias", tuple(conv.bias.shape))
print("X", tuple(X.shape), "-> Y", tuple(Y.shape))
assert conv.weight.shape == (8, 3, 3, 3) and Y.shape == (2, 8, 14, 14)

X_hwc = X.permute(0, 2, 3, 1)                  # (N, H, W, C), as images load
try:
    conv(X_hwc)
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:layout]

# --8<-- [start:channels_last]
X_cl = X.to(memory_format=torch.channels_last)
print("shape  ", tuple(X.shape), tuple(X_cl.shape))
print("strides", X.stride(), X_cl.stride())
assert X_cl.shape == X.shape and X_cl.stride() == (768, 1, 48, 3)
assert X_cl.is_contiguous(memory_format=torch.channels_last)
assert not X_cl.is_contiguous()

conv.to(memory_format=torch.channels_last)    # the weights too, in place
Y_cl = conv(X_cl)
same = torch.allclose(Y_cl, Y, atol=1e-3)      # a GPU's TF32 rounds more
print("Y_cl", tuple(Y_cl.shape), "channels_last:",
      Y_cl.is_contiguous(memory_format=torch.channels_last),
      "same values:", same)
assert Y_cl.shape == Y.shape and same
# --8<-- [end:channels_last]
