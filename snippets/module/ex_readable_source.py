"""Which functional ops can Python show you? Builtins (C++ bound to
Python) have no Python source; the others do, and inspect says where."""
import inspect
from pathlib import Path

import torch
import torch.nn.functional as F

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
ops = [F.linear, F.conv2d, F.relu, F.softmax, F.cross_entropy, F.dropout]
readable = {}
for op in ops:
    name = f"F.{op.__name__}"
    if inspect.isbuiltin(op):
        print(f"{name:16s} builtin from {op.__module__}: "
              "only its docstring in Python")
        readable[name] = False
    else:
        path = Path(inspect.getsourcefile(op))
        lines, start = inspect.getsourcelines(op)
        where = "/".join(path.parts[path.parts.index("torch"):])
        print(f"{name:16s} Python, {where}, line {start}, {len(lines)} lines")
        readable[name] = True

assert readable == {
    "F.linear": False,
    "F.conv2d": False,
    "F.relu": True,
    "F.softmax": True,
    "F.cross_entropy": True,
    "F.dropout": True,
}
# F.relu is Python, yet it too ends in a builtin: torch.relu
assert "torch.relu(" in inspect.getsource(F.relu)
assert inspect.isbuiltin(torch.relu)
print("F.relu calls the builtin torch.relu:", inspect.isbuiltin(torch.relu))
