"""Backward-side hooks that return a value change the
gradients: a tensor hook, a backward pre-hook (new
grad_output) and a full backward hook (new grad_input)."""
import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2)).to(device)
x = torch.randn(5, 4, device=device)             # (N, D_in)
first, last = model[0], model[2]


def grads(install=None):
    """Weight gradients of both Linear layers,
    with an optional hook installed."""
    model.zero_grad()
    handle = install() if install else None
    model(x).pow(2).sum().backward()
    if handle:
        handle.remove()
    return first.weight.grad.clone(), last.weight.grad.clone()


base_first, base_last = grads()
cases = {
    # tensor hook: its return value replaces the gradient of that tensor
    "tensor hook clamps last.weight grad": lambda: last.weight.register_hook(
        lambda g: g.clamp(-0.1, 0.1)
    ),
    # backward pre-hook: a new grad_output for the module (both layers see it)
    "pre-hook doubles grad_output of last": lambda: (
        last.register_full_backward_pre_hook(lambda m, g_out: (2 * g_out[0],))
    ),
    # full backward hook: a new grad_input, passed on to earlier layers only
    "backward hook zeroes grad_input of last": lambda: (
        last.register_full_backward_hook(
            lambda m, g_in, g_out: (torch.zeros_like(g_in[0]),)
        )
    ),
}
results = {name: grads(install) for name, install in cases.items()}
for name, (g_first, g_last) in results.items():
    print(f"{name:40s} |grad first| {g_first.norm().item():.4f} "
          f" |grad last| {g_last.norm().item():.4f}")
print(f"{'no hook':40s} |grad first| {base_first.norm().item():.4f} "
      f" |grad last| {base_last.norm().item():.4f}")

g_first, g_last = results["tensor hook clamps last.weight grad"]
assert torch.equal(g_last, base_last.clamp(-0.1, 0.1))
assert torch.allclose(g_first, base_first)
g_first, g_last = results["pre-hook doubles grad_output of last"]
assert torch.allclose(g_last, 2 * base_last)
assert torch.allclose(g_first, 2 * base_first)
g_first, g_last = results["backward hook zeroes grad_input of last"]
assert torch.allclose(g_last, base_last) and torch.count_nonzero(g_first) == 0
