"""The real source of nn.Module.__setattr__ on the
installed torch, with one long compatibility block
folded (programmatically) into a single comment line."""
import inspect

import torch
import torch.nn as nn

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
source = inspect.getsource(nn.Module.__setattr__)
lines = source.splitlines()

# fold the block between "# === HACK ==="
# and "# === HACK END ===": it only copes
# with subclasses whose register_buffer() lacks the `persistent` argument
start = next(i for i, line in enumerate(lines) if "=== HACK ===" in line)
end = next(i for i, line in enumerate(lines) if "=== HACK END ===" in line)
indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
folded = lines[:start] + [
    f"{indent}self.register_buffer(name, value, persistent)"
    f"  # ({end - start + 1} lines folded by this snippet)"
] + lines[end + 1:]
print("\n".join(folded))

# the claims the page makes about this code
assert "cannot assign parameters before Module.__init__() call" in source
assert "cannot assign module before Module.__init__() call" in source
assert "self.register_parameter(name, value)" in source
assert "modules[name] = value" in source
# the plain-attribute branch
assert "super().__setattr__(name, value)" in source
assert "Variable" not in source  # no 0.x Variable checks left
