"""torch.export: capture the two-layer net as a
program of ATen operations, save it, load it back.

The saved file holds the graph and the weights;
loading it needs no Python source of the model.
"""
import os
import tempfile

import torch


class TwoLayerNet(torch.nn.Module):
    """The two-layer net as a Module, since
    torch.export takes one (Part 4 covers nn.Module)."""

    def __init__(self, w1, w2):
        super().__init__()
        self.w1 = torch.nn.Parameter(w1)    # (D_in, H)
        self.w2 = torch.nn.Parameter(w2)    # (H, D_out)

    def forward(self, x):
        return x.mm(self.w1).clamp(min=0).mm(self.w2)


if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
model = TwoLayerNet(torch.randn(D_in, H), torch.randn(H, D_out)).to(device)
x = torch.randn(N, D_in, device=device)

ep = torch.export.export(model, (x,))
print(ep.graph)
for spec in ep.graph_signature.input_specs:
    print(f"input {spec.arg.name}: {spec.kind.name}")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "two_layer.pt2")
    torch.export.save(ep, path)
    loaded = torch.export.load(path)
same = torch.equal(loaded.module()(x), model(x))
print("loaded program gives the same output:", same)
assert same
targets = [str(n.target) for n in ep.graph.nodes if n.op == "call_function"]
assert targets == ["aten.mm.default", "aten.clamp.default",
                   "aten.mm.default"], targets
