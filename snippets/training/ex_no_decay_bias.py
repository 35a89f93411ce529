"""Exercise: decay the weights but not the biases
(parameter groups), checked against a penalty by hand."""
import copy

import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(32, 10), torch.randint(0, 3, (32,))
lam, lr = 0.01, 0.1
model_a = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 3))
model_b = copy.deepcopy(model_a)

decay = [
    p for name, p in model_b.named_parameters() if name.endswith("weight")]
no_decay = [
    p for name, p in model_b.named_parameters() if name.endswith("bias")]
opt_b = torch.optim.SGD([
    {"params": decay, "weight_decay": lam},  # one group per setting
    {"params": no_decay, "weight_decay": 0.0},
], lr=lr)
opt_a = torch.optim.SGD(model_a.parameters(), lr=lr)
print("groups:",
      [(len(g["params"]), g["weight_decay"]) for g in opt_b.param_groups])

for step in range(5):
    weights = [
        p for name, p in model_a.named_parameters() if name.endswith("weight")]
    loss_a = nn.functional.cross_entropy(model_a(x), y) + lam / 2 * sum(
        w.pow(2).sum() for w in weights)
    opt_a.zero_grad()
    loss_a.backward()
    opt_a.step()
    loss_b = nn.functional.cross_entropy(model_b(x), y)
    opt_b.zero_grad()
    loss_b.backward()
    opt_b.step()

diff = max((p - q).abs().max().item() for p, q in zip(
    model_a.parameters(), model_b.parameters()))
print(f"after 5 steps, largest parameter difference {diff:.1e}")
assert diff < 1e-6
