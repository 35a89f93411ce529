"""Pinned (page-locked) memory and non_blocking copies to the device."""
# --8<-- [start:setup]
import statistics
import time

import torch

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")


def copy_ms(src, repeats=10):
    """Median time of one host-to-device copy of src, in ms."""
    times = []
    for _ in range(repeats + 1):          # the first copy is a warm-up
        torch.accelerator.synchronize()
        start = time.perf_counter()
        src.to(device)
        torch.accelerator.synchronize()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times[1:])
# --8<-- [end:setup]


# --8<-- [start:pin]
x = torch.ones(16 * 2**20)                   # 64 MB of float32
print(f"device: {device.type}; x in pinned memory: {x.is_pinned()}")
try:
    pinned = x.pin_memory()                  # a page-locked copy
    assert pinned.is_pinned() and torch.equal(pinned, x)
    print("x.pin_memory() is pinned:", pinned.is_pinned())
except RuntimeError as err:
    pinned = None                            # pinning needs an accelerator
    print("x.pin_memory() raised", type(err).__name__)
# --8<-- [end:pin]

# --8<-- [start:copy]
if device.type != "cpu" and pinned is not None:
    for name, src in [("pageable", x), ("pinned", pinned)]:
        ms = copy_ms(src)
        print(f"{name:>8} -> {device.type}: {ms:6.2f} ms, "
              f"{x.nbytes / ms / 1e6:5.1f} GB/s")
    torch.accelerator.synchronize()
    start = time.perf_counter()
    y = pinned.to(device, non_blocking=True)  # queued, not finished
    queued_ms = 1e3 * (time.perf_counter() - start)
    torch.accelerator.synchronize()           # now it has arrived
    done_ms = 1e3 * (time.perf_counter() - start)
    print(f"non_blocking: call returned after {queued_ms:.2f} ms, "
          f"copy finished after {done_ms:.2f} ms")
    assert torch.equal(y.cpu(), x)
else:
    print("no accelerator: the timed copies did not run here")
# the same line works on any device; on the CPU it returns x itself
moved = x.to(device, non_blocking=True)
print(f"x.to({device.type!r}) returned x itself: {moved is x}")
assert (moved is x) == (device.type == "cpu")
# --8<-- [end:copy]
