"""Tensors and defaults: torch.Tensor(4, 5) is uninitialised memory, and
torch.set_default_tensor_type gave way to set_default_dtype/device."""
# --8<-- [start:setup]
import warnings

import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
old = {}  # old API -> what it raises or warns today (None: runs quietly)
# --8<-- [end:setup]

# --8<-- [start:tensor]
a = torch.Tensor(4, 5)               # old: sizes, not values
old["torch.Tensor(4, 5)"] = None
print("torch.Tensor(4, 5):", tuple(a.shape), a.dtype,
      "| torch.Tensor([4, 5]):", torch.Tensor([4, 5]).tolist())
assert a.shape == (4, 5) and a.dtype == torch.float32

# uninitialised: torch can fill such memory with NaN to expose reads
torch.use_deterministic_algorithms(True)   # (1)!
try:
    a = torch.Tensor(4, 5)
    b = torch.empty(4, 5)
finally:
    torch.use_deterministic_algorithms(False)
print("with uninitialised memory filled: all NaN?",
      bool(a.isnan().all()), bool(b.isnan().all()))
assert a.isnan().all() and b.isnan().all()   # never zeroed

z = torch.zeros(4, 5, device=device)       # new: say what you want
e = torch.empty(4, 5, device=device)       # or say "I will overwrite it"
e.fill_(1.0)
assert z.sum() == 0 and e.sum() == 20
# --8<-- [end:tensor]

# --8<-- [start:default]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.set_default_tensor_type(torch.DoubleTensor)   # old
old["torch.set_default_tensor_type"] = caught[0].category.__name__
print("set_default_tensor_type:", caught[0].category.__name__, "-",
      str(caught[0].message).split(",")[0])
assert "deprecated as of PyTorch 2.1" in str(caught[0].message)
assert torch.empty(1).dtype == torch.float64         # it still acts

torch.set_default_dtype(torch.float32)     # new: the dtype ...
print("default dtype back to", torch.get_default_dtype())
assert torch.ones(1).dtype == torch.Tensor(1).dtype == torch.float32

with torch.device(device):                 # ... and the device, scoped
    w = torch.randn(3, 3)
print("created on the chosen device:", w.device.type == device.type)
assert w.device.type == device.type
# --8<-- [end:default]
