"""Gradient inspection: tensor hooks on the parameters and backward
pre-hooks on the layers report per-layer gradient norms during backward()."""
# --8<-- [start:setup]
import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)

N, D_in, H, D_out = 8, 10, 6, 3
model = nn.Sequential(
    nn.Linear(D_in, H), nn.ReLU(),
    nn.Linear(H, H), nn.ReLU(),
    nn.Linear(H, D_out),
).to(device)
x = torch.randn(N, D_in, device=device)          # (N, D_in)
y = torch.randint(0, D_out, (N,), device=device) # (N,)
# --8<-- [end:setup]

# --8<-- [start:hooks]
param_norms, output_grad_norms = {}, {}
handles = []
for name, p in model.named_parameters():         # "0.weight", "0.bias", ...
    def record(grad, name=name):                  # (1)!
        param_norms[name] = grad.norm().item()
    handles.append(p.register_hook(record))

for name, module in model.named_children():
    if isinstance(module, nn.Linear):
        def record_out(module, grad_output, name=name):     # (2)!
            # dL/d(layer output)
            output_grad_norms[name] = grad_output[0].norm().item()
        handles.append(module.register_full_backward_pre_hook(record_out))

loss = F.cross_entropy(model(x), y)
loss.backward()
for handle in handles:
    handle.remove()
# --8<-- [end:hooks]

# --8<-- [start:report]
for name, _ in model.named_parameters():
    print(f"grad norm of {name:8s} {param_norms[name]:.4f}")
for name, norm in output_grad_norms.items():
    print(f"grad norm at output of layer {name}: {norm:.4f}")

# the hooks saw exactly the gradients that .grad holds after backward()
for name, p in model.named_parameters():
    assert abs(param_norms[name] - p.grad.norm().item()) < 1e-6, name
# backward visits the last layer first
assert list(output_grad_norms) == ["4", "2", "0"]
# at the logits it is the (softmax - one-hot) / N of the first page
with torch.no_grad():
    grad_logits = (model(x).softmax(dim=1) - F.one_hot(y, D_out)) / N
assert abs(output_grad_norms["4"] - grad_logits.norm().item()) < 1e-6
# --8<-- [end:report]
