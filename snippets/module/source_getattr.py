"""The real source of nn.Module.__getattr__ and __delattr__ on the installed
torch: the lookups that find registered entries that are not in __dict__."""
import inspect

import torch
import torch.nn as nn

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
for method in (nn.Module.__getattr__, nn.Module.__delattr__):
    print(inspect.getsource(method))

# __getattr__ runs only when normal attribute lookup fails, which is why the
# registered names must stay out of __dict__
calls = []


class Counting(nn.Linear):
    def __getattr__(self, name):  # log, then do what Module does
        calls.append(name)
        return super().__getattr__(name)


layer = Counting(2, 2)
calls.clear()
layer.in_features  # in __dict__: __getattr__ not called
layer.weight       # registered: found by __getattr__
print("__getattr__ was called for:", calls)
assert calls == ["weight"] and "weight" not in vars(layer)
# Module does not override it
assert type(layer).__getattribute__ is object.__getattribute__
assert "_parameters" in inspect.getsource(nn.Module.__getattr__)
