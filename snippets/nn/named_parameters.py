"""Reaching a model's parameters: named_parameters(), one
layer's weight and bias, get_parameter, and state_dict
(whose tensors share memory with the parameters)."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
D_in, H, D_out = 1000, 100, 10
# --8<-- [end:setup]

# --8<-- [start:names]
model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                      nn.Linear(H, D_out)).to(device)
for name, param in model.named_parameters():
    print(f"{name:9s} {str(tuple(param.shape)):12s} "
          f"requires_grad={param.requires_grad}")

weight = model[0].weight  # (H, D_in): (out_features, in_features)
print(type(weight).__name__, "is a Tensor:", isinstance(weight, torch.Tensor),
      "| leaf:", weight.is_leaf)
assert weight.shape == (H, D_in) and isinstance(weight, nn.Parameter)
assert model.get_parameter("2.bias") is model[2].bias
# --8<-- [end:names]

# --8<-- [start:count]
total = sum(p.numel() for p in model.parameters())
model[0].requires_grad_(False)  # freeze the first layer (Part 2)
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"parameters {total}, trainable after freezing layer 0: {trainable}")
assert total == 101_110 and trainable == H * D_out + D_out
model[0].requires_grad_(True)
# --8<-- [end:count]

# --8<-- [start:state_dict]
state = model.state_dict()  # name -> tensor, detached from autograd
print("state_dict:", {k: tuple(v.shape) for k, v in state.items()})
assert not state["0.weight"].requires_grad
assert state["0.weight"].data_ptr() == model[0].weight.data_ptr()   # (1)!
with torch.no_grad():
    model[2].bias.fill_(0.5)
print("state_dict sees the change:", state["2.bias"][:3].tolist())
assert torch.all(state["2.bias"] == 0.5)
# --8<-- [end:state_dict]
