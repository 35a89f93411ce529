"""register_parameter, register_buffer and add_module: the explicit forms of
what __setattr__ does, for names built at run time and for None entries."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]


# --8<-- [start:poly]
class Polynomial(nn.Module):
    """y = c0 + c1 x + c2 x^2 + ..., one parameter per coefficient."""

    def __init__(self, degree):
        super().__init__()
        for k in range(degree + 1):  # names made at run time
            self.register_parameter(f"c{k}", nn.Parameter(torch.randn(())))
        self.register_parameter("offset", None)  # a declared slot, left empty
        self.register_buffer("powers", torch.arange(degree + 1.0))  # saved
        # not saved
        self.register_buffer("cache", torch.zeros(3), persistent=False)
        self.add_module("head", nn.Identity())  # same as self.head = ...

    def forward(self, x):                                 # x: (N,)
        coeffs = torch.stack(
            [getattr(self, f"c{k}") for k in range(len(self.powers))])
        return self.head((x.unsqueeze(1) ** self.powers) @ coeffs)   # (N,)
# --8<-- [end:poly]


# --8<-- [start:inspect]
poly = Polynomial(degree=2).to(device)  # moves parameters and all buffers
print("_parameters:", list(poly._parameters))
print("parameters():", [n for n, _ in poly.named_parameters()])
print("buffers():   ", [n for n, _ in poly.named_buffers()])
print("state_dict:  ", list(poly.state_dict()))
print("poly(x):", [round(v, 4) for v in poly(
    torch.tensor([0.0, 1.0, 2.0], device=device)).tolist()])

assert list(poly._parameters) == ["c0", "c1", "c2", "offset"]
assert poly.offset is None
# None is skipped
assert [n for n, _ in poly.named_parameters()] == ["c0", "c1", "c2"]
assert "cache" not in poly.state_dict() and "powers" in poly.state_dict()
assert poly.cache.device.type == device.type  # but .to() moved it
# the library uses the same calls: a None
# bias slot, submodules named "0", "1", ...
assert "bias" in nn.Linear(2, 2, bias=False)._parameters
assert nn.Linear(2, 2, bias=False).bias is None
assert list(nn.Sequential(nn.ReLU(), nn.Tanh())._modules) == ["0", "1"]
# --8<-- [end:inspect]

# --8<-- [start:errors]
for action in (
    lambda: poly.register_buffer("c0", torch.zeros(1)),
    lambda: poly.register_parameter("a.b", nn.Parameter(torch.zeros(1))),
    lambda: poly.add_module("head2", torch.zeros(1)),
):
    try:
        action()
    except (KeyError, TypeError) as err:
        print(f"{type(err).__name__}: {err}")
    else:
        raise AssertionError("expected an error")
# --8<-- [end:errors]
