"""Exercise: the learning rate for the 15-point fit;
just above 2 / (largest curvature) it diverges."""
import torch

x_train = [3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042,
           10.791, 5.313, 7.997, 3.1]
y_train = [1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221,
           2.827, 3.465, 1.65, 2.904, 1.3]
x = torch.tensor(x_train, dtype=torch.float64).unsqueeze(1)   # (15, 1)
y = torch.tensor(y_train, dtype=torch.float64).unsqueeze(1)   # (15, 1)


def final_loss(lr, num_epochs=200):
    w = torch.zeros(1, 1, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    for epoch in range(num_epochs):
        loss = ((x @ w + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad = None
        b.grad = None
    return ((x @ w + b - y) ** 2).mean().item()


# the MSE is a quadratic in (w, b); its
# Hessian is constant: 2/N * [x 1]^T [x 1]
design = torch.cat([x, torch.ones_like(x)], dim=1)            # (15, 2)
hessian = 2 * design.T @ design / len(x)                      # (2, 2)
curvatures = torch.linalg.eigvalsh(hessian)                   # ascending
lr_max = 2 / curvatures[-1].item()
low, high = curvatures.tolist()
print(
    f"curvatures {low:.3f} and {high:.2f}, so lr must stay below {lr_max:.4f}")

losses = {}
for lr in (0.001, 0.01, 0.02, 0.023, 0.024):
    losses[lr] = final_loss(lr)
    print(f"lr {lr:<6}  loss after 200 epochs {losses[lr]:.4g}")

assert 0.023 < lr_max < 0.024
assert losses[0.024] > 1e3  # one step too far: it blows up
# below the limit, bigger is faster
assert losses[0.02] < losses[0.01] < losses[0.001]
