"""Exercise: clip_grad_norm_ from scratch, for the 2-norm and the max-norm,
equal to torch.nn.utils.clip_grad_norm_."""
import torch
from torch import nn


def clip_by_total_norm(parameters, max_norm, norm_type=2.0):
    grads = [p.grad for p in parameters if p.grad is not None]
    # one norm per tensor
    norms = torch.stack([g.norm(norm_type) for g in grads])
    total = norms.norm(norm_type)  # the norm of all of them as one vector
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)    # never scales up
    for g in grads:
        g.mul_(coef)
    return total


torch.manual_seed(0)
for norm_type in (2.0, float("inf")):
    for max_norm in (0.5, 100.0):  # one that clips, one that does not
        model = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3))
        twin = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3))
        twin.load_state_dict(model.state_dict())
        x, y = torch.randn(8, 6), 10 * torch.randn(8, 3)
        for m in (model, twin):
            nn.functional.mse_loss(m(x), y).backward()

        mine = clip_by_total_norm(list(model.parameters()), max_norm,
                                  norm_type)
        theirs = nn.utils.clip_grad_norm_(twin.parameters(), max_norm,
                                          norm_type)
        same = all(torch.allclose(p.grad, q.grad) for p, q in zip(
            model.parameters(), twin.parameters()))
        print(
            f"norm_type={norm_type}, max_norm={max_norm}: "
            f"total norm {mine.item():.3f} "
            f"(torch {theirs.item():.3f}), same gradients: {same}"
        )
        assert torch.allclose(mine, theirs) and same
