"""tensor.to() returns a new tensor and leaves the original
where it was; module.to() converts the module's parameters
and buffers in place and returns the module itself."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:device]
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
print("device:", device.type)
# --8<-- [end:device]

# --8<-- [start:tensor]
x = torch.randn(64, 1000)                        # made on the cpu
x.to(torch.float64)                              # (1)!
print("after x.to(float64) without assigning:", x.dtype)
assert x.dtype == torch.float32

x64 = x.to(torch.float64)  # a new tensor, the old one untouched
assert x64 is not x and x64.dtype == torch.float64 and x.dtype == torch.float32

x_dev = x.to(device)                             # a copy on an accelerator ...
print("x is on", x.device.type, "| x_dev is on", x_dev.device.type)
assert x.device.type == "cpu" and x_dev.device.type == device.type
# ... or x itself when nothing changes
assert (x_dev is x) == (device.type == "cpu")
# --8<-- [end:tensor]

# --8<-- [start:module]
model = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10))
weight = model[0].weight                         # hold on to one parameter
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)   # made before moving

returned = model.to(device)                      # (1)!
print("model.to(device) is model:", returned is model,
      "| weight on", model[0].weight.device.type)
assert returned is model
assert model[0].weight is weight          # the same Parameter object ...
assert weight.device.type == device.type  # ... now holding data on the device

model.to(torch.float16)  # dtype too, in place (mps has no float64)
assert model[0].weight is weight and weight.dtype == torch.float16
assert model.float() is model  # .float(), .double(), .cpu(), .cuda(): the same
assert model[0].weight is weight and weight.dtype == torch.float32

loss = model(x_dev).pow(2).sum()  # the optimizer made earlier still works
loss.backward()
before = weight.clone()
optimizer.step()
print("optimizer created before .to() updated the moved weight:",
      not torch.equal(weight, before))
assert not torch.equal(weight, before)
# --8<-- [end:module]
