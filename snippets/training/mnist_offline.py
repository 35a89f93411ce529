"""datasets.MNIST and FashionMNIST reading IDX files
that this program writes into a temporary folder."""
# --8<-- [start:setup]
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
# --8<-- [end:setup]


# --8<-- [start:idx]
def write_idx(path, array):
    """MNIST's raw format: bytes 0, 0, 0x08 (uint8),
    ndim; each size in 4 big-endian bytes; the data."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        n.to_bytes(4, "big") for n in array.shape)
    path.write_bytes(header + array.tobytes())


def write_fake_mnist(root, name, n_train, n_test, rng):
    """root/<name>/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte,
    the layout torchvision reads."""
    raw = Path(root) / name / "raw"
    raw.mkdir(parents=True)
    for split, n in (("train", n_train), ("t10k", n_test)):
        # (n, 28, 28)
        write_idx(raw / f"{split}-images-idx3-ubyte",
                  rng.integers(0, 256, (n, 28, 28)))
        # (n,)
        write_idx(raw / f"{split}-labels-idx1-ubyte", rng.integers(0, 10, n))
# --8<-- [end:idx]


# --8<-- [start:loader]
transform = v2.Compose([
    v2.ToImage(),  # PIL image (28, 28) -> (1, 28, 28) uint8
    v2.ToDtype(torch.float32, scale=True),  # 0..255 -> 0..1
    v2.Normalize(mean=[0.1307], std=[0.3081]),           # (1)!
])


def mnist_loader(root, train, download, dataset_class=datasets.MNIST,
                 batch_size=64):
    dataset = dataset_class(root, train=train, download=download,
                            transform=transform)
    return DataLoader(dataset, batch_size=batch_size, shuffle=train,
                      generator=torch.Generator().manual_seed(0))
# --8<-- [end:loader]


# --8<-- [start:check]
with tempfile.TemporaryDirectory() as root:
    rng = np.random.default_rng(0)
    write_fake_mnist(root, "MNIST", n_train=100, n_test=20, rng=rng)
    write_fake_mnist(root, "FashionMNIST", n_train=30, n_test=10, rng=rng)

    # download=False: read what is there
    loader = mnist_loader(root, train=True, download=False)
    dataset = loader.dataset
    xb, yb = next(iter(loader))
    print(
        f"{len(dataset)} training images, {len(loader)} batches; "
        f"first batch {tuple(xb.shape)} {xb.dtype}, "
        f"labels {tuple(yb.shape)} {yb.dtype}"
    )
    assert len(dataset) == 100 and len(loader) == 2
    assert xb.shape == (64, 1, 28, 28)
    assert xb.dtype == torch.float32
    assert yb.dtype == torch.int64

    image, label = dataset[0]  # undo the transform: the bytes come back
    raw = np.fromfile(Path(root) / "MNIST/raw/train-images-idx3-ubyte",
                      dtype=np.uint8, offset=16)
    restored = (image * 0.3081 + 0.1307) * 255
    assert np.allclose(restored.squeeze(0).numpy(), raw[:784].reshape(28, 28),
                       atol=1e-3)
    assert torch.equal(
        dataset.targets,
        torch.from_numpy(
            np.fromfile(
                Path(root) / "MNIST/raw/train-labels-idx1-ubyte",
                dtype=np.uint8,
                offset=8,
            )
        ).long(),
    )
    print("first image and all labels round-trip; label of image 0:", label)

    fashion = mnist_loader(root, train=False, download=False,
                           dataset_class=datasets.FashionMNIST)
    print(f"FashionMNIST test split: {len(fashion.dataset)} "
          f"images, classes {fashion.dataset.classes[:3]}...")
    assert len(fashion.dataset) == 10
    assert next(iter(fashion))[0].shape == (10, 1, 28, 28)

    try:  # no KMNIST folder: nothing to read
        datasets.KMNIST(root, train=True, download=False)
    except RuntimeError as err:
        assert "Dataset not found" in str(err)
        print("KMNIST without its files ->", str(err).split(".")[0])
    else:
        raise AssertionError("a missing dataset should raise")
# --8<-- [end:check]
