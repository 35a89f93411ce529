"""AlexNet: shape walk, parameter count, torchvision's 64-channel variant."""
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
        print(f"{name:>2} {type(layer).__name__:<9} {tuple(X.shape)}")
    return X


def count(net):
    return sum(p.numel() for p in net.parameters())
# --8<-- [end:setup]


# --8<-- [start:model]
def alexnet(channels=(96, 256, 384, 384, 256), in_channels=3,
            num_classes=1000):
    c1, c2, c3, c4, c5 = channels
    return nn.Sequential(
        nn.Conv2d(in_channels, c1, kernel_size=11, stride=4, padding=2),
        nn.ReLU(), nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(c1, c2, kernel_size=5, padding=2), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(c2, c3, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(c3, c4, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(c4, c5, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Flatten(),                                 # (N, c5 * 6 * 6)
        nn.Dropout(0.5), nn.Linear(c5 * 6 * 6, 4096), nn.ReLU(),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, num_classes),
    )


paper = alexnet().to(device)
y_hat = shape_walk(paper, torch.randn(1, 3, 224, 224, device=device))
assert y_hat.shape == (1, 1000)
# --8<-- [end:model]

# --8<-- [start:count]
linear = sum(count(m) for m in paper if isinstance(m, nn.Linear))
print(f"paper's AlexNet: {count(paper):,} parameters, {linear:,} "
      f"({linear / count(paper):.0%}) in the linear layers")
assert count(paper) == 62_378_344 and linear / count(paper) > 0.93
# --8<-- [end:count]

# --8<-- [start:torchvision]
with torch.device("meta"):                         # shapes only, no memory
    ours = alexnet(channels=(64, 192, 384, 256, 256))
    theirs = torchvision.models.alexnet(weights=None)
print(f"torchvision's AlexNet: {count(theirs):,} parameters")
assert count(ours) == count(theirs) == 61_100_840
shapes = [p.shape for p in ours.parameters()]
assert shapes == [p.shape for p in theirs.parameters()]
print(f"paper minus torchvision: {count(paper) - count(theirs):,}, "
      "all in the convolutions")
convs = [m for m in paper if isinstance(m, nn.Conv2d)]
tv_convs = [m for m in theirs.features if isinstance(m, nn.Conv2d)]
assert (count(paper) - count(theirs)
        == sum(map(count, convs)) - sum(map(count, tv_convs)))
# --8<-- [end:torchvision]
