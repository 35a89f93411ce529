"""A DataLoader cuts a dataset into batches: batch_size,
drop_last, and shuffle with a seeded generator."""
# --8<-- [start:setup]
import math

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:loader]
N, batch_size = 10, 4
x = torch.arange(N, dtype=torch.float32)                # (N,)
dataset = TensorDataset(x, x ** 2)                      # sample i: (i, i**2)

for drop_last in (False, True):
    loader = DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
    sizes = [len(xb) for xb, yb in loader]  # the last batch may be short
    print(f"drop_last={drop_last}: len(loader) "
          f"= {len(loader)}, batch sizes {sizes}")
    expected = N // batch_size if drop_last else math.ceil(N / batch_size)
    assert len(loader) == len(sizes) == expected

xb, yb = next(iter(DataLoader(dataset, batch_size=batch_size)))
print("first batch:", xb.tolist(), yb.tolist())         # (1)!
assert xb.shape == yb.shape == (batch_size,)
# --8<-- [end:loader]

# --8<-- [start:shuffle]
def epoch_order(loader):
    """The sample indices in the order one epoch visits them."""
    return [int(i) for xb, _ in loader for i in xb.tolist()]


loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                    generator=torch.Generator().manual_seed(42))   # (1)!
first, second = epoch_order(loader), epoch_order(loader)
print("epoch 1:", first)
print("epoch 2:", second)
# every sample once per epoch
assert sorted(first) == sorted(second) == list(range(N))
assert first != second  # a new order every epoch

again = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                   generator=torch.Generator().manual_seed(42))
replay = epoch_order(again)
print("same seed, same first epoch:", replay == first)
assert replay == first                                  # same seed, same order
# --8<-- [end:shuffle]
