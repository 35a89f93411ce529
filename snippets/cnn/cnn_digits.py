"""A small CNN on scikit-learn's digits, on the split of the Part 7 MLP."""
# --8<-- [start:setup]
import time

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:data]
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32) / 16
images = images.unsqueeze(1)                         # (1797, 1, 8, 8)
labels = torch.tensor(digits.target)                 # (1797,)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
train_set = TensorDataset(images[train_idx], labels[train_idx])   # 1347
x_test = images[test_idx].to(device)                              # 450
y_test = labels[test_idx].to(device)
train_loader = DataLoader(train_set, batch_size=64, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
# --8<-- [end:data]


# --8<-- [start:model]
def conv_block(in_channels, out_channels):
    """conv-BN-ReLU-pool: keeps H and W, then halves them."""
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1,
                  bias=False),                       # BN supplies the shift
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


model = nn.Sequential(
    conv_block(1, 16),                               # (N, 16, 4, 4)
    conv_block(16, 32),                              # (N, 32, 2, 2)
    nn.Flatten(),                                    # (N, 128)
    nn.Linear(32 * 2 * 2, 10),                       # (N, 10)
).to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:train]
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
num_epochs = 10
start = time.process_time()
for epoch in range(num_epochs):
    model.train()
    total = 0.0
    for xb, yb in train_loader:                      # 22 batches
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    if epoch in (0, 4, 9):
        print(f"epoch {epoch + 1:2d}  loss {total / len(train_set):.4f}")
seconds = time.process_time() - start
print(f"training: {seconds:.1f} s of CPU time")
# --8<-- [end:train]

# --8<-- [start:evaluate]
model.eval()
with torch.no_grad():
    y_hat = model(x_test).argmax(dim=1)
correct = (y_hat == y_test).sum().item()
test_acc = correct / len(y_test)
print(f"test accuracy {test_acc:.3f} ({correct} of 450);"
      " the MLP of Part 7: 0.978 (440 of 450)")
confusion = torch.zeros(10, 10, dtype=torch.int64)   # rows: true digit
for t, p in zip(y_test.tolist(), y_hat.tolist()):
    confusion[t, p] += 1
errors = [(t, p, confusion[t, p].item()) for t in range(10)
          for p in range(10) if t != p and confusion[t, p] > 0]
print("mistakes (true -> predicted: count):",
      ", ".join(f"{t} -> {p}: {n}" for t, p, n in errors))
assert confusion.trace() == correct
assert correct >= 440 + 2                           # (1)!
# --8<-- [end:evaluate]
