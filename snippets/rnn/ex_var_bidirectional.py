"""Exercise: a bidirectional GRU on a packed batch, and without packing."""
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

gru = nn.GRU(input_size=2, hidden_size=4, batch_first=True,
             bidirectional=True).to(device=device, dtype=torch.float64)
lengths = torch.tensor([3, 5, 2])
seqs = [torch.randn(n, 2, device=device, dtype=torch.float64)
        for n in lengths.tolist()]
alone = torch.cat([gru(s[None])[1] for s in seqs], dim=1)   # (2, 3, 4)

padded = pad_sequence(seqs, batch_first=True)
packed = pack_padded_sequence(padded, lengths, batch_first=True,
                              enforce_sorted=False)
_, h_n = gru(packed)                     # (2 directions, N, H)
torch.testing.assert_close(h_n, alone)   # both directions right

out_pad, h_pad = gru(padded)             # not packed
gap = (h_pad - alone).abs().amax(dim=2)  # (direction, sequence)
print("forward  gap:", gap[0].round(decimals=4).tolist())
print("backward gap:", gap[1].round(decimals=4).tolist())
assert gap[:, 1].max() < 1e-12           # the longest is right
assert (gap[:, [0, 2]] > 1e-3).all()     # both directions wrong
# the forward half of the output at the last real step is still right,
# but the backward direction started on the padding: no step is right
last = out_pad[torch.arange(3), lengths - 1]         # (3, 2 * 4)
torch.testing.assert_close(last[:, :4], alone[0])
first = out_pad[:, 0, 4:]                # backward direction ends at t=0
assert (first[[0, 2]] - alone[1, [0, 2]]).abs().max() > 1e-3
