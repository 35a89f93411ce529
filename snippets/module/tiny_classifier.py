"""A tiny classifier trained one step with SGD: the classic bug (softmax before
F.cross_entropy) next to its fix, with their losses and gradients compared."""
# --8<-- [start:setup]
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:data]
N, D_in, C = 3, 4, 2                        # batch of 3, 4 features, 2 classes
x = torch.randn(N, D_in, device=device)     # (N, D_in)
y = torch.tensor([0, 1, 1], device=device)  # (N,) class indices, not one-hot
model = nn.Linear(D_in, C).to(device)       # weight (C, D_in), bias (C,)
# --8<-- [end:data]


# --8<-- [start:losses]
def buggy_loss(model, x, y):
    probs = F.softmax(model(x), dim=1)        # (1)!
    return F.cross_entropy(probs, y)  # treats probs as logits: softmax twice


def fixed_loss(model, x, y):
    logits = model(x)                         # (N, C) raw scores
    return F.cross_entropy(logits, y)         # (2)!
# --8<-- [end:losses]


# --8<-- [start:step]
def train_one_step(loss_fn, lr=0.5):
    """One SGD step on a fresh copy of the
    model; returns losses and weight grad."""
    net = copy.deepcopy(model)  # both versions start from the same weights
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    optimizer.zero_grad()
    loss = loss_fn(net, x, y)
    loss.backward()
    grad_w = net.weight.grad.clone()          # (C, D_in)
    optimizer.step()
    with torch.no_grad():
        loss_after = loss_fn(net, x, y)
    return loss.item(), loss_after.item(), grad_w


results = {"buggy": train_one_step(buggy_loss),
           "fixed": train_one_step(fixed_loss)}
for name, (loss, loss_after, grad_w) in results.items():
    print(f"{name}: loss {loss:.4f} -> {loss_after:.4f} after one step")
    print("  grad of weight: "
          f"{[[round(v, 4) for v in row] for row in grad_w.tolist()]}")
# --8<-- [end:step]

# --8<-- [start:check]
with torch.no_grad():
    logits = model(x)                         # (N, C)
    probs = logits.softmax(dim=1)             # (N, C)
    onehot = F.one_hot(y, C).to(probs.dtype)  # (N, C)
    grad_logits = (probs - onehot) / N        # dL/dlogits for the mean loss
    grad_w_by_hand = grad_logits.t() @ x      # (C, D_in)
print("softmax of the logits:    ",
      [[round(v, 4) for v in row] for row in probs.tolist()])
print("softmax of the softmax:   ",
      [[round(v, 4) for v in row] for row in probs.softmax(dim=1).tolist()])

buggy, fixed = results["buggy"], results["fixed"]
assert abs(buggy[0] - fixed[0]) > 1e-3, "the two losses should differ"
assert not torch.allclose(buggy[2], fixed[2], atol=1e-4), (
    "the two gradients should differ"
)
assert torch.allclose(fixed[2], grad_w_by_hand, atol=1e-6), (
    "fixed gradient = (softmax - onehot)^T x / N"
)
assert fixed[1] < fixed[0], "one SGD step lowers the fixed loss"
assert buggy[2].norm() < fixed[2].norm(), "here the buggy gradient is weaker"
print(f"grad norm: buggy {buggy[2].norm().item():.4f}, "
      f"fixed {fixed[2].norm().item():.4f}")
# --8<-- [end:check]
