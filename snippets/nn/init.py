"""Initialising parameters with torch.nn.init (normal_,
constant_, xavier_uniform_), applied to every Linear with
model.apply, and a custom init under torch.no_grad()."""
# --8<-- [start:setup]
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
D_in, H, D_out = 1000, 100, 10
model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                      nn.Linear(H, D_out)).to(device)
# --8<-- [end:setup]

# --8<-- [start:default]
bound = 1 / math.sqrt(D_in)  # nn.Linear's default range (Part 5)
print(f"default: first weight in [{model[0].weight.min().item():.4f}, "
      f"{model[0].weight.max().item():.4f}], 1/sqrt(D_in) = {bound:.4f}")
assert model[0].weight.abs().max() <= bound
# --8<-- [end:default]


# --8<-- [start:apply]
def init_normal(module):
    if isinstance(module, nn.Linear):  # apply visits every module, ReLU too
        nn.init.normal_(module.weight, mean=0.0, std=0.01)
        nn.init.constant_(module.bias, 0.0)


model.apply(init_normal)
w = model[0].weight
print(
    f"normal_: mean {w.mean().item():.5f}, std {w.std().item():.5f}, "
    f"biases all zero: "
    f"{all(torch.count_nonzero(m.bias) == 0 for m in (model[0], model[2]))}"
)
assert abs(w.std().item() - 0.01) < 0.0005 and abs(w.mean().item()) < 0.0005
# --8<-- [end:apply]

# --8<-- [start:xavier]
nn.init.xavier_uniform_(model[0].weight)  # uniform in [-a, a]
a = math.sqrt(6 / (D_in + H))             # a = sqrt(6 / (fan_in + fan_out))
w = model[0].weight
print(
    f"xavier_uniform_: bound {a:.4f}, largest |w| {w.abs().max().item():.4f}, "
    f"std {w.std().item():.4f} (expected a / sqrt(3) = {a / math.sqrt(3):.4f})"
)
assert w.abs().max() <= a and abs(w.std().item() - a / math.sqrt(3)) < 0.001
# --8<-- [end:xavier]

# --8<-- [start:custom]
try:
    model[2].weight.uniform_(-1, 1)  # in place on a leaf that requires grad
except RuntimeError as err:
    print("without no_grad -> RuntimeError:", err)
    assert "leaf Variable that requires grad" in str(err)
else:
    raise AssertionError("autograd should refuse")

with torch.no_grad():                            # (1)!
    model[2].weight.uniform_(-1, 1)
    model[2].weight.mul_(model[2].weight.abs() >= 0.5)   # keep only |w| >= 0.5
    model[2].bias.copy_(torch.arange(D_out, dtype=torch.float32))
kept = model[2].weight[model[2].weight != 0]
print(f"custom: {kept.numel()} of {model[2].weight.numel()} "
      f"weights kept, bias {model[2].bias[:4].tolist()}")
assert kept.abs().min() >= 0.5 and model[2].weight.requires_grad
# --8<-- [end:custom]
