"""torchvision models: resnet18 without weights, its
11,689,512 parameters, weights= versus pretrained=True."""
# --8<-- [start:setup]
import warnings

import torch
from torchvision import models

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:build]
# the architecture, random weights, no download
model = models.resnet18(weights=None).to(device)
num_params = sum(p.numel() for p in model.parameters())
print(f"resnet18 parameters: {num_params:,}")
assert num_params == 11_689_512

model.eval()
with torch.no_grad():
    logits = model(torch.randn(1, 3, 224, 224, device=device))   # (N, C, H, W)
print("output:", tuple(logits.shape), "| last layer:", model.fc)
assert logits.shape == (1, 1000)
# --8<-- [end:build]

# --8<-- [start:weights]
weights = models.ResNet18_Weights.DEFAULT                # (1)!
categories = weights.meta["categories"]
print("DEFAULT is", weights, "|", len(categories),
      "classes, e.g.", categories[:3])
assert weights is models.ResNet18_Weights.IMAGENET1K_V1
assert weights.meta["num_params"] == num_params
print("its preprocessing:", weights.transforms())        # (2)!
# --8<-- [end:weights]

# --8<-- [start:pretrained]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record every warning, print none
    warnings.filterwarnings(
        "error", message="Arguments other than a weight enum")  # (1)!
    try:
        models.resnet18(pretrained=True)
    except UserWarning as stop:
        second = str(stop)
    else:
        raise AssertionError("pretrained=True should warn")
first = str(caught[0].message)
print("pretrained=True warns:", first)
print("and then:", second.split(". ")[1])
assert first.startswith("The parameter 'pretrained' is deprecated")
assert (
    "equivalent to passing `weights=ResNet18_Weights.IMAGENET1K_V1`" in second
)
# --8<-- [end:pretrained]
