"""Exercise: model.eval() does not turn off gradient tracking; it only
changes how layers such as dropout and batch norm compute."""
import torch
import torch.nn as nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
model = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5),
                      nn.Linear(8, 1)).to(device)
x = torch.randn(16, 4, device=device)

model.eval()
out = model(x)
print("eval() only: requires_grad =", out.requires_grad,
      "| grad_fn =", type(out.grad_fn).__name__)
assert out.requires_grad and out.grad_fn is not None   # graph recorded

with torch.no_grad():
    out = model(x)
print("eval() and no_grad(): requires_grad =", out.requires_grad)
assert not out.requires_grad

# eval() did change the computation: dropout is now the identity
assert torch.equal(model(x), model(x))
model.train()
assert not torch.equal(model(x), model(x))
