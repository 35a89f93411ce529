"""Exercise solution: load_state_dict copies values into
the model's existing tensors, which keep their device and
dtype; assign=True takes the loaded tensors themselves."""
import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

# --8<-- [start:solution]
trained = nn.Linear(1000, 10).to(device)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "weights.pt")
    # saved from the device, float16
    torch.save(trained.to(torch.float16).state_dict(), path)
    # load onto the cpu, wherever it was saved
    state = torch.load(path, map_location="cpu")

print("in the file:", state["weight"].dtype,
      "| loaded onto", state["weight"].device.type)

model = nn.Linear(1000, 10).to(device)           # float32, on the device
weight = model.weight
model.load_state_dict(state)  # copies (and casts) into model.weight
print(
    "after load_state_dict:",
    model.weight.dtype,
    "on",
    model.weight.device.type,
    "| same Parameter object:",
    model.weight is weight,
)
assert model.weight is weight
assert weight.dtype == torch.float32
assert weight.device.type == device.type
assert torch.allclose(weight.half().cpu(), state["weight"])

with torch.device("meta"):  # build without allocating memory
    lazy = nn.Linear(1000, 10)
lazy.load_state_dict(state, assign=True)  # take the loaded tensors as they are
print("meta model after assign=True:", lazy.weight.dtype,
      "on", lazy.weight.device.type)
assert lazy.weight.device.type == "cpu" and lazy.weight.dtype == torch.float16
assert isinstance(lazy.weight, nn.Parameter) and lazy.weight.requires_grad
# --8<-- [end:solution]
