"""What `Variable` and `volatile=True` from PyTorch 0.3 do today:
Variable returns a plain Tensor, volatile only warns and does nothing."""
import warnings

import torch
from torch.autograd import Variable

# --8<-- [start:variable]
t = torch.tensor([1.0, 2.0, 3.0])
# 0.3: wrap a tensor to put it in the graph
v = Variable(t)
print("type(Variable(t)):", type(v).__name__,
      "| shares memory with t:", v.data_ptr() == t.data_ptr())
assert type(v) is torch.Tensor and v.data_ptr() == t.data_ptr()

# today: t.detach().requires_grad_()
w = Variable(t, requires_grad=True)
print("Variable(t, requires_grad=True): is_leaf =", w.is_leaf,
      "| requires_grad =", w.requires_grad)
assert w.is_leaf and w.requires_grad and not t.requires_grad
assert w.data_ptr() == t.data_ptr()      # like t.detach(): no copy

# what to write instead
modern = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(w ** 2).sum().backward()
(modern ** 2).sum().backward()
assert torch.equal(w.grad, modern.grad)
# --8<-- [end:variable]

# --8<-- [start:volatile]
p = torch.ones(3, requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = Variable(torch.ones(3), volatile=True)  # 0.3: "no graph from here on"
    y = x * p
print("volatile=True warns:", caught[0].category.__name__,
      "-", caught[0].message)
assert "volatile was removed and now has no effect" in str(caught[0].message)
print("y = x * p still builds a graph:", y.requires_grad,
      type(y.grad_fn).__name__)
# no effect: a graph was built
assert y.requires_grad and y.grad_fn is not None

with torch.no_grad():  # today's way to say "no graph"
    y = torch.ones(3) * p
print("under torch.no_grad():", y.requires_grad, y.grad_fn)
assert not y.requires_grad
# --8<-- [end:volatile]
