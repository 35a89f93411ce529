"""Linear regression from scratch on 15 points: w
and b as tensors, autograd, a hand-written update."""
# --8<-- [start:setup]
import numpy as np
import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
x_train = [3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042,
           10.791, 5.313, 7.997, 3.1]
y_train = [1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221,
           2.827, 3.465, 1.65, 2.904, 1.3]
# --8<-- [end:data]


# --8<-- [start:fit]
def fit(x, y, lr=0.02, num_epochs=2000):
    """Fit y ~ x @ w + b by full-batch gradient
    descent on the mean squared error."""
    w = torch.zeros(1, 1, device=x.device, requires_grad=True)  # (D_in, D_out)
    b = torch.zeros(1, device=x.device, requires_grad=True)     # (D_out,)
    losses = []
    for epoch in range(num_epochs):
        y_pred = x @ w + b                     # (N, 1)
        loss = ((y_pred - y) ** 2).mean()
        losses.append(loss.item())
        loss.backward()                        # fills w.grad and b.grad
        with torch.no_grad():                  # (1)!
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad = None                          # (2)!
        b.grad = None
    return w.item(), b.item(), losses
# --8<-- [end:fit]


# --8<-- [start:run]
x = torch.tensor(x_train, device=device).unsqueeze(1)   # (15, 1)
y = torch.tensor(y_train, device=device).unsqueeze(1)   # (15, 1)
w, b, losses = fit(x, y)
for epoch in (0, 10, 100, 500, 1999):
    print(f"epoch {epoch + 1:4d}  loss {losses[epoch]:.4f}")
print(f"gradient descent: y = {w:.4f} x + {b:.4f}")

# closed-form least squares
slope, intercept = np.polyfit(x_train, y_train, deg=1)
print(f"np.polyfit:       y = {slope:.4f} x + {intercept:.4f}")
assert abs(w - slope) < 1e-3 and abs(b - intercept) < 1e-3
assert losses[-1] < losses[0] / 10
# --8<-- [end:run]
