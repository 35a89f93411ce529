"""A global forward hook counts every module call in the
process, for any model; removing its handle stops it."""
from collections import Counter

import torch
import torch.nn as nn
from torch.nn.modules.module import register_module_forward_hook

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = nn.Linear(d, d)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.fc(x)) + x          # a residual connection


model = nn.Sequential(Block(4), Block(4), nn.Linear(4, 2)).to(device)
x = torch.randn(3, 4, device=device)              # (N, D)

calls = Counter()
handle = register_module_forward_hook(
    lambda module, args, output: calls.update([type(module).__name__]))
try:
    model(x)
    model(x)                                      # two forward passes
finally:
    handle.remove()  # a global hook outlives the model: remove it

print("calls per type:", dict(sorted(calls.items())))
assert calls == Counter({"Sequential": 2, "Block": 4, "Linear": 6, "ReLU": 4})

model(x)  # after remove(): nothing counted
other = nn.Linear(2, 2).to(device)
other(torch.zeros(1, 2, device=device))           # nor for a brand-new module
assert sum(calls.values()) == 16
print("after remove():", sum(calls.values()), "calls, unchanged")

# a handle is also a context manager: the hook lives only inside the with block
with register_module_forward_hook(
    lambda module, args, output: calls.update(["inside with"])):
    model[2](x)                                   # one Linear call, counted
model[2](x)                                       # outside: not counted
assert calls["inside with"] == 1
print("with-block hook counted", calls["inside with"], "call")
