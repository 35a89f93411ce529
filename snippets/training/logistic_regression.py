"""Logistic regression on two Gaussian blobs: nn.Linear
produces a logit, BCEWithLogitsLoss trains it."""
# --8<-- [start:setup]
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
n = 100                                              # points per class
x0 = torch.randn(n, 2) + torch.tensor([-1.0, -1.0])  # class 0 around (-1, -1)
x1 = torch.randn(n, 2) + torch.tensor([1.0, 1.0])    # class 1 around (1, 1)
x = torch.cat([x0, x1]).to(device)                   # (2n, 2)
# (2n,) float targets 0. / 1.
y = torch.cat([torch.zeros(n), torch.ones(n)]).to(device)
# --8<-- [end:data]

# --8<-- [start:train]
model = nn.Linear(2, 1).to(device)                       # one logit per point
loss_fn = nn.BCEWithLogitsLoss()                         # (1)!
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(100):
    logits = model(x).squeeze(1)                         # (2n, 1) -> (2n,)
    loss = loss_fn(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch in (0, 9, 99):
        print(f"epoch {epoch + 1:3d}  loss {loss.item():.4f}")
# --8<-- [end:train]

# --8<-- [start:predict]
with torch.no_grad():
    logits = model(x).squeeze(1)
    prob = torch.sigmoid(logits)                         # P(class 1 | x)
    pred = (logits > 0).float()                          # (1)!
    accuracy = (pred == y).float().mean().item()
w = model.weight.detach().cpu().flatten().tolist()
b = model.bias.item()
print(f"boundary: {w[0]:.2f} * x1 + {w[1]:.2f} * x2 + {b:.2f} = 0")
print("P(class 1) of the first two points: "
      f"{prob[0].item():.3f}, {prob[n].item():.3f}")
best = 0.5 * (1 + math.erf(1))  # Phi(sqrt(2)): centres 2*sqrt(2) apart, std 1
print(f"training accuracy: {accuracy:.3f} (the "
      f"best possible on average: {best:.3f})")

# logit > 0 <=> probability > 0.5
assert torch.equal(pred, (prob > 0.5).float())
# the blobs overlap: no line does much better
assert best - 0.05 < accuracy < best + 0.05
assert w[0] > 0 and w[1] > 0  # points up and to the right are class 1
# --8<-- [end:predict]
