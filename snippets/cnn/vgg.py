"""VGG blocks, VGG-11 shape by shape, and its count against torchvision's."""
# --8<-- [start:setup]
import torch
import torchvision
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def shape_walk(net, X):
    """Feed X through net's children one at a time, printing each shape."""
    for name, layer in net.named_children():
        X = layer(X)
        print(f"{name:>2} {type(layer).__name__:<10} {tuple(X.shape)}")
    return X


def count(net):
    return sum(p.numel() for p in net.parameters())
# --8<-- [end:setup]


# --8<-- [start:block]
def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers += [nn.Conv2d(in_channels, out_channels, kernel_size=3,
                             padding=1), nn.ReLU()]
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))   # halves H, W
    return nn.Sequential(*layers)


def vgg(arch, in_channels=3, num_classes=1000):
    blocks = []
    for num_convs, out_channels in arch:
        blocks.append(vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(
        *blocks, nn.Flatten(),
        nn.Linear(in_channels * 7 * 7, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, num_classes))


vgg11_arch = ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))
# --8<-- [end:block]

# --8<-- [start:walk]
with torch.device("meta"):                    # shapes only, nothing computed
    vgg11 = vgg(vgg11_arch)
    y_hat = shape_walk(vgg11, torch.empty(1, 3, 224, 224))
assert y_hat.shape == (1, 1000)

small = vgg([(n, c // 8) for n, c in vgg11_arch], 1, 10).to(device)
y_hat = small(torch.randn(1, 1, 224, 224, device=device))    # computed
print("1/8-width VGG-11 on the device:", tuple(y_hat.shape))
assert y_hat.shape == (1, 10)
# --8<-- [end:walk]

# --8<-- [start:count]
with torch.device("meta"):
    theirs = torchvision.models.vgg11(weights=None)
shapes = [p.shape for p in vgg11.parameters()]
assert shapes == [p.shape for p in theirs.parameters()]
first_linear = count(vgg11[6])
print(f"VGG-11: {count(vgg11):,} parameters, torchvision's: "
      f"{count(theirs):,}")
print(f"the first linear layer alone: {first_linear:,} "
      f"({first_linear / count(vgg11):.0%})")
assert count(vgg11) == count(theirs) == 132_863_336
# --8<-- [end:count]
