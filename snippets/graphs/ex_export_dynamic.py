"""An exported program is specialised to the
example's shapes: batch 64 in, batch 32 refused.

Declaring the batch dimension dynamic with
torch.export.Dim lets one program serve every batch.
"""
import torch


class TwoLayerNet(torch.nn.Module):
    def __init__(self, w1, w2):
        super().__init__()
        self.w1 = torch.nn.Parameter(w1)    # (D_in, H)
        self.w2 = torch.nn.Parameter(w2)    # (H, D_out)

    def forward(self, x):
        return x.mm(self.w1).clamp(min=0).mm(self.w2)


torch.manual_seed(0)
model = TwoLayerNet(torch.randn(1000, 100), torch.randn(100, 10))
example, other = torch.randn(64, 1000), torch.randn(32, 1000)

static = torch.export.export(model, (example,)).module()
message = None
try:
    static(other)
except (AssertionError, RuntimeError) as e:
    message = str(e)
print("batch 32 on a batch-64 program:", message)
assert message and "64" in message

batch = torch.export.Dim("batch")
ep = torch.export.export(model, (example,), dynamic_shapes={"x": {0: batch}})
dynamic = ep.module()
for n in (1, 32, 500):
    out = dynamic(torch.randn(n, 1000))
    print(f"batch {n}: output {tuple(out.shape)}")
x_node = [n for n in ep.graph.nodes if n.op == "placeholder"][-1]
print("batch size in the graph:", type(x_node.meta["val"].shape[0]).__name__)
assert torch.equal(dynamic(other), model(other))
assert isinstance(x_node.meta["val"].shape[0], torch.SymInt), (
    "a symbol, not 64"
)
