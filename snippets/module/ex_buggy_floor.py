"""Train the buggy (softmax before cross_entropy) and the fixed classifier for
many steps: the buggy loss cannot fall below log(1 + (C - 1) / e)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)

N, D_in, C = 3, 4, 2
x = torch.randn(N, D_in, device=device)       # (N, D_in)
y = torch.tensor([0, 1, 1], device=device)    # (N,)
num_steps, lr = 300, 0.5

final = {}
for name in ("buggy", "fixed"):
    torch.manual_seed(1)  # the same initial weights for both
    model = nn.Linear(D_in, C).to(device)
    for step in range(num_steps):
        out = model(x)                        # (N, C) logits
        if name == "buggy":
            out = out.softmax(dim=1)  # the bug: probabilities passed as logits
        loss = F.cross_entropy(out, y)
        model.zero_grad()
        loss.backward()
        with torch.no_grad():                 # plain SGD: w <- w - lr * grad
            for p in model.parameters():
                p -= lr * p.grad
    final[name] = loss.item()
    print(f"{name}: loss after {num_steps} steps {loss.item():.4f}")

# the best the buggy version can do: probability 1 on the right class,
# which cross_entropy turns into softmax([1, 0]) = e / (e + C - 1)
floor = math.log(1 + (C - 1) / math.e)
print(f"floor log(1 + (C - 1) / e) = {floor:.4f}")
assert final["buggy"] > floor, "the buggy loss stays above its floor"
assert final["fixed"] < 0.05 < floor, "the fixed loss goes far below it"

# the range for more classes: from a perfect
# to a totally wrong probability vector
for classes in (2, 10, 100):
    target = torch.tensor([0], device=device)
    best = torch.zeros(1, classes, device=device)
    best[0, 0] = 1.0  # all probability on the right class
    worst = torch.zeros(1, classes, device=device)
    worst[0, 1] = 1.0  # all probability on a wrong class
    low = F.cross_entropy(best, target).item()
    high = F.cross_entropy(worst, target).item()
    assert math.isclose(low, math.log(1 + (classes - 1) / math.e),
                        rel_tol=1e-5)
    assert math.isclose(high, math.log(math.e + classes - 1), rel_tol=1e-5)
    print(f"C = {classes:3d}: buggy loss can only "
          f"range from {low:.4f} to {high:.4f}")
