"""Compare runs in TensorBoard's HParams tab: a small learning-rate sweep,
one log directory per run, add_hparams with the final metrics."""
# --8<-- [start:setup]
import shutil
import sys
import types
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# no TensorFlow needed: make tensorboard use its own file I/O
sys.modules["tensorboard.compat.notf"] = types.ModuleType("notf")
from torch.utils.tensorboard import SummaryWriter  # noqa: E402

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)
train_idx, val_idx = train_test_split(range(len(labels)), test_size=0.25,
                                      random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_val, y_val = images[val_idx].to(device), labels[val_idx].to(device)
# --8<-- [end:setup]

# --8<-- [start:sweep]
def train(lr, num_epochs, writer):
    torch.manual_seed(0)                    # same start for every run
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(),
                          nn.Linear(128, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64,
                        shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for epoch in range(num_epochs):
        model.train()
        for xb, yb in loader:
            loss = nn.functional.cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            logits = model(x_val)
        val_loss = nn.functional.cross_entropy(logits, y_val).item()
        val_acc = (logits.argmax(dim=1) == y_val).float().mean().item()
        writer.add_scalar("accuracy/val", val_acc, epoch)
    return val_loss, val_acc


root = Path("runs") / "lr_sweep"
shutil.rmtree(root, ignore_errors=True)
results = {}
for lr in (0.003, 0.03, 0.3):
    with SummaryWriter(root / f"lr={lr}") as writer:  # one run per folder
        val_loss, val_acc = train(lr, num_epochs=4, writer=writer)
        writer.add_hparams({"lr": lr, "batch_size": 64},
                           {"hparam/val_loss": val_loss,
                            "hparam/val_acc": val_acc},
                           run_name=".")  # "." : this run's own folder
    results[lr] = (val_loss, val_acc)
    print(f"lr {lr:<5}  val loss {val_loss:.4f}  val acc {val_acc:.3f}")
# --8<-- [end:sweep]

# --8<-- [start:check]
print("runs:", sorted(p.name for p in root.iterdir()))
best = max(results, key=lambda lr: results[lr][1])
print(f"best lr by val accuracy: {best}")
assert best == 0.03                   # measured: 0.913 against 0.856
assert results[0.003][0] > 1.5        # too small: barely started
assert results[0.3][0] > results[0.03][0]  # too large: worse loss too
# --8<-- [end:check]
