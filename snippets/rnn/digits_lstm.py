"""A many-to-one LSTM reads each digit row by row: 8 steps of 8 pixels."""
# --8<-- [start:setup]
import time

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

# --8<-- [start:data]
digits = load_digits()
# (1797, 8, 8): for the LSTM, 8 steps (rows) of 8 features (pixels)
images = torch.tensor(digits.images, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)                 # (1797,)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_test, y_test = images[test_idx].to(device), labels[test_idx].to(device)
print("train:", tuple(x_train.shape), " test:", tuple(x_test.shape))
# --8<-- [end:data]


# --8<-- [start:model]
class RowReader(nn.Module):
    """Reads (N, rows, pixels) one row a step; classifies from h_n."""

    def __init__(self, pixels=8, hidden_size=64):
        super().__init__()
        self.lstm = nn.LSTM(pixels, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, 10)

    def forward(self, x):                            # (N, 8, 8)
        # initial states on the input's device and dtype
        h0 = x.new_zeros(1, len(x), self.lstm.hidden_size)
        c0 = x.new_zeros(1, len(x), self.lstm.hidden_size)
        output, (h_n, c_n) = self.lstm(x, (h0, c0))  # h_n: (1, N, H)
        return self.fc(h_n[-1])                      # (N, 10) logits


model = RowReader().to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:train]
def test_hits():
    """How many of the 450 test digits the model gets right."""
    model.eval()
    with torch.no_grad():
        y_hat = model(x_test).argmax(dim=1)
    return (y_hat == y_test).sum().item()


loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
num_epochs = 15
history = []                                         # test hits per epoch
start = time.process_time()
for epoch in range(num_epochs):
    model.train()
    total = 0.0
    for batch in torch.randperm(len(x_train)).split(64):   # 22 batches
        loss = loss_fn(model(x_train[batch]), y_train[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(batch)
    history.append(test_hits())
    if epoch in (0, 4, 9, 14):
        print(f"epoch {epoch + 1:2d}  loss {total / len(x_train):.4f}"
              f"  test acc {history[-1] / 450:.3f}")
seconds = time.process_time() - start
print(f"training: {seconds:.1f} s of CPU time")
# --8<-- [end:train]

# --8<-- [start:evaluate]
correct = history[-1]
test_acc = correct / len(y_test)
print(f"test accuracy {test_acc:.3f} ({correct} of 450);"
      " MLP 0.978 (440), CNN 0.987 (444)")
assert history[0] < 300 < 425 <= correct             # (1)!
# --8<-- [end:evaluate]

# --8<-- [start:mnist]
# MNIST row by row: 28 steps of 28 pixels, 938 batches of 64 per epoch
big = RowReader(pixels=28).to(device)
big_optimizer = torch.optim.Adam(big.parameters(), lr=0.01)
xb = torch.rand(64, 28, 28, device=device)           # a stand-in batch
yb = torch.randint(10, (64,), device=device)
start = time.process_time()
for _ in range(5):
    loss = loss_fn(big(xb), yb)
    big_optimizer.zero_grad()
    loss.backward()
    big_optimizer.step()
per_batch = (time.process_time() - start) / 5
print(f"MNIST-sized batch: {per_batch * 1000:.0f} ms of CPU time,"
      f" one epoch about {per_batch * 938:.0f} s")
# --8<-- [end:mnist]
