"""Exercise: least squares with LBFGS and a closure, against the exact answer
from torch.linalg.lstsq."""
import torch

torch.manual_seed(0)
A = torch.randn(100, 5, dtype=torch.float64)     # (N, D)
w_true = torch.tensor([1.0, -2.0, 0.5, 3.0, 0.0], dtype=torch.float64)
b = A @ w_true + 0.1 * torch.randn(100, dtype=torch.float64)  # noisy targets

exact = torch.linalg.lstsq(A, b.unsqueeze(1)).solution.squeeze(1)    # (D,)

w = torch.zeros(5, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.LBFGS([w], line_search_fn="strong_wolfe",
                              tolerance_grad=1e-12, tolerance_change=1e-15)
calls = 0


def closure():
    global calls
    calls += 1
    optimizer.zero_grad()
    loss = (A @ w - b).pow(2).mean()
    loss.backward()
    return loss


optimizer.step(closure)  # one step: up to 20 iterations inside
print("exact (lstsq):", [round(v, 4) for v in exact.tolist()])
print("LBFGS:        ", [round(v, 4) for v in w.detach().tolist()])
print(f"closure calls: {calls}")
assert torch.allclose(w.detach(), exact, atol=1e-8)
assert calls <= 25  # a quadratic in 5 unknowns: few evaluations
