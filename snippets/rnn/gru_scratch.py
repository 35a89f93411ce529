"""A GRU written gate by gate, equal to nn.GRU with the weights copied."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:params]
L, N, H_in, H = 6, 3, 4, 5
kw = {"device": device, "dtype": torch.float64}     # float64: exact checks
# per gate: W_x (H, H_in), W_h (H, H), b_x (H,), b_h (H,)
P = {gate: (torch.randn(H, H_in, **kw) * 0.5, torch.randn(H, H, **kw) * 0.5,
            torch.randn(H, **kw) * 0.5, torch.randn(H, **kw) * 0.5)
     for gate in "rzn"}
# --8<-- [end:params]


# --8<-- [start:cell]
def gru_forward(x, h, P, reset_after=True):
    """x: (L, N, H_in), h: (N, H). Returns (L, N, H) and the last h."""
    (Wxr, Whr, bxr, bhr), (Wxz, Whz, bxz, bhz), (Wxn, Whn, bxn, bhn) = (
        P["r"], P["z"], P["n"])
    states = []
    for x_t in x:
        r = torch.sigmoid(x_t @ Wxr.T + bxr + h @ Whr.T + bhr)   # reset
        z = torch.sigmoid(x_t @ Wxz.T + bxz + h @ Whz.T + bhz)   # update
        if reset_after:                             # (1)!
            n = torch.tanh(x_t @ Wxn.T + bxn + r * (h @ Whn.T + bhn))
        else:
            n = torch.tanh(x_t @ Wxn.T + bxn + (r * h) @ Whn.T + bhn)
        h = (1 - z) * n + z * h                     # z keeps the old state
        states.append(h)
    return torch.stack(states), h
# --8<-- [end:cell]


# --8<-- [start:compare]
gru = nn.GRU(H_in, H).to(**kw)
with torch.no_grad():                               # torch's order: r, z, n
    for k, name in enumerate(("weight_ih", "weight_hh", "bias_ih",
                              "bias_hh")):
        stacked = torch.cat([P[gate][k] for gate in "rzn"])
        getattr(gru, f"{name}_l0").copy_(stacked)

x = torch.randn(L, N, H_in, **kw)
h_0 = torch.randn(1, N, H, **kw)
output, h_n = gru(x, h_0)
states, h = gru_forward(x, h_0[0], P)
print("weight_ih_l0:", tuple(gru.weight_ih_l0.shape), " output:",
      tuple(output.shape), " h_n:", tuple(h_n.shape))
assert torch.allclose(states, output, rtol=0, atol=1e-12)
assert torch.allclose(h, h_n[0], rtol=0, atol=1e-12)
print(f"gate order r, z, n: output and h_n equal over {L} steps")
# --8<-- [end:compare]

# --8<-- [start:variant]
variant, _ = gru_forward(x, h_0[0], P, reset_after=False)
gap = (variant - output).abs().max().item()
print(f"r applied to h before W_hn: differs from nn.GRU by {gap:.2f}")
assert gap > 0.01
# --8<-- [end:variant]
