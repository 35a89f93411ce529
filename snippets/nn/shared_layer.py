"""Weight sharing: one Linear used twice in a Sequential. With weight 3 and
input 1 the output is 3 * 3 = 9 and the weight's gradient is 2 * 3 = 6."""
# --8<-- [start:setup]
import copy

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:tiny]
shared = nn.Linear(1, 1, bias=False).to(device)
with torch.no_grad():
    shared.weight.fill_(3.0)
model = nn.Sequential(shared, shared)            # y = w * (w * x) = w^2 x

x = torch.ones(1, 1, device=device)
y = model(x)
y.sum().backward()                               # dy/dw = 2 w x
print("output:", y.item(),
      "| gradient of the weight:", shared.weight.grad.item())
assert y.item() == 9.0 and shared.weight.grad.item() == 6.0

print("parameters():", len(list(model.parameters())),
      "| named_parameters():", [n for n, _ in model.named_parameters()],
      "| state_dict():", list(model.state_dict()))
assert len(list(model.parameters())) == 1        # listed once, so stepped once
assert model.state_dict()["0.weight"].data_ptr() == model.state_dict()[
    "1.weight"].data_ptr()
# --8<-- [end:tiny]

# --8<-- [start:sum]
shared = nn.Linear(8, 8)
tied = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared,
                     nn.ReLU(), nn.Linear(8, 1)).to(device)
untied = copy.deepcopy(tied)
assert untied[2] is untied[4]         # deepcopy keeps the tie ...
untied[4] = copy.deepcopy(untied[2])  # ... so give position 4 its own copy
assert untied[2] is not untied[4] and tied[2] is tied[4]

x = torch.randn(16, 4, device=device)            # (N, 4)
tied(x).sum().backward()
untied(x).sum().backward()
g_tied = tied[2].weight.grad
g_sum = untied[2].weight.grad + untied[4].weight.grad
print(
    f"tied grad equals the sum of the two copies' grads: "
    f"{torch.allclose(g_tied, g_sum)} "
    f"(largest difference {(g_tied - g_sum).abs().max().item():.1e})"
)
assert torch.allclose(g_tied, g_sum, atol=1e-6)
assert len(list(tied.parameters())) == 6
assert len(list(untied.parameters())) == 8
# --8<-- [end:sum]
