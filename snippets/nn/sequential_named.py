"""Naming the layers of an nn.Sequential with an OrderedDict, and a home-made
Sequential that registers its layers with add_module."""
# --8<-- [start:setup]
from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
D_in, H, D_out = 1000, 100, 10
# --8<-- [end:setup]

# --8<-- [start:named]
model = nn.Sequential(OrderedDict([
    ("hidden", nn.Linear(D_in, H)),
    ("relu", nn.ReLU()),
    ("output", nn.Linear(H, D_out)),
])).to(device)
print(model)
print("model.hidden is model[0]:", model.hidden is model[0])
print("parameter names:", [name for name, _ in model.named_parameters()])

assert model.hidden is model[0] and model.output is model[-1]
assert list(model.state_dict()) == ["hidden.weight", "hidden.bias",
                                    "output.weight", "output.bias"]
# --8<-- [end:named]


# --8<-- [start:homemade]
class MySequential(nn.Module):
    def __init__(self, *layers):
        super().__init__()
        for idx, layer in enumerate(layers):
            self.add_module(str(idx), layer)     # (1)!

    def forward(self, x):
        for layer in self.children():            # in the order they were added
            x = layer(x)
        return x


# the same three layers
mine = MySequential(model.hidden, model.relu, model.output)
x = torch.randn(64, D_in, device=device)         # (N, D_in)
print("parameter names:", [name for name, _ in mine.named_parameters()])
print("same output as the Sequential:", torch.equal(mine(x), model(x)))

assert torch.equal(mine(x), model(x))
assert [n for n, _ in mine.named_children()] == ["0", "1", "2"]
assert mine.get_submodule("0") is model.hidden   # shared, not copied
# --8<-- [end:homemade]

# --8<-- [start:grow]
model.add_module("tanh", nn.Tanh())  # a Sequential grows at the end
print("layers now:", [name for name, _ in model.named_children()])
assert model(x).abs().max() < 1 and len(model) == 4
# --8<-- [end:grow]
