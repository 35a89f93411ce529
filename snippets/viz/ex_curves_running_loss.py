"""Exercise: the training loss averaged over an epoch while the weights
change, against the loss measured after the epoch."""
from pathlib import Path

import matplotlib
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

matplotlib.use("Agg")
import matplotlib.pyplot as plt        # noqa: E402

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)
train_idx, _ = train_test_split(range(len(labels)), test_size=0.25,
                                random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64,
                    shuffle=True, generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(),
                      nn.Linear(128, 10)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

running, after = [], []
for epoch in range(8):
    model.train()
    total = 0.0
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    running.append(total / len(x_train))   # what most loops print
    model.eval()
    with torch.no_grad():
        after.append(loss_fn(model(x_train), y_train).item())
    print(f"epoch {epoch + 1}  running mean {running[-1]:.4f}"
          f"  measured after {after[-1]:.4f}")

fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot(range(1, 9), running, "o-", label="mean during the epoch")
ax.plot(range(1, 9), after, "s--", label="measured after the epoch")
ax.set_yscale("log")
ax.set(xlabel="epoch", ylabel="training loss (log scale)")
ax.legend()
fig.tight_layout()
fig.savefig(Path("running_loss.png"), dpi=100)
plt.close(fig)

assert Path("running_loss.png").stat().st_size > 5_000
assert running[0] > 2 * after[0]       # epoch 1: the mean drags the past
