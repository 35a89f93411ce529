"""Training curves done well: train against validation loss and accuracy
of the digits MLP, on a log scale, saved to a PNG file and checked."""
# --8<-- [start:setup]
from pathlib import Path

import matplotlib
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

matplotlib.use("Agg")                  # draw into files, open no window
import matplotlib.pyplot as plt        # noqa: E402

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)
train_idx, val_idx = train_test_split(range(len(labels)), test_size=0.25,
                                      random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_val, y_val = images[val_idx].to(device), labels[val_idx].to(device)
train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64,
                          shuffle=True,
                          generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(),
                      nn.Linear(128, 10)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
# --8<-- [end:setup]

# --8<-- [start:record]
def evaluate(x, y):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        return (loss_fn(logits, y).item(),
                (logits.argmax(dim=1) == y).float().mean().item())


history = {"train_loss": [], "val_loss": [], "train_acc": [], "val_acc": []}
num_epochs = 20
for epoch in range(num_epochs):
    model.train()
    for xb, yb in train_loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # both sets measured the same way, after the epoch, in eval mode
    for split, (x, y) in (("train", (x_train, y_train)),
                          ("val", (x_val, y_val))):
        loss_value, acc = evaluate(x, y)
        history[f"{split}_loss"].append(loss_value)
        history[f"{split}_acc"].append(acc)

best = min(range(num_epochs), key=history["val_loss"].__getitem__)
for e in (0, 4, 9, best, num_epochs - 1):
    print(f"epoch {e + 1:2d}  loss train {history['train_loss'][e]:.4f}"
          f" val {history['val_loss'][e]:.4f}  acc train "
          f"{history['train_acc'][e]:.3f} val {history['val_acc'][e]:.3f}")
print(f"lowest validation loss at epoch {best + 1}")
# setbacks: epochs whose validation loss jumps by more than 30%
val_loss, val_acc = history["val_loss"], history["val_acc"]
setbacks = [e for e in range(1, num_epochs)
            if val_loss[e] > 1.3 * val_loss[e - 1]]
for e in setbacks:
    print(f"epoch {e + 1:2d}  val loss x{val_loss[e] / val_loss[e - 1]:.2f}"
          f"  val acc {val_acc[e - 1]:.3f} -> {val_acc[e]:.3f}")
# --8<-- [end:record]

# --8<-- [start:plot]
epochs = range(1, num_epochs + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.5))
ax_loss.plot(epochs, history["train_loss"], label="train")
ax_loss.plot(epochs, history["val_loss"], "--", label="validation")
ax_loss.axvline(best + 1, color="gray", linewidth=0.8)
ax_loss.set_yscale("log")              # late progress is visible on a log axis
ax_loss.set(xlabel="epoch", ylabel="cross-entropy loss (log scale)")
ax_acc.plot(epochs, history["train_acc"], label="train")
ax_acc.plot(epochs, history["val_acc"], "--", label="validation")
ax_acc.set(xlabel="epoch", ylabel="accuracy", ylim=(0.8, 1.0))
for ax in (ax_loss, ax_acc):
    ax.grid(alpha=0.3)
    ax.legend()
fig.tight_layout()
path = Path("curves.png")
fig.savefig(path, dpi=100)
plt.close(fig)                         # free it: figures live until closed
# --8<-- [end:plot]

# --8<-- [start:check]
pixels = plt.imread(path)              # read the file back: (height, width, 4)
print(f"saved {path}: {pixels.shape[1]} x {pixels.shape[0]} pixels")
assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
assert pixels.shape == (350, 900, 4)   # figsize (9, 3.5) inches at 100 dpi
train_loss = history["train_loss"]
assert train_loss[-1] < 0.6 * train_loss[9]   # halving after epoch 10
assert val_loss[-1] > 0.7 * val_loss[9]       # while validation stalls
gap = [v / t for v, t in zip(val_loss, train_loss)]
assert gap[-1] > 2 * gap[4]                   # the gap keeps widening
assert setbacks                               # a few bad epochs, in which
assert all(val_acc[e] < val_acc[e - 1] for e in setbacks)  # accuracy drops
assert val_acc[-1] > max(val_acc[e] for e in setbacks)  # and recovers
# --8<-- [end:check]
