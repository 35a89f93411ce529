"""Non-trainable state as buffers: register_buffer puts a
tensor in state_dict and lets .to() move it, without making it
a parameter; persistent=False keeps it out of state_dict."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:class]
class Standardize(nn.Module):
    """Standardise the inputs with fixed
    statistics, then apply a linear layer."""
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", mean)                             # (1)!
        self.register_buffer("std", std)
        self.register_buffer("calls", torch.zeros((), dtype=torch.long),
                             persistent=False)  # (2)!
        self.plain = torch.ones(3)                                     # (3)!
        self.linear = nn.Linear(3, 1)

    def forward(self, x):                        # x: (N, 3)
        self.calls += 1
        return self.linear((x - self.mean) / self.std)
# --8<-- [end:class]


# --8<-- [start:inspect]
data = torch.randn(100, 3) * 5 + 2  # (100, 3), far from mean 0, std 1
model = Standardize(data.mean(dim=0), data.std(dim=0))
print("parameters:", [name for name, _ in model.named_parameters()])
print("buffers:   ", [name for name, _ in model.named_buffers()])
print("state_dict:", list(model.state_dict()))

assert [n for n, _ in model.named_parameters()] == [
    "linear.weight", "linear.bias"]
assert [n for n, _ in model.named_buffers()] == ["mean", "std", "calls"]
assert list(model.state_dict()) == ["mean", "std", "linear.weight",
                                    "linear.bias"]
assert not model.mean.requires_grad              # buffers are not trained
# --8<-- [end:inspect]

# --8<-- [start:move]
model.to(device)                                 # moves parameters and buffers
model(data.to(device))
print(
    f"after .to({device.type!r}): mean on {model.mean.device.type}, "
    f"calls on {model.calls.device.type} = {model.calls.item()}, "
    f"plain on {model.plain.device.type}"
)
assert (
    model.linear.weight.device.type
    == model.mean.device.type
    == model.calls.device.type
    == device.type
)
# a plain tensor attribute stays behind
assert model.plain.device.type == "cpu"

model.to(torch.float16)  # casts floating-point parameters and buffers
print("after .to(float16):", model.mean.dtype, model.linear.weight.dtype,
      model.calls.dtype, model.plain.dtype)
assert model.mean.dtype == model.linear.weight.dtype == torch.float16
assert model.calls.dtype == torch.long  # integer buffers keep their dtype
assert model.plain.dtype == torch.float32
# --8<-- [end:move]

# --8<-- [start:load]
fresh = Standardize(torch.zeros(3), torch.ones(3)).to(device, torch.float16)
# the statistics travel with the weights
fresh.load_state_dict(model.state_dict())
# calls did not
assert torch.equal(fresh.mean, model.mean) and fresh.calls.item() == 0
print("loaded mean:", [round(m, 2) for m in fresh.mean.tolist()],
      "| calls:", fresh.calls.item())

bn = nn.BatchNorm1d(3)  # the best-known module with buffers
print("BatchNorm1d buffers:", [name for name, _ in bn.named_buffers()])
assert len(list(bn.buffers())) == 3 and len(list(bn.parameters())) == 2
# --8<-- [end:load]
