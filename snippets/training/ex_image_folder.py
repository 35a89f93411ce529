"""Exercise: datasets.ImageFolder on a folder of
PNG files written here: one subfolder per class."""
import tempfile
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
rng = np.random.default_rng(0)
transform = v2.Compose(
    [
        v2.ToImage(),
        v2.Resize((16, 16), antialias=True),
        v2.ToDtype(torch.float32, scale=True),
    ]
)

with tempfile.TemporaryDirectory() as root:
    # root/cat/0.png ..., root/dog/0.png ...: the folder name is the label
    counts = {"cat": 3, "dog": 5}
    for name, n in counts.items():
        (Path(root) / name).mkdir()
        for i in range(n):
            size = (20 + i, 24)  # files of different sizes are fine
            # (H, W, C)
            pixels = rng.integers(0, 256, (*size, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(Path(root) / name / f"{i}.png")

    dataset = datasets.ImageFolder(root, transform=transform)
    print("classes:", dataset.classes, "| class_to_idx:", dataset.class_to_idx)
    first = [
        (Path(path).relative_to(root).as_posix(), label)
        for path, label in dataset.samples[:2]
    ]
    print("first samples:", first)
    # classes sorted by name
    assert dataset.classes == ["cat", "dog"] and len(dataset) == 8
    assert [label for _, label in dataset.samples].count(1) == 5

    loader = DataLoader(dataset, batch_size=4, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for images, labels in loader:  # Resize made every image (3, 16, 16)
        print("batch:", tuple(images.shape), labels.tolist())
        assert images.shape == (4, 3, 16, 16) and images.max() <= 1.0
