"""The same nn.Sequential two-layer net, with torch.optim.Adam doing the update
that was written by hand before."""
# --8<-- [start:setup]
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)      # (N, D_in)
y = torch.randn(N, D_out, device=device)     # (N, D_out)
model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                      nn.Linear(H, D_out)).to(device)
loss_fn = nn.MSELoss(reduction="sum")
# --8<-- [end:setup]

# --8<-- [start:loop]
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)   # (1)!
losses = []
for t in range(500):
    y_pred = model(x)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")

    optimizer.zero_grad()                    # (2)!
    loss.backward()
    optimizer.step()                         # (3)!
# --8<-- [end:loop]

# --8<-- [start:inside]
group = optimizer.param_groups[0]
print("lr", group["lr"], "betas", group["betas"], "eps", group["eps"])
first_weight = model[0].weight
# adam's running averages for one parameter
state = optimizer.state[first_weight]
print("state of the first weight:", sorted(state), "step", int(state["step"]))
assert state["exp_avg"].shape == first_weight.shape
assert int(state["step"]) == 500
assert all(p.grad is not None for p in model.parameters())
optimizer.zero_grad()
# zero_grad sets grads to None
assert all(p.grad is None for p in model.parameters())

assert losses[-1] < 1e-4 * losses[0], (
    "the loss should fall by four orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:inside]
