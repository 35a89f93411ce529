"""A multilayer perceptron on scikit-learn's digits:
mini-batches, train/test accuracy every epoch."""
# --8<-- [start:setup]
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
digits = load_digits()
# (1797, 1, 8, 8)
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)  # (1797,)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
train_set = TensorDataset(images[train_idx], labels[train_idx])  # 1347 samples
test_set = TensorDataset(images[test_idx], labels[test_idx])     # 450 samples
train_loader = DataLoader(train_set, batch_size=64, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
# --8<-- [end:data]

# --8<-- [start:model]
model = nn.Sequential(
    nn.Flatten(),                              # (N, 64)
    nn.Linear(64, 128), nn.ReLU(),             # hidden layer, (N, 128)
    nn.Linear(128, 10),                        # logits, (N, 10)
).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:loop]
x_train, y_train = (t.to(device) for t in train_set.tensors)
x_test, y_test = (t.to(device) for t in test_set.tensors)


def accuracy(x, y):
    model.eval()                               # (1)!
    with torch.no_grad():  # all 1347 or 450 images in one batch
        return (model(x).argmax(dim=1) == y).float().mean().item()


history = []
num_epochs = 20
for epoch in range(num_epochs):
    model.train()                              # (2)!
    total = 0.0
    for xb, yb in train_loader:                # 22 batches: 21 of 64, one of 3
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    train_acc, test_acc = accuracy(x_train, y_train), accuracy(x_test, y_test)
    history.append((total / len(train_set), train_acc, test_acc))
    if epoch in (0, 1, 4, 9, 19):
        print(f"epoch {epoch + 1:2d}  loss {total / len(train_set):.4f}"
              f"  train acc {train_acc:.3f}  test acc {test_acc:.3f}")
# --8<-- [end:loop]

# --8<-- [start:check]
final_loss, train_acc, test_acc = history[-1]
assert final_loss < history[0][0] / 10         # the training loss fell tenfold
assert train_acc > 0.98 and test_acc > 0.93    # measured: 0.996 and 0.978
# --8<-- [end:check]
