"""Exercise: PyTorch's Nesterov update, g + momentum
* buf, is the classic look-ahead formulation in
disguise: its parameters are the look-ahead points."""
import torch

torch.manual_seed(0)
A = torch.randn(6, 3, dtype=torch.float64)
b = torch.randn(6, dtype=torch.float64)
lr, mu, steps = 0.02, 0.9, 30


def grad_f(w):                                   # f(w) = |A w - b|^2, by hand
    return 2 * A.T @ (A @ w - b)


# torch refuses Nesterov without momentum, or with dampening
for bad in (dict(momentum=0.0), dict(momentum=mu, dampening=0.1)):
    try:
        torch.optim.SGD([torch.zeros(3, requires_grad=True)], lr=lr,
                        nesterov=True, **bad)
    except ValueError as err:
        message = str(err)
    else:
        raise AssertionError(f"nesterov=True with {bad} should be refused")
    assert "requires a momentum and zero dampening" in message
print("ValueError:", message)

# classic Nesterov: the gradient is taken at the look-ahead point w + mu * v
w = torch.zeros(3, dtype=torch.float64)
v = torch.zeros(3, dtype=torch.float64)
lookahead = []
for _ in range(steps):
    v = mu * v - lr * grad_f(w + mu * v)
    w = w + v
    lookahead.append(w + mu * v)

# torch.optim.SGD with nesterov=True
p = torch.zeros(3, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.SGD([p], lr=lr, momentum=mu, nesterov=True)
params = []
for _ in range(steps):
    optimizer.zero_grad()
    (A @ p - b).pow(2).sum().backward()
    optimizer.step()
    params.append(p.detach().clone())

gap = max((u - q).abs().max().item() for u, q in zip(lookahead, params))
print("largest gap between look-ahead points and "
      f"torch's parameters over {steps} steps: {gap:.0e}")
assert gap < 1e-10
