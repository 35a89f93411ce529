"""Exercise: the y3 = x**2 + x**3 example with detach() in place of no_grad."""
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# version 1: the cube under no_grad
y1 = x ** 2
with torch.no_grad():
    y2 = x ** 3
(y1 + y2).sum().backward()
grad_no_grad = x.grad.clone()

# version 2: the cube of a detached x, one expression
x.grad = None
y3 = x ** 2 + x.detach() ** 3
y3.sum().backward()
grad_detach = x.grad.clone()

# version 3: detach the cube after computing
# it (the graph for x**3 is built, then cut)
x.grad = None
y3 = x ** 2 + (x ** 3).detach()
y3.sum().backward()

print("no_grad        :", grad_no_grad.tolist())
print("x.detach()**3  :", grad_detach.tolist())
print("(x**3).detach():", x.grad.tolist())
assert torch.equal(grad_no_grad, 2 * x.detach())
assert torch.equal(grad_detach, grad_no_grad)
assert torch.equal(x.grad, grad_no_grad)
print("all three give dy3/dx = 2x")
