"""Check hand-written gradients against
finite differences (central differences)."""
import numpy as np


def loss_and_grads(x, y, w1, w2):
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2


rng = np.random.default_rng(0)
# small, so the check is quick
x, y = rng.standard_normal((8, 20)), rng.standard_normal((8, 3))
w1, w2 = rng.standard_normal((20, 5)), rng.standard_normal((5, 3))
_, grad_w1, grad_w2 = loss_and_grads(x, y, w1, w2)

eps = 1e-6
for name, w, grad in [("w1", w1, grad_w1), ("w2", w2, grad_w2)]:
    numeric = np.zeros_like(w)
    for idx in np.ndindex(w.shape):          # nudge one weight at a time
        old = w[idx]
        w[idx] = old + eps
        plus = loss_and_grads(x, y, w1, w2)[0]
        w[idx] = old - eps
        minus = loss_and_grads(x, y, w1, w2)[0]
        w[idx] = old
        numeric[idx] = (plus - minus) / (2 * eps)
    rel_error = np.abs(numeric - grad).max() / np.abs(grad).max()
    print(f"{name}: largest relative error {rel_error:.1e}")
    assert rel_error < 1e-6, f"the hand-written gradient of {name} is wrong"
