"""Turning gradient tracking off: torch.no_grad(), torch.inference_mode()
and torch.set_grad_enabled()."""
import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# --8<-- [start:no_grad]
y = w * 2
print("tracked:        requires_grad =", y.requires_grad,
      "| grad_fn =", type(y.grad_fn).__name__)

with torch.no_grad():                    # nothing inside is recorded
    y = w * 2
print("under no_grad:  requires_grad =", y.requires_grad,
      "| grad_fn =", y.grad_fn)
assert not y.requires_grad and y.grad_fn is None
assert w.requires_grad                   # w itself is unchanged
# --8<-- [end:no_grad]

# --8<-- [start:decorator]
@torch.no_grad()                         # the same, for a whole function
def evaluate(w):
    return (w * 2).sum()


score = evaluate(w)
print("evaluate(w):    requires_grad =", score.requires_grad)
assert not score.requires_grad
# --8<-- [end:decorator]

# --8<-- [start:inference_mode]
# stricter and a little faster than no_grad
with torch.inference_mode():
    y = w * 2
print("inference_mode: requires_grad =", y.requires_grad,
      "| is_inference =", y.is_inference())
assert not y.requires_grad and y.is_inference()
# --8<-- [end:inference_mode]

# --8<-- [start:set_grad_enabled]
for training in (True, False):
    with torch.set_grad_enabled(training):   # on or off by a flag
        y = w * 2
    print(f"set_grad_enabled({training!s:5s}): "
          f"requires_grad = {y.requires_grad}")
    assert y.requires_grad == training
# --8<-- [end:set_grad_enabled]
