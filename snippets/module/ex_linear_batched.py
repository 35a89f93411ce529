"""F.linear accepts any number of leading dimensions (batch, time, ...);
torch.addmm takes matrices only."""
import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)

B, T, D_in, D_out = 2, 5, 4, 3
layer = nn.Linear(D_in, D_out).to(device)
x = torch.randn(B, T, D_in, device=device)            # (B, T, D_in)

with torch.no_grad():
    y = layer(x)                                      # (B, T, D_out)
    # matmul broadcasts over B and T
    y_matmul = x @ layer.weight.T + layer.bias
    # flatten the leading dims, use addmm, restore them
    y_flat = torch.addmm(
        layer.bias, x.reshape(-1, D_in), layer.weight.t()
    ).reshape(B, T, D_out)
print("output shape:", tuple(y.shape))
assert torch.allclose(y, y_matmul, atol=1e-6)
assert torch.allclose(y, y_flat, atol=1e-6)

try:
    torch.addmm(layer.bias, x, layer.weight.t())
except RuntimeError as err:
    print("torch.addmm on a 3-D input: RuntimeError:", err)
    assert "must be a matrix" in str(err)
else:
    raise AssertionError("addmm should refuse a 3-D input")

# a 1-D input (one sample, no batch dim) works too
print("one sample:", tuple(layer(x[0, 0]).shape))
assert layer(x[0, 0]).shape == (D_out,)
