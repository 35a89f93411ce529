"""A loop of nn.LSTMCell equals nn.LSTM once the weights are copied."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

L, N, H_in, H = 8, 3, 4, 5
kw = {"device": device, "dtype": torch.float64}
lstm = nn.LSTM(H_in, H).to(**kw)
cell = nn.LSTMCell(H_in, H).to(**kw)
with torch.no_grad():                       # the same tensors, without _l0
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(cell, name).copy_(getattr(lstm, f"{name}_l0"))

x = torch.randn(L, N, H_in, **kw)
output, (h_n, c_n) = lstm(x)                # zero initial states
h, c = x.new_zeros(N, H), x.new_zeros(N, H)     # on x's device and dtype
states = []
for x_t in x:
    h, c = cell(x_t, (h, c))                # one step: (N, H) each
    states.append(h)
states = torch.stack(states)
print("cell loop:", tuple(states.shape), " nn.LSTM:", tuple(output.shape))
assert torch.allclose(states, output, rtol=0, atol=1e-12)
assert torch.allclose(h, h_n[0], rtol=0, atol=1e-12)
assert torch.allclose(c, c_n[0], rtol=0, atol=1e-12)
print("equal at every step, and the final h and c too")
