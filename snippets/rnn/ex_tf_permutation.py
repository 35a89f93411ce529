"""Without positional encodings, self-attention ignores word order."""
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

layer = nn.TransformerEncoderLayer(16, 4, 32, dropout=0.0, batch_first=True)
layer = layer.to(device=device, dtype=torch.float64).eval()
x = torch.randn(2, 6, 16, dtype=torch.float64, device=device)
perm = torch.tensor([3, 0, 5, 1, 4, 2], device=device)
with torch.no_grad():
    out, out_perm = layer(x), layer(x[:, perm])
# permuting the input only permutes the output, in the same way
torch.testing.assert_close(out_perm, out[:, perm])
print("layer(x[:, perm]) == layer(x)[:, perm]: True")

# add positional encodings and the order matters again
pos = torch.arange(6, dtype=torch.float64, device=device)[:, None]
freq = 10000.0 ** (-torch.arange(0, 16, 2, device=device) / 16)
pe = torch.stack([torch.sin(pos * freq), torch.cos(pos * freq)], 2)
pe = pe.flatten(1)                                 # (6, 16), interleaved
with torch.no_grad():
    out = layer(x + pe)
    out_perm = layer(x[:, perm] + pe)
gap = (out_perm - out[:, perm]).abs().max().item()
print(f"with positional encodings, largest difference: {gap:.2f}")
assert gap > 0.1
