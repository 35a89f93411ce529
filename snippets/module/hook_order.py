"""Every kind of hook on one layer, each printing as it fires; the order
of firing is asserted, and the handles then remove every hook again."""
# --8<-- [start:setup]
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.module import (
    register_module_forward_hook,
    register_module_forward_pre_hook,
)

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:expected]
EXPECTED = [
    # inside layer(x)
    "global forward pre-hook", "forward pre-hook", "forward",
    "global forward hook", "forward hook",
    "tensor hook on output", "backward pre-hook",  # inside backward()
    "tensor hook on weight", "backward hook",
]
# --8<-- [end:expected]

# --8<-- [start:hooks]
events = []


def log(event, detail=""):
    events.append(event)
    print(f"{len(events)}. {event:24s} {detail}".rstrip())


class Layer(nn.Linear):
    def forward(self, x):
        log("forward", f"input {tuple(x.shape)}")
        return super().forward(x)


def pre_hook(module, args):  # args: the positional inputs
    log("forward pre-hook", "returns a new input: 2 * x")
    return (2 * args[0],)


def forward_hook(module, args, output):
    log("forward hook", "returns a new output: output + 1")
    return output + 1


def backward_pre_hook(module, grad_output):         # (1)!
    log("backward pre-hook", f"grad_output {tuple(grad_output[0].shape)}")


def backward_hook(module, grad_input, grad_output):
    log("backward hook", f"grad_input {tuple(grad_input[0].shape)}")


layer = Layer(4, 2).to(device)
x = torch.randn(3, 4, device=device, requires_grad=True)   # (N, D_in)
handles = [
    register_module_forward_pre_hook(  # (2)!
        lambda m, args: log("global forward pre-hook")),
    register_module_forward_hook(
        lambda m, args, out: log("global forward hook")
    ),
    layer.register_forward_pre_hook(pre_hook),
    layer.register_forward_hook(forward_hook),
    layer.register_full_backward_pre_hook(backward_pre_hook),
    layer.register_full_backward_hook(backward_hook),
    layer.weight.register_hook(
        lambda g: log("tensor hook on weight", f"grad {tuple(g.shape)}")
    ),
]
try:
    print("--- y = layer(x)")
    y = layer(x)             # (N, D_out)
    n_forward = len(events)  # events fired inside layer(x)
    handles.append(y.register_hook(
        lambda g: log("tensor hook on output", f"grad {tuple(g.shape)}")))
    print("--- y.sum().backward()")
    y.sum().backward()
finally:
    for handle in handles:                          # (3)!
        handle.remove()
# --8<-- [end:hooks]

# --8<-- [start:checks]
assert events == EXPECTED, events
# as they fired
fired = {"forward": events[:n_forward], "backward": events[n_forward:]}
with torch.no_grad():
    assert torch.allclose(y, F.linear(2 * x, layer.weight, layer.bias) + 1,
                          atol=1e-6)
    # d(sum(W (2x) + b + 1))/dx = 2 * (column
    # sums of W), the same for every row
    assert torch.allclose(x.grad, 2 * layer.weight.sum(0).expand(3, 4),
                          atol=1e-6)

events.clear()
print("--- after handle.remove(): layer(x)")
with torch.no_grad():
    y_plain = layer(x)
assert events == ["forward"], events                # no hook fires any more
assert torch.allclose(y_plain, F.linear(x, layer.weight, layer.bias),
                      atol=1e-6)
# --8<-- [end:checks]
