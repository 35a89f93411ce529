"""torch.set_num_threads: what one and several CPU threads give here."""
# --8<-- [start:setup]
import os
import statistics
import time

import torch

torch.manual_seed(0)


def median_ms(fn, repeats=15):
    """Median wall time of fn() in ms, after two warm-up calls."""
    for _ in range(2):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)
# --8<-- [end:setup]


# --8<-- [start:ask]
start_threads = torch.get_num_threads()
cores = os.cpu_count()
print(f"this machine: {cores} logical cores, "
      f"torch starts with {start_threads} intra-op thread(s)")
print(f"inter-op threads: {torch.get_num_interop_threads()}")
# --8<-- [end:ask]

# --8<-- [start:measure]
a = torch.randn(512, 512)
b = torch.randn(512, 512)
counts = sorted({1, 2, min(4, cores)})
results = {}
for n in counts:
    torch.set_num_threads(n)
    assert torch.get_num_threads() == n
    results[n] = a @ b
    ms = median_ms(lambda: a @ b)
    gflops = 2 * 512**3 / (ms / 1e3) / 1e9
    print(f"{n} thread(s): {ms:7.3f} ms per matmul, {gflops:6.1f} GFLOP/s")
torch.set_num_threads(start_threads)        # put it back
# --8<-- [end:measure]

# --8<-- [start:check]
for n in counts[1:]:
    # the sum inside each element may be split differently: close, not equal
    torch.testing.assert_close(results[n], results[1])
print("results agree across thread counts: True")
assert torch.get_num_threads() == start_threads
# --8<-- [end:check]
