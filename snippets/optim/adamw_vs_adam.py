"""Adam's weight_decay (an L2 term inside the gradient,
then normalised) against AdamW's decoupled decay (w
shrinks by the factor 1 - lr * wd each step)."""
import torch

lr, wd, steps = 0.01, 0.1, 100
start = torch.tensor([10.0, 1.0, 0.1])  # a large, a medium and a small weight


def decay_only(optimizer_cls):
    """Run with a loss whose gradient is
    zero, so that only weight decay acts."""
    w = start.clone().requires_grad_()
    optimizer = optimizer_cls([w], lr=lr, weight_decay=wd)
    for _ in range(steps):
        optimizer.zero_grad()
        (0 * w).sum().backward()                 # zero gradient from the loss
        optimizer.step()
    return w.detach()


# --8<-- [start:decay]
adam = decay_only(torch.optim.Adam)
adamw = decay_only(torch.optim.AdamW)
print("start:            ", [round(v, 4) for v in start.tolist()])
print("Adam, L2:         ", [round(v, 4) for v in adam.tolist()])
print("AdamW, decoupled: ", [round(v, 4) for v in adamw.tolist()])
print("kept by Adam:     ", [f"{v:.0%}" for v in (adam / start).tolist()])
print("kept by AdamW:    ", [f"{v:.0%}" for v in (adamw / start).tolist()])
# --8<-- [end:decay]

# --8<-- [start:check]
# AdamW: every weight keeps the same fraction, (1 - lr * wd) ** steps
assert torch.allclose(adamw, start * (1 - lr * wd) ** steps)
# Adam: the L2 gradient wd * w is divided by its own size, so every weight
# moves up to lr per step whatever its size: the large one loses about
# steps * lr = 1 of its 10, the small one is driven to zero
assert 0.95 < (start[0] - adam[0]).item() <= steps * lr
assert abs(adam[2].item()) < 0.01
assert not torch.allclose(adam, adamw)
# and their defaults differ: AdamW decays unless told not to, Adam does not
probe = [torch.zeros(1, requires_grad=True)]
assert torch.optim.AdamW(probe).defaults["weight_decay"] == 0.01
assert torch.optim.Adam(probe).defaults["weight_decay"] == 0
# --8<-- [end:check]
