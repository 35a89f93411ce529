"""A bidirectional GRU from two one-way passes, equal to nn.GRU."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

L, N, H_in, H = 6, 2, 3, 4
kw = {"device": device, "dtype": torch.float64}
bi = nn.GRU(H_in, H, bidirectional=True).to(**kw)
x = torch.randn(L, N, H_in, **kw)
output, h_n = bi(x)                         # (L, N, 2H), (2, N, H)

# two one-way GRUs: the forward weights, and the `_reverse` ones
fwd, bwd = nn.GRU(H_in, H).to(**kw), nn.GRU(H_in, H).to(**kw)
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(fwd, f"{name}_l0").copy_(getattr(bi, f"{name}_l0"))
        getattr(bwd, f"{name}_l0").copy_(getattr(bi, f"{name}_l0_reverse"))
out_f, h_f = fwd(x)
out_b, h_b = bwd(x.flip(0))                 # read the sequence backwards
out_b = out_b.flip(0)                       # and put the steps back

both = torch.cat([out_f, out_b], dim=2)     # (L, N, 2H)
print("output:", tuple(output.shape), " rebuilt:", tuple(both.shape))
assert torch.allclose(both, output, rtol=0, atol=1e-12)
assert torch.allclose(torch.cat([h_f, h_b]), h_n, rtol=0, atol=1e-12)
print("output = [forward pass, reversed backward pass]; h_n = [h_f, h_b]")
