"""Padding a batch of sequences, packing it, and unpacking it again."""
# --8<-- [start:setup]
import torch
from torch.nn.utils.rnn import (pack_padded_sequence, pad_packed_sequence,
                                pad_sequence)

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:pad]
# three sequences of 2 features each, of lengths 3, 5 and 2
lengths = torch.tensor([3, 5, 2])
seqs = [torch.randn(n, 2, device=device) for n in lengths.tolist()]
padded = pad_sequence(seqs, batch_first=True)        # (N, L_max, 2)
print("padded:", tuple(padded.shape))
print(padded[:, :, 0].round(decimals=2).cpu())       # feature 0 of each
mask = torch.arange(5, device=device) < lengths.to(device)[:, None]
print("mask:\n", mask.int().cpu())
assert padded.shape == (3, 5, 2)
assert (padded[~mask] == 0).all()                    # padding is zeros
for i, s in enumerate(seqs):
    assert torch.equal(padded[i, :len(s)], s)
# --8<-- [end:pad]

# --8<-- [start:pack]
packed = pack_padded_sequence(padded, lengths, batch_first=True,
                              enforce_sorted=False)
print("data:", tuple(packed.data.shape))
print("batch_sizes:", packed.batch_sizes.tolist())
print("sorted_indices:", packed.sorted_indices.tolist())
# batch_sizes[t]: how many sequences are still running at step t
steps = torch.arange(5)
assert packed.batch_sizes.tolist() == [(lengths > t).sum().item()
                                       for t in steps]
assert len(packed.data) == lengths.sum() == 10       # no padding stored
# the data is time-major: step 0 of every sequence, longest first, ...
order = packed.sorted_indices.tolist()               # [1, 0, 2]
assert torch.equal(packed.data[:3], padded[order, 0])
assert torch.equal(packed.data[3:6], padded[order, 1])
# --8<-- [end:pack]

# --8<-- [start:unpack]
unpacked, out_lengths = pad_packed_sequence(packed, batch_first=True)
print("unpacked:", tuple(unpacked.shape), "lengths:", out_lengths.tolist())
assert torch.equal(unpacked, padded)                 # original order back
assert torch.equal(out_lengths, lengths)
# --8<-- [end:unpack]
