"""Functions and devices: F.sigmoid / F.tanh today, a hard-coded
model.cuda(), and what a torch optimizer takes."""
# --8<-- [start:setup]
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
old = {}  # old API -> what it raises or warns today (None: runs quietly)
# --8<-- [end:setup]

# --8<-- [start:sigmoid]
x = torch.linspace(-3, 3, 7)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    s, t = F.sigmoid(x), F.tanh(x)   # old: deprecated, with a warning
old["F.sigmoid"] = old["F.tanh"] = None
print("F.sigmoid, F.tanh: warnings today:", len(caught),
      "| equal to torch.sigmoid, torch.tanh:",
      torch.equal(s, torch.sigmoid(x)) and torch.equal(t, torch.tanh(x)))
assert not caught
assert torch.equal(s, torch.sigmoid(x)) and torch.equal(t, torch.tanh(x))
# --8<-- [end:sigmoid]

# --8<-- [start:cuda]
model = nn.Linear(4, 2)
try:
    model.cuda()                     # old: assumes an NVIDIA GPU
    outcome = "runs (this machine has CUDA)"
except (RuntimeError, AssertionError) as err:
    old["model.cuda()"] = type(err).__name__
    outcome = "fails without CUDA"
print("model.cuda():", outcome)

device = (torch.accelerator.current_accelerator()   # new: ask once
          if torch.accelerator.is_available() else torch.device("cpu"))
model = nn.Linear(4, 2).to(device)
y = model(torch.randn(3, 4, device=device))
print("model.to(device), input on device:", tuple(y.shape))
assert y.device == next(model.parameters()).device
# --8<-- [end:cuda]

# --8<-- [start:optim]
# a PyTorch optimizer takes the parameters it will update
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
assert isinstance(optimizer, torch.optim.Optimizer)
names = sorted(
    name for name, obj in vars(torch.optim).items()
    if isinstance(obj, type) and issubclass(obj, torch.optim.Optimizer)
    and obj is not torch.optim.Optimizer)
print("torch.optim's optimizers include Adam, AdamW, SGD:",
      {"Adam", "AdamW", "SGD"} <= set(names))
assert {"Adam", "AdamW", "SGD"} <= set(names)

loss = model(torch.randn(3, 4, device=device)).pow(2).sum()
loss.backward()
before = model.weight.detach().clone()
optimizer.step()
assert not torch.equal(before, model.weight)   # it updated the model
# --8<-- [end:optim]
