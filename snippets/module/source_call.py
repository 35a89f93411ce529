"""The real source of what model(x) runs on the installed
torch: Module.__call__, _wrapped_call_impl and _call_impl
(its exception path trimmed programmatically)."""
import inspect

import torch
import torch.nn as nn

# the release, without the build tag
print("torch", torch.__version__.split("+")[0])
# where the class binds __call__
binding = [line.strip() for line in inspect.getsource(nn.Module).splitlines()
           if line.strip().startswith("__call__")]
print("in class Module:", *binding)
assert nn.Module.__call__ is nn.Module._wrapped_call_impl
print()
print(inspect.getsource(nn.Module._wrapped_call_impl))

source = inspect.getsource(nn.Module._call_impl)
lines = source.splitlines()
# keep everything up to the compile check; what follows only runs "always_call"
# forward hooks when forward() raised an exception
cut = next(
    i
    for i, line in enumerate(lines)
    if "torch.compiler.is_compiling()" in line
)
while not lines[cut - 1].strip() == "":  # back up over its comment
    cut -= 1
print("\n".join(lines[:cut]))
print(f"        # ... ({len(lines) - cut} more lines: run "
      "inner(), and always_call hooks on an exception)")

# the claims the page makes about this code
# the fast path: no hooks at all
assert "return forward_call(*args, **kwargs)" in source
assert "_global_forward_pre_hooks.items()" in source
assert "self._forward_pre_hooks.items()" in source
assert (
    "if hook_result is not None:\n                        result = hook_result"
    in source
)
assert "bw_hook.setup_output_hook(result)" in source
assert "Variable" not in source
