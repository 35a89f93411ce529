"""Running statistics as plain attributes (the bug) and as buffers (fix)."""
# --8<-- [start:setup]
import io

import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:modules]
class Centering(nn.Module):
    """Subtracts a running mean of the inputs, kept as BatchNorm keeps it."""

    def __init__(self, num_features, as_buffer):
        super().__init__()
        if as_buffer:                                            # the fix
            self.register_buffer("running_mean", torch.zeros(num_features))
        else:                                                    # the bug
            self.running_mean = torch.zeros(num_features)

    def forward(self, x):
        if self.training:
            with torch.no_grad():
                self.running_mean.mul_(0.9).add_(0.1 * x.mean(dim=0))
            return x - x.mean(dim=0)
        return x - self.running_mean


plain, buffered = Centering(3, as_buffer=False), Centering(3, as_buffer=True)
print("state_dict, plain:   ", list(plain.state_dict()))
print("state_dict, buffered:", list(buffered.state_dict()))
assert list(plain.state_dict()) == []
assert list(buffered.state_dict()) == ["running_mean"]
# --8<-- [end:modules]

# --8<-- [start:move]
for name, module in [("plain", plain), ("buffered", buffered)]:
    module.to("meta")                       # (1)!
    print(f"after .to('meta'), {name}:", module.running_mean.device)
assert plain.running_mean.device.type == "cpu"
assert buffered.running_mean.device.type == "meta"
# --8<-- [end:move]

# --8<-- [start:save]
x_test = torch.randn(4, 3, device=device) + 5
results = {}
for as_buffer in (False, True):
    torch.manual_seed(1)                                 # same data for both
    model = Centering(3, as_buffer).to(device)
    if not as_buffer:                                    # (2)!
        model.running_mean = model.running_mean.to(device)
    for _ in range(50):                                  # train: the mean
        model(torch.randn(64, 3, device=device) + 5)     # goes towards 5
    model.eval()
    file = io.BytesIO()                                  # save, then load
    torch.save(model.state_dict(), file)                 # into a new model
    file.seek(0)
    loaded = Centering(3, as_buffer).to(device).eval()
    loaded.load_state_dict(torch.load(file))
    gap = (model(x_test) - loaded(x_test)).abs().max().item()
    results[as_buffer] = gap
    print(f"as_buffer={as_buffer}: running mean "
          f"{model.running_mean.mean().item():.2f}, after loading "
          f"{loaded.running_mean.mean().item():.2f}; outputs differ by "
          f"{gap:.2f}")
assert results[False] > 4 and results[True] == 0
# --8<-- [end:save]
