"""Exercise: two ways to write momentum. PyTorch keeps lr outside the buffer
(b = mu*b + g; w -= lr*b); others put it inside (v = mu*v + lr*g; w -= v).
Equal while lr is constant; different once lr changes."""
import torch

torch.manual_seed(0)
A = torch.randn(8, 4)
b = torch.randn(8)
mu, steps, drop_at = 0.9, 40, 20


def grad_f(w):                                   # f(w) = |A w - b|^2 / 2
    return A.T @ (A @ w - b)


def lr_at(t):
    return 0.01 if t < drop_at else 0.001        # lr drops tenfold at step 20


w_torch, w_inside = torch.zeros(4), torch.zeros(4)
buf, vel = torch.zeros(4), torch.zeros(4)
step_torch, step_inside = [], []
for t in range(steps):
    buf = mu * buf + grad_f(w_torch)  # lr outside the buffer (torch.optim.SGD)
    new = w_torch - lr_at(t) * buf
    step_torch.append((new - w_torch).norm().item())
    w_torch = new

    vel = mu * vel + lr_at(t) * grad_f(w_inside)  # lr inside the velocity
    new = w_inside - vel
    step_inside.append((new - w_inside).norm().item())
    w_inside = new

# the first form is exactly what torch.optim.SGD does
p = torch.zeros(4, requires_grad=True)
optimizer = torch.optim.SGD([p], lr=0.01, momentum=mu)
for t in range(steps):
    for group in optimizer.param_groups:
        group["lr"] = lr_at(t)
    optimizer.zero_grad()
    (0.5 * (A @ p - b).pow(2).sum()).backward()
    optimizer.step()
assert torch.allclose(p, w_torch, atol=1e-5)

t = drop_at
print(f"step {t - 1}: lr outside {step_torch[t - 1]:.4f} "
      f"| lr inside {step_inside[t - 1]:.4f}")
print(f"step {t}: lr outside {step_torch[t]:.4f} "
      f"| lr inside {step_inside[t]:.4f}")
# same while lr is constant
assert abs(step_torch[t - 1] - step_inside[t - 1]) < 1e-5
assert step_torch[t] < 0.2 * step_torch[t - 1]    # drops at once with lr
assert step_inside[t] > 0.5 * step_inside[t - 1]  # keeps its speed for a while
