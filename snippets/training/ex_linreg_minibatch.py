"""Exercise: the 15-point fit with mini-batches
from a DataLoader instead of the full batch."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x_train = [3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042,
           10.791, 5.313, 7.997, 3.1]
y_train = [1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221,
           2.827, 3.465, 1.65, 2.904, 1.3]
dataset = TensorDataset(torch.tensor(x_train).unsqueeze(1),
                        torch.tensor(y_train).unsqueeze(1))
loader = DataLoader(dataset, batch_size=5, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
num_epochs = 200
for epoch in range(num_epochs):
    if epoch == 150:  # smaller steps at the end, to settle down
        with torch.no_grad():
            before = loss_fn(model(dataset.tensors[0]),
                             dataset.tensors[1]).item()
        print(f"full-data loss after 150 epochs at lr 0.01: {before:.4f}")
        for group in optimizer.param_groups:
            group["lr"] = 0.001
    for xb, yb in loader:  # 3 steps per epoch: batches of 5
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print(f"{num_epochs} epochs x {len(loader)} "
      f"batches = {num_epochs * len(loader)} steps")

w, b = model.weight.item(), model.bias.item()
slope, intercept = np.polyfit(x_train, y_train, deg=1)
with torch.no_grad():
    full_loss = loss_fn(model(dataset.tensors[0]), dataset.tensors[1]).item()
best_loss = float(np.mean(
    (np.polyval([slope, intercept], x_train) - np.array(y_train)) ** 2))
print(f"mini-batch SGD: y = {w:.3f} x + {b:.3f}, loss {full_loss:.4f}")
print(f"np.polyfit:     y = {slope:.3f} x + "
      f"{intercept:.3f}, loss {best_loss:.4f}")
# noisy steps wander around the minimum: close,
# but not as close as full-batch descent
assert full_loss < best_loss * 1.01 and full_loss < before
assert abs(w - slope) < 0.02 and abs(b - intercept) < 0.1
