"""The .data pitfall: an in-place change through .data gives a silently wrong
gradient; the same change through detach() is caught by the version counter."""
import torch

# --8<-- [start:right]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
# PowBackward0 saves x to compute 2x later
y = (x ** 2).sum()
y.backward()
print("right gradient, 2x at x = [1, 2, 3]:", x.grad.tolist())
right = x.grad.clone()
# --8<-- [end:right]

# --8<-- [start:data]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
# changes the saved x behind autograd's back
x.data.mul_(10)
print("x._version after x.data.mul_(10):", x._version)
y.backward()                             # no error...
print("gradient after .data change:        ", x.grad.tolist())
assert x._version == 0                   # autograd never noticed
# ...and the gradient is wrong: 2 * (10x)
assert not torch.equal(x.grad, right)
assert torch.equal(x.grad, 10 * right)
# --8<-- [end:data]

# --8<-- [start:detach]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
x.detach().mul_(10)                      # the same change through detach()
print("x._version after x.detach().mul_(10):", x._version)
try:
    y.backward()
except RuntimeError as err:
    message = str(err)
    print("backward -> RuntimeError:", message.split(" Hint")[0])
    assert "modified by an inplace operation" in message
    assert "is at version 1; expected version 0" in message
else:
    raise AssertionError("the version counter should have caught the change")
# --8<-- [end:detach]

# --8<-- [start:no_grad]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
with torch.no_grad():
    # no_grad stops recording, not version counting
    x.mul_(10)
print("x._version after x.mul_(10) under no_grad:", x._version)
try:
    y.backward()
except RuntimeError as err:
    assert "modified by an inplace operation" in str(err)
    print("backward -> RuntimeError again")
else:
    raise AssertionError("an in-place change under no_grad is counted too")
# --8<-- [end:no_grad]
