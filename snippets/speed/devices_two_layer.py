"""One training step of the two-layer net: NumPy, torch on CPU, on a GPU."""
# --8<-- [start:setup]
import statistics
import time

import numpy as np
import torch

torch.manual_seed(0)
gpu = (torch.accelerator.current_accelerator()
       if torch.accelerator.is_available() else None)
print("GPU:", torch.cuda.get_device_name() if torch.cuda.is_available()
      else (gpu.type if gpu else "none"))
# --8<-- [end:setup]

# --8<-- [start:step]
rng = np.random.default_rng(0)
N, D_in, H, D_out = 64, 1000, 100, 10     # Part 1's sizes
x, y = rng.standard_normal((N, D_in)), rng.standard_normal((N, D_out))
w1, w2 = rng.standard_normal((D_in, H)), rng.standard_normal((H, D_out))


def forward_backward(x, y, w1, w2):
    """Loss and gradients; the same code for arrays and tensors."""
    h = x @ w1
    h_relu = h.clip(min=0)
    y_pred = h_relu @ w2
    loss = ((y_pred - y) ** 2).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
# --8<-- [end:step]


# --8<-- [start:same]
def rel_err(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return np.abs(a - b).max() / np.abs(b).max()


ref = forward_backward(x, y, w1, w2)                  # NumPy, float64
cpu32 = [torch.from_numpy(a).float() for a in (x, y, w1, w2)]
for out, r in zip(forward_backward(*cpu32), ref):
    assert rel_err(out, r) < 1e-5                     # float32 rounding
if gpu:
    on_gpu = [t.to(gpu) for t in cpu32]
    for out, r in zip(forward_backward(*on_gpu), ref):
        assert rel_err(out.cpu(), r) < 1e-4
print("NumPy and torch agree on the loss and both gradients")
# --8<-- [end:same]


# --8<-- [start:time]
def median_ms(fn, warmup=3, repeat=21):
    """Median milliseconds per call, after untimed warm-up calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()                           # each fn below ends synchronised
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def on_gpu_with_copies():              # data arrive from the CPU each step
    loss, g1, g2 = forward_backward(x32.to(gpu), y32.to(gpu), *gpu_w)
    return loss.item()                 # .item() waits for the GPU


x32, y32 = cpu32[:2]
np32 = [a.astype(np.float32) for a in (x, y, w1, w2)]
rows = [("NumPy", "float64", lambda: forward_backward(x, y, w1, w2)),
        ("NumPy", "float32", lambda: forward_backward(*np32)),
        ("torch, CPU", "float32", lambda: forward_backward(*cpu32))]
if gpu:
    gpu_w = on_gpu[2:]
    rows.append(("torch, GPU", "float32",
                 lambda: forward_backward(*on_gpu)[0].item()))
    rows.append(("torch, GPU + copies", "float32", on_gpu_with_copies))
ms = [median_ms(fn) for _, _, fn in rows]
print(f"{'one training step':<22}{'dtype':<10}{'ms':>9}{'vs NumPy':>10}")
for (name, dtype, _), t in zip(rows, ms):
    print(f"{name:<22}{dtype:<10}{t:9.3f}{ms[0] / t:9.1f}x")
if not gpu:                            # same rows, saying why they are empty
    for name in ("torch, GPU", "torch, GPU + copies"):
        print(f"{name:<22}{'float32':<10}{'no GPU':>9}{'-':>10}")
# --8<-- [end:time]
