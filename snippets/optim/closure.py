"""step(closure): the optimizer may re-evaluate the loss
itself. SGD calls the closure once and returns its loss;
LBFGS (see the comparison page) calls it many times."""
import torch

torch.manual_seed(0)
x = torch.randn(32, 2)                           # (N, D_in)
y = x @ torch.tensor([[3.0], [-1.0]]) + 0.5      # (N, 1)
model = torch.nn.Linear(2, 1)
loss_fn = torch.nn.MSELoss()
calls = 0

# --8<-- [start:closure]
def closure():
    global calls
    calls += 1
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    return loss


optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(100):
    loss = optimizer.step(closure)  # returns what the closure returned
print(f"SGD: {calls} closure calls in 100 steps, last loss {loss.item():.2e}")
assert calls == 100 and loss.item() < 1e-3
# --8<-- [end:closure]

# --8<-- [start:lbfgs]
calls = 0
model = torch.nn.Linear(2, 1)
optimizer = torch.optim.LBFGS(model.parameters(), max_iter=20)
loss = optimizer.step(closure)  # one step: up to 20 iterations inside
final = loss_fn(model(x), y).item()
print(f"LBFGS: {calls} closure calls in 1 step; loss "
      f"{loss.item():.3f} before it, {final:.2e} after")
assert calls > 1 and final < 1e-6
assert loss.item() > 1  # LBFGS returns the loss it started from
# --8<-- [end:lbfgs]
