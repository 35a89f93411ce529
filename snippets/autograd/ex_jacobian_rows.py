"""Exercise: the whole Jacobian, one row per
backward pass with a one-hot `gradient`."""
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[1] + x[2] ** 2])   # (3,) -> (2,)


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = f(x)

rows = []
for i in range(y.numel()):
    one_hot = torch.zeros_like(y)
    one_hot[i] = 1.0                     # picks row i of J: e_i^T J
    x.grad = None
    y.backward(gradient=one_hot, retain_graph=True)   # reused for every row
    rows.append(x.grad.clone())
    print(f"row {i}: {x.grad.tolist()}")

J = torch.stack(rows)                    # (2, 3)
expected = torch.autograd.functional.jacobian(f, x.detach())
assert torch.equal(J, expected)
print("equal to torch.autograd.functional.jacobian:", torch.equal(J, expected))
