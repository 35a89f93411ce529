"""Data-dependent control flow in PyTorch: plain
Python, and autograd records a new graph each call.

The two inputs loop a different number of
times, so their graphs have different sizes.
"""
import torch


def f(x):
    steps = 0
    while x.norm() > 1:                  # (1)!
        x = x / 2
        steps += 1
    if x.sum() > 0:
        y = 2 * x
    else:
        y = -x
    return y.sum(), steps


def recorded_graph(t):
    """The names of the backward nodes
    reachable from t.grad_fn, output first."""
    names, todo = [], [t.grad_fn]
    while todo:
        node = todo.pop()
        if node is not None:
            # AccumulateGrad
            name = node.name().removeprefix("torch::autograd::")
            names.append(name.removesuffix("Backward0"))  # DivBackward0 -> Div
            todo.extend(next_node for next_node, _ in node.next_functions)
    return names


results = {}
for data in ([3.0, 4.0], [-40.0, 30.0]):
    x = torch.tensor(data, dtype=torch.float64, requires_grad=True)
    out, steps = f(x)
    out.backward()                   # (2)!
    print(f"x = {data}: {steps} halvings, out "
          f"{out.item():.5f}, grad {x.grad.tolist()}")
    print("  graph:", " <- ".join(recorded_graph(out)))
    results[tuple(data)] = (steps, out.item(), x.grad.tolist(),
                            recorded_graph(out))

assert results[(3.0, 4.0)][:3] == (3, 1.75, [0.25, 0.25])  # 2 * x / 2**3
# -x / 2**6
assert results[(-40.0, 30.0)][:3] == (6, 0.15625, [-1 / 64, -1 / 64])
# the graph follows the path the data took: one
# Div node per halving, then the branch taken
assert results[(3.0, 4.0)][3] == ["Sum", "Mul", "Div", "Div", "Div",
                                  "AccumulateGrad"]
assert results[(-40.0, 30.0)][3] == ["Sum", "Neg"] + ["Div"] * 6 + [
    "AccumulateGrad"]
