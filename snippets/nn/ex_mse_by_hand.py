"""Exercise solution: nn.MSELoss with reduction 'sum', 'mean' and 'none',
checked against the formula on numbers small enough to add up in your head."""
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)

# --8<-- [start:solution]
y_pred = torch.tensor([[1.0, 2.0], [3.0, 4.0]])    # (N, D_out) = (2, 2)
y = torch.tensor([[0.0, 2.0], [1.0, 1.0]])
# differences 1, 0, 2, 3 -> squares 1, 0, 4, 9

for reduction in ("none", "sum", "mean"):
    loss = nn.MSELoss(reduction=reduction)(y_pred, y)
    print(f"{reduction:>4}: {loss.tolist()}")

squares = (y_pred - y).pow(2)
assert torch.equal(nn.MSELoss(reduction="none")(y_pred, y), squares)
assert (
    nn.MSELoss(reduction="sum")(y_pred, y).item()
    == 14.0
    == squares.sum().item()
)
# default: mean
assert nn.MSELoss()(y_pred, y).item() == 3.5 == squares.mean().item()
assert F.mse_loss(y_pred, y).item() == 3.5  # the functional form, same default

# the mean divides by every element, N * D_out = 4, not by the batch size N = 2
assert nn.MSELoss()(y_pred, y).item() == squares.sum().item() / y.numel()

# random data: the ratio is N * D_out whatever the values
y_pred, y = torch.randn(64, 10), torch.randn(64, 10)
ratio = nn.MSELoss(reduction="sum")(y_pred, y) / nn.MSELoss()(y_pred, y)
print(f"random (64, 10): sum / mean = {ratio.item():.1f}")
assert abs(ratio.item() - 640) < 1e-3
# --8<-- [end:solution]
