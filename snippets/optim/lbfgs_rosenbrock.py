"""LBFGS with a closure on the Rosenbrock function: it reaches the minimum (1,
1) in a handful of steps, where Adam, after a thousand, is still on its way."""
import torch


# --8<-- [start:problem]
def rosenbrock(w):
    """f(a, b) = (1 - a)^2 + 100 (b - a^2)^2, minimum 0 at (1, 1)."""
    a, b = w[0], w[1]
    return (1 - a) ** 2 + 100 * (b - a ** 2) ** 2


start = [-1.5, 2.0]
# --8<-- [end:problem]

# --8<-- [start:lbfgs]
w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.LBFGS([w], lr=1, max_iter=20, history_size=10,
                              tolerance_grad=1e-12, tolerance_change=1e-15,
                              line_search_fn="strong_wolfe")
evaluations = 0


def closure():                                   # (1)!
    global evaluations
    evaluations += 1
    optimizer.zero_grad()
    loss = rosenbrock(w)
    loss.backward()
    return loss


for step in range(4):
    optimizer.step(closure)                      # (2)!
    print(
        f"after step {step + 1}: w = ({w[0].item():.6f}, {w[1].item():.6f}), "
        f"f = {rosenbrock(w).item():.1e}, closure calls so far: {evaluations}"
    )
assert torch.allclose(w, torch.ones(2, dtype=torch.float64), atol=1e-8)
assert rosenbrock(w).item() < 1e-15
# --8<-- [end:lbfgs]

# --8<-- [start:adam]
v = torch.tensor(start, dtype=torch.float64, requires_grad=True)
adam = torch.optim.Adam([v], lr=0.02)
for _ in range(1000):
    adam.zero_grad()
    rosenbrock(v).backward()
    adam.step()
print(f"Adam after 1000 steps: w = ({v[0].item():.4f}, "
      f"{v[1].item():.4f}), f = {rosenbrock(v).item():.1e}")
assert rosenbrock(v).item() > 1e6 * rosenbrock(w).item()
# --8<-- [end:adam]
