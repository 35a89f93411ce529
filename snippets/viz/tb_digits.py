"""Log a digits MLP's training to TensorBoard with SummaryWriter:
scalars, histograms of weights and gradients, images and the graph."""
# --8<-- [start:setup]
import shutil
import sys
import types
import warnings
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# no TensorFlow needed: make tensorboard use its own file I/O
sys.modules["tensorboard.compat.notf"] = types.ModuleType("notf")
from torch.utils.tensorboard import SummaryWriter  # noqa: E402

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

# --8<-- [start:writer]
log_dir = Path("runs") / "digits_mlp"
shutil.rmtree(log_dir, ignore_errors=True)  # start afresh on every run
writer = SummaryWriter(log_dir)
with warnings.catch_warnings():              # add_graph runs torch.jit.trace,
    warnings.filterwarnings(                 # which torch now deprecates
        "ignore", r"`torch\.jit\.trace", FutureWarning)
    writer.add_graph(model, x_val[:4])       # traces one forward pass
writer.add_images("digits/first_16", x_val[:16], global_step=0)
# --8<-- [end:writer]

# --8<-- [start:loop]
logged = {"loss/train": [], "loss/val": [], "accuracy/val": []}
step = 0
num_epochs = 10
for epoch in range(num_epochs):
    model.train()
    for xb, yb in train_loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        writer.add_scalar("loss/train", loss.item(), step)
        logged["loss/train"].append(loss.item())
        step += 1
    for name, param in model.named_parameters():  # last batch's grads
        writer.add_histogram(f"weights/{name}", param, epoch)
        writer.add_histogram(f"grads/{name}", param.grad, epoch)
    model.eval()
    with torch.no_grad():
        logits = model(x_val)
        val_loss = loss_fn(logits, y_val).item()
        val_acc = (logits.argmax(dim=1) == y_val).float().mean().item()
    writer.add_scalar("loss/val", val_loss, epoch)
    writer.add_scalar("accuracy/val", val_acc, epoch)
    logged["loss/val"].append(val_loss)
    logged["accuracy/val"].append(val_acc)
writer.close()                              # flush everything to disk
print(f"{step} steps, val loss {val_loss:.4f}, val acc {val_acc:.3f}")
# --8<-- [end:loop]

# --8<-- [start:read]
from tensorboard.backend.event_processing.event_accumulator import (  # noqa
    EventAccumulator)

events = EventAccumulator(str(log_dir))
events.Reload()                             # parse the event file(s)
tags = events.Tags()
print("scalars:", tags["scalars"])
print("histograms:", len(tags["histograms"]), "images:", tags["images"],
      "graph:", tags["graph"])
last = events.Scalars("accuracy/val")[-1]
print(f"accuracy/val read back: step {last.step}, value {last.value:.3f}")
assert last.value == torch.tensor(val_acc).item()  # stored as float32
assert len(events.Scalars("loss/train")) == step
assert val_acc > 0.95
# --8<-- [end:read]
