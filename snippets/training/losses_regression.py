"""Regression losses on numbers you can check by
hand: L1, MSE, SmoothL1 (beta) and Huber (delta)."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:l1_mse]
y_pred = torch.tensor([0.0, 1.0, 2.0, 3.0], device=device)
y = torch.tensor([1.0, 1.0, 1.0, 1.0], device=device)
d = y_pred - y  # differences: -1, 0, 1, 2

l1 = nn.L1Loss()(y_pred, y)                              # mean |d|
mse = nn.MSELoss()(y_pred, y)                            # mean d^2
print(f"L1Loss  {l1.item():.4f}   by hand (1 + 0 + "
      f"1 + 2) / 4     = {(1 + 0 + 1 + 2) / 4:.4f}")
print(f"MSELoss {mse.item():.4f}   by hand (1 + 0 + "
      f"1 + 4) / 4     = {(1 + 0 + 1 + 4) / 4:.4f}")
assert l1.item() == 1.0 and mse.item() == 1.5

print("reduction='none':", nn.L1Loss(reduction="none")(y_pred, y).tolist())
print("reduction='sum': ",
      nn.L1Loss(reduction="sum")(y_pred, y).item())  # (1)!
assert nn.L1Loss(reduction="sum")(y_pred, y).item() == 4.0
# --8<-- [end:l1_mse]

# --8<-- [start:smooth]
# SmoothL1(beta): 0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta
# Huber(delta): 0.5 d^2 where |d| <= delta, else delta * (|d| - 0.5 delta)
cases = {
    "SmoothL1Loss(beta=1)": (
        nn.SmoothL1Loss(beta=1.0),
        (0.5 + 0 + 0.5 + 1.5) / 4,
    ),
    "SmoothL1Loss(beta=2)": (
        nn.SmoothL1Loss(beta=2.0),
        (0.25 + 0 + 0.25 + 1.0) / 4,
    ),
    "HuberLoss(delta=1)": (nn.HuberLoss(delta=1.0), (0.5 + 0 + 0.5 + 1.5) / 4),
    "HuberLoss(delta=2)": (nn.HuberLoss(delta=2.0), (0.5 + 0 + 0.5 + 2.0) / 4),
}
for name, (loss_fn, by_hand) in cases.items():
    value = loss_fn(y_pred, y).item()
    print(f"{name:21s} {value:.4f}   by hand {by_hand:.4f}")
    assert abs(value - by_hand) < 1e-6

# Huber(delta) = delta * SmoothL1(beta=delta): the same curve, scaled
for delta in (0.5, 1.0, 2.0):
    huber = nn.HuberLoss(delta=delta)(y_pred, y)
    smooth = nn.SmoothL1Loss(beta=delta)(y_pred, y)
    assert torch.allclose(huber, delta * smooth)
print("HuberLoss(delta) == delta * "
      "SmoothL1Loss(beta=delta) for delta in 0.5, 1, 2")
# --8<-- [end:smooth]
