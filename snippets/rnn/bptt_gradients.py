"""Backpropagation through time: gradients vanish or explode with W_hh."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:measure]
L, H_in, H = 30, 4, 16
Q, _ = torch.linalg.qr(torch.randn(H, H, dtype=torch.float64))  # orthogonal


def grad_norms(scale, input_scale):
    """Norm of d(loss at step L) / d(x_t), for t = L, L-1, ..., 1."""
    torch.manual_seed(1)                        # the same W_ih and inputs
    rnn = nn.RNN(H_in, H).to(device, torch.float64)
    with torch.no_grad():
        rnn.weight_hh_l0.copy_(scale * Q)       # spectral radius = scale
        rnn.bias_ih_l0.zero_()
        rnn.bias_hh_l0.zero_()
    x = input_scale * torch.randn(L, 1, H_in, dtype=torch.float64)
    x = x.to(device).requires_grad_()
    output, h_n = rnn(x)
    loss = output[-1].sum()                     # a loss at the last step
    loss.backward()                             # BPTT through all L steps
    norms = x.grad.norm(dim=(1, 2)).flip(0).cpu()   # k = 0 .. L-1 back
    top = torch.linalg.matrix_norm(rnn.weight_ih_l0, ord=2).item() * H**0.5
    bound = top * scale ** torch.arange(L, dtype=torch.float64)
    assert (norms <= bound * (1 + 1e-9)).all()      # (1)!
    return norms


cases = {f"W_hh = {s} Q": grad_norms(s, 1e-3) for s in (0.5, 0.9, 1.2, 1.5)}
cases["W_hh = 1.5 Q, inputs x1000"] = grad_norms(1.5, 1.0)
print(f"{'steps back':27}" + "".join(f"{k:>9}" for k in (0, 10, 20, 29))
      + "   29 / 0")
for name, norms in cases.items():
    print(f"{name:27}" + "".join(f"{norms[k]:9.1e}" for k in (0, 10, 20, 29))
          + f"   x{norms[29] / norms[0]:.0e}")
# --8<-- [end:measure]

# --8<-- [start:check]
ratio = {name: (norms[29] / norms[0]).item() for name, norms in cases.items()}
assert ratio["W_hh = 0.5 Q"] < 1e-6                  # vanishes
assert ratio["W_hh = 0.9 Q"] < 1                     # shrinks
assert ratio["W_hh = 1.2 Q"] > 10                    # grows
assert ratio["W_hh = 1.5 Q"] > 1e3                   # explodes
assert ratio["W_hh = 1.5 Q, inputs x1000"] < 1e-2 * ratio["W_hh = 1.5 Q"]
# --8<-- [end:check]
