"""nn.Linear's default init: kaiming_uniform_ with a = sqrt(5) has the bound
1/sqrt(fan_in), the same uniform(-1/sqrt(in), 1/sqrt(in)) as the 0.x code."""
# --8<-- [start:setup]
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:bound]
def kaiming_uniform_bound(fan_in, a):
    gain = nn.init.calculate_gain("leaky_relu", a)   # sqrt(2 / (1 + a^2))
    std = gain / math.sqrt(fan_in)
    return math.sqrt(3.0) * std  # uniform(-b, b) has std b / sqrt(3)


for fan_in in (4, 100, 1000):
    bound = kaiming_uniform_bound(fan_in, a=math.sqrt(5))
    print(f"fan_in {fan_in:4d}: kaiming bound {bound:.6f}, "
          f"1/sqrt(fan_in) {1 / math.sqrt(fan_in):.6f}")
    assert math.isclose(bound, 1 / math.sqrt(fan_in), rel_tol=1e-12)
# --8<-- [end:bound]

# --8<-- [start:same_numbers]
# the same seed gives bit-identical weights from today's init and the old one
for fan_in in (4, 100, 1000):
    torch.manual_seed(1)
    today = nn.Linear(fan_in, 3).weight.detach()                 # (3, fan_in)
    torch.manual_seed(1)
    bound = 1 / math.sqrt(fan_in)
    # 0.x: weight.data.uniform_
    old = torch.empty(3, fan_in).uniform_(-bound, bound)
    assert torch.equal(today, old)
print("today's weights == old uniform weights (same seed): True")
# --8<-- [end:same_numbers]

# --8<-- [start:stats]
layer = nn.Linear(1000, 500)
w, b = layer.weight.detach(), layer.bias.detach()
bound = 1 / math.sqrt(1000)
print(
    f"weight: max |w| {w.abs().max().item():.5f} <= {bound:.5f}, "
    f"std {w.std().item():.5f} (expected {bound / math.sqrt(3):.5f})"
)
print(f"bias:   max |b| {b.abs().max().item():.5f} <= {bound:.5f}")
assert w.abs().max() <= bound and b.abs().max() <= bound
assert abs(w.std().item() - bound / math.sqrt(3)) < 0.01 * bound

# He init for ReLU layers (a = 0) would give
# std sqrt(2 / fan_in): sqrt(6) times larger
he_std = nn.init.calculate_gain("relu") / math.sqrt(1000)
print(f"He (relu) std {he_std:.5f}, ratio to the "
      f"default {he_std / (bound / math.sqrt(3)):.4f}")
assert math.isclose(he_std / (bound / math.sqrt(3)), math.sqrt(6),
                    rel_tol=1e-9)
# --8<-- [end:stats]
