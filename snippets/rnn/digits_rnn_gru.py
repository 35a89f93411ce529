"""A GRU and a plain RNN read the digits row by row, like the LSTM."""
# --8<-- [start:setup]
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32) / 16  # (1797, 8, 8)
labels = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx].to(device)
x_test, y_test = images[test_idx].to(device), labels[test_idx].to(device)
# --8<-- [end:setup]


# --8<-- [start:train]
class RowReader(nn.Module):
    """nn.RNN, nn.GRU or nn.LSTM over the rows; a linear head."""

    def __init__(self, cell, hidden_size=64):
        super().__init__()
        self.rnn = cell(8, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, 10)

    def forward(self, x):                            # (N, 8, 8)
        _, h_n = self.rnn(x)          # zero initial state, on x's device
        if isinstance(h_n, tuple):    # the LSTM returns (h_n, c_n)
            h_n = h_n[0]
        return self.fc(h_n[-1])


def train(cell, seed=0, num_epochs=15):
    """Trains a RowReader; returns its test accuracy after each epoch."""
    torch.manual_seed(seed)
    model = RowReader(cell).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    history = []
    for epoch in range(num_epochs):
        model.train()
        for batch in torch.randperm(len(x_train)).split(64):
            loss = nn.functional.cross_entropy(model(x_train[batch]),
                                               y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            y_hat = model(x_test).argmax(dim=1)
        history.append((y_hat == y_test).sum().item())
    return history
# --8<-- [end:train]


# --8<-- [start:compare]
history = {"GRU": train(nn.GRU), "RNN": train(nn.RNN)}
print("test accuracy after epoch   1      5     10     15   best")
for name, correct in history.items():
    row = "  ".join(f"{correct[e] / 450:.3f}" for e in (0, 4, 9, 14))
    print(f"{name:4s}                     {row}  {max(correct) / 450:.3f}")
print("RNN, every epoch:", [round(n / 450, 2) for n in history["RNN"]])
final = {name: correct[-1] for name, correct in history.items()}
print("right of 450 after the last epoch:", final)
sizes = {name: sum(p.numel() for p in RowReader(cell).parameters())
         for name, cell in (("GRU", nn.GRU), ("RNN", nn.RNN))}
print("parameters:", sizes)
assert final["GRU"] >= 425                   # like the LSTM
assert final["RNN"] < final["GRU"] - 10      # on this seed, not always
# the plain RNN got as far as the GRU, then lost it again
assert max(history["RNN"]) >= 425 and final["RNN"] < max(history["RNN"]) - 10
# --8<-- [end:compare]
