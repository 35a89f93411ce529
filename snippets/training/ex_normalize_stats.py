"""Exercise: where Normalize's mean and std come from:
per-channel statistics of the training images."""
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset
from torchvision.transforms import v2

torch.manual_seed(0)
rng = np.random.default_rng(0)
# 200 fake RGB images (N, C, H, W), uint8, each channel with its own brightness
images = torch.from_numpy(
    np.stack(
        [
            rng.integers(lo, hi, (200, 32, 32))
            for lo, hi in [(0, 256), (50, 150), (100, 110)]
        ],
        axis=1,
    ).astype(np.uint8)
)
to_float = v2.ToDtype(torch.float32, scale=True)

# accumulate sums over batches, as you would for a dataset too big for memory
loader = DataLoader(TensorDataset(images), batch_size=64)
total, total_sq, count = torch.zeros(3, dtype=torch.float64), torch.zeros(
    3, dtype=torch.float64), 0
for (batch,) in loader:
    x = to_float(batch).double()  # (B, C, H, W) in [0, 1]
    total += x.sum(dim=(0, 2, 3))
    total_sq += (x ** 2).sum(dim=(0, 2, 3))
    count += x.shape[0] * x.shape[2] * x.shape[3]
mean = total / count
std = (total_sq / count - mean ** 2).sqrt()
print("per-channel mean:", [round(v, 4) for v in mean.tolist()])
print("per-channel std: ", [round(v, 4) for v in std.tolist()])

all_pixels = to_float(images).double()
assert torch.allclose(mean, all_pixels.mean(dim=(0, 2, 3)))
assert torch.allclose(std, all_pixels.std(dim=(0, 2, 3), correction=0))

normalize = v2.Normalize(mean=mean.tolist(), std=std.tolist())
z = normalize(to_float(images))
print(
    "after Normalize: mean",
    [round(v, 4) + 0.0 for v in z.mean(dim=(0, 2, 3)).tolist()],
    "std",
    [round(v, 4) for v in z.std(dim=(0, 2, 3)).tolist()],
)
assert z.mean(dim=(0, 2, 3)).abs().max() < 1e-4
assert (z.std(dim=(0, 2, 3)) - 1).abs().max() < 1e-3
