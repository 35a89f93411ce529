"""Exercise: recompute a Measurement's median and IQR from its times."""
import statistics

import torch
from torch.utils import benchmark

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
x = torch.randn(64, 1000, device=device)
w1 = torch.randn(1000, 100, device=device)

m = benchmark.Timer(
    stmt="(x @ w1).clamp(min=0)", globals={"x": x, "w1": w1},
).blocked_autorange(min_run_time=1.0)     # several blocks

# m.times: seconds per call, one entry per block (raw time / calls)
times = sorted(m.times)
assert times == sorted(t / m.number_per_run for t in m.raw_times)
assert len(times) >= 3, "too few blocks for quartiles to mean anything"

# torch's quantile interpolates linearly, like method="inclusive"
q1, q2, q3 = statistics.quantiles(times, n=4, method="inclusive")
same = (abs(q2 - m.median) <= 1e-12 and abs(q3 - q1 - m.iqr) <= 1e-12
        and abs(q2 - statistics.median(times)) <= 1e-12)
assert same
print(f"{len(times)} blocks of {m.number_per_run} calls")
print(f"median by hand {1e6 * q2:.2f} us, Measurement {1e6 * m.median:.2f}")
print(f"IQR by hand {1e6 * (q3 - q1):.2f} us, Measurement {1e6 * m.iqr:.2f}")
print("by hand equals Measurement:", same)
