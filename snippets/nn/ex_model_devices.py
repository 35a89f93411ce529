"""Exercise solution: list every device a model's parameters and
buffers live on, the first thing to check after a device-mismatch
error. Here the 'meta' device plays the stray one."""
import itertools

import torch
from torch import nn

torch.manual_seed(0)


# --8<-- [start:solution]
def devices(model):
    """Where each parameter and buffer of the model lives, by name."""
    tensors = itertools.chain(model.named_parameters(), model.named_buffers())
    return {name: t.device.type for name, t in tensors}


model = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(),
                      nn.Linear(16, 2))
print("all on one device:", set(devices(model).values()))
assert set(devices(model).values()) == {"cpu"}

model[3].to("meta")  # one layer moved on its own, by mistake
where = devices(model)
print("stray tensors:", {name: d for name, d in where.items() if d != "cpu"})
assert set(where.values()) == {"cpu", "meta"}
assert [n for n, d in where.items() if d == "meta"] == ["3.weight", "3.bias"]

try:
    model.eval()(torch.randn(4, 8))
except RuntimeError as err:
    print("forward -> RuntimeError:", str(err).splitlines()[0])
    assert "device" in str(err)
else:
    raise AssertionError("mixed devices should raise")

try:
    model.to("cpu")                 # a real device would simply move back ...
except NotImplementedError as err:  # ... but a meta tensor has no data to copy
    print("model.to('cpu') -> NotImplementedError:", str(err).split(";")[0])
    assert "meta tensor" in str(err)
else:
    raise AssertionError("meta tensors cannot be copied out")

model[3].to_empty(device="cpu")  # allocate uninitialised memory on the cpu,
model[3].reset_parameters()      # then initialise it afresh
assert set(devices(model).values()) == {"cpu"}
assert model(torch.randn(4, 8)).shape == (4, 2)
# --8<-- [end:solution]
