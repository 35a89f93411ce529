"""Exercise: a collate_fn that pads sequences
of different lengths into one batch."""
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)


class Sentences(Dataset):
    """Sample i: a sequence of token ids of length 2 + i % 4, and a label."""

    def __len__(self):
        return 6

    def __getitem__(self, i):
        tokens = torch.randint(1, 100, (2 + i % 4,))   # (L_i,), lengths differ
        return tokens, i % 2


def pad_collate(batch):
    """[(tokens, label), ...] -> (padded (B,
    L_max), lengths (B,), labels (B,))."""
    sequences, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in sequences])
    padded = pad_sequence(sequences, batch_first=True, padding_value=0)
    return padded, lengths, torch.tensor(labels)


dataset = Sentences()
try:  # the default collate stacks, and stacking needs equal shapes
    next(iter(DataLoader(dataset, batch_size=3)))
except RuntimeError as err:
    assert "stack expects each tensor to be equal size" in str(err)
    print("default collate ->", str(err).split(",")[0])
else:
    raise AssertionError(
        "the default collate should fail on sequences of different lengths")

loader = DataLoader(dataset, batch_size=3, collate_fn=pad_collate)
for padded, lengths, labels in loader:
    print(tuple(padded.shape), "lengths", lengths.tolist(),
          "labels", labels.tolist())
    assert padded.shape == (3, lengths.max().item())
    for row, n in zip(padded, lengths):
        # tokens, then padding
        assert (row[:n] > 0).all() and (row[n:] == 0).all()
