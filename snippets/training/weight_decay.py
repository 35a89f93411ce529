"""Weight decay: lambda/2 * ||w||^2 added to the loss
equals SGD's weight_decay=lambda, step for step."""
# --8<-- [start:setup]
import copy

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:compare]
x = torch.randn(32, 10, device=device)                   # (N, D_in)
y = torch.randint(0, 3, (32,), device=device)            # (N,) three classes
loss_fn = nn.CrossEntropyLoss()
lam, lr = 0.01, 0.1

model_a = nn.Sequential(nn.Linear(10, 16), nn.ReLU(),
                        nn.Linear(16, 3)).to(device)
model_b = copy.deepcopy(model_a)  # the same starting weights
# penalty by hand
opt_a = torch.optim.SGD(model_a.parameters(), lr=lr, momentum=0.9)
opt_b = torch.optim.SGD(model_b.parameters(), lr=lr, momentum=0.9,
                        weight_decay=lam)  # (1)!

for step in range(5):
    data_loss = loss_fn(model_a(x), y)
    penalty = lam / 2 * sum(
        p.pow(2).sum() for p in model_a.parameters())  # (2)!
    opt_a.zero_grad()
    (data_loss + penalty).backward()
    opt_a.step()

    opt_b.zero_grad()
    loss_fn(model_b(x), y).backward()  # no penalty: the optimizer adds lam * w
    opt_b.step()

    pairs = zip(model_a.parameters(), model_b.parameters())
    diff = max((pa - pb).abs().max().item() for pa, pb in pairs)
    print(
        f"step {step + 1}  data loss {data_loss.item():.4f}  "
        f"penalty {penalty.item():.5f}  "
        f"largest parameter difference {diff:.1e}"
    )
    assert diff < 1e-6
# --8<-- [end:compare]

# --8<-- [start:decay]
# why "decay": with plain SGD one step is w <- w - lr
# * (grad + lam * w) = (1 - lr * lam) * w - lr * grad
w = torch.randn(4, device=device, requires_grad=True)
w_before = w.detach().clone()
opt = torch.optim.SGD([w], lr=lr, weight_decay=lam)
(w * 0).sum().backward()  # a zero gradient: only the decay acts
opt.step()
print("with a zero gradient, one step multiplies w by "
      f"{(w / w_before).mean().item():.4f} = 1 - lr * lam")
assert torch.allclose(w.detach(), (1 - lr * lam) * w_before)
# --8<-- [end:decay]
