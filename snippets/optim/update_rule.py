"""The sign of the update: one SGD step is w - lr * grad, against the gradient.
An optimizer only applies gradients; backward() computes them."""
import torch

torch.manual_seed(0)
x = torch.randn(16, 3)                           # (N, D_in)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]])     # (N, 1): a linear target
w = torch.zeros(3, 1, requires_grad=True)        # (D_in, 1)
lr = 0.1


def loss_fn(w):
    return (x @ w - y).pow(2).mean()


# --8<-- [start:one_step]
optimizer = torch.optim.SGD([w], lr=lr)
loss = loss_fn(w)
loss.backward()
expected = (w - lr * w.grad).detach()            # minus: against the gradient
optimizer.step()
print("w after one step:  ",
      [round(v, 4) for v in w.detach().flatten().tolist()])
print("w - lr * grad:     ",
      [round(v, 4) for v in expected.flatten().tolist()])
assert torch.allclose(w, expected)
# --8<-- [end:one_step]

# --8<-- [start:sign]
w.grad = None
loss_fn(w).backward()
with torch.no_grad():
    w_now, g = w.clone(), w.grad.clone()
    now = loss_fn(w_now).item()
    downhill = loss_fn(w_now - lr * g).item()  # the rule
    uphill = loss_fn(w_now + lr * g).item()    # the sign some tutorials print
print(f"loss now {now:.4f} | at w - lr*grad "
      f"{downhill:.4f} | at w + lr*grad {uphill:.4f}")
assert downhill < now < uphill
# --8<-- [end:sign]

# --8<-- [start:no_backward]
optimizer.zero_grad()                            # grads are None now
before = w.detach().clone()
optimizer.step()  # no gradients: nothing to apply
assert w.grad is None and torch.equal(w, before)
print("step() without backward() changed w:", not torch.equal(w, before))
# --8<-- [end:no_backward]
