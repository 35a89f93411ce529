"""Exercise: standardise x first, and gradient descent
needs a few dozen epochs instead of thousands."""
import numpy as np
import torch

x_train = [3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042,
           10.791, 5.313, 7.997, 3.1]
y_train = [1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221,
           2.827, 3.465, 1.65, 2.904, 1.3]
x = torch.tensor(x_train).unsqueeze(1)            # (15, 1)
y = torch.tensor(y_train).unsqueeze(1)            # (15, 1)

mean, std = x.mean(), x.std()
z = (x - mean) / std                              # standardised: mean 0, std 1

w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr, num_epochs = 0.5, 30  # the curvature is now about 2 in both directions
for epoch in range(num_epochs):
    loss = ((z @ w + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None
    b.grad = None
print(f"after {num_epochs} epochs: loss {loss.item():.4f}")

# y = w * (x - mean) / std + b  =  (w / std) * x + (b - w * mean / std)
slope = (w / std).item()
intercept = (b - w * mean / std).item()
print(f"back in the units of x: y = {slope:.4f} x + {intercept:.4f}")

best_slope, best_intercept = np.polyfit(x_train, y_train, deg=1)
print(f"np.polyfit:             y = {best_slope:.4f} x + {best_intercept:.4f}")
assert abs(slope - best_slope) < 1e-3
assert abs(intercept - best_intercept) < 1e-3
