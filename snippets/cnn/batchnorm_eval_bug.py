"""Forgetting model.eval() with batch norm: measured on digits."""
# --8<-- [start:setup]
import copy

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:train]
digits = load_digits()
x = torch.tensor(digits.data, dtype=torch.float32) / 16       # (1797, 64)
y = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(range(len(y)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = x[train_idx].to(device), y[train_idx].to(device)
x_test, y_test = x[test_idx].to(device), y[test_idx].to(device)

model = nn.Sequential(
    nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(),     # (N, 128)
    nn.Linear(128, 10),
).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for epoch in range(10):
    model.train()
    for batch in torch.randperm(len(x_train)).split(64):
        loss = nn.functional.cross_entropy(model(x_train[batch]),
                                           y_train[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
# --8<-- [end:train]


# --8<-- [start:measure]
def accuracy(batch_size):
    """Test accuracy, predicting batch_size images at a time."""
    with torch.no_grad():
        y_hat = torch.cat([model(xb) for xb in x_test.split(batch_size)])
    return (y_hat.argmax(dim=1) == y_test).float().mean().item()


trained = copy.deepcopy(model.state_dict())
model.eval()
right = {b: accuracy(b) for b in (1, 8, 450)}
print("eval mode,  batch 1 / 8 / 450:", [round(a, 3) for a in right.values()])
assert len(set(right.values())) == 1           # no batch-size dependence

model.train()                                  # the bug: still training
try:
    accuracy(1)
except ValueError as err:
    print("train mode, batch 1:", str(err).split(",")[0])
wrong = {b: accuracy(b) for b in (2, 8, 450)}
print("train mode, batch 2 / 8 / 450:", [round(a, 3) for a in wrong.values()])
assert wrong[2] < right[1] - 0.1 and wrong[8] < right[1]

bn = model[1]
drift = (bn.running_mean - trained["1.running_mean"]).abs().max().item()
print(f"running mean moved by up to {drift:.3f} while 'evaluating'")
assert drift > 0.01                            # test data leaked into it
# --8<-- [end:measure]
