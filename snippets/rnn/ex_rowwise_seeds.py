"""Exercise: the plain RNN on the digits with four more seeds."""
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


class RNNReader(nn.Module):
    def __init__(self, hidden_size=64):
        super().__init__()
        self.rnn = nn.RNN(8, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, 10)

    def forward(self, x):
        return self.fc(self.rnn(x)[1][-1])


def train(seed, num_epochs=15):
    """The page's training; returns the test hits after each epoch."""
    torch.manual_seed(seed)
    model = RNNReader().to(device)
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


runs = {seed: train(seed) for seed in (1, 2, 3, 4)}
for seed, correct in runs.items():
    print(f"seed {seed}: last epoch {correct[-1] / 450:.3f},"
          f" best epoch {max(correct) / 450:.3f}")
finals = sorted(correct[-1] for correct in runs.values())
assert finals[-1] >= 425                   # as good as the gated cells
assert finals[0] < finals[-1] - 10          # and not on every seed
