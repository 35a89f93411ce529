"""torchvision: transforms.Scale is gone (Resize), and pretrained=True
warns before any download (weights=...)."""
# --8<-- [start:setup]
import warnings

import torch
from torchvision import models, transforms
from torchvision.transforms import v2

torch.manual_seed(0)
old = {}  # old API -> what it raises or warns today (None: runs quietly)
# --8<-- [end:setup]

# --8<-- [start:scale]
try:
    transforms.Scale(256)            # old name of Resize
except AttributeError as err:
    old["transforms.Scale"] = type(err).__name__
    print("transforms.Scale:", type(err).__name__, "-", err)
else:
    raise AssertionError("transforms.Scale should be gone")

image = torch.randint(0, 256, (3, 300, 400), dtype=torch.uint8)
small = v2.Resize(256)(image)        # new: the shorter side becomes 256
print("v2.Resize(256): (3, 300, 400) ->", tuple(small.shape))
assert small.shape == (3, 256, 341)
# --8<-- [end:scale]

# --8<-- [start:pretrained]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # turn the second warning into an exception: stops before download
    warnings.filterwarnings(
        "error", message="Arguments other than a weight enum")
    try:
        models.resnet18(pretrained=True)   # old
    except UserWarning as stop:
        second = str(stop)
    else:
        raise AssertionError("pretrained=True should warn")
old["pretrained=True"] = caught[0].category.__name__
print("pretrained=True:", caught[0].category.__name__, "-",
      str(caught[0].message).split(",")[0])
print("  then: equivalent to",
      second.split("equivalent to passing ")[1].split(". ")[0])
assert "'pretrained' is deprecated" in str(caught[0].message)
assert "weights=ResNet18_Weights.IMAGENET1K_V1" in second

model = models.resnet18(weights=None)      # new: explicit, no download
weights = models.ResNet18_Weights.DEFAULT  # what weights=... would load
print("weights=None:", sum(p.numel() for p in model.parameters()),
      "parameters | DEFAULT =", weights)
assert weights.meta["num_params"] == 11_689_512
# --8<-- [end:pretrained]
