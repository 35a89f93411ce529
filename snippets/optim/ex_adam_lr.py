"""Exercise: the comparison used default learning rates. Tune Adam's
on the same problem: the default 1e-3 is far from the best here."""
import torch
from torch import nn

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

torch.manual_seed(0)  # the same data and start as compare_optimizers.py
N, D_in, H, D_out = 64, 100, 50, 10
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randn(N, D_out, device=device)         # (N, D_out)
model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                      nn.Linear(H, D_out)).to(device)
init_state = {k: v.clone() for k, v in model.state_dict().items()}
loss_fn = nn.MSELoss()


def final_loss(lr, num_steps=150):
    model.load_state_dict(init_state)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(num_steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()


results = {lr: final_loss(lr) for lr in (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)}
for lr, loss in results.items():
    print(f"Adam lr={lr:g}: loss after 150 steps {loss:.2e}")
best = min(results, key=results.get)
print(f"best of these: lr={best:g}")
assert best != 1e-3 and results[best] < 1e-3 * results[1e-3]
assert results[1e-1] > results[best]             # too large is worse again
