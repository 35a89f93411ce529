"""Exercise solution: when the dynamic net draws depth
0, its middle layer is not used, its gradient stays None,
and SGD leaves it untouched (momentum included)."""
import random

import torch
from torch import nn


class DynamicNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.input_linear = nn.Linear(D_in, H)
        self.middle_linear = nn.Linear(H, H)
        self.output_linear = nn.Linear(H, D_out)
        self.depths = [0, 1, 2, 3]               # what forward draws from

    def forward(self, x):
        h_relu = self.input_linear(x).clamp(min=0)
        for _ in range(random.choice(self.depths)):
            h_relu = self.middle_linear(h_relu).clamp(min=0)
        return self.output_linear(h_relu)


device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

# --8<-- [start:solution]
loss_fn = nn.MSELoss(reduction="sum")


def warm_up():
    """Three steps at depth 2, so that SGD has
    a momentum buffer for the middle layer."""
    random.seed(0)
    torch.manual_seed(0)
    x, y = torch.randn(64, 1000, device=device), torch.randn(
        64, 10, device=device)
    model = DynamicNet(1000, 100, 10).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4, momentum=0.9)
    model.depths = [2]
    for t in range(3):
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()
    assert "momentum_buffer" in optimizer.state[model.middle_linear.weight]
    model.depths = [0]  # from now on the middle layer is skipped
    return x, y, model, optimizer


for set_to_none in (True, False):
    x, y, model, optimizer = warm_up()
    before = model.middle_linear.weight.clone()
    optimizer.zero_grad(set_to_none=set_to_none)
    loss_fn(model(x), y).backward()
    grad = model.middle_linear.weight.grad
    optimizer.step()
    moved = (model.middle_linear.weight - before).abs().max().item()
    print(
        f"set_to_none={set_to_none}: "
        f"grad is {'None' if grad is None else 'zeros'}, "
        f"middle weight moved by {moved:.2e}"
    )
    if set_to_none:  # today's default
        # SGD skips a parameter without a grad
        assert grad is None and moved == 0.0
    else:            # what zero_grad did before PyTorch 2.0
        # momentum carries it on
        assert torch.count_nonzero(grad) == 0 and moved > 0
# --8<-- [end:solution]
