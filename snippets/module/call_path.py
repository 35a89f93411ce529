"""What model(x) really calls on the installed torch:
Module.__call__ is _wrapped_call_impl, which calls
_call_impl, which calls forward (with hooks around it)."""
# --8<-- [start:setup]
import inspect

import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:names]
call = nn.Module.__call__
print("nn.Module.__call__ is the function", call.__qualname__)
assert call is nn.Module._wrapped_call_impl
assert "self._call_impl(" in inspect.getsource(call)   # the next step down
print("nn.Linear overrides __call__:", "__call__" in vars(nn.Linear))
print("nn.Linear overrides forward: ", "forward" in vars(nn.Linear))
assert "__call__" not in vars(nn.Linear) and "forward" in vars(nn.Linear)
# --8<-- [end:names]

# --8<-- [start:bypass]
layer = nn.Linear(4, 2).to(device)
x = torch.randn(3, 4, device=device)             # (N, D_in)
seen = []
handle = layer.register_forward_hook(lambda m, args, out: seen.append("hook"))

layer(x)  # through __call__: the hook fires
print("layer(x)         -> hooks fired:", len(seen))
layer.forward(x)  # straight to forward: hooks skipped
print("layer.forward(x) -> hooks fired:", len(seen))
handle.remove()
layer(x)                                          # the handle removed the hook
print("after remove()   -> hooks fired:", len(seen))
assert seen == ["hook"]
assert len(layer._forward_hooks) == 0             # the registry entry is gone
# --8<-- [end:bypass]
