"""Exercise: split a dataset into training
and validation parts, reproducibly."""
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
N = 50
# sample: (index, features)
dataset = TensorDataset(torch.arange(N), torch.randn(N, 3))


def split(seed):
    g = torch.Generator().manual_seed(seed)
    # fractions or counts
    return random_split(dataset, [0.8, 0.2], generator=g)


train_set, val_set = split(seed=0)
train_ids = sorted(i.item() for i, _ in train_set)
val_ids = sorted(i.item() for i, _ in val_set)
print("sizes:", len(train_set), len(val_set))
print("validation indices:", val_ids)

assert (len(train_set), len(val_set)) == (40, 10)
assert set(train_ids).isdisjoint(val_ids)             # no sample in both
assert sorted(train_ids + val_ids) == list(range(N))  # none lost
assert val_set.indices == split(seed=0)[1].indices    # same seed, same split
assert val_set.indices != split(seed=1)[1].indices

# each part is a Dataset of its own, ready for a DataLoader
loader = DataLoader(train_set, batch_size=16, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
print("training batches:", [len(ids) for ids, _ in loader])
assert len(loader) == 3
