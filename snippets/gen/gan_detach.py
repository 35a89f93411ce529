"""Where detach() belongs in a GAN step, and the non-saturating G loss."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")


def make_pair():
    G = nn.Sequential(nn.Linear(8, 32), nn.LeakyReLU(0.2),
                      nn.Linear(32, 1)).to(device)
    D = nn.Sequential(nn.Linear(1, 32), nn.LeakyReLU(0.2),
                      nn.Linear(32, 1)).to(device)
    return G, D


bce = nn.BCEWithLogitsLoss()
z = torch.randn(64, 8, device=device)
real = 2.0 + 0.5 * torch.randn(64, 1, device=device)
ones = torch.ones(64, 1, device=device)
zeros = torch.zeros(64, 1, device=device)
# --8<-- [end:setup]

# --8<-- [start:detach]
G, D = make_pair()
fake = G(z)
loss_D = bce(D(real), ones) + bce(D(fake.detach()), zeros)
loss_D.backward()
print("with detach: G grads after the D step:",
      [p.grad for p in G.parameters()][:1])
assert all(p.grad is None for p in G.parameters())

loss_D = bce(D(real), ones) + bce(D(fake), zeros)     # no detach
loss_D.backward()
g_norm = sum(p.grad.norm() ** 2 for p in G.parameters()) ** 0.5
print(f"without detach: G grads filled, norm {g_norm:.4f}")
assert all(p.grad is not None for p in G.parameters()) and g_norm > 0
# those grads are minus the grads of the minimax G loss log(1 - D(G(z)))
stray = [p.grad.clone() for p in G.parameters()]
G.zero_grad()
minimax = torch.log1p(-torch.sigmoid(D(G(z)))).mean()
minimax.backward()
for s, p in zip(stray, G.parameters()):
    torch.testing.assert_close(s, -p.grad)
try:                                   # now the G step through this fake
    bce(D(fake), ones).backward()
except RuntimeError as err:
    print("G step after it:", str(err).split(" (")[0])
else:
    raise AssertionError("expected a RuntimeError")
# --8<-- [end:detach]

# --8<-- [start:saturate]
G, D = make_pair()
opt_D = torch.optim.Adam(D.parameters(), lr=1e-2)
for _ in range(100):                  # D learns to reject this fresh G
    loss_D = (bce(D(real), ones)
              + bce(D(G(z).detach()), zeros))
    opt_D.zero_grad()
    loss_D.backward()
    opt_D.step()
logits = D(G(z))
print(f"D(G(z)) after D's head start: {torch.sigmoid(logits).mean():.4f}")
losses = {"minimax  log(1 - D(G(z)))": torch.log1p(-torch.sigmoid(logits)),
          "non-saturating  -log D(G(z))": -F.logsigmoid(logits)}
norms = {}
for name, loss in losses.items():
    G.zero_grad()
    loss.mean().backward(retain_graph=True)
    norms[name] = sum(p.grad.norm() ** 2 for p in G.parameters()) ** 0.5
    print(f"{name:30s} G grad norm {norms[name]:.5f}")
minimax_norm, ns_norm = norms.values()
assert ns_norm > 20 * minimax_norm
# --8<-- [end:saturate]
