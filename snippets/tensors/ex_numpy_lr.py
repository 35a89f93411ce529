"""What a too-large learning rate does to the two-layer net (NumPy)."""
import numpy as np


def final_loss(lr, steps=500):
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((64, 1000)), rng.standard_normal((64, 10))
    w1, w2 = rng.standard_normal((1000, 100)), rng.standard_normal((100, 10))
    for _ in range(steps):
        h = x @ w1
        h_relu = np.maximum(h, 0)
        y_pred = h_relu @ w2
        loss = np.square(y_pred - y).sum()
        if not np.isfinite(loss):
            return loss
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T @ grad_y_pred
        grad_w1 = x.T @ ((grad_y_pred @ w2.T) * (h > 0))
        w1 -= lr * grad_w1
        w2 -= lr * grad_w2
    return loss


# the large rate overflows on purpose
with np.errstate(over="ignore", invalid="ignore"):
    results = {lr: final_loss(lr) for lr in (1e-7, 1e-6, 1e-5, 1e-4)}
for lr, loss in results.items():
    print(f"lr {lr:.0e}: loss after 500 steps {loss:.4g}")

assert results[1e-6] < results[1e-7]   # larger steps help, up to a point ...
assert not np.isfinite(results[1e-5])  # ... beyond which the loss explodes
assert not np.isfinite(results[1e-4])
