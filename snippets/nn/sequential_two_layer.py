"""The two-layer net as an nn.Sequential, with nn.MSELoss and a hand-written
gradient-descent update under torch.no_grad()."""
# --8<-- [start:setup]
import torch
from torch import nn
# --8<-- [end:setup]

# --8<-- [start:data]
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
print("device:", device.type)
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)      # (N, D_in)
y = torch.randn(N, D_out, device=device)     # (N, D_out)
# --8<-- [end:data]

# --8<-- [start:model]
model = nn.Sequential(
    nn.Linear(D_in, H),                      # (1)!
    nn.ReLU(),
    nn.Linear(H, D_out),
).to(device)
loss_fn = nn.MSELoss(reduction="sum")        # (2)!
print(model)
# --8<-- [end:model]

# --8<-- [start:loop]
lr = 1e-4
losses = []
for t in range(500):
    y_pred = model(x)                        # (N, D_out)
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")

    model.zero_grad()                        # (1)!
    loss.backward()
    with torch.no_grad():                    # (2)!
        for param in model.parameters():
            param -= lr * param.grad

assert losses[-1] < 1e-4 * losses[0], (
    "the loss should fall by four orders of magnitude"
)
assert all(p.requires_grad and p.is_leaf for p in model.parameters())
n_params = sum(p.numel() for p in model.parameters())
assert n_params == D_in * H + H + H * D_out + D_out
print(f"first loss {losses[0]:.4g}, last loss "
      f"{losses[-1]:.4g}, parameters {n_params}")
# --8<-- [end:loop]
