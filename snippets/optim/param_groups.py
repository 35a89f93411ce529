"""Parameter groups: a different learning rate for each part of a model, a
group added later with add_param_group, and how a scheduler sees the groups."""
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
body, head = model[0], model[2]
x = torch.randn(16, 4)                           # (N, D_in)
y = torch.randn(16, 2)                           # (N, D_out)
loss_fn = nn.MSELoss()

# --8<-- [start:groups]
optimizer = torch.optim.SGD([
    {"params": body.parameters()},               # takes the default lr below
    {"params": head.parameters(), "lr": 0.1},    # its own lr
], lr=0.01)
print("lr per group:", [g["lr"] for g in optimizer.param_groups])

before = {p: p.detach().clone() for p in model.parameters()}
loss_fn(model(x), y).backward()
optimizer.step()
for i, group in enumerate(optimizer.param_groups):
    for p in group["params"]:
        update = before[p] - p.detach()
        print(
            f"  group {i}, shape {str(tuple(p.shape)):7s} |update| / |grad| = "
            f"{(update.norm() / p.grad.norm()).item():.4f}"
        )
        # this group's lr
        assert torch.allclose(p, before[p] - group["lr"] * p.grad)
# --8<-- [end:groups]

# --8<-- [start:add]
extra = nn.Linear(2, 1)  # say, a new output added later
optimizer.add_param_group({"params": extra.parameters(), "lr": 0.5})
new = optimizer.param_groups[-1]
print(
    "groups now:",
    len(optimizer.param_groups),
    "| new group's lr:",
    new["lr"],
    "| momentum filled from defaults:",
    new["momentum"],
)
assert new["momentum"] == optimizer.defaults["momentum"] == 0

try:
    optimizer.add_param_group({"params": head.weight})   # already in group 1
except ValueError as err:
    print("ValueError:", err)
    assert "more than one parameter group" in str(err)
else:
    raise AssertionError("a parameter may belong to one group only")
# --8<-- [end:add]

# --8<-- [start:scale]
# what a scheduler does: rewrite "lr" in every group (here: halve them all)
for group in optimizer.param_groups:
    group["lr"] *= 0.5
print("after halving:", [g["lr"] for g in optimizer.param_groups])
assert [g["lr"] for g in optimizer.param_groups] == [0.005, 0.05, 0.25]
# --8<-- [end:scale]
