"""backward() on a non-scalar needs a `gradient` argument:
it computes a vector-Jacobian product."""
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# --8<-- [start:error]
y = torch.stack([x[0] * x[1], x[1] + x[2] ** 2])   # (2,): not a scalar
try:
    y.backward()
except RuntimeError as err:
    print("y.backward() -> RuntimeError:", err)
    assert "only for scalar outputs" in str(err)
else:
    raise AssertionError(
        "backward() on a vector should need a gradient argument")
# --8<-- [end:error]

# --8<-- [start:vjp]
v = torch.tensor([1.0, 10.0])            # one weight per element of y
# x.grad = v^T J, J = dy/dx of shape (2, 3)
y.backward(gradient=v)
print("x.grad with gradient=v:", x.grad.tolist())

J = torch.autograd.functional.jacobian(
    lambda x: torch.stack([x[0] * x[1], x[1] + x[2] ** 2]), x.detach())
print("Jacobian J:", J.tolist())
assert torch.equal(J, torch.tensor([[2.0, 1.0, 0.0], [0.0, 1.0, 6.0]]))
assert torch.equal(x.grad, v @ J)        # [2, 11, 60]
# --8<-- [end:vjp]

# --8<-- [start:same_as_sum]
x.grad = None                            # forget the gradient computed above
y = torch.stack([x[0] * x[1], x[1] + x[2] ** 2])
# the scalar sum_i v_i y_i: same gradient
(v * y).sum().backward()
print("x.grad of (v * y).sum():", x.grad.tolist())
assert torch.equal(x.grad, v @ J)
# --8<-- [end:same_as_sum]
