"""Exercise: Timer sets the thread count while it measures, then resets it."""
import torch
from torch.utils import benchmark

torch.manual_seed(0)
x = torch.randn(256, 256)
w = torch.randn(256, 256)
before = torch.get_num_threads()

results = []
for threads in (1, 2):
    timer = benchmark.Timer(
        stmt="x @ w", globals={"x": x, "w": w}, num_threads=threads,
        label="x @ w on the CPU", sub_label="256x256",
        description=f"{threads} thread(s)",
    )
    m = timer.blocked_autorange(min_run_time=0.2)
    assert m.task_spec.num_threads == threads     # what it ran with
    assert torch.get_num_threads() == before      # put back afterwards
    results.append(m)
    print(f"{threads} thread(s): median {1e6 * m.median:.0f} us")

print("threads afterwards unchanged:", torch.get_num_threads() == before)
# the ratio depends on the cores and on what else runs on them
print(f"2 threads / 1 thread: {results[1].median / results[0].median:.2f}")
