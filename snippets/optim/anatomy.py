"""What an optimizer holds: param_groups, defaults and state (empty until the
first step), and what it accepts as parameters."""
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)                          # weight (1, 3), bias (1,)
x = torch.randn(8, 3)                            # (N, D_in)
y = torch.randn(8, 1)                            # (N, D_out)
loss_fn = nn.MSELoss()

# --8<-- [start:params]
try:
    # one tensor, not an iterable of tensors
    torch.optim.SGD(model.weight, lr=0.1)
except TypeError as err:
    print("TypeError:", err)
    assert "iterable of Tensors" in str(err)
else:
    raise AssertionError("a single tensor should be refused")
# a list of one tensor is fine
optimizer = torch.optim.SGD([model.weight], lr=0.1)
# --8<-- [end:params]

# --8<-- [start:groups]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print("defaults:", optimizer.defaults)
group = optimizer.param_groups[0]
print("groups:", len(optimizer.param_groups),
      "| keys of group 0:", sorted(group))
print("shapes in group 0:", [tuple(p.shape) for p in group["params"]])
# the model's own tensors, not copies
assert group["params"][0] is model.weight
assert group["params"][1] is model.bias
assert group["lr"] == optimizer.defaults["lr"] == 0.1
# --8<-- [end:groups]

# --8<-- [start:state]
print("state before the first step:", dict(optimizer.state))
assert len(optimizer.state) == 0  # created lazily, at the first step

loss = loss_fn(model(x), y)
loss.backward()
optimizer.step()
state = optimizer.state[model.weight]  # keyed by the parameter tensor
buf = state["momentum_buffer"]
print("state after one step:", list(state), "of shape", tuple(buf.shape))
assert len(optimizer.state) == 2                 # one entry per parameter
# first step: the buffer is the gradient
assert torch.equal(buf, model.weight.grad)
# --8<-- [end:state]

# --8<-- [start:adam]
adam = torch.optim.Adam(model.parameters(), lr=1e-3)
assert len(adam.state) == 0
adam.step()                                      # uses the .grad already there
s = adam.state[model.weight]
print("Adam state:", list(s), "| step =", s["step"].item())
g = model.weight.grad
assert torch.allclose(s["exp_avg"], 0.1 * g)           # (1 - beta1) * grad
assert torch.allclose(s["exp_avg_sq"], 0.001 * g * g)  # (1 - beta2) * grad**2
# --8<-- [end:adam]
