"""Why PyTorch's update sits under torch.no_grad():
autograd refuses to change a leaf in place.

TensorFlow 1 needs no such guard: tf.assign is a
separate op that tf.gradients never differentiates.
"""
import torch

torch.manual_seed(0)
x, y = torch.randn(8, 5), torch.randn(8, 1)
w = torch.randn(5, 1, requires_grad=True)  # a leaf tensor that autograd tracks
lr = 0.01

loss = (x.mm(w) - y).pow(2).sum()
loss.backward()

message = None
try:
    w -= lr * w.grad  # recorded by autograd: refused
except RuntimeError as e:
    message = str(e)
print("without no_grad:", message)
assert message and "leaf Variable that requires grad" in message

w_new = w - lr * w.grad  # allowed, but a new non-leaf tensor
print("w - lr * grad: is_leaf", w_new.is_leaf,
      "| grad_fn", type(w_new.grad_fn).__name__)
assert not w_new.is_leaf

before = loss.item()
with torch.no_grad():
    w -= lr * w.grad  # not recorded: w stays the same leaf
w.grad = None
after = (x.mm(w) - y).pow(2).sum().item()
print(f"with no_grad: is_leaf {w.is_leaf}, loss {before:.3f} -> {after:.3f}")
assert w.is_leaf and after < before
