"""The 0.x rules for hooks, re-created on today's module:
a pre-hook's return value was ignored and a forward hook
that returned a value raised RuntimeError."""
import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)


def old_call(module, *input):
    """What Module.__call__ did in the 0.x era
    (its hooks part), as a plain function."""
    for hook in module._forward_pre_hooks.values():
        hook(module, input)                        # return value thrown away
    result = module.forward(*input)
    for hook in module._forward_hooks.values():
        if hook(module, input, result) is not None:
            raise RuntimeError("forward hooks should never return any values")
    return result


layer = nn.Linear(3, 2).to(device)
x = torch.randn(4, 3, device=device)              # (N, D_in)
with torch.no_grad():
    plain = layer(x)

# a pre-hook that returns a new input
handle = layer.register_forward_pre_hook(
    lambda m, args: (torch.zeros_like(args[0]),))
with torch.no_grad():
    today, old = layer(x), old_call(layer, x)
handle.remove()
print(
    "pre-hook returns zeros: today output == bias:",
    torch.allclose(today, layer.bias.expand(4, 2)),
    "| 0.x output unchanged:",
    torch.equal(old, plain),
)
assert torch.allclose(today, layer.bias.expand(4, 2))
assert torch.equal(old, plain)

# a forward hook that returns a new output
handle = layer.register_forward_hook(lambda m, args, out: out.clamp(min=0))
with torch.no_grad():
    today = layer(x)
    try:
        old_call(layer, x)
        raised = None
    except RuntimeError as err:
        raised = str(err)
handle.remove()
print("forward hook returns clamp(out): today min",
      round(today.min().item(), 4), "| 0.x:", raised)
assert today.min() >= 0
assert raised == "forward hooks should never return any values"
