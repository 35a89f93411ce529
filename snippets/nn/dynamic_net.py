"""A dynamic net: each forward pass reuses one hidden layer
a random 0 to 3 times. The reused layer is one set of
parameters (weight sharing); SGD with momentum trains it."""
# --8<-- [start:setup]
import random

import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10
# --8<-- [end:setup]


# --8<-- [start:class]
class DynamicNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.input_linear = nn.Linear(D_in, H)
        self.middle_linear = nn.Linear(H, H)
        self.output_linear = nn.Linear(H, D_out)

    def forward(self, x):                        # x: (N, D_in)
        h_relu = self.input_linear(x).clamp(min=0)               # (N, H)
        self.depth = random.randint(0, 3)        # (1)!
        for _ in range(self.depth):
            # the same weights each time
            h_relu = self.middle_linear(h_relu).clamp(min=0)
        return self.output_linear(h_relu)        # (N, D_out)
# --8<-- [end:class]


# --8<-- [start:loop]
def train(steps, device, report=False):
    """A seeded run from scratch: returns the
    model, the loss and the depth of every step."""
    random.seed(0)        # python's generator picks the depth
    torch.manual_seed(0)  # torch's makes the data and the weights
    x = torch.randn(N, D_in, device=device)
    y = torch.randn(N, D_out, device=device)
    model = DynamicNet(D_in, H, D_out).to(device)
    loss_fn = nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4,
                                momentum=0.9)  # (1)!
    losses, depths = [], []
    for t in range(steps):
        loss = loss_fn(model(x), y)
        losses.append(loss.item())
        depths.append(model.depth)
        if report and t % 100 == 99:
            print(f"step {t + 1:3d}  depth {model.depth} "
                  f" loss {loss.item():.4g}")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, losses, depths


model, losses, depths = train(500, device, report=True)
# --8<-- [end:loop]

# --8<-- [start:check]
names = [name for name, _ in model.named_parameters()]
print("parameters:", names)
assert len(names) == 6  # three layers, each weight and bias once
assert sum(p.numel() for p in model.parameters()) == (D_in * H + H) + (
    H * H + H
) + (H * D_out + D_out)
print("how often each depth was drawn:",
      {d: depths.count(d) for d in range(4)})
assert set(depths) == {0, 1, 2, 3}
print(f"loss {losses[0]:.4g} -> {losses[-1]:.4g}")
assert losses[-1] < 1e-2 * losses[0], (
    "the loss should fall by two orders of magnitude"
)

_, again, depths_again = train(50, device)    # seeded: the run repeats exactly
assert again == losses[:50] and depths_again == depths[:50]
# --8<-- [end:check]
