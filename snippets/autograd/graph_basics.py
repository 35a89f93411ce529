"""A small computational graph: requires_grad, grad_fn, leaf tensors,
and backward on a scalar."""
# --8<-- [start:leaves]
import torch

x = torch.tensor([1.0, 2.0, 3.0])                       # data
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)  # parameters
b = torch.tensor(0.1, requires_grad=True)
# --8<-- [end:leaves]

# --8<-- [start:forward]
z = w * x + b                            # (3,)
loss = z.pow(2).sum()                    # a scalar


def describe(name, t):
    fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    print(
        f"{name:4s} requires_grad={t.requires_grad!s:5s}  "
        f"is_leaf={t.is_leaf!s:5s}  grad_fn={fn}"
    )


for name, t in [("x", x), ("w", w), ("b", b), ("z", z), ("loss", loss)]:
    describe(name, t)

assert w.is_leaf and b.is_leaf and x.is_leaf    # made by the user
assert not z.is_leaf and z.grad_fn is not None  # made by an operation
assert x.grad_fn is None and not x.requires_grad
# --8<-- [end:forward]

# --8<-- [start:walk]
names = {id(w): "w", id(b): "b"}


def walk(fn, depth=0):
    """Print the graph below fn, following
    next_functions back to the leaves."""
    label = type(fn).__name__
    # AccumulateGrad: the node of a leaf tensor
    if hasattr(fn, "variable"):
        label += f"  -> {names[id(fn.variable)]}.grad"
    print("  " * depth + label)
    for next_fn, _ in fn.next_functions:
        # None: an input that needs no gradient (x)
        if next_fn is not None:
            walk(next_fn, depth + 1)


walk(loss.grad_fn)
# --8<-- [end:walk]

# --8<-- [start:backward]
# fills .grad of every leaf that requires grad
loss.backward()
print("loss  :", round(loss.item(), 4))
print("w.grad:", [round(v, 4) for v in w.grad.tolist()])
print("b.grad:", round(b.grad.item(), 4))
print("x.grad:", x.grad)

# by hand: loss = sum(z_i^2) with z_i = w_i x_i + b,
# so dloss/dw_i = 2 z_i x_i and dloss/db = 2 sum(z_i)
with torch.no_grad():
    z_value = w * x + b
assert torch.allclose(w.grad, 2 * z_value * x)
assert torch.allclose(b.grad, 2 * z_value.sum())
assert x.grad is None                    # x does not require grad
# --8<-- [end:backward]
