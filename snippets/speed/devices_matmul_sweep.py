"""Matrix products of growing size: NumPy, torch on the CPU, on a GPU."""
# --8<-- [start:setup]
import platform
import statistics
import time

import numpy as np
import torch
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
gpu = (torch.accelerator.current_accelerator()
       if torch.accelerator.is_available() else None)


def cpu_name():
    """The processor's model name, as the operating system reports it."""
    try:
        with open("/proc/cpuinfo") as f:          # Linux
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


print(f"CPU: {cpu_name()}, torch threads: {torch.get_num_threads()}")
print("GPU:", torch.cuda.get_device_name() if torch.cuda.is_available()
      else (gpu.type if gpu else "none"))
# --8<-- [end:setup]


# --8<-- [start:flops]
def gflops(n, seconds):
    """GFLOP/s of an (n, n) @ (n, n) product: n*n dot products of length
    n, each n multiplications and n additions."""
    return 2 * n**3 / seconds / 1e9


with FlopCounterMode(display=False) as counter:   # torch counts too
    torch.randn(300, 300) @ torch.randn(300, 300)
assert counter.get_total_flops() == 2 * 300**3
# --8<-- [end:flops]


# --8<-- [start:sweep]
def median_s(fn, warmup=1, repeat=5):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()                                # each fn ends synchronised
        times.append(time.perf_counter() - start)
    return statistics.median(times)


sizes = [64, 128, 256, 512, 1024]
names = ["NumPy f64", "NumPy f32", "torch CPU", "torch GPU", "GPU + copy"]
sweep = {name: [] for name in names}                # GFLOP/s per size
print("GFLOP/s, higher is faster")
print(f"{'n':>5}" + "".join(f"{name:>12}" for name in names))
for n in sizes:
    rng = np.random.default_rng(n)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    a32, b32 = a.astype(np.float32), b.astype(np.float32)
    ta, tb = torch.from_numpy(a32), torch.from_numpy(b32)
    err = np.abs((ta @ tb).numpy() - a @ b).max() / np.abs(a @ b).max()
    assert err < 1e-5, err                          # the same numbers
    fns = [lambda: a @ b, lambda: a32 @ b32, lambda: ta @ tb]
    if gpu:
        ga, gb = ta.to(gpu), tb.to(gpu)
        fns.append(lambda: (ga @ gb).sum().item())  # .item() synchronises
        fns.append(lambda: (ta.to(gpu) @ tb.to(gpu)).cpu())
    for name, fn in zip(names, fns):
        sweep[name].append(gflops(n, median_s(fn)))
    cells = [f"{sweep[name][-1]:12.1f}" if sweep[name] else f"{'no GPU':>12}"
             for name in names]
    print(f"{n:5d}" + "".join(cells))
# --8<-- [end:sweep]

# --8<-- [start:speedup]
big = len(sizes) - 1
for name in names[1:]:
    ratio = (f"{sweep[name][big] / sweep['NumPy f64'][big]:.1f}x"
             if sweep[name] else "no GPU")
    print(f"n={sizes[big]}: {name} against NumPy f64: {ratio}")
# --8<-- [end:speedup]
