"""detach(): the same numbers, cut off from
the graph (shared memory, no gradient)."""
import torch

# --8<-- [start:detach]
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = w * 2                                # part of the graph
d = y.detach()                           # same memory, no history

print("y: requires_grad =", y.requires_grad, "| is_leaf =", y.is_leaf)
print("d: requires_grad =", d.requires_grad, "| is_leaf =", d.is_leaf,
      "| grad_fn =", d.grad_fn)
print("same memory:", d.data_ptr() == y.data_ptr())
assert not d.requires_grad and d.is_leaf and d.grad_fn is None
assert d.data_ptr() == y.data_ptr()      # detach copies nothing
# --8<-- [end:detach]

# --8<-- [start:numpy]
try:
    w.numpy()
except RuntimeError as err:
    print("w.numpy() -> RuntimeError:", err)
    assert "detach().numpy()" in str(err)
else:
    raise AssertionError("numpy() on a tensor that requires grad should fail")
print("w.detach().numpy():", w.detach().numpy())
# --8<-- [end:numpy]

# --8<-- [start:stop]
# a constant for the rest of the computation: gradient flows through y only
w.grad = None
loss = (y * d).sum()                     # = sum(4 w^2) in value
loss.backward()
print("gradient through y only:", w.grad.tolist())
assert torch.equal(w.grad, 2 * d)        # d(2w * d)/dw = 2d = 4w, not 8w
# --8<-- [end:stop]
