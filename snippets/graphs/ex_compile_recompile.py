"""The cost side of torch.compile: guards check
each call, and a new shape means a new capture.

After one shape change Dynamo marks the dimension
dynamic, and later shapes reuse that graph.
"""
import torch

captured = []


def describe(t):
    """'a size' for a symbolic integer input, else
    the tensor's shape with symbolic sizes as n."""
    if isinstance(t, torch.SymInt):
        return "a size"
    return "tensor (" + ", ".join(
        str(d) if isinstance(d, int) else "n" for d in t.shape) + ",)"


def count_graphs(gm, example_inputs):
    inputs = [
        node.meta["example_value"]
        for node in gm.graph.nodes
        if node.op == "placeholder"
    ]
    captured.append(", ".join(describe(t) for t in inputs))
    return gm.forward


def f(x):
    return (x.sin() ** 2 + x.cos() ** 2).sum()   # always x.numel()


torch.manual_seed(0)
compiled_f = torch.compile(f, backend=count_graphs)
for n in (3, 3, 4, 5, 100):
    value = compiled_f(torch.randn(n))
    print(f"x of length {n:3d}: result {value.item():.1f}, "
          f"graphs captured so far {len(captured)}")
for i, inputs in enumerate(captured, 1):
    print(f"graph {i} takes: {inputs}")
assert len(captured) == 2, (
    "length 3, then one dynamic graph for every other length"
)

torch._dynamo.reset()
captured.clear()
compiled_f = torch.compile(f, backend=count_graphs, dynamic=True)
for n in (3, 4, 5, 100):
    compiled_f(torch.randn(n))
print("dynamic=True from the start: graphs captured", len(captured))
assert len(captured) == 1
