"""Exercise: `total += loss` keeps every iteration's graph alive;
`total += loss.item()` keeps a number."""
import torch

torch.manual_seed(0)
x = torch.randn(32, 5)
y = torch.randn(32, 1)
w = torch.randn(5, 1, requires_grad=True)


def graph_depth(fn):
    """The longest path from fn down to a leaf, by following next_functions."""
    children = [f for f, _ in fn.next_functions if f is not None]
    return 1 + max((graph_depth(f) for f in children), default=0)


total_tensor, total_float = 0, 0.0
for x_batch, y_batch in zip(x.split(8), y.split(8)):
    loss = (x_batch.mm(w) - y_batch).pow(2).mean()
    # a tensor: joins the graphs of all batches
    total_tensor += loss
    total_float += loss.item()           # a Python float: no graph at all

print("total_tensor:", type(total_tensor).__name__,
      "| requires_grad:", total_tensor.requires_grad,
      "| graph depth:", graph_depth(total_tensor.grad_fn))
print("total_float: ", type(total_float).__name__, round(total_float, 4))
print("graph depth of one batch's loss:", graph_depth(loss.grad_fn))

assert total_tensor.requires_grad and isinstance(total_float, float)
# grows per batch
assert graph_depth(total_tensor.grad_fn) > graph_depth(loss.grad_fn)
assert abs(total_tensor.item() - total_float) < 1e-4
