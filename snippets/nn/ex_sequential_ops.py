"""Exercise solution: Sequential takes layers, not a list; slicing a Sequential
shares its layers; a ModuleList holds layers but has no forward of its own."""
import torch
from torch import nn

torch.manual_seed(0)

# --8<-- [start:solution]
layers = [nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4)]

try:
    nn.Sequential(layers)                        # one argument: a list
except TypeError as err:
    print("Sequential(layers) -> TypeError:", err)
    assert "is not a Module subclass" in str(err)
else:
    raise AssertionError("a list is not a module")

model = nn.Sequential(*layers)  # unpacked: three modules
front = model[:2]               # slicing gives a Sequential ...
print("model[:2] is a", type(front).__name__, "of", len(front), "layers")
assert isinstance(front, nn.Sequential)
assert front[0] is model[0]  # ... that shares the same layers
with torch.no_grad():
    front[0].bias.zero_()
assert torch.count_nonzero(model[0].bias) == 0   # so the change shows in model

model.append(nn.Softmax(dim=1))
model.insert(0, nn.Flatten())
print("after insert and append:", [type(m).__name__ for m in model])
x = torch.randn(2, 2, 4)  # (N, 2, 4), flattened to (N, 8)
assert torch.allclose(model(x).sum(dim=1), torch.ones(2))

blocks = nn.ModuleList(layers)
try:
    blocks(x)
except NotImplementedError as err:
    print("ModuleList(...)(x) -> NotImplementedError:", err)
    assert "forward" in str(err)
else:
    raise AssertionError("a ModuleList has no forward")
# --8<-- [end:solution]
