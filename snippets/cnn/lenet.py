"""LeNet-5: a shape walk through named_children and the parameter count."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:model]
lenet = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
    nn.Linear(120, 84), nn.Sigmoid(),
    nn.Linear(84, 10),
).to(device)
# --8<-- [end:model]

# --8<-- [start:walk]
def shape_walk(net, X):
    """Feed X through net's children one at a time, printing each shape."""
    for name, layer in net.named_children():
        X = layer(X)
        print(f"{name:>2} {type(layer).__name__:<9} {tuple(X.shape)}")
    return X


X = torch.randn(1, 1, 28, 28, device=device)          # (N, C, H, W)
y_hat = shape_walk(lenet, X)
assert y_hat.shape == (1, 10)
# --8<-- [end:walk]

# --8<-- [start:count]
def count(net):
    return sum(p.numel() for p in net.parameters())


for name, layer in lenet.named_children():
    if isinstance(layer, nn.Conv2d):              # c_out * (c_in * k * k + 1)
        c_out, c_in, k, _ = layer.weight.shape
        assert count(layer) == c_out * (c_in * k * k + 1)
    elif isinstance(layer, nn.Linear):            # out * (in + 1)
        assert count(layer) == layer.out_features * (layer.in_features + 1)
    else:
        assert count(layer) == 0                  # activations, pooling
        continue
    print(f"{name:>2} {type(layer).__name__:<6} {count(layer):>6,}")
print(f"LeNet: {count(lenet):,} parameters")
assert count(lenet) == 61_706
# --8<-- [end:count]
