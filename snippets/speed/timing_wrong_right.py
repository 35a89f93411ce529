"""Timing one matrix product wrongly, then rightly: clock, warm-up, sync."""
# --8<-- [start:setup]
import statistics
import time

import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
print("device:", device.type)
x = torch.randn(256, 256, device=device)
w = torch.randn(256, 256, device=device)
# --8<-- [end:setup]

# --8<-- [start:wrong]
start = time.time()                # a clock that can be set and jump
y = x @ w                          # the very first call, timed once
wrong = time.time() - start        # on a GPU: the launch, not the work
print(f"wrong: one first call, no sync      {1e3 * wrong:8.3f} ms")
# --8<-- [end:wrong]

# --8<-- [start:clock]
perf = time.get_clock_info("perf_counter")
wall = time.get_clock_info("time")
assert perf.monotonic and not perf.adjustable   # never jumps back
assert wall.adjustable                          # NTP may move it
print("perf_counter is monotonic:", perf.monotonic)
# --8<-- [end:clock]


# --8<-- [start:sync]
def sync():
    """Wait until the device has finished the work queued so far."""
    if device.type != "cpu":
        torch.accelerator.synchronize()  # torch.cuda.synchronize() on CUDA


def measure(fn, warmup=3, repeat=15, synchronize=True):
    """Seconds taken by each of `repeat` calls; `warmup` calls untimed."""
    for _ in range(warmup):
        fn()
    sync()                           # start with an empty queue
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        if synchronize:
            sync()                   # wait for the work, not just the launch
        times.append(time.perf_counter() - start)
    sync()
    return times
# --8<-- [end:sync]


# --8<-- [start:right]
calls = 0


def matmul():
    global calls
    calls += 1
    return x @ w


times = measure(matmul)
assert calls == 3 + 15 and len(times) == 15   # warm-up calls not timed
no_sync = measure(matmul, synchronize=False)
right = statistics.median(times)
print(f"no sync: median of 15 calls         "
      f"{1e3 * statistics.median(no_sync):8.3f} ms")
print(f"right: median of 15, after warm-up  {1e3 * right:8.3f} ms")
print(f"first call / median: {wrong / right:.1f}")
# --8<-- [end:right]
