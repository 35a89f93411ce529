"""Exercise: the two-layer step with larger batches; where a GPU pays."""
import statistics
import time

import numpy as np
import torch

torch.manual_seed(0)
gpu = (torch.accelerator.current_accelerator()
       if torch.accelerator.is_available() else None)
D_in, H, D_out = 1000, 100, 10


def forward_backward(x, y, w1, w2):
    h = x @ w1
    h_relu = h.clip(min=0)
    y_pred = h_relu @ w2
    loss = ((y_pred - y) ** 2).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    return loss, x.T @ grad_h, h_relu.T @ grad_y_pred


def median_s(fn, warmup=1, repeat=5):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


print("training samples per millisecond, higher is faster")
print(f"{'batch N':>8}{'NumPy f64':>12}{'torch CPU':>12}{'torch GPU':>12}")
for N in (64, 512, 4096):
    rng = np.random.default_rng(N)
    data = [rng.standard_normal(s)
            for s in ((N, D_in), (N, D_out), (D_in, H), (H, D_out))]
    cpu = [torch.from_numpy(a).float() for a in data]
    loss64 = forward_backward(*data)[0]
    assert abs(forward_backward(*cpu)[0].item() - loss64) < 1e-5 * loss64
    cells = [N / median_s(lambda: forward_backward(*data)) / 1e3,
             N / median_s(lambda: forward_backward(*cpu)) / 1e3]
    if gpu:
        on_gpu = [t.to(gpu) for t in cpu]
        cells.append(N / median_s(
            lambda: forward_backward(*on_gpu)[0].item()) / 1e3)
    text = [f"{c:12.1f}" for c in cells] + ([] if gpu else [f"{'no GPU':>12}"])
    print(f"{N:8d}" + "".join(text))
