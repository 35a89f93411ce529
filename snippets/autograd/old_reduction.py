"""Loss options of old code today: reduction='elementwise_mean', size_average
and reduce warn and are mapped to today's reduction; an unknown one raises."""
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
y_pred = torch.randn(4, 3)
y = torch.randn(4, 3)
mean = F.mse_loss(y_pred, y, reduction="mean")


def call_and_catch(fn):
    """Run fn, return its result and the one warning it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    assert len(caught) == 1, [str(w.message) for w in caught]
    return result, caught[0]


# --8<-- [start:elementwise_mean]
old = lambda: F.mse_loss(y_pred, y, reduction="elementwise_mean")
loss, warning = call_and_catch(old)
print("reduction='elementwise_mean':", warning.category.__name__,
      "-", warning.message)
print("  same value as reduction='mean':", torch.equal(loss, mean))
assert "Please use reduction='mean' instead" in str(warning.message)
assert torch.equal(loss, mean)
# --8<-- [end:elementwise_mean]

# --8<-- [start:size_average]
loss_fn, warning = call_and_catch(lambda: nn.MSELoss(size_average=False))
print("nn.MSELoss(size_average=False):", warning.category.__name__, "-",
      warning.message)
print("  its reduction today:", repr(loss_fn.reduction))
assert loss_fn.reduction == "sum"
assert torch.equal(loss_fn(y_pred, y), F.mse_loss(y_pred, y, reduction="sum"))
# --8<-- [end:size_average]

# --8<-- [start:invalid]
try:
    F.mse_loss(y_pred, y, reduction="average")
except ValueError as err:
    print("reduction='average' -> ValueError:", err)
    assert "is not a valid value for reduction" in str(err)
else:
    raise AssertionError("an unknown reduction should be rejected")
# --8<-- [end:invalid]
