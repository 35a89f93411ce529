"""Exercise: inductor's first compile with an empty cache, then from it."""
import os
import resource
import shutil
import tempfile
import time

import torch


def cpu_seconds():
    """CPU time of this process and of the compilers it has waited for."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def swish_norm(x):
    h = x * torch.sigmoid(x)
    return (h - h.mean(dim=1, keepdim=True)) / (h.std(dim=1, keepdim=True)
                                                 + 1e-5)


torch.manual_seed(0)
x = torch.randn(1024, 64)
before = os.environ.get("TORCHINDUCTOR_CACHE_DIR")
cache = tempfile.mkdtemp(prefix="inductor-")
os.environ["TORCHINDUCTOR_CACHE_DIR"] = cache    # an empty cache
try:
    costs = {}
    for run in ("cold", "warm"):
        torch._dynamo.reset()             # forget compiled code in memory
        fn = torch.compile(swish_norm, fullgraph=True, dynamic=False)
        wall, cpu = time.perf_counter(), cpu_seconds()
        y = fn(x)                         # compile and run once
        costs[run] = (time.perf_counter() - wall, cpu_seconds() - cpu)
        torch.testing.assert_close(y, swish_norm(x))
        print(f"{run} cache: first call {costs[run][0]:.1f} s, "
              f"{costs[run][1]:.1f} s of CPU")
    files = sum(len(names) for _, _, names in os.walk(cache))
    print(f"the cache holds {files} files")
finally:
    shutil.rmtree(cache, ignore_errors=True)
    if before is None:
        os.environ.pop("TORCHINDUCTOR_CACHE_DIR")
    else:
        os.environ["TORCHINDUCTOR_CACHE_DIR"] = before
assert costs["warm"][1] < costs["cold"][1], "the cache saves work"
print("a warm cache costs less CPU than a cold one: True")
