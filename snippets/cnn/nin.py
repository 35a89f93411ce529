"""Network in Network: 1x1 convolutions and global average pooling, no FC."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def shape_walk(net, X):
    """Feed X through net's children one at a time, printing each shape."""
    for name, layer in net.named_children():
        X = layer(X)
        print(f"{name:>2} {type(layer).__name__:<17} {tuple(X.shape)}")
    return X


def count(net):
    return sum(p.numel() for p in net.parameters())
# --8<-- [end:setup]


# --8<-- [start:model]
def nin_block(in_channels, out_channels, kernel_size, stride, padding):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding),
        nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU())


nin = nn.Sequential(
    nin_block(1, 96, kernel_size=11, stride=4, padding=0),
    nn.MaxPool2d(3, stride=2),
    nin_block(96, 256, kernel_size=5, stride=1, padding=2),
    nn.MaxPool2d(3, stride=2),
    nin_block(256, 384, kernel_size=3, stride=1, padding=1),
    nn.MaxPool2d(3, stride=2),
    nn.Dropout(0.5),
    nin_block(384, 10, kernel_size=3, stride=1, padding=1),  # 10 classes
    nn.AdaptiveAvgPool2d((1, 1)),               # global average pooling
    nn.Flatten(),
).to(device)
# --8<-- [end:model]

# --8<-- [start:walk]
y_hat = shape_walk(nin, torch.randn(1, 1, 224, 224, device=device))
assert y_hat.shape == (1, 10)
# --8<-- [end:walk]

# --8<-- [start:count]
for name, layer in nin.named_children():
    if count(layer):
        print(f"{name:>2} nin_block {count(layer):>9,}")
print(f"NiN: {count(nin):,} parameters, none in a linear layer")
assert count(nin) == 1_992_166
assert not any(isinstance(m, nn.Linear) for m in nin.modules())
# --8<-- [end:count]
