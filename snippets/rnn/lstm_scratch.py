"""An LSTM written gate by gate, equal to nn.LSTM with the weights copied."""
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


def gate_params():
    """W_x (H, H_in), W_h (H, H), b_x (H,), b_h (H,) for one gate."""
    return (torch.randn(H, H_in, **kw) * 0.5, torch.randn(H, H, **kw) * 0.5,
            torch.randn(H, **kw) * 0.5, torch.randn(H, **kw) * 0.5)


def affine(p, x_t, h):
    W_x, W_h, b_x, b_h = p
    return x_t @ W_x.T + b_x + h @ W_h.T + b_h


P = {gate: gate_params() for gate in "ifgo"}
# --8<-- [end:params]


# --8<-- [start:cell]
def lstm_forward(x, h, c, P):
    """x: (L, N, H_in); h, c: (N, H). Returns (L, N, H), last h, last c."""
    states = []
    for x_t in x:
        i = torch.sigmoid(affine(P["i"], x_t, h))   # input gate
        f = torch.sigmoid(affine(P["f"], x_t, h))   # forget gate
        g = torch.tanh(affine(P["g"], x_t, h))      # candidate cell
        o = torch.sigmoid(affine(P["o"], x_t, h))   # output gate
        c = f * c + i * g                           # the cell state
        h = o * torch.tanh(c)                       # the hidden state
        states.append(h)
    return torch.stack(states), h, c
# --8<-- [end:cell]


# --8<-- [start:compare]
def copy_into(lstm, P, order):
    """Stack the gates' weights into nn.LSTM's (4H, ...) tensors."""
    with torch.no_grad():
        for k, name in enumerate(("weight_ih", "weight_hh", "bias_ih",
                                  "bias_hh")):
            stacked = torch.cat([P[gate][k] for gate in order])
            getattr(lstm, f"{name}_l0").copy_(stacked)


lstm = nn.LSTM(H_in, H).to(**kw)
copy_into(lstm, P, order="ifgo")                    # torch's order
x = torch.randn(L, N, H_in, **kw)
h_0, c_0 = torch.randn(1, N, H, **kw), torch.randn(1, N, H, **kw)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
states, h, c = lstm_forward(x, h_0[0], c_0[0], P)
print("weight_ih_l0:", tuple(lstm.weight_ih_l0.shape), " output:",
      tuple(output.shape), " h_n:", tuple(h_n.shape), " c_n:",
      tuple(c_n.shape))
for a, b in [(states, output), (h, h_n[0]), (c, c_n[0])]:
    assert torch.allclose(a, b, rtol=0, atol=1e-12)
print(f"gate order i, f, g, o: output, h_n, c_n equal over {L} steps")

copy_into(lstm, P, order="ifog")                    # a wrong order
gap = (lstm(x, (h_0, c_0))[0] - states).abs().max().item()
print(f"gate order i, f, o, g: outputs differ by up to {gap:.2f}")
assert gap > 0.1
# --8<-- [end:compare]
