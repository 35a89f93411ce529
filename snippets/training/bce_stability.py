"""Why BCEWithLogitsLoss and not sigmoid + BCELoss:
saturated logits give wrong losses and zero gradients."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:compare]
logits = torch.tensor([-200.0, -20.0, 0.0, 20.0], device=device,
                      requires_grad=True)
# the last two are badly wrong too
target = torch.tensor([1.0, 1.0, 1.0, 0.0], device=device)

# exact binary cross-entropy, in float64: -[y log
# s + (1 - y) log(1 - s)] = softplus(z) - z * y
z64, y64 = logits.detach().double(), target.double()
exact = nn.functional.softplus(z64) - z64 * y64


def per_point(loss_fn, inputs):
    loss = loss_fn(inputs, target)  # reduction="none": one loss per point
    (grad,) = torch.autograd.grad(loss.sum(), logits)
    return loss.detach(), grad


two_step, grad_two_step = per_point(nn.BCELoss(reduction="none"),
                                    torch.sigmoid(logits))
fused, grad_fused = per_point(nn.BCEWithLogitsLoss(reduction="none"), logits)
s = torch.sigmoid(logits.detach())
naive = -(target * torch.log(s) + (1 - target) * torch.log(1 - s))   # (1)!


def row(name, values):
    # + 0.0: no "-0"
    print(f"{name:20s}" + "".join(f"{v + 0.0:10.4g}" for v in values.tolist()))


row("logit z", logits.detach())
row("target y", target)
row("sigmoid(z), float32", s)
row("exact loss", exact)
row("naive formula", naive)
row("sigmoid + BCELoss", two_step)
row("BCEWithLogitsLoss", fused)
row("grad, two steps", grad_two_step)
row("grad, fused", grad_fused)
# --8<-- [end:compare]

# --8<-- [start:checks]
# log(0): the naive formula overflows
assert torch.isinf(naive[0]) and torch.isinf(naive[3])
# in float32, already exactly 1
assert torch.sigmoid(torch.tensor(17.0)).item() == 1.0
assert two_step[0].item() == two_step[3].item() == 100.0   # (1)!
assert torch.allclose(fused.double(), exact, rtol=1e-6)
# the worst mistakes teach nothing
assert grad_two_step[0].item() == grad_two_step[3].item() == 0.0
# d/dz = sigmoid(z) - y
torch.testing.assert_close(grad_fused, torch.sigmoid(logits.detach()) - target)


# what BCEWithLogitsLoss computes: max(z, 0) - z
# * y + log(1 + exp(-|z|)); exp never overflows
def stable_bce_with_logits(z, y):
    return z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z.abs()))


assert torch.allclose(stable_bce_with_logits(logits.detach(), target), fused,
                      rtol=1e-6)
print("max(z, 0) - z*y + log1p(exp(-|z|)) equals BCEWithLogitsLoss")
# --8<-- [end:checks]
