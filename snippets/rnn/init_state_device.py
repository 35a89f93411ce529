"""Initial states on the input's device and dtype: the bug and the fix."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:models]
class LSTMClassifier(nn.Module):
    """Many-to-one: an LSTM, then a linear layer on the last step."""

    def __init__(self, fixed, H_in=8, H=16, num_layers=2, num_classes=10):
        super().__init__()
        self.fixed, self.num_layers, self.H = fixed, num_layers, H
        self.lstm = nn.LSTM(H_in, H, num_layers, batch_first=True)
        self.fc = nn.Linear(H, num_classes)

    def forward(self, x):                           # x: (N, L, H_in)
        shape = (self.num_layers, x.size(0), self.H)
        if self.fixed:                              # the input's device
            h_0, c_0 = x.new_zeros(shape), x.new_zeros(shape)   # and dtype
        else:                                       # the bug: always CPU,
            h_0, c_0 = torch.zeros(shape), torch.zeros(shape)   # float32
        output, (h_n, c_n) = self.lstm(x, (h_0, c_0))
        return self.fc(output[:, -1])               # (N, num_classes)
# --8<-- [end:models]


# --8<-- [start:bug]
def attempt(fixed, where, dtype):
    """Build a model on `where` in `dtype` and run it on a batch."""
    model = LSTMClassifier(fixed).to(where, dtype)
    x = torch.randn(4, 8, 8).to(where, dtype)       # (N, L, H_in)
    try:
        y = model(x)
    except RuntimeError as error:
        return "RuntimeError: " + str(error).splitlines()[0]
    return f"runs: {tuple(y.shape)}, {y.dtype}"


def report(fixed, where, dtype):
    result = attempt(fixed, where, dtype)
    name = str(dtype).removeprefix("torch.")
    print(f"{'fixed' if fixed else 'buggy'}, {name} on {where.type}:")
    print("   ", result)
    return result


on_device = report(False, device, torch.float32)
for where, dtype in [("meta", torch.float32), ("cpu", torch.float64)]:
    assert report(False, torch.device(where), dtype).startswith("Runtime")
assert on_device.startswith("runs") == (device.type == "cpu")
# --8<-- [end:bug]

# --8<-- [start:fix]
cases = [(device, torch.float32), (device, torch.float64),
         (torch.device("meta"), torch.float32)]
if device.type == "mps":                            # MPS has no float64
    cases.remove((device, torch.float64))
for where, dtype in cases:
    assert report(True, where, dtype).startswith("runs")
# --8<-- [end:fix]
