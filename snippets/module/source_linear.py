"""The real source of nn.Linear.reset_parameters and forward on the installed
torch, and what Python can show of F.linear, a builtin implemented in C++."""
import inspect

import torch
import torch.nn as nn
import torch.nn.functional as F

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
print(inspect.getsource(nn.Linear.reset_parameters))
print(inspect.getsource(nn.Linear.forward))

# --8<-- [start:builtin]
print("F.linear is", F.linear, "from", F.linear.__module__)
assert F.linear is torch._C._nn.linear and inspect.isbuiltin(F.linear)
try:
    inspect.getsource(F.linear)
except TypeError as err:
    print("inspect.getsource(F.linear) -> TypeError:",
          str(err).split(",")[-1].strip())
print("first line of its docstring:", F.linear.__doc__.strip().splitlines()[0])

# the Python side: torch/nn/functional.py only attaches that docstring
functional = inspect.getsource(F).splitlines()
at = functional.index("linear = _add_docstr(")
print("torch/nn/functional.py:")
print("\n".join(functional[at:at + 4]))
print("    ...")
assert functional[at + 1].strip() == "torch._C._nn.linear,"
# --8<-- [end:builtin]
