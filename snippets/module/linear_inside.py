"""nn.Linear stores its weight as (out_features, in_features) and computes
F.linear(x, W, b) = x @ W.T + b, the same numbers as torch.addmm(b, x, W.T)."""
# --8<-- [start:setup]
import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:shapes]
N, D_in, D_out = 3, 4, 2
layer = nn.Linear(D_in, D_out).to(device)
x = torch.randn(N, D_in, device=device)       # (N, D_in)
W, b = layer.weight, layer.bias               # (D_out, D_in), (D_out,)
print("weight:", tuple(W.shape), "bias:", tuple(b.shape),
      "output:", tuple(layer(x).shape))
print("named_parameters:",
      [(n, tuple(p.shape)) for n, p in layer.named_parameters()])
assert W.shape == (D_out, D_in) and b.shape == (D_out,)
# --8<-- [end:shapes]

# --8<-- [start:same]
with torch.no_grad():
    y_module = layer(x)  # Module.__call__ -> forward -> F.linear
    y_functional = F.linear(x, W, b)
    y_by_hand = x @ W.T + b             # (N, D_in) @ (D_in, D_out) + (D_out,)
    y_addmm = torch.addmm(b, x, W.t())  # b + x @ W.T in one fused call
for name, y in [("layer(x)", y_module), ("F.linear", y_functional),
                ("x @ W.T + b", y_by_hand), ("torch.addmm", y_addmm)]:
    print(f"{name:12s}", [[round(v, 4) for v in row] for row in y.tolist()])

assert torch.equal(y_module, y_functional)  # forward is exactly F.linear
assert torch.allclose(y_functional, y_by_hand, atol=1e-6)
assert torch.allclose(y_functional, y_addmm, atol=1e-6)
# --8<-- [end:same]

# --8<-- [start:row]
# row i of W holds the weights of output unit i: y[:, i] = x @ W[i] + b[i]
with torch.no_grad():
    unit0 = x @ W[0] + b[0]                    # (N,)
print("unit 0 by its row:", [round(v, 4) for v in unit0.tolist()])
assert torch.allclose(unit0, y_module[:, 0], atol=1e-6)
# --8<-- [end:row]
