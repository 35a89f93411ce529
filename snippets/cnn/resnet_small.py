"""A small ResNet shape by shape, and ResNet-18 against torchvision's."""
# --8<-- [start:setup]
import torch
import torchvision
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def count(net):
    return sum(p.numel() for p in net.parameters())


class Residual(nn.Module):                 # the block of resnet_block.py
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
# --8<-- [end:setup]


# --8<-- [start:model]
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
        stages.append(nn.Sequential(first, *rest))   # halves H and W
        c = out_c                                    # (except stage 0)
    return nn.Sequential(stem, *stages, nn.AdaptiveAvgPool2d((1, 1)),
                         nn.Flatten(), nn.Linear(c, num_classes))
# --8<-- [end:model]


# --8<-- [start:walk]
small = resnet(channels=(16, 32, 64, 128), in_channels=1,
               num_classes=10).to(device)
X = torch.randn(2, 1, 96, 96, device=device)
for name, layer in small.named_children():
    X = layer(X)
    print(f"{name} {type(layer).__name__:<17} {tuple(X.shape)}")
print(f"small ResNet: {count(small):,} parameters")
assert X.shape == (2, 10)
# --8<-- [end:walk]

# --8<-- [start:torchvision]
ours = resnet()                                    # ResNet-18's settings
theirs = torchvision.models.resnet18(weights=None)
print(f"ResNet-18: ours {count(ours):,}, torchvision's {count(theirs):,}")
assert count(ours) == count(theirs) == 11_689_512
assert ([p.shape for p in ours.parameters()]
        == [p.shape for p in theirs.parameters()])
convs = sum(isinstance(m, nn.Conv2d) and m.kernel_size != (1, 1)
            for m in ours.modules())
print("weight layers on the main path:", convs, "convolutions + 1 linear")
assert convs + 1 == 18
# --8<-- [end:torchvision]
