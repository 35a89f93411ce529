"""Exercise: float64 against float32, on the CPU and on a GPU if any."""
import statistics
import time

import torch

torch.manual_seed(0)
gpu = (torch.accelerator.current_accelerator()
       if torch.accelerator.is_available() else None)
n = 512
a64 = torch.randn(n, n, dtype=torch.float64)
b64 = torch.randn(n, n, dtype=torch.float64)


def median_s(fn, warmup=1, repeat=5):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


devices = [torch.device("cpu")] + ([gpu] if gpu else [])
for device in devices:
    a, b = a64.to(device), b64.to(device)
    a32, b32 = a.float(), b.float()
    exact = a @ b
    err = ((a32 @ b32).double() - exact).abs().max() / exact.abs().max()
    assert err < 1e-5                      # float32 keeps ~7 digits
    t64 = median_s(lambda: (a @ b).sum().item())     # .item(): sync
    t32 = median_s(lambda: (a32 @ b32).sum().item())
    print(f"{device.type}: float64 / float32 time: {t64 / t32:.1f}")
if not gpu:
    print("gpu: float64 / float32 time: no GPU")
print(f"float32 relative error at n={n}: below 1e-5")
