"""Median against mean: one interrupted call among twenty-one."""
# --8<-- [start:setup]
import statistics
import time

import torch

torch.manual_seed(0)
x = torch.randn(64, 1000)            # the two-layer net's batch
w1 = torch.randn(1000, 100)
# --8<-- [end:setup]

# --8<-- [start:stall]
STALL = 7                            # the call that gets interrupted


def hidden_layer(stall=False):
    h = (x @ w1).clamp(min=0)
    if stall:                        # stand-in for another program
        time.sleep(0.1)              # taking the core for 100 ms
    return h


times = []
for i in range(21):
    start = time.perf_counter()
    hidden_layer(stall=(i == STALL))
    times.append(time.perf_counter() - start)
# --8<-- [end:stall]

# --8<-- [start:stats]
mean = statistics.fmean(times)
median = statistics.median(times)
clean = times[:STALL] + times[STALL + 1:]    # the other twenty calls
for name, value in [("min", min(times)), ("median", median),
                    ("mean", mean), ("max", max(times))]:
    print(f"{name:>6}: {1e3 * value:8.3f} ms")
print(f"without the stall: median {1e3 * statistics.median(clean):.3f} ms,"
      f" mean {1e3 * statistics.fmean(clean):.3f} ms")

assert max(times) == times[STALL] >= 0.1
assert median in clean               # the median is an ordinary call
assert mean > median                 # the mean carries 100 ms / 21
print("the median is one of the ordinary calls:", median in clean)
# --8<-- [end:stats]
