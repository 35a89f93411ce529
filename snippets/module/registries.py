"""What Module.__init__ puts in a fresh module's
__dict__: three registries, a set of non-persistent buffer
names and the hook dicts (on the installed torch)."""
from collections import OrderedDict

import torch
import torch.nn as nn

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
module = nn.Module()
state = vars(module)                          # the instance __dict__

# --8<-- [start:kinds]
registries = ["_parameters", "_buffers", "_modules"]
hook_dicts = [
    name for name in state if "hook" in name and isinstance(state[name], dict)]
others = [name for name in state if name not in registries + hook_dicts]

for name in registries:
    print(f"registry   {name:32s} {type(state[name]).__name__}")
for name in hook_dicts:
    print(f"hook dict  {name:32s} {type(state[name]).__name__}")
for name in others:
    print(f"other      {name:32s} "
          f"{type(state[name]).__name__} = {state[name]!r}")
# --8<-- [end:kinds]

# plain dicts keep insertion order too (Python 3.7+), so the registries no
# longer need OrderedDict; the hook dicts still are OrderedDicts
assert all(type(state[name]) is dict for name in registries)
assert all(isinstance(state[name], OrderedDict) for name in hook_dicts)
assert {
    "_forward_pre_hooks",
    "_forward_hooks",
    "_backward_hooks",
    "_backward_pre_hooks",
} <= set(hook_dicts)
assert state["training"] is True

# --8<-- [start:linear]
layer = nn.Linear(4, 2)
print("Linear._parameters:",
      {k: tuple(v.shape) for k, v in layer._parameters.items()})
print("Linear.__dict__ has 'weight':", "weight" in vars(layer))
print("but layer.weight works:", tuple(layer.weight.shape))
assert "weight" not in vars(layer)
assert layer.weight is layer._parameters["weight"]
# --8<-- [end:linear]
