"""Autograd-era idioms on today's torch: Variable, volatile, .data,
loss.data[0] and an autograd Function with a non-static forward."""
# --8<-- [start:setup]
import warnings

import torch
from torch.autograd import Variable

torch.manual_seed(0)
old = {}  # old API -> what it raises or warns today (None: runs quietly)
# --8<-- [end:setup]

# --8<-- [start:variable]
t = torch.tensor([1.0, 2.0, 3.0])
v = Variable(t)                      # old: wrap to enter the graph
old["Variable(t)"] = None
print("Variable(t) is a", type(v).__name__, "| same memory:",
      v.data_ptr() == t.data_ptr())
assert type(v) is torch.Tensor and v.data_ptr() == t.data_ptr()

p = torch.ones(3, requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    y = Variable(t, volatile=True) * p   # old: "build no graph"
old["volatile=True"] = caught[0].category.__name__
print("volatile=True:", caught[0].category.__name__, "| y.grad_fn:",
      type(y.grad_fn).__name__)
assert "volatile was removed" in str(caught[0].message)
assert y.grad_fn is not None                # no effect: a graph anyway
with torch.no_grad():                       # new: really no graph
    y = t * p
assert y.grad_fn is None
# --8<-- [end:variable]

# --8<-- [start:data]
loss = (p * 2).sum()
try:
    loss.data[0]                     # old: a loss was a 1-element vector
except IndexError as err:
    old["loss.data[0]"] = type(err).__name__
    print("loss.data[0]:", type(err).__name__, "| loss.item():",
          loss.item())
    assert "tensor.item()" in str(err)
else:
    raise AssertionError("loss.data[0] should raise")

x = torch.tensor([0.5, -1.0], requires_grad=True)
out = x.sigmoid()                    # backward reuses out
out.data.mul_(0)                     # old: edit values behind autograd
old[".data"] = None
out.sum().backward()
print(".data edit: x.grad =", x.grad.tolist(), "(silently wrong)")
assert torch.equal(x.grad, torch.zeros(2))   # true grad is not zero

x.grad = None
out = x.sigmoid()
out.detach().mul_(0)                 # new: the same edit via detach()
try:
    out.sum().backward()
except RuntimeError as err:
    print("detach() edit: RuntimeError, modified by an inplace operation")
    assert "modified by an inplace operation" in str(err)
else:
    raise AssertionError("the version counter should object")
# --8<-- [end:data]

# --8<-- [start:function]
class OldDouble(torch.autograd.Function):
    def forward(self, x):            # old: methods on an instance
        return x * 2

    def backward(self, grad):
        return grad * 2


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        OldDouble()(torch.ones(2, requires_grad=True))
    except RuntimeError as err:
        old["torch.autograd.Function"] = type(err).__name__
        print("non-static forward:", type(err).__name__, "-",
              str(err).split(". ")[0])
        assert "Legacy autograd function" in str(err)
    else:
        raise AssertionError("a non-static forward should raise")
assert caught[0].category is DeprecationWarning


class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):             # new: static, with a ctx
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 2


z = torch.ones(2, requires_grad=True)
Double.apply(z).sum().backward()
print("Double.apply: grad =", z.grad.tolist())
assert torch.equal(z.grad, torch.full((2,), 2.0))
# --8<-- [end:function]
