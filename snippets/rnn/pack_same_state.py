"""A packed batch gives each sequence the final state it gets alone;
the padded batch without packing does not."""
# --8<-- [start:setup]
import torch
from torch import nn
from torch.nn.utils.rnn import (pack_padded_sequence, pad_packed_sequence,
                                pad_sequence)

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:alone]
lstm = nn.LSTM(input_size=2, hidden_size=4, batch_first=True)
lstm = lstm.to(device=device, dtype=torch.float64)   # float64: exact checks
lengths = torch.tensor([3, 5, 2])
seqs = [torch.randn(n, 2, device=device, dtype=torch.float64)
        for n in lengths.tolist()]
# each sequence alone, as a batch of one: its true final state
alone_h = torch.cat([lstm(s[None])[1][0] for s in seqs], dim=1)  # (1, 3, 4)
alone_c = torch.cat([lstm(s[None])[1][1] for s in seqs], dim=1)
# --8<-- [end:alone]

# --8<-- [start:packed]
padded = pad_sequence(seqs, batch_first=True)        # (3, 5, 2)
packed = pack_padded_sequence(padded, lengths, batch_first=True,
                              enforce_sorted=False)
packed_out, (h_n, c_n) = lstm(packed)
print("h_n:", tuple(h_n.shape))
print("packed  h_n[0, :, 0]:", h_n[0, :, 0].round(decimals=4).tolist())
print("alone   h_n[0, :, 0]:", alone_h[0, :, 0].round(decimals=4).tolist())
torch.testing.assert_close(h_n, alone_h)             # in the input order
torch.testing.assert_close(c_n, alone_c)
out, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
mask = torch.arange(5, device=device) < lengths.to(device)[:, None]
assert (out[~mask] == 0).all()                       # zeros after the end
last = out[torch.arange(3), lengths - 1]             # (3, 4)
torch.testing.assert_close(last, h_n[0])             # last real output
# --8<-- [end:packed]

# --8<-- [start:unpacked]
# the same padded batch, not packed: the LSTM also reads the zeros
out_pad, (h_pad, _) = lstm(padded)
print("padded  h_n[0, :, 0]:", h_pad[0, :, 0].round(decimals=4).tolist())
gap = (h_pad - alone_h).abs().amax(dim=2)[0]         # per sequence
print("largest difference per sequence:", gap.round(decimals=4).tolist())
assert gap[1] < 1e-12                                # the longest: right
assert gap[0] > 1e-3 and gap[2] > 1e-3               # the shorter: wrong
# one direction only: the output at the last real step is still right
torch.testing.assert_close(out_pad[torch.arange(3), lengths - 1], h_n[0])
# --8<-- [end:unpacked]
