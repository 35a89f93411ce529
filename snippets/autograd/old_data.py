"""Two idioms of 0.3-era training loops, run today:
`loss.data[0]` fails, `w.data -= ...` still runs."""
import torch

torch.manual_seed(0)
x = torch.randn(8, 5)
y = torch.randn(8, 2)

# --8<-- [start:index]
w = torch.randn(5, 2, requires_grad=True)
loss = (x.mm(w) - y).pow(2).sum()                # a zero-dimensional tensor
try:
    # 0.3: losses were 1-element vectors
    loss.data[0]
except IndexError as err:
    print("loss.data[0] -> IndexError:", err)
    assert "invalid index of a 0-dim tensor" in str(err)
    assert "tensor.item()" in str(err)
else:
    raise AssertionError("indexing a 0-dim tensor should fail")
print("loss.item():", round(loss.item(), 4))
# --8<-- [end:index]

# --8<-- [start:update]
lr = 1e-2
w_old = w.detach().clone().requires_grad_()      # two copies of the same start
w_new = w.detach().clone().requires_grad_()

for w_ in (w_old, w_new):
    (x.mm(w_) - y).pow(2).sum().backward()

w_old.data -= lr * w_old.grad.data               # 0.3 style: step on .data
w_old.grad.data.zero_()

with torch.no_grad():                            # today
    w_new -= lr * w_new.grad
w_new.grad.zero_()

print("same step either way:", torch.equal(w_old, w_new))
assert torch.equal(w_old, w_new) and w_old.is_leaf and w_new.is_leaf
# --8<-- [end:update]
