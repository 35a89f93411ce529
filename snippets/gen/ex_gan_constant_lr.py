"""Exercise: the same GAN with a constant learning rate."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

modes = torch.tensor([-2.0, 2.0])                     # the two means
spread = 0.5                                          # both stds


def sample_target(n):
    """n draws from 0.5 N(-2, 0.5^2) + 0.5 N(2, 0.5^2), shape (n, 1)."""
    pick = torch.randint(0, 2, (n,))
    return (modes[pick] + spread * torch.randn(n)).unsqueeze(1)


def w1(a, b):
    """1-D Wasserstein distance of two equal-size samples: sort, match."""
    return (a.flatten().sort().values - b.flatten().sort().values).abs().mean()


noise_dim = 8
G = nn.Sequential(nn.Linear(noise_dim, 32), nn.LeakyReLU(0.2),
                  nn.Linear(32, 32), nn.LeakyReLU(0.2),
                  nn.Linear(32, 1)).to(device)        # noise -> a number
D = nn.Sequential(nn.Linear(1, 32), nn.LeakyReLU(0.2),
                  nn.Linear(32, 32), nn.LeakyReLU(0.2),
                  nn.Linear(32, 1)).to(device)        # a number -> logit
opt_G = torch.optim.Adam(G.parameters(), lr=3e-3, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=3e-3, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
real_test = sample_target(4000).to(device)
z_test = torch.randn(4000, noise_dim, device=device)  # fixed, for checks
with torch.no_grad():
    w1_start = w1(G(z_test), real_test).item()
print(f"before training: W1 {w1_start:.3f}")

batch, num_steps = 256, 1000
ones = torch.ones(batch, 1, device=device)
zeros = torch.zeros(batch, 1, device=device)
history = []                                          # (step, D, G, W1)
for step in range(1, num_steps + 1):
    real = sample_target(batch).to(device)
    fake = G(torch.randn(batch, noise_dim, device=device))
    # D step: real -> 1, fake -> 0; detach keeps this backward out of G
    loss_D = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    opt_D.zero_grad()
    loss_D.backward()
    opt_D.step()
    # G step: make D say 1 on fakes (the non-saturating loss)
    loss_G = bce(D(fake), ones)
    opt_G.zero_grad()
    loss_G.backward()
    opt_G.step()
    if step % 20 == 0:
        with torch.no_grad():
            dist = w1(G(z_test), real_test).item()
        history.append((step, loss_D.item(), loss_G.item(), dist))
    if step % 100 == 0:
        print(f"step {step:4d}  loss_D {loss_D.item():.3f}  "
              f"loss_G {loss_G.item():.3f}  W1 {dist:.3f}")

with torch.no_grad():
    x = G(z_test).flatten().cpu()
for name, part in [("left ", x[x < 0]), ("right", x[x >= 0])]:
    print(f"{name} mode: share {len(part) / len(x):.2f}  "
          f"mean {part.mean():+.2f}  std {part.std():.2f}")
    target = -2.0 if name == "left " else 2.0
    assert abs(len(part) / len(x) - 0.5) < 0.1       # both modes kept
with torch.no_grad():
    w1_end = w1(G(z_test), real_test).item()
    w1_floor = w1(sample_target(4000).to(device), real_test).item()
print(f"W1 at the start {w1_start:.3f}, at the end {w1_end:.3f}"
      f" (two target samples: {w1_floor:.3f})")
# the last 200 steps: their 10 logged steps (one step in 20)
last_D = sum(h[1] for h in history[-10:]) / 10
last_G = sum(h[2] for h in history[-10:]) / 10
print(f"last 200 steps: loss_D {last_D:.3f} (log 4 = 1.386), "
      f"loss_G {last_G:.3f} (log 2 = 0.693)")
w1_last = [h[3] for h in history[-25:]]              # last 500 steps
print(f"W1 over the last 500 steps: {min(w1_last):.3f} to "
      f"{max(w1_last):.3f}")
assert max(w1_last) > 2 * min(w1_last)               # it keeps wandering
