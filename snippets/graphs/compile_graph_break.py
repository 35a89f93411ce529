"""A graph break: torch.compile meets an `if` on
a tensor's value and splits the function there.

A backend that lists each graph shows the pieces; torch._dynamo.explain
counts them; fullgraph=True turns the break into an error.
"""
import torch

captured = []


def show_ops(gm, example_inputs):
    """A backend that lists each captured graph's
    operations, then runs the graph unchanged."""
    ops = [
        node.target if node.op == "call_method" else node.target.__name__
        for node in gm.graph.nodes
        if node.op in ("call_function", "call_method")
    ]
    captured.append(ops)
    print(f"  graph {len(captured)}: {', '.join(ops)}")
    return gm.forward


def f(x):
    y = x * 2
    if y.sum() > 0:
        return torch.sin(y)
    return torch.cos(y)


compiled_f = torch.compile(f, backend=show_ops)
for data in ([1.0, 2.0], [3.0, 4.0], [-1.0, -2.0]):
    print(f"call with {data}:")
    result = compiled_f(torch.tensor(data))
    assert torch.equal(result, f(torch.tensor(data)))
print("graphs captured:", len(captured))
assert len(captured) == 3, (
    "the prefix, the sin branch, and later the cos branch"
)

torch._dynamo.reset()                     # forget what was compiled above
explanation = torch._dynamo.explain(f)(torch.tensor([1.0, 2.0]))
print("explain: graphs", explanation.graph_count,
      "| graph breaks", explanation.graph_break_count)
assert (explanation.graph_count, explanation.graph_break_count) == (2, 1)

strict_f = torch.compile(f, backend=show_ops, fullgraph=True)
error = None
try:
    strict_f(torch.tensor([1.0, 2.0]))
except torch._dynamo.exc.Unsupported as e:
    error = e
print("fullgraph=True:", type(error).__name__ + ":",
      str(error).splitlines()[0])
assert error is not None, "fullgraph=True refuses a graph break"
