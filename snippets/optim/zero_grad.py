"""zero_grad() sets gradients to None by default; forgetting it accumulates
gradients; and a None gradient is not the same as a zero one."""
import torch

torch.manual_seed(0)
x = torch.randn(16, 3)                           # (N, D_in)
y = torch.randn(16, 1)                           # (N, 1)
w = torch.randn(3, 1, requires_grad=True)        # (D_in, 1)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)


def loss_fn():
    return (x @ w - y).pow(2).mean()


# --8<-- [start:none]
loss_fn().backward()
g1 = w.grad.clone()
optimizer.zero_grad()  # set_to_none=True is the default
print("after zero_grad():", w.grad)
assert w.grad is None

loss_fn().backward()
optimizer.zero_grad(set_to_none=False)  # the old behaviour: fill with zeros
print("after zero_grad(set_to_none=False):", w.grad.flatten().tolist())
assert torch.equal(w.grad, torch.zeros_like(w))
# --8<-- [end:none]

# --8<-- [start:accumulate]
optimizer.zero_grad()
loss_fn().backward()
loss_fn().backward()                             # no zero_grad in between
print("two backward() calls without zero_grad: grad / g1 =",
      [round(v, 4) for v in (w.grad / g1).flatten().tolist()])
assert torch.allclose(w.grad, 2 * g1)            # gradients add up
# --8<-- [end:accumulate]

# --8<-- [start:zero_vs_none]
optimizer.zero_grad()
loss_fn().backward()
optimizer.step()                                 # fills the momentum buffer

optimizer.zero_grad(set_to_none=False)  # grad = 0: momentum still moves w
before = w.detach().clone()
optimizer.step()
moved_zero = (w - before).abs().max().item()

optimizer.zero_grad()                            # grad = None: w is skipped
before = w.detach().clone()
optimizer.step()
moved_none = (w - before).abs().max().item()
print("step with a zero grad moved w by "
      f"{moved_zero:.4f}; with None by {moved_none:.4f}")
assert moved_zero > 0 and moved_none == 0
# --8<-- [end:zero_vs_none]
