"""Which square inputs does the book's AlexNet accept? Formula, then trial."""
import torch
from torch import nn

torch.manual_seed(0)


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
        nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(c5 * 6 * 6, 4096), nn.ReLU(),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, num_classes),
    )


def out_size(n, k, s=1, p=0):
    return (n + 2 * p - k) // s + 1          # floor((n + 2p - k) / s) + 1


def final_size(n):
    n = out_size(out_size(n, 11, 4, 2), 3, 2)  # conv1, pool
    n = out_size(out_size(n, 5, 1, 2), 3, 2)   # conv2, pool
    return out_size(n, 3, 2)                   # 3x3 convs keep it; pool


sizes = range(200, 280)
predicted = [n for n in sizes if final_size(n) == 6]
print("the formula says:", predicted[0], "to", predicted[-1])

with torch.device("meta"):                     # shapes only, fast
    net = alexnet()
    accepted = []
    for n in sizes:
        try:
            net(torch.empty(1, 3, n, n))
            accepted.append(n)
        except RuntimeError:                 # the first linear layer
            pass                               # gets the wrong width
print("trying says:     ", accepted[0], "to", accepted[-1])
assert accepted == predicted == list(range(223, 255))
