"""Saving and loading a model's state_dict and an optimizer's
state_dict: the way to save weights. A fresh model of the same
class loads them and computes the same outputs."""
# --8<-- [start:setup]
import os
import shutil
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10
tmp = tempfile.mkdtemp()  # a fresh folder for the files, removed at the end


class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        return self.linear2(self.linear1(x).clamp(min=0))


x, y = torch.randn(N, D_in, device=device), torch.randn(
    N, D_out, device=device)
model = TwoLayerNet(D_in, H, D_out).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
for t in range(5):  # a few steps, so adam has some state
    loss = nn.functional.mse_loss(model(x), y, reduction="sum")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
# --8<-- [end:setup]

# --8<-- [start:look]
print("model:", {k: tuple(v.shape) for k, v in model.state_dict().items()})
opt_state = optimizer.state_dict()
print(
    "optimizer:",
    list(opt_state),
    "| params:",
    opt_state["param_groups"][0]["params"],
    "| state of param 0:",
    sorted(opt_state["state"][0]),
)
assert list(opt_state["state"]) == [0, 1, 2, 3]  # (1)!
# --8<-- [end:look]

# --8<-- [start:save]
path = os.path.join(tmp, "weights.pt")
torch.save(model.state_dict(), path)

fresh = TwoLayerNet(D_in, H, D_out).to(device)    # (1)!
print("before loading, same output:", torch.equal(fresh(x), model(x)))
# weights_only=True is the default
result = fresh.load_state_dict(torch.load(path))
print("load_state_dict:", result)
print("after loading, same output:", torch.equal(fresh(x), model(x)))
assert torch.equal(fresh(x), model(x))
assert not result.missing_keys and not result.unexpected_keys
# --8<-- [end:save]

# --8<-- [start:optimizer]
torch.save(optimizer.state_dict(), os.path.join(tmp, "optimizer.pt"))
fresh_optimizer = torch.optim.Adam(fresh.parameters(), lr=1e-4)
fresh_optimizer.load_state_dict(torch.load(os.path.join(tmp, "optimizer.pt")))
moment = fresh_optimizer.state[fresh.linear1.weight]["exp_avg"]
assert torch.equal(moment, optimizer.state[model.linear1.weight]["exp_avg"])
assert int(fresh_optimizer.state[fresh.linear1.weight]["step"]) == 5
print("optimizer state restored: step",
      int(fresh_optimizer.state[fresh.linear1.weight]["step"]))
shutil.rmtree(tmp)                               # nothing left behind
# --8<-- [end:optimizer]
