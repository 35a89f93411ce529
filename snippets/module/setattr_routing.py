"""Module.__setattr__ routes each assignment: a Parameter to
_parameters, a Module to _modules, a tensor to a registered
buffer name to _buffers, anything else to __dict__."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

torch.manual_seed(0)
# --8<-- [end:setup]


# --8<-- [start:net]
class Scaler(nn.Module):
    def __init__(self):
        super().__init__()  # creates the registries first
        self.weight = nn.Parameter(torch.randn(2, 2))   # -> _parameters
        self.inner = nn.Linear(2, 2)                    # -> _modules
        self.register_buffer("steps", torch.zeros(()))  # -> _buffers
        self.scale = torch.tensor(3.0)  # plain tensor -> __dict__
        self.name = "scaler"  # anything else -> __dict__

    def forward(self, x):                                 # x: (N, 2)
        self.steps += 1
        return self.inner(x @ self.weight) * self.scale
# --8<-- [end:net]


# --8<-- [start:where]
def where(module, name):
    for registry in ("_parameters", "_buffers", "_modules"):
        if name in getattr(module, registry):
            return registry
    return "__dict__" if name in vars(module) else "nowhere"


net = Scaler()
for name in ("weight", "inner", "steps", "scale", "name"):
    print(f"{name:7s} -> {where(net, name)}")
print("parameters:", [n for n, _ in net.named_parameters()])
print("state_dict:", list(net.state_dict()))

assert where(net, "weight") == "_parameters"
assert where(net, "inner") == "_modules"
assert where(net, "steps") == "_buffers" and where(net, "scale") == "__dict__"
for name in ("weight", "inner", "steps"):
    assert name not in vars(net)        # __getattr__ finds them instead
assert "scale" not in net.state_dict()  # a plain tensor is not saved
# --8<-- [end:where]

# --8<-- [start:reassign]
net.steps = torch.tensor(10.0)  # a tensor to a buffer name: updates the buffer
assert where(net, "steps") == "_buffers"
assert net._buffers["steps"].item() == 10.0
try:
    net.weight = torch.zeros(2, 2)        # a plain tensor to a parameter name
except TypeError as err:
    print("TypeError:", err)
    assert "torch.nn.Parameter or None expected" in str(err)
# a new Parameter replaces the old one
net.weight = nn.Parameter(torch.ones(2, 2))
assert torch.equal(net._parameters["weight"], torch.ones(2, 2))
# --8<-- [end:reassign]

# --8<-- [start:delete]
del net.inner  # __delattr__ removes it from _modules
del net.steps  # ... and from _buffers
print("after del:", list(net._modules), list(net._buffers),
      [n for n, _ in net.named_parameters()])
assert "inner" not in net._modules and "steps" not in net._buffers
try:
    net.inner
except AttributeError as err:
    print("AttributeError:", err)
# --8<-- [end:delete]
