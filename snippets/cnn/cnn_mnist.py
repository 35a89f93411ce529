"""The digits CNN on MNIST's format, run on IDX files written here."""
# --8<-- [start:setup]
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:data]
def write_idx(path, array):
    """MNIST's raw format: 0, 0, 0x08 (uint8), ndim, sizes, then bytes."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    sizes = b"".join(n.to_bytes(4, "big") for n in array.shape)
    path.write_bytes(bytes([0, 0, 0x08, array.ndim]) + sizes + array.tobytes())


def write_fake_mnist(root, name, n_train, n_test, rng):
    """Random images in root/<name>/raw/, where torchvision looks."""
    raw = Path(root) / name / "raw"
    raw.mkdir(parents=True)
    for split, n in (("train", n_train), ("t10k", n_test)):
        write_idx(raw / f"{split}-images-idx3-ubyte",
                  rng.integers(0, 256, (n, 28, 28)))
        write_idx(raw / f"{split}-labels-idx1-ubyte", rng.integers(0, 10, n))


transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True),
                        v2.Normalize(mean=[0.1307], std=[0.3081])])


def mnist_loader(root, train, download, dataset_class=datasets.MNIST):
    dataset = dataset_class(root, train=train, download=download,
                            transform=transform)
    return DataLoader(dataset, batch_size=64, shuffle=train,
                      generator=torch.Generator().manual_seed(0))
# --8<-- [end:data]


# --8<-- [start:model]
def conv_block(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, 3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels), nn.ReLU(), nn.MaxPool2d(2))


def make_model():
    return nn.Sequential(conv_block(1, 16),      # (N, 16, 14, 14)
                         conv_block(16, 32),     # (N, 32, 7, 7)
                         nn.Flatten(), nn.Linear(32 * 7 * 7, 10)).to(device)


def train_epoch(model, loader, optimizer):
    model.train()
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


def accuracy(model, loader):
    model.eval()
    with torch.no_grad():
        right = sum((model(xb.to(device)).argmax(dim=1) == yb.to(device))
                    .sum().item() for xb, yb in loader)
    return right / len(loader.dataset)
# --8<-- [end:model]


# --8<-- [start:run]
with tempfile.TemporaryDirectory() as root:
    write_fake_mnist(root, "MNIST", 256, 64, np.random.default_rng(0))
    train_loader = mnist_loader(root, train=True, download=False)
    test_loader = mnist_loader(root, train=False, download=False)
    model = make_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    start = time.process_time()
    loss = train_epoch(model, train_loader, optimizer)
    per_batch = (time.process_time() - start) / len(train_loader)
    acc = accuracy(model, test_loader)
print(f"one epoch on {len(train_loader.dataset)} fake images: "
      f"{len(train_loader)} batches, loss finite: {np.isfinite(loss)}")
print(f"test accuracy on random labels: {acc:.2f} (chance is 0.1)")
print(f"{per_batch * 1000:.0f} ms per batch of 64 -> about "
      f"{per_batch * 938:.0f} s per MNIST epoch (938 batches)")
assert np.isfinite(loss) and 0 <= acc <= 1
# --8<-- [end:run]
