"""The shape error after Flatten, and nn.LazyLinear as one way out."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
X = torch.randn(4, 1, 8, 8, device=device)    # 4 images of 8x8, like digits
# --8<-- [end:setup]

# --8<-- [start:error]
model = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=3), nn.ReLU(),   # (4, 6, 6, 6): not 8x8!
    nn.Flatten(),                                # (4, 216)
    nn.Linear(6 * 8 * 8, 10),                    # expects 384 features
).to(device)
try:
    model(X)
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:error]

# --8<-- [start:measure]
features = model[:3](X)                          # run the layers before it
print("what reaches the Linear:", tuple(features.shape))
assert features.shape == (4, 6 * 6 * 6)
# --8<-- [end:measure]

# --8<-- [start:lazy]
model = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=3), nn.ReLU(),
    nn.Flatten(),
    nn.LazyLinear(10),                           # in_features left open
).to(device)
print("before:", model[3])
print("output:", tuple(model(X).shape))          # the first call sets it
print("after: ", model[3])
assert isinstance(model[3], nn.Linear) and model[3].in_features == 216
# --8<-- [end:lazy]
