"""Exercise: overfitting on 50 training digits,
and what weight decay and dropout do about it."""
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
# (1797, 64), already flat
x = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(
    range(len(y)), train_size=50, random_state=0, stratify=digits.target
)
# 5 images per digit
x_train, y_train = x[train_idx].to(device), y[train_idx].to(device)
# the other 1747
x_test, y_test = x[test_idx].to(device), y[test_idx].to(device)


def run(weight_decay, p_drop, num_steps=200):
    torch.manual_seed(1)  # the same initial weights every time
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Dropout(p_drop),
                          nn.Linear(256, 10))
    model = model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9,
                                weight_decay=weight_decay)
    for step in range(num_steps):  # full batch: all 50 images
        model.train()
        loss = nn.functional.cross_entropy(model(x_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        train_acc = (model(x_train).argmax(1) == y_train).float().mean().item()
        test_acc = (model(x_test).argmax(1) == y_test).float().mean().item()
    weight_norm = model[0].weight.norm().item()
    print(
        f"weight_decay {weight_decay:<6} dropout {p_drop:<4} "
        f"loss {loss.item():.4f}  train acc {train_acc:.3f}  "
        f"test acc {test_acc:.3f}  |W1| {weight_norm:.2f}"
    )
    return train_acc, test_acc, weight_norm


plain = run(weight_decay=0.0, p_drop=0.0)
decayed = run(weight_decay=0.01, p_drop=0.0)
dropped = run(weight_decay=0.0, p_drop=0.5)

# memorised the 50, far worse on the rest
assert plain[0] == 1.0 and plain[1] < 0.9
assert decayed[2] < plain[2]  # weight decay keeps the weights smaller
