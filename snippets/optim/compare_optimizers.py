"""Seven optimizers on one problem (the two-layer net, scaled down), from the
same initial weights, each with its default learning rate (SGD: 0.1)."""
# --8<-- [start:setup]
import torch
from torch import nn

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:problem]
N, D_in, H, D_out = 64, 100, 50, 10
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randn(N, D_out, device=device)         # (N, D_out)
model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                      nn.Linear(H, D_out)).to(device)
# the same start for all
init_state = {k: v.clone() for k, v in model.state_dict().items()}
loss_fn = nn.MSELoss()
num_steps = 150

OPTIMIZERS = {                                   # name -> (class, options)
    "SGD": (torch.optim.SGD, dict(lr=0.1)),
    "SGD + momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9)),
    "RMSprop": (torch.optim.RMSprop, dict()),    # lr=0.01
    "Adagrad": (torch.optim.Adagrad, dict()),    # lr=0.01
    "Adadelta": (torch.optim.Adadelta, dict()),  # lr=1.0
    "Adamax": (torch.optim.Adamax, dict()),      # lr=0.002
    "Adam": (torch.optim.Adam, dict()),          # lr=0.001
}
# --8<-- [end:problem]


# --8<-- [start:train]
def train(optimizer_cls, options):
    model.load_state_dict(init_state)
    optimizer = optimizer_cls(model.parameters(), **options)
    losses = []
    for _ in range(num_steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
# --8<-- [end:train]


# --8<-- [start:run]
curves = {
    name: train(cls, options) for name, (cls, options) in OPTIMIZERS.items()}
print(f"{'optimizer':15s} {'step 1':>8s} {'step 50':>9s} {'step 150':>9s}")
for name, losses in curves.items():
    print(f"{name:15s} {losses[0]:8.4f} {losses[49]:9.2e} {losses[-1]:9.2e}")
assert len({losses[0] for losses in curves.values()}) == 1  # the same start
for name, losses in curves.items():
    assert losses[-1] < 0.2 * losses[0], (
        f"{name} should cut the loss at least 5-fold"
    )
# momentum: 1000 times lower
assert curves["SGD + momentum"][-1] < 1e-3 * curves["SGD"][-1]
rmsprop = curves["RMSprop"]
assert rmsprop[49] < 0.1 * curves["Adam"][49]    # RMSprop starts fast ...
assert rmsprop[-1] > 0.5 * rmsprop[49]           # ... then stalls at lr=0.01
adadelta = curves["Adadelta"]
assert adadelta[-1] > 2 * min(adadelta)  # Adadelta's loss climbs back up
ranking = sorted(curves, key=lambda name: curves[name][-1])
assert ranking[:2] == ["SGD + momentum", "Adagrad"]
# --8<-- [end:run]
