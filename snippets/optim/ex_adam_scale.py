"""Exercise: multiply the loss by 1000. SGD's steps grow 1000 times; Adam's
hardly change, because it divides the gradient by its own running size."""
import torch

torch.manual_seed(0)
x = torch.randn(64, 5, dtype=torch.float64)      # (N, D_in)
y = torch.randn(64, 1, dtype=torch.float64)      # (N, 1)
w_init = torch.randn(5, 1, dtype=torch.float64)  # (D_in, 1)


def train(optimizer_cls, scale, steps=20, **options):
    w = w_init.clone().requires_grad_()
    optimizer = optimizer_cls([w], **options)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = scale * (x @ w - y).pow(2).mean()
        loss.backward()
        optimizer.step()
    return w.detach()


for name, cls, options in [("SGD", torch.optim.SGD, dict(lr=1e-3)),
                           ("Adam", torch.optim.Adam, dict(lr=1e-2))]:
    moved_1 = (train(cls, 1.0, **options) - w_init).norm().item()
    moved_1000 = (train(cls, 1000.0, **options) - w_init).norm().item()
    print(f"{name:4s}: moved {moved_1:.4f} with loss "
          f"x1, {moved_1000:.4g} with loss x1000")
    if name == "SGD":
        # one step of SGD is exactly 1000 times larger
        one = (train(cls, 1.0, steps=1, **options) - w_init).norm().item()
        one_1000 = (
            (train(cls, 1000.0, steps=1, **options) - w_init).norm().item()
        )
        assert abs(one_1000 / one - 1000) < 1e-6
        assert moved_1000 > 100 * moved_1
    else:
        assert abs(moved_1000 - moved_1) < 1e-6    # the same path, up to eps
