"""VGG-11, 13, 16 and 19 from one vgg() function, against torchvision."""
import torch
import torchvision
from torch import nn


def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers += [nn.Conv2d(in_channels, out_channels, kernel_size=3,
                             padding=1), nn.ReLU()]
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
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


def count(net):
    return sum(p.numel() for p in net.parameters())


channels = (64, 128, 256, 512, 512)
convs_per_block = {11: (1, 1, 2, 2, 2), 13: (2, 2, 2, 2, 2),
                   16: (2, 2, 3, 3, 3), 19: (2, 2, 4, 4, 4)}
for depth, convs in convs_per_block.items():
    with torch.device("meta"):
        ours = vgg(list(zip(convs, channels)))
        theirs = getattr(torchvision.models, f"vgg{depth}")(weights=None)
    linear = sum(count(m) for m in ours if isinstance(m, nn.Linear))
    print(f"VGG-{depth}: {count(ours):,} parameters, "
          f"{count(ours) - linear:,} in convolutions")
    assert count(ours) == count(theirs)
    assert sum(convs) + 3 == depth              # weight layers: convs + 3
assert count(ours) == 143_667_240               # VGG-19
