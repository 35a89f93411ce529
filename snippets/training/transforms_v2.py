"""torchvision.transforms.v2 on an image built here:
ToImage, ToDtype, Normalize, flips, Resize, boxes."""
# --8<-- [start:setup]
import numpy as np
import torch
from PIL import Image
from torchvision import tv_tensors
from torchvision.transforms import v2

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:steps]
# (H, W, C), as image files store it
pixels = np.zeros((4, 6, 3), dtype=np.uint8)
pixels[..., 0] = np.arange(6) * 50   # red grows from left to right: 0..250
pil_image = Image.fromarray(pixels)  # what a dataset usually hands over

image = v2.ToImage()(pil_image)                          # (1)!
print("ToImage:", type(image).__name__, tuple(image.shape), image.dtype)
assert image.shape == (3, 4, 6) and image.dtype == torch.uint8

scaled = v2.ToDtype(torch.float32, scale=True)(image)    # (2)!
print("ToDtype(scale=True): red row",
      [round(v, 4) for v in scaled[0, 0].tolist()])
assert torch.allclose(scaled, image.float() / 255)
# without scale=True: floats 0. to 255.
assert v2.ToDtype(torch.float32)(image).max() == 250.0

# (x - mean) / std
normalized = v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.25, 0.25, 0.25])(scaled)
assert torch.allclose(normalized, (scaled - 0.5) / 0.25)

flipped = v2.RandomHorizontalFlip(p=1.0)(image)  # p=1: always flip
assert torch.equal(flipped, image.flip(-1))  # the last dimension is the width
print("flipped red row:", flipped[0, 0].tolist())

resized = v2.Resize((8, 12), antialias=True)(image)      # (height, width)
print("Resize((8, 12)):", tuple(resized.shape))
assert resized.shape == (3, 8, 12)
# --8<-- [end:steps]

# --8<-- [start:compose]
train_transform = v2.Compose([
    v2.ToImage(),
    v2.RandomHorizontalFlip(p=0.5),                      # (1)!
    v2.Resize((8, 12), antialias=True),
    v2.ToDtype(torch.float32, scale=True),
    v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.25, 0.25, 0.25]),
])
outputs = [train_transform(pil_image) for _ in range(1000)]
# red high on the left: flipped
flips = sum(bool(out[0, 0, 0] > out[0, 0, -1]) for out in outputs)
print(f"1000 calls: {flips} flipped; output "
      f"{tuple(outputs[0].shape)} {outputs[0].dtype}")
assert 450 < flips < 550 and outputs[0].dtype == torch.float32
# --8<-- [end:compose]

# --8<-- [start:boxes]
# x1, y1, x2, y2
boxes = tv_tensors.BoundingBoxes([[0, 1, 2, 3]], format="XYXY",
                                 canvas_size=(4, 6))
img_out, boxes_out = v2.RandomHorizontalFlip(p=1.0)(image, boxes)    # (1)!
print("box before the flip:", boxes.tolist(), "after:", boxes_out.tolist())
assert boxes_out.tolist() == [[4, 1, 6, 3]]
assert torch.equal(img_out, image.flip(-1))
# --8<-- [end:boxes]
