"""What became of transforms.Scale (removed: Resize)
and ToTensor (deprecated: ToImage + ToDtype)."""
# --8<-- [start:setup]
import warnings

import numpy as np
import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

torch.manual_seed(0)
pixels = np.zeros((4, 6, 3), dtype=np.uint8)             # (H, W, C)
pixels[..., 0] = np.arange(6) * 50
pil_image = Image.fromarray(pixels)
# --8<-- [end:setup]

# --8<-- [start:scale]
# removed long ago
print("transforms.Scale exists:", hasattr(transforms, "Scale"))
print("transforms.Resize exists:", hasattr(transforms, "Resize"),
      "| v2.Resize:", hasattr(v2, "Resize"))
assert not hasattr(transforms, "Scale") and not hasattr(v2, "Scale")
# one int: the shorter side
resized = v2.Resize(8, antialias=True)(v2.ToImage()(pil_image))
# the aspect ratio is kept
print("v2.Resize(8) on a 4x6 image:", tuple(resized.shape[-2:]))
assert resized.shape[-2:] == (8, 12)
# --8<-- [end:scale]

# --8<-- [start:to_tensor]
new_style = v2.Compose(
    [v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])(pil_image)
with warnings.catch_warnings(record=True) as caught:
    # record the warning instead of printing it
    warnings.simplefilter("always")
    old_style = v2.ToTensor()(pil_image)  # the v1 habit, deprecated in v2
message = str(caught[0].message)
print("v2.ToTensor() warns:", message.split(".")[0])
assert issubclass(caught[0].category, UserWarning)
assert "v2.ToImage(), v2.ToDtype(torch.float32, scale=True)" in message
# up to float rounding
assert torch.allclose(old_style, new_style) and old_style.shape == (3, 4, 6)
print(
    "same values as ToImage + ToDtype(scale=True):",
    torch.allclose(old_style, new_style),
    "| types:",
    type(old_style).__name__,
    "and",
    type(new_style).__name__,
)
# --8<-- [end:to_tensor]
