"""Exercise: Adam's weight_decay is still an L2
penalty in the loss; AdamW's decoupled decay is not."""
import copy

import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(32, 10), torch.randn(32, 1)
lam, lr = 0.1, 0.01
base = nn.Linear(10, 1)
names = ("L2 in the loss", "Adam(weight_decay)", "AdamW(weight_decay)")
models = {name: copy.deepcopy(base) for name in names}
optimizers = {
    names[0]: torch.optim.Adam(models[names[0]].parameters(), lr=lr),
    names[1]: torch.optim.Adam(
        models[names[1]].parameters(), lr=lr, weight_decay=lam
    ),
    names[2]: torch.optim.AdamW(
        models[names[2]].parameters(), lr=lr, weight_decay=lam
    ),
}

for step in range(20):
    for name, model in models.items():
        loss = nn.functional.mse_loss(model(x), y)
        if name == "L2 in the loss":
            loss = loss + lam / 2 * sum(
                p.pow(2).sum() for p in model.parameters())
        optimizers[name].zero_grad()
        loss.backward()
        optimizers[name].step()


def gap(a, b):
    pairs = zip(models[a].parameters(), models[b].parameters())
    return max((p - q).abs().max().item() for p, q in pairs)


print("after 20 steps, largest difference from 'L2 in the loss':")
print("  Adam(weight_decay)   "
      f"{gap('L2 in the loss', 'Adam(weight_decay)'):.1e}")
print("  AdamW(weight_decay)  "
      f"{gap('L2 in the loss', 'AdamW(weight_decay)'):.1e}")
# coupled: the same as an L2 penalty
assert gap("L2 in the loss", "Adam(weight_decay)") < 1e-6
# decoupled: a different algorithm
assert gap("L2 in the loss", "AdamW(weight_decay)") > 1e-3
