"""Exercise: a learning-rate sweep on the digits MLP, the final validation
loss plotted against the learning rate on a log x axis."""
from pathlib import Path

import matplotlib
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

matplotlib.use("Agg")
import matplotlib.pyplot as plt        # noqa: E402

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)
train_idx, val_idx = train_test_split(range(len(labels)), test_size=0.25,
                                      random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_val, y_val = images[val_idx].to(device), labels[val_idx].to(device)


def final_val_loss(lr, num_epochs=2):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(),
                          nn.Linear(128, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64,
                        shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for _ in range(num_epochs):
        for xb, yb in loader:
            loss = nn.functional.cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        return nn.functional.cross_entropy(model(x_val), y_val).item()


lrs = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]   # evenly spaced in log
losses = [final_val_loss(lr) for lr in lrs]
for lr, loss in zip(lrs, losses):
    print(f"lr {lr:<6} val loss {loss:.4f}")

fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot(lrs, losses, "o-")
ax.set_xscale("log")                   # 0.001 ... 1 spread out evenly
ax.set_yscale("log")
ax.set(xlabel="learning rate (log scale)", ylabel="val loss after 2 epochs")
fig.tight_layout()
fig.savefig(Path("lr_sweep.png"), dpi=100)
plt.close(fig)

best = lrs[losses.index(min(losses))]
print(f"lowest val loss at lr {best}")
assert Path("lr_sweep.png").stat().st_size > 5_000
assert lrs[0] < best < lrs[-1]         # too small and too large both lose
assert losses[0] > 3 * min(losses) and losses[-1] > 3 * min(losses)
