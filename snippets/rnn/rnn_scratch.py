"""An RNN written from scratch, equal to nn.RNN and to a loop of nn.RNNCell."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:scratch]
def rnn_forward(x, h, W_ih, W_hh, b_ih, b_hh):
    """x: (L, N, H_in), h: (N, H). Returns every state (L, N, H), the last."""
    states = []
    for x_t in x:                                   # one step at a time
        h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
        states.append(h)
    return torch.stack(states), h
# --8<-- [end:scratch]


# --8<-- [start:compare]
L, N, H_in, H = 7, 3, 4, 5
rnn = nn.RNN(H_in, H).to(device, torch.float64)     # float64: exact checks
x = torch.randn(L, N, H_in, device=device, dtype=torch.float64)
h_0 = torch.randn(1, N, H, device=device, dtype=torch.float64)

output, h_n = rnn(x, h_0)
states, h_last = rnn_forward(x, h_0[0], rnn.weight_ih_l0, rnn.weight_hh_l0,
                             rnn.bias_ih_l0, rnn.bias_hh_l0)
gap = (states - output).abs().max().item()
assert gap < 1e-12 and torch.allclose(h_last, h_n[0], rtol=0, atol=1e-12)
print(f"scratch vs nn.RNN over {L} steps: every state equal (< 1e-12)")
# --8<-- [end:compare]

# --8<-- [start:cell]
cell = nn.RNNCell(H_in, H).to(device, torch.float64)
with torch.no_grad():                               # same weights, new names
    cell.weight_ih.copy_(rnn.weight_ih_l0)
    cell.weight_hh.copy_(rnn.weight_hh_l0)
    cell.bias_ih.copy_(rnn.bias_ih_l0)
    cell.bias_hh.copy_(rnn.bias_hh_l0)
h = h_0[0]                                          # (N, H): no layer dim
for t in range(L):
    h = cell(x[t], h)                               # one step: (N, H)
    assert torch.allclose(h, output[t], rtol=0, atol=1e-12)
print("nn.RNNCell, step by step: equal at every step:", True)
# --8<-- [end:cell]
