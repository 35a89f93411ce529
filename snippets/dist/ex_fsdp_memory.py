"""Memory for training a model with Adam in float32, per device:
everything replicated (DDP) against everything sharded (FSDP)."""
import torch
from torch import nn

# a 24-layer Transformer encoder, built on the meta device: shapes only,
# no memory allocated, so any size can be counted
with torch.device("meta"):
    layer = nn.TransformerEncoderLayer(d_model=1024, nhead=16,
                                       dim_feedforward=4096)
    model = nn.TransformerEncoder(layer, num_layers=24,
                                  enable_nested_tensor=False)
n = sum(p.numel() for p in model.parameters())
assert all(p.is_meta for p in model.parameters())
print(f"parameters: {n / 1e6:.1f} M")

# float32: 4 bytes of weights, 4 of gradient, 8 of Adam's two moments
bytes_per_param = 4 + 4 + 8
ddp = n * bytes_per_param / 2**30
print(f"DDP, every device holds it all: {ddp:.2f} GiB per device")
for k in (2, 8, 64):
    fsdp = ddp / k
    print(f"FSDP on {k:>2} devices: {fsdp:.3f} GiB per device")
    assert abs(fsdp * k - ddp) < 1e-9
# activations and the one layer FSDP gathers at a time come on top;
# a model of 7 billion parameters needs 16 * 7e9 bytes = 104 GiB this way
print(f"7 B parameters, replicated: {16 * 7e9 / 2**30:.0f} GiB per device")
