"""Old loss arguments on today's torch: reduction='elementwise_mean',
size_average and reduce warn and are translated to `reduction`."""
# --8<-- [start:setup]
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
y_hat = torch.randn(4, 3)
y = torch.randn(4, 3)
old = {}  # old API -> what it raises or warns today (None: runs quietly)


def caught_warning(fn):
    """Call fn; return its result and the one warning it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    assert len(caught) == 1, [str(w.message) for w in caught]
    return result, caught[0]
# --8<-- [end:setup]


# --8<-- [start:reduction]
loss, w = caught_warning(
    lambda: F.mse_loss(y_hat, y, reduction="elementwise_mean"))
old['reduction="elementwise_mean"'] = w.category.__name__
print('reduction="elementwise_mean":', w.category.__name__, "-",
      str(w.message).split(".")[0])
assert "Please use reduction='mean' instead" in str(w.message)
assert torch.equal(loss, F.mse_loss(y_hat, y, reduction="mean"))
# --8<-- [end:reduction]

# --8<-- [start:size_average]
loss_fn, w = caught_warning(lambda: nn.MSELoss(size_average=False))
old["size_average=False"] = w.category.__name__
print("size_average=False:", w.category.__name__, "-> reduction =",
      repr(loss_fn.reduction))
assert "size_average and reduce args will be deprecated" in str(w.message)
assert loss_fn.reduction == "sum"

loss_fn, w = caught_warning(lambda: nn.MSELoss(reduce=False))
old["reduce=False"] = w.category.__name__
print("reduce=False:", w.category.__name__, "-> reduction =",
      repr(loss_fn.reduction))
assert loss_fn.reduction == "none"
assert loss_fn(y_hat, y).shape == (4, 3)    # one loss per element
# --8<-- [end:size_average]
