"""Sinusoidal positional encodings and two of their properties."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:encoding]
def sinusoidal(length, d_model, dtype=torch.float32, device=None):
    """PE[p, 2i] = sin(p w_i), PE[p, 2i + 1] = cos(p w_i)."""
    pos = torch.arange(length, dtype=dtype, device=device)[:, None]  # (L, 1)
    i = torch.arange(0, d_model, 2, dtype=dtype, device=device)   # 0, 2, ...
    freq = 10000.0 ** (-i / d_model)                  # w_i: 1 down to ~1e-4
    pe = torch.zeros(length, d_model, dtype=dtype, device=device)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe                                         # (L, d_model)


pe = sinusoidal(50, 16, torch.float64, device)
print("PE shape:", tuple(pe.shape))
print("position 0:", pe[0, :6].cpu().numpy().round(3))
print("position 1:", pe[1, :6].cpu().numpy().round(3))
assert pe.abs().max() <= 1
# --8<-- [end:encoding]

# --8<-- [start:shift]
# PE(p + k) is PE(p) rotated, pair by pair, by an angle k w_i  (1)!
k = 7
freq = 10000.0 ** (-torch.arange(0, 16, 2, dtype=torch.float64) / 16)
cos, sin = torch.cos(k * freq).to(device), torch.sin(k * freq).to(device)
s, c = pe[:-k, 0::2], pe[:-k, 1::2]                  # sin, cos at p
shifted = torch.stack([s * cos + c * sin, c * cos - s * sin], 2).flatten(1)
torch.testing.assert_close(shifted, pe[k:], rtol=0, atol=1e-12)
print(f"PE(p + {k}) = R_{k} PE(p) for every p: True")
# --8<-- [end:shift]

# --8<-- [start:offset]
# the dot product PE(p) . PE(q) depends only on the offset q - p
dots = pe @ pe.T                                     # (50, 50)
for offset in (0, 1, 5, 20):
    diag = dots.diagonal(offset)                     # every p with q = p + k
    print(f"offset {offset:2d}: PE(p).PE(p+{offset}) = "
          f"{diag.mean().item():.3f} for all {len(diag)} p")
    torch.testing.assert_close(diag, diag[:1].expand_as(diag))
assert dots.diagonal(0)[0] > dots.diagonal(1)[0] > dots.diagonal(5)[0]
# --8<-- [end:offset]
