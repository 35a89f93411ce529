"""Dense blocks grow channels, transition layers shrink them; DenseNet-121."""
# --8<-- [start:setup]
import torch
import torchvision
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def count(net):
    return sum(p.numel() for p in net.parameters())
# --8<-- [end:setup]


# --8<-- [start:block]
def dense_layer(in_channels, growth_rate, bn_size=4):
    """BN-ReLU-1x1 conv (bottleneck), BN-ReLU-3x3 conv: k new channels."""
    return nn.Sequential(
        nn.BatchNorm2d(in_channels), nn.ReLU(),
        nn.Conv2d(in_channels, bn_size * growth_rate, 1, bias=False),
        nn.BatchNorm2d(bn_size * growth_rate), nn.ReLU(),
        nn.Conv2d(bn_size * growth_rate, growth_rate, 3, padding=1,
                  bias=False))


class DenseBlock(nn.Module):
    def __init__(self, num_layers, in_channels, growth_rate):
        super().__init__()
        self.layers = nn.ModuleList(
            dense_layer(in_channels + i * growth_rate, growth_rate)
            for i in range(num_layers))

    def forward(self, X):
        for layer in self.layers:
            X = torch.cat((X, layer(X)), dim=1)   # keep X, append k channels
        return X


def transition(in_channels, out_channels):
    return nn.Sequential(
        nn.BatchNorm2d(in_channels), nn.ReLU(),
        nn.Conv2d(in_channels, out_channels, kernel_size=1, bias=False),
        nn.AvgPool2d(kernel_size=2, stride=2))
# --8<-- [end:block]


# --8<-- [start:growth]
X = torch.randn(4, 3, 8, 8, device=device)
block = DenseBlock(2, in_channels=3, growth_rate=10).to(device)
Y = block(X)
print("dense block:", tuple(X.shape), "->", tuple(Y.shape))
Z = transition(23, 10).to(device)(Y)
print("transition: ", tuple(Y.shape), "->", tuple(Z.shape))
assert Y.shape == (4, 3 + 2 * 10, 8, 8) and Z.shape == (4, 10, 4, 4)
assert torch.equal(Y[:, :3], X)           # the input passes through as is
# --8<-- [end:growth]


# --8<-- [start:model]
def densenet(block_layers=(6, 12, 24, 16), growth_rate=32, c=64,
             in_channels=3, num_classes=1000):
    layers = [nn.Conv2d(in_channels, c, 7, stride=2, padding=3, bias=False),
              nn.BatchNorm2d(c), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1)]
    for i, num_layers in enumerate(block_layers):
        layers.append(DenseBlock(num_layers, c, growth_rate))
        c += num_layers * growth_rate
        if i < len(block_layers) - 1:          # halve channels, H and W
            layers.append(transition(c, c // 2))
            c //= 2
    layers += [nn.BatchNorm2d(c), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 1)),
               nn.Flatten(), nn.Linear(c, num_classes)]
    return nn.Sequential(*layers)


net = densenet().to(device)                   # DenseNet-121's settings
X = torch.randn(2, 3, 64, 64, device=device)
for name, layer in net.named_children():
    X = layer(X)
    if isinstance(layer, (nn.MaxPool2d, DenseBlock, nn.Sequential)):
        print(f"{name:>2} {type(layer).__name__:<10} {tuple(X.shape)}")
assert X.shape == (2, 1000)
# --8<-- [end:model]

# --8<-- [start:torchvision]
theirs = torchvision.models.densenet121(weights=None)
print(f"DenseNet-121: ours {count(net):,}, torchvision's {count(theirs):,}")
assert count(net) == count(theirs) == 7_978_856
assert ([p.shape for p in net.parameters()]
        == [p.shape for p in theirs.parameters()])
# --8<-- [end:torchvision]
