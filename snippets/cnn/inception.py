"""GoogLeNet's Inception block: four branches, and the whole network."""
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
# --8<-- [end:setup]


# --8<-- [start:block]
class Inception(nn.Module):
    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.b1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.b2 = nn.Sequential(
            nn.Conv2d(in_channels, c2[0], kernel_size=1), nn.ReLU(),
            nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1))
        self.b3 = nn.Sequential(
            nn.Conv2d(in_channels, c3[0], kernel_size=1), nn.ReLU(),
            nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2))
        self.b4 = nn.Sequential(
            nn.MaxPool2d(kernel_size=3, stride=1, padding=1),
            nn.Conv2d(in_channels, c4, kernel_size=1))

    def forward(self, X):
        branches = (self.b1, self.b2, self.b3, self.b4)
        return torch.cat([F.relu(b(X)) for b in branches], dim=1)


block = Inception(192, 64, (96, 128), (16, 32), 32).to(device)
X = torch.randn(1, 192, 28, 28, device=device)
for name, branch in block.named_children():
    print(name, tuple(branch(X).shape))
print("concatenated:", tuple(block(X).shape), f"{count(block):,} parameters")
assert block(X).shape == (1, 64 + 128 + 32 + 32, 28, 28)
plain = nn.Conv2d(192, 256, kernel_size=3)      # same in and out channels
print(f"one 3x3 convolution 192 -> 256: {count(plain):,} parameters")
# --8<-- [end:block]


# --8<-- [start:model]
def googlenet(in_channels=3, num_classes=1000):
    def pool():
        return nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
    b1 = nn.Sequential(nn.Conv2d(in_channels, 64, 7, stride=2, padding=3),
                       nn.ReLU(), pool())
    b2 = nn.Sequential(nn.Conv2d(64, 64, 1), nn.ReLU(),
                       nn.Conv2d(64, 192, 3, padding=1), nn.ReLU(), pool())
    b3 = nn.Sequential(Inception(192, 64, (96, 128), (16, 32), 32),
                       Inception(256, 128, (128, 192), (32, 96), 64), pool())
    b4 = nn.Sequential(Inception(480, 192, (96, 208), (16, 48), 64),
                       Inception(512, 160, (112, 224), (24, 64), 64),
                       Inception(512, 128, (128, 256), (24, 64), 64),
                       Inception(512, 112, (144, 288), (32, 64), 64),
                       Inception(528, 256, (160, 320), (32, 128), 128),
                       pool())
    b5 = nn.Sequential(Inception(832, 256, (160, 320), (32, 128), 128),
                       Inception(832, 384, (192, 384), (48, 128), 128),
                       nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(),
                       nn.Dropout(0.4))
    return nn.Sequential(b1, b2, b3, b4, b5, nn.Linear(1024, num_classes))


net = googlenet().to(device)
X = torch.randn(1, 3, 96, 96, device=device)
for name, layer in net.named_children():
    X = layer(X)
    print(name, type(layer).__name__, tuple(X.shape))
assert X.shape == (1, 1000)
# --8<-- [end:model]

# --8<-- [start:torchvision]
theirs = torchvision.models.googlenet(weights=None, aux_logits=False,
                                      init_weights=False)
print(f"ours: {count(net):,}  torchvision's: {count(theirs):,}  "
      f"difference: {count(net) - count(theirs):,}")
convs = [m for m in net.modules() if isinstance(m, nn.Conv2d)]
tv_convs = [m for m in theirs.modules() if isinstance(m, nn.Conv2d)]
print(f"convolutions: {len(convs)} and {len(tv_convs)}")
assert len(convs) == len(tv_convs) == 57
wider = sum(m.weight.numel() - t.weight.numel()           # 5x5 vs 3x3
            for m, t in zip(convs, tv_convs) if m.kernel_size == (5, 5))
bias = sum(m.out_channels for m in convs)       # bias: 1; batch norm: 2
print(f"5x5 where torchvision has 3x3: +{wider:,}")
print(f"a bias instead of batch norm's scale and shift: -{bias:,}")
assert count(net) - count(theirs) == wider - bias == 373_648
assert all(t.kernel_size == (3, 3) for m, t in zip(convs, tv_convs)
           if m.kernel_size == (5, 5))
# --8<-- [end:torchvision]
