"""y3 = x**2 + x**3 with the cube computed under no_grad:
autograd sees only x**2, so dy3/dx = 2x."""
import torch

# --8<-- [start:cube]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

y1 = x ** 2                              # recorded
with torch.no_grad():
    y2 = x ** 3                          # not recorded: a constant to autograd
y3 = y1 + y2

print("y3 value:", y3.tolist())          # the values include the cube
print("y1.requires_grad:", y1.requires_grad,
      "| y2.requires_grad:", y2.requires_grad)

y3.sum().backward()
print("dy3/dx   :", x.grad.tolist())
# --8<-- [end:cube]

# --8<-- [start:check]
x_value = x.detach()
assert torch.equal(y3.detach(), x_value ** 2 + x_value ** 3)  # full value
assert torch.equal(x.grad, 2 * x_value)                       # gradient 2x
full = 2 * x_value + 3 * x_value ** 2    # what a fully tracked y3 would give
print("2x + 3x^2:", full.tolist(), "(if the cube were tracked)")
assert not torch.equal(x.grad, full)
# --8<-- [end:check]
