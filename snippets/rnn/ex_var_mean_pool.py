"""Exercise: the mean of an LSTM's outputs over the real steps only."""
import torch
from torch import nn
from torch.nn.utils.rnn import (pack_padded_sequence, pad_packed_sequence,
                                pad_sequence)

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

lstm = nn.LSTM(input_size=2, hidden_size=4, batch_first=True)
lstm = lstm.to(device=device, dtype=torch.float64)
lengths = torch.tensor([3, 5, 2])
seqs = [torch.randn(n, 2, device=device, dtype=torch.float64)
        for n in lengths.tolist()]
alone = torch.stack([lstm(s[None])[0][0].mean(dim=0) for s in seqs])

packed = pack_padded_sequence(pad_sequence(seqs, batch_first=True),
                              lengths, batch_first=True, enforce_sorted=False)
out, _ = pad_packed_sequence(lstm(packed)[0], batch_first=True)  # (3, 5, 4)
mask = torch.arange(5, device=device) < lengths.to(device)[:, None]
mean = (out * mask[:, :, None]).sum(dim=1) / mask.sum(dim=1, keepdim=True)
wrong = out.mean(dim=1)                  # divides by 5 for every sequence
print("masked mean, feature 0:", mean[:, 0].round(decimals=4).tolist())
print("plain mean,  feature 0:", wrong[:, 0].round(decimals=4).tolist())
torch.testing.assert_close(mean, alone)
# the padded outputs are zeros, so the plain mean is shrunk by n / 5
torch.testing.assert_close(wrong, mean * lengths.to(device)[:, None] / 5)
