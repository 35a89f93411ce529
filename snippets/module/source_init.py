"""The real source of nn.Module.__init__ on the installed torch: the lines that
create the registries and the hook dicts (read with inspect, never pasted)."""
import inspect

import torch
import torch.nn as nn

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
lines = inspect.getsource(nn.Module.__init__).splitlines()

# keep the signature and the lines that create the instance state; the rest of
# __init__ only checks arguments for subclasses
signature = lines[0]
state = [line for line in lines if 'super().__setattr__("' in line]
print(signature)
print("        ...")
print("\n".join(state))

created = [line.split('"')[1] for line in state]
print(f"{len(created)} attributes, set with "
      "object.__setattr__ to bypass Module.__setattr__")
assert {
    "_parameters",
    "_buffers",
    "_modules",
    "_forward_hooks",
    "_forward_pre_hooks",
} <= set(created)
assert sum("OrderedDict()" in line for line in state) == 11  # 3 in the 0.x era
# 0.x had one
assert "_backend" not in created and "_backend" not in vars(nn.Module())
# the registries are created as plain dicts
for name in ("_parameters", "_buffers", "_modules"):
    assert f'super().__setattr__("{name}", {{}})' in "\n".join(state), name
