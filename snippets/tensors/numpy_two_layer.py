"""A two-layer ReLU network fitted to random data with NumPy alone.

Forward and backward passes are written by hand; there is no autograd.
"""
# --8<-- [start:setup]
import numpy as np
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)
N, D_in, H, D_out = 64, 1000, 100, 10   # batch, input, hidden, output sizes

x = rng.standard_normal((N, D_in))
y = rng.standard_normal((N, D_out))
w1 = rng.standard_normal((D_in, H))
w2 = rng.standard_normal((H, D_out))
# --8<-- [end:data]


# --8<-- [start:step]
def forward_backward(x, y, w1, w2):
    """Return the loss and the gradients of the loss w.r.t. w1 and w2."""
    # forward pass
    h = x @ w1                      # (N, H)
    h_relu = np.maximum(h, 0)       # (N, H)
    y_pred = h_relu @ w2            # (N, D_out)
    loss = np.square(y_pred - y).sum()

    # backward pass: apply the chain rule from the loss back to the weights
    grad_y_pred = 2.0 * (y_pred - y)  # (N, D_out)
    grad_w2 = h_relu.T @ grad_y_pred  # (H, D_out)
    grad_h_relu = grad_y_pred @ w2.T  # (N, H)
    grad_h = grad_h_relu * (h > 0)    # ReLU passes gradient where h > 0
    grad_w1 = x.T @ grad_h            # (D_in, H)
    return loss, grad_w1, grad_w2
# --8<-- [end:step]


# --8<-- [start:loop]
lr = 1e-6
losses = []
for t in range(500):
    loss, grad_w1, grad_w2 = forward_backward(x, y, w1, w2)
    losses.append(loss)
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss:.4g}")
    w1 -= lr * grad_w1      # gradient descent: step against the gradient
    w2 -= lr * grad_w2

assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:loop]
