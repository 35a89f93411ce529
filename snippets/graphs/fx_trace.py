"""torch.fx.symbolic_trace: run a function once
on proxies and keep the graph of what it did.

The graph prints as a list of nodes and as generated
Python; data-dependent control flow fails.
"""
import torch
import torch.fx


def two_layer_loss(x, y, w1, w2):
    h_relu = x.mm(w1).clamp(min=0)       # (N, H)
    y_pred = h_relu.mm(w2)               # (N, D_out)
    return (y_pred - y).pow(2).sum()


def halve_until_small(x):
    while x.norm() > 1:
        x = x / 2
    return x


gm = torch.fx.symbolic_trace(two_layer_loss)
print(gm.graph)
print(gm.code.strip())

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x, y = torch.randn(N, D_in), torch.randn(N, D_out)
w1, w2 = torch.randn(D_in, H), torch.randn(H, D_out)
same = torch.equal(gm(x, y, w1, w2), two_layer_loss(x, y, w1, w2))
ops = [node.target for node in gm.graph.nodes if node.op == "call_method"]
print("same loss as the function:", same, "| methods called:", ops)
assert same, "the traced GraphModule computes what the function computes"
# the `-` is operator.sub, a call_function
assert ops == ["mm", "clamp", "mm", "pow", "sum"]

message = None
try:
    torch.fx.symbolic_trace(halve_until_small)
except torch.fx.proxy.TraceError as e:
    message = str(e)
print("TraceError:", message)
assert message and "cannot be used as inputs to control flow" in message
