"""Exercise: the best constant under MSE is the mean,
under L1 the median; Huber lies between (an outlier)."""
import torch
from torch import nn

torch.manual_seed(0)
# one outlier
y = torch.tensor([1.0, 2.0, 3.0, 4.0, 100.0], dtype=torch.float64)
# constants c, step 0.001
candidates = torch.linspace(0, 100, 100001, dtype=torch.float64)


def best_constant(loss_fn):
    """The constant c that, predicted for every
    sample, minimises the mean loss (grid search)."""
    # (K, N): row k predicts c_k everywhere
    pred = candidates.unsqueeze(1).expand(-1, len(y))
    losses = loss_fn(pred, y.expand_as(pred)).mean(dim=1)   # (K,)
    return candidates[losses.argmin()].item()


c_mse = best_constant(nn.MSELoss(reduction="none"))
c_l1 = best_constant(nn.L1Loss(reduction="none"))
c_huber = best_constant(nn.HuberLoss(reduction="none", delta=5.0))
print(f"mean {y.mean().item():.3f}, median {y.median().item():.3f}")
print(f"best constant: MSE {c_mse:.3f}, L1 "
      f"{c_l1:.3f}, Huber(delta=5) {c_huber:.3f}")

# squared errors: the mean, pulled to 22
assert abs(c_mse - y.mean().item()) < 1e-9
assert abs(c_l1 - y.median().item()) < 1e-9  # absolute errors: the median, 3
assert c_l1 < c_huber < c_mse  # Huber: quadratic near, linear far

# why: the gradients with respect to the prediction, at c = 3
c = torch.full_like(y, 3.0, requires_grad=True)
for name, loss_fn in [("MSE", nn.MSELoss()), ("L1", nn.L1Loss()),
                      ("Huber", nn.HuberLoss(delta=5.0))]:
    (grad,) = torch.autograd.grad(loss_fn(c, y), c)
    print(f"{name:5s} gradient per sample at c = 3: "
          f"{[round(g, 2) for g in grad.tolist()]}")
