"""Feature capture: forward hooks copy every layer's output into a dict during
one ordinary forward pass, without changing the model's code."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:model]
N, D_in, H, D_out = 8, 10, 6, 3
model = nn.Sequential(
    nn.Linear(D_in, H), nn.ReLU(),
    nn.Linear(H, H), nn.ReLU(),
    nn.Linear(H, D_out),
).to(device)
x = torch.randn(N, D_in, device=device)         # (N, D_in)
# --8<-- [end:model]

# --8<-- [start:capture]
features = {}


def save_output(name):
    def hook(module, args, output):
        features[name] = output.detach()         # (1)!
    return hook


handles = [module.register_forward_hook(save_output(name))
           for name, module in model.named_children()]   # names "0", "1", ...
logits = model(x)                                # one ordinary call
for handle in handles:
    handle.remove()

for name, act in features.items():
    kind = type(model[int(name)]).__name__
    print(
        f"layer {name} ({kind:6s}) output {tuple(act.shape)}  "
        f"mean {act.mean().item():+.4f}  "
        f"zeros {(act == 0).float().mean().item():.2f}"
    )
# --8<-- [end:capture]

# --8<-- [start:check]
# the captured tensors are exactly what each layer produced
with torch.no_grad():
    h = x
    for name, module in model.named_children():
        h = module(h)
        assert torch.equal(features[name], h), name
assert torch.equal(features["4"], logits.detach())
assert not features["1"].requires_grad  # detached copies hold no graph
assert (features["1"] >= 0).all()       # ReLU outputs are non-negative
print("captured", len(features), "layers; last capture equals the logits")
# --8<-- [end:check]
