"""ResNet-34 is ResNet-18 with (3, 4, 6, 3) blocks: count it, check it."""
import torch
import torchvision
from torch import nn
from torch.nn import functional as F


class Residual(nn.Module):
    def __init__(self, in_channels, out_channels, use_1x1conv=False,
                 stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3,
                               stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3,
                               padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = nn.Identity()
        if use_1x1conv:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, kernel_size=1,
                          stride=stride, bias=False),
                nn.BatchNorm2d(out_channels))

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        return F.relu(Y + self.shortcut(X))


def resnet(num_blocks=(2, 2, 2, 2), channels=(64, 128, 256, 512),
           in_channels=3, num_classes=1000):
    c = channels[0]
    stem = nn.Sequential(
        nn.Conv2d(in_channels, c, kernel_size=7, stride=2, padding=3,
                  bias=False),
        nn.BatchNorm2d(c), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    stages = []
    for i, (n, out_c) in enumerate(zip(num_blocks, channels)):
        first = Residual(c, out_c, use_1x1conv=i > 0, stride=1 + (i > 0))
        rest = [Residual(out_c, out_c) for _ in range(n - 1)]
        stages.append(nn.Sequential(first, *rest))
        c = out_c
    return nn.Sequential(stem, *stages, nn.AdaptiveAvgPool2d((1, 1)),
                         nn.Flatten(), nn.Linear(c, num_classes))


def count(net):
    return sum(p.numel() for p in net.parameters())


with torch.device("meta"):
    ours = resnet(num_blocks=(3, 4, 6, 3))
    theirs = torchvision.models.resnet34(weights=None)
convs = sum(isinstance(m, nn.Conv2d) and m.kernel_size != (1, 1)
            for m in ours.modules())
print(f"ResNet-34: ours {count(ours):,}, torchvision's {count(theirs):,}")
print(f"{convs} convolutions + 1 linear = {convs + 1} weight layers")
assert count(ours) == count(theirs) == 21_797_672 and convs + 1 == 34
assert ([p.shape for p in ours.parameters()]
        == [p.shape for p in theirs.parameters()])
