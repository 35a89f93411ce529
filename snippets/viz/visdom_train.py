"""Watch a real training run in Visdom: curves appended every epoch,
a grid of images and a text pane, in a named environment."""
# --8<-- [start:setup]
import json
import logging
import os

import torch
import visdom
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

logging.getLogger("visdom").setLevel(logging.ERROR)
torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

port = int(os.environ.get("VISDOM_PORT", 8097))
try:
    viz = visdom.Visdom(server="http://127.0.0.1", port=port,
                        env="book_visdom", raise_exceptions=True)
except ConnectionError:
    raise RuntimeError(f"no Visdom server at 127.0.0.1:{port}: start one "
                       "with `python -m visdom.server -bind_local`") from None

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
train_loader = DataLoader(TensorDataset(images[train_idx], labels[train_idx]),
                          batch_size=64, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
x_test, y_test = images[test_idx].to(device), labels[test_idx].to(device)
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(),
                      nn.Linear(128, 10)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
# --8<-- [end:setup]

# --8<-- [start:loop]
train_losses, test_losses, test_accs = [], [], []
num_epochs = 10
for epoch in range(1, num_epochs + 1):
    model.train()
    total, count = 0.0, 0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total, count = total + loss.item() * len(xb), count + len(xb)
    model.eval()
    with torch.no_grad():
        logits = model(x_test)
    train_losses.append(total / count)
    test_losses.append(loss_fn(logits, y_test).item())
    test_accs.append((logits.argmax(1) == y_test).float().mean().item())

    # epoch 1 creates (or replaces) the panes; later epochs append a point
    update = None if epoch == 1 else "append"
    viz.line(X=[epoch], Y=[train_losses[-1]], win="loss", name="train",
             update=update,
             opts=dict(title="loss", xlabel="epoch", showlegend=True))
    viz.line(X=[epoch], Y=[test_losses[-1]], win="loss", name="test",
             update="append")
    viz.line(X=[epoch], Y=[test_accs[-1]], win="accuracy", update=update,
             opts=dict(title="test accuracy", xlabel="epoch"))
    if epoch in (1, 5, 10):
        print(f"epoch {epoch:2d}  train loss {train_losses[-1]:.4f}  "
              f"test loss {test_losses[-1]:.4f}  test acc {test_accs[-1]:.3f}")
assert train_losses[-1] < train_losses[0] / 5 and test_accs[-1] > 0.95
# --8<-- [end:loop]

# --8<-- [start:images]
shown = x_test[:16].cpu().numpy()          # (16, 1, 8, 8), values in [0, 1]
predicted = logits[:16].argmax(1).tolist()
viz.images(shown, nrow=8, padding=2, win="digits",
           opts=dict(title="first 16 test digits", width=384, height=160,
                     caption="predicted: " + " ".join(map(str, predicted))))
summary = (f"<b>digits MLP</b>: {num_epochs} epochs, "
           f"test accuracy {test_accs[-1]:.3f}")
viz.text(summary, win="summary")
print("predicted:", predicted)
print("panes:", [w for w in ("loss", "accuracy", "digits", "summary")
                 if viz.win_exists(w)])
# the server holds panes in memory; save() writes the environment to
# <env_path>/book_visdom.json, which a restarted server loads again
print("saved:", json.loads(viz.save(["book_visdom"])))
# --8<-- [end:images]
