"""torch.utils.benchmark: Timer, blocked_autorange, Measurement, Compare."""
# --8<-- [start:setup]
import torch
from torch.utils import benchmark

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
x = torch.randn(256, 256, device=device)
w = torch.randn(256, 256, device=device)
# --8<-- [end:setup]

# --8<-- [start:timer]
threads_before = torch.get_num_threads()
timer = benchmark.Timer(
    stmt="x @ w",                    # run as code, many times
    globals={"x": x, "w": w},        # the names stmt may use
    label="x @ w", sub_label="256x256", description="float32",
)
m = timer.blocked_autorange(min_run_time=0.5)   # seconds of timed runs
print(f"median {1e6 * m.median:.1f} us, IQR {1e6 * m.iqr:.1f} us")
print(f"{len(m.times)} blocks of {m.number_per_run} calls each")

assert m.task_spec.num_threads == 1              # the default: 1 thread
assert torch.get_num_threads() == threads_before  # and put back after
assert m.number_per_run >= 1 and len(m.times) >= 1
assert min(m.times) <= m.median <= max(m.times)
print("threads while timing:", m.task_spec.num_threads)
# --8<-- [end:timer]

# --8<-- [start:compare]
results = []
for n in (64, 128, 256):
    for dtype in (torch.float32, torch.float64):
        a = torch.randn(n, n, device=device, dtype=dtype)
        b = torch.randn(n, n, device=device, dtype=dtype)
        results.append(benchmark.Timer(
            stmt="a @ b", globals={"a": a, "b": b}, label="a @ b",
            sub_label=f"{n}x{n}", description=str(dtype)[6:],
        ).blocked_autorange(min_run_time=0.1))

table = benchmark.Compare(results)
table.trim_significant_figures()     # keep only the digits that hold
table.print()
assert len(results) == 6 and all(r.median > 0 for r in results)
# --8<-- [end:compare]
