"""Momentum and Nesterov momentum on a long, narrow valley: fewer steps than
plain gradient descent at the same learning rate."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:valley]
# steep in w[1], flat in w[0]
curvature = torch.tensor([1.0, 25.0], dtype=torch.float64)
start = [-4.0, 1.0]
lr = 0.02


def loss_fn(w):
    return 0.5 * (curvature * w * w).sum()  # minimum 0 at w = (0, 0)


def descend(max_steps=1000, tol=1e-6, **options):
    """Run SGD from `start`; return the path
    and the steps needed to reach loss < tol."""
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, **options)
    path = [w.detach().clone()]
    for step in range(max_steps):
        optimizer.zero_grad()
        loss = loss_fn(w)
        if loss.item() < tol:
            return torch.stack(path), step
        loss.backward()
        optimizer.step()
        path.append(w.detach().clone())
    return torch.stack(path), None
# --8<-- [end:valley]


# --8<-- [start:race]
runs = {
    "plain SGD": descend(),
    "momentum 0.9": descend(momentum=0.9),
    "Nesterov 0.9": descend(momentum=0.9, nesterov=True),
}
for name, (path, steps) in runs.items():
    print(f"{name:13s} steps to loss < 1e-6: {steps}")
plain, heavy, nesterov = (steps for _, steps in runs.values())
assert nesterov < heavy < plain
# --8<-- [end:race]

# --8<-- [start:terminal]
# on a constant slope, momentum's steps grow towards lr * g / (1 - momentum)
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
for _ in range(200):
    before = w.item()
    optimizer.zero_grad()
    (2.0 * w).sum().backward()  # gradient 2 everywhere
    optimizer.step()
last_step = before - w.item()
print(f"last step {last_step:.4f} = lr * g / (1 "
      f"- momentum) = {0.1 * 2 / (1 - 0.9):.4f}")
assert abs(last_step - 2.0) < 1e-3
# --8<-- [end:terminal]
