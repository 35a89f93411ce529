"""Gradients accumulate in .grad across backward calls until you zero them."""
import torch

# --8<-- [start:accumulate]
w = torch.tensor([1.0, 2.0], requires_grad=True)

for i in range(3):
    loss = (w ** 2).sum()  # d loss / dw = 2w = [2, 4]
    loss.backward()        # adds to w.grad, does not overwrite it
    print(f"after backward #{i + 1}: w.grad = {w.grad.tolist()}")

assert torch.equal(w.grad, 3 * 2 * w.detach())   # three times [2, 4]
# --8<-- [end:accumulate]

# --8<-- [start:zero]
w.grad.zero_()                           # option 1: zero in place
print("after w.grad.zero_():", w.grad.tolist())
# option 2: drop it (what optimizers do today)
w.grad = None
print("after w.grad = None: ", w.grad)

loss = (w ** 2).sum()
loss.backward()
print("one fresh backward:  ", w.grad.tolist())
assert torch.equal(w.grad, 2 * w.detach())
# --8<-- [end:zero]

# --8<-- [start:twice]
try:
    loss.backward()                      # the graph's saved values were freed
except RuntimeError as err:
    print("second backward -> RuntimeError:", str(err).split(" (")[0])
    assert "backward through the graph a second time" in str(err)
else:
    raise AssertionError("a second backward through a freed graph should fail")

w.grad = None
loss = (w ** 2).sum()
# keep the saved values for another pass
loss.backward(retain_graph=True)
loss.backward()
print("two passes with retain_graph=True:", w.grad.tolist())
assert torch.equal(w.grad, 2 * 2 * w.detach())
# --8<-- [end:twice]
