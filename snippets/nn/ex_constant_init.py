"""Exercise solution: give every weight the same constant
and the hidden units stay identical copies of each other
for ever (symmetry); random init breaks the tie."""
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10


# --8<-- [start:solution]
def train(init, steps=200):
    torch.manual_seed(0)
    x, y = torch.randn(N, D_in, device=device), torch.randn(
        N, D_out, device=device)
    model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                          nn.Linear(H, D_out)).to(device)
    if init == "constant":
        for layer in (model[0], model[2]):
            nn.init.constant_(layer.weight, 0.01)
            nn.init.constant_(layer.bias, 0.0)
    loss_fn = nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)
    for t in range(steps):
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, loss.item()


for init in ("default", "constant"):
    model, loss = train(init)
    w1 = model[0].weight  # (H, D_in): one row per hidden unit
    spread = (w1 - w1[0]).abs().max().item()  # how far any unit is from unit 0
    print(f"{init:>8} init: final loss {loss:.4g}, "
          f"hidden units all alike: {spread < 1e-6}")
    if init == "constant":
        assert spread < 1e-6  # every row got the same update (up to rounding)
        assert loss > 100     # one hidden unit cannot fit 640 targets
    else:
        assert spread > 0.01 and loss < 1
# --8<-- [end:solution]
