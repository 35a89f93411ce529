"""Softmax regression on scikit-learn's digits: Flatten
+ Linear give 10 logits, CrossEntropyLoss trains."""
# --8<-- [start:setup]
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
digits = load_digits()  # 1797 images, 8x8, values 0..16
# (1797, 1, 8, 8)
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
labels = torch.tensor(digits.target)                     # (1797,) int64, 0..9
train_idx, test_idx = train_test_split(
    range(len(labels)), test_size=0.25, random_state=0, stratify=digits.target
)  # (1)!
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_test, y_test = images[test_idx].to(device), labels[test_idx].to(device)
print("train:", tuple(x_train.shape), "test:", tuple(x_test.shape))
# --8<-- [end:data]

# --8<-- [start:model]
model = nn.Sequential(
    nn.Flatten(),       # (N, 1, 8, 8) -> (N, 64)
    nn.Linear(64, 10),  # (N, 10): one logit per class
).to(device)
loss_fn = nn.CrossEntropyLoss()                          # (1)!
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

for epoch in range(300):  # full batch: 1347 images a step
    loss = loss_fn(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch in (0, 9, 99, 299):
        print(f"epoch {epoch + 1:3d}  loss {loss.item():.4f}")
# --8<-- [end:model]

# --8<-- [start:evaluate]
def accuracy(x, y):
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()   # (1)!


train_acc, test_acc = accuracy(x_train, y_train), accuracy(x_test, y_test)
print(f"train accuracy {train_acc:.3f}, test accuracy {test_acc:.3f}")
assert test_acc > 0.9                                    # measured: about 0.95

with torch.no_grad():
    # (1, 10), only for reading off
    probs = torch.softmax(model(x_test[:1]), dim=1)
print("probabilities for the first test image:",
      [round(p, 2) for p in probs[0].tolist()])
print("predicted", probs.argmax().item(), "| true", y_test[0].item())
assert torch.allclose(probs.sum(), torch.tensor(1.0, device=device))
# --8<-- [end:evaluate]
