"""Exercise: an optimizer's state_dict names parameters by position; saving
and loading it lets training resume exactly where it stopped."""
import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(32, 4)                           # (N, D_in)
y = torch.randn(32, 1)                           # (N, 1)
loss_fn = nn.MSELoss()


def train(model, optimizer, steps):
    for _ in range(steps):
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()


model = nn.Linear(4, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
train(model, optimizer, 10)

sd = optimizer.state_dict()
print("keys:", list(sd))
# indices, not tensors
print("params of group 0:", sd["param_groups"][0]["params"])
print("state of param 0:", list(sd["state"][0]),
      "step", sd["state"][0]["step"].item())
assert sd["param_groups"][0]["params"] == [0, 1]

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "checkpoint.pt"
    torch.save({"model": model.state_dict(), "optimizer": sd}, path)

    # the run that never stops
    train(model, optimizer, 10)

    # a fresh process would do this: build, then load both state dicts
    checkpoint = torch.load(path, weights_only=True)
    resumed = nn.Linear(4, 1)
    resumed.load_state_dict(checkpoint["model"])
    resumed_opt = torch.optim.Adam(resumed.parameters(), lr=0.01)
    resumed_opt.load_state_dict(checkpoint["optimizer"])
    train(resumed, resumed_opt, 10)

gap = (resumed.weight - model.weight).abs().max().item()
print(f"after resuming: largest weight difference {gap:.1e}")
assert torch.equal(resumed.weight, model.weight)
assert torch.equal(resumed.bias, model.bias)

# without the optimizer's state (Adam's moments and step count) the run differs
restarted = nn.Linear(4, 1)
restarted.load_state_dict(checkpoint["model"])
train(restarted, torch.optim.Adam(restarted.parameters(), lr=0.01), 10)
print("model state only: weights equal?",
      torch.equal(restarted.weight, model.weight))
assert not torch.allclose(restarted.weight, model.weight)
