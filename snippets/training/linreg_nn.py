"""The same linear regression with nn.Linear,
nn.MSELoss and optim.SGD, checked against lstsq."""
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

x_train = [3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042,
           10.791, 5.313, 7.997, 3.1]
y_train = [1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221,
           2.827, 3.465, 1.65, 2.904, 1.3]


def fit(x, y, lr=0.02, num_epochs=2000):
    model = nn.Linear(1, 1).to(x.device)       # holds w (1, 1) and b (1,)
    nn.init.zeros_(model.weight)               # (1)!
    nn.init.zeros_(model.bias)
    loss_fn = nn.MSELoss()                     # mean of squared errors
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(num_epochs):
        y_pred = model(x)                      # (N, 1)
        loss = loss_fn(y_pred, y)
        losses.append(loss.item())
        optimizer.zero_grad()                  # (2)!
        loss.backward()
        optimizer.step()  # w <- w - lr * grad, for every parameter
    return model, losses


x = torch.tensor(x_train, device=device).unsqueeze(1)   # (15, 1)
y = torch.tensor(y_train, device=device).unsqueeze(1)   # (15, 1)
model, losses = fit(x, y)
w, b = model.weight.item(), model.bias.item()
print(f"nn.Linear + SGD: y = {w:.4f} x + {b:.4f}, final loss {losses[-1]:.4f}")

# closed form: least squares on [x, 1] gives the best (w, b) directly
design = torch.cat([x, torch.ones_like(x)], dim=1).double().cpu()   # (15, 2)
solution = torch.linalg.lstsq(design, y.double().cpu()).solution    # (2, 1)
w_best, b_best = solution.flatten().tolist()
print(f"torch.linalg.lstsq: y = {w_best:.4f} x + {b_best:.4f}")
assert abs(w - w_best) < 1e-3 and abs(b - b_best) < 1e-3

with torch.no_grad():                      # predictions need no graph
    y_hat = model(torch.tensor([[5.0]], device=device))
print(f"prediction at x = 5: {y_hat.item():.4f}")
assert abs(y_hat.item() - (5 * w_best + b_best)) < 1e-2
