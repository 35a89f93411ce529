"""A map-style Dataset is anything that answers
len(ds) and ds[i]; TensorDataset wraps tensors."""
# --8<-- [start:setup]
import torch
from torch.utils.data import Dataset, TensorDataset

torch.manual_seed(0)
# --8<-- [end:setup]


# --8<-- [start:dataset]
class SquaresDataset(Dataset):
    """Sample i is the pair (x, x**2) with x = i, as float tensors."""

    def __init__(self, n):
        self.x = torch.arange(n, dtype=torch.float32)   # (n,)

    def __len__(self):                                  # (1)!
        return len(self.x)

    def __getitem__(self, i):                           # (2)!
        return self.x[i], self.x[i] ** 2


squares = SquaresDataset(10)
print("len(squares):", len(squares))
print("squares[3]:", squares[3])
print("squares[-1]:", squares[-1])  # tensor indexing: -1 is the last
assert len(squares) == 10 and squares[3][1].item() == 9.0
assert [x.item() for x, _ in squares] == list(range(10))   # (3)!
# --8<-- [end:dataset]

# --8<-- [start:tensor_dataset]
features = torch.randn(10, 2)            # (N, D)
labels = torch.arange(10) % 3            # (N,)
pairs = TensorDataset(features, labels)  # sample i: (features[i], labels[i])
x0, y0 = pairs[0]
print("TensorDataset:", len(pairs), "samples; the first:", tuple(x0.shape),
      y0.item())
assert torch.equal(x0, features[0]) and y0 == labels[0]
assert pairs.tensors[0] is features  # no copy: it indexes your tensors

try:
    TensorDataset(features, labels[:9])  # first dimensions must agree
except AssertionError as err:
    print("TensorDataset(features, labels[:9]) -> AssertionError:", err)
else:
    raise AssertionError(
        "TensorDataset should refuse tensors of different lengths")
# --8<-- [end:tensor_dataset]
