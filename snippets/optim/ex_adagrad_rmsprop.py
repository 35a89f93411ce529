"""Exercise: Adagrad and RMSprop from scratch, equal to torch.optim's versions.
Adagrad divides by the root of the sum of all squared gradients, RMSprop by
the root of their running average."""
import torch


def adagrad_update(w, g, state, lr=0.01, eps=1e-10):
    # grows forever
    state["sum"] = state.get("sum", torch.zeros_like(w)) + g * g
    return w - lr * g / (state["sum"].sqrt() + eps)


def rmsprop_update(w, g, state, lr=0.01, alpha=0.99, eps=1e-8):
    avg = state.get("avg", torch.zeros_like(w))
    state["avg"] = alpha * avg + (1 - alpha) * g * g  # forgets old gradients
    return w - lr * g / (state["avg"].sqrt() + eps)


torch.manual_seed(0)
A = torch.randn(20, 4, dtype=torch.float64)
b = torch.randn(20, dtype=torch.float64)
w_init = torch.randn(4, dtype=torch.float64)


def loss_fn(w):
    return (A @ w - b).pow(2).mean()


for name, update, reference in [
    ("Adagrad", adagrad_update, torch.optim.Adagrad),
    ("RMSprop", rmsprop_update, torch.optim.RMSprop),
]:
    w, state = w_init.clone(), {}                # from scratch
    p = w_init.clone().requires_grad_()          # torch
    optimizer = reference([p], lr=0.01)
    for _ in range(50):
        w_ = w.clone().requires_grad_()
        loss_fn(w_).backward()
        w = update(w, w_.grad, state)

        optimizer.zero_grad()
        loss_fn(p).backward()
        optimizer.step()
    gap = (w - p.detach()).abs().max().item()
    print(f"{name}: loss {loss_fn(w).item():.4f} after 50 "
          f"steps, largest difference from torch {gap:.0e}")
    assert gap < 1e-12
