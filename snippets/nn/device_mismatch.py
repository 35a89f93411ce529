"""The device-mismatch error (model on one device, input
on another) and how to avoid it. Without an accelerator the
'meta' device (shapes, no data) plays the other device."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:other]
if torch.accelerator.is_available():
    # e.g. cuda: a real second device
    other = torch.accelerator.current_accelerator()
else:
    other = torch.device("meta")                 # (1)!
# --8<-- [end:other]

# --8<-- [start:error]
model = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(),
                      nn.Linear(100, 10)).to(other)
x = torch.randn(64, 1000)  # forgot to move it: still on the cpu
try:
    model(x)
except RuntimeError as err:
    message = str(err).splitlines()[0]
    print(f"model on {other.type}, x on cpu -> RuntimeError: {message}")
    assert "device" in message and "cpu" in message
else:
    raise AssertionError("a device mismatch should raise")
# --8<-- [end:error]

# --8<-- [start:fix]
device = next(model.parameters()).device         # where the model lives
y_pred = model(x.to(device))                     # move the input there
print("after x.to(device): output", tuple(y_pred.shape),
      "on the model's device:", y_pred.device == device)
assert y_pred.device == device and y_pred.shape == (64, 10)
# --8<-- [end:fix]


# --8<-- [start:inside]
class AddBias(nn.Module):
    """Appends a column of ones to its input:
    tensors made in forward need a device too."""
    def forward(self, x, careful):
        if careful:
            ones = x.new_ones(x.shape[0], 1)     # same device and dtype as x
        else:
            ones = torch.ones(x.shape[0], 1)     # (1)!
        return torch.cat([x, ones], dim=1)


x_other = torch.randn(4, 3).to(other)
for careful in (False, True):
    try:
        out = AddBias()(x_other, careful)
        print(f"careful={careful}: output {tuple(out.shape)}")
        assert careful and out.device == x_other.device
    except RuntimeError as err:
        print(f"careful={careful}: RuntimeError: {str(err).splitlines()[0]}")
        assert not careful and "device" in str(err)
# --8<-- [end:inside]
