"""Exercise: why the update needs torch.no_grad().
Without it, `-=` raises and `w = w - ...` breaks the leaf."""
import torch

torch.manual_seed(0)
x = torch.randn(8, 5)
y = torch.randn(8, 2)
lr = 1e-2

# 1. in place, outside no_grad: autograd
# refuses to change a leaf it is tracking
w = torch.randn(5, 2, requires_grad=True)
(x.mm(w) - y).pow(2).sum().backward()
try:
    w -= lr * w.grad
except RuntimeError as err:
    print("w -= lr * w.grad -> RuntimeError:", err)
    assert (
        "a leaf Variable that requires grad is being used in an in-place"
        in str(err)
    )
else:
    raise AssertionError("an in-place change of a tracked leaf should fail")

# 2. out of place, outside no_grad: runs,
# but w is now the output of an operation
w = w - lr * w.grad
print("w = w - lr * w.grad -> is_leaf:", w.is_leaf,
      "| grad_fn:", type(w.grad_fn).__name__)
# the next backward would not fill w.grad
assert not w.is_leaf

# 3. the book's way: in place, under no_grad; w stays the same leaf
w = torch.randn(5, 2, requires_grad=True)
leaf = w
(x.mm(w) - y).pow(2).sum().backward()
with torch.no_grad():
    w -= lr * w.grad
print("under no_grad -> is_leaf:", w.is_leaf, "| same tensor:", w is leaf)
assert w.is_leaf and w is leaf and w.grad_fn is None
