"""DataLoader workers overlap a per-item cost; the batches stay the same."""
# --8<-- [start:setup]
import multiprocessing
import os
import time

import torch
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# fork copies this process: quick to start, and SlowImages is already there
fork = "fork" in multiprocessing.get_all_start_methods()
context = "fork" if fork else None
# --8<-- [end:setup]


# --8<-- [start:dataset]
class SlowImages(Dataset):
    """96 small images; loading each one waits `cost` seconds."""

    def __init__(self, n=96, cost=0.01):
        self.images = torch.randn(n, 3, 32, 32)
        self.cost = cost

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        start = time.time()           # time.time(): one clock for all
        time.sleep(self.cost)         # stands in for reading, decoding
        span = torch.tensor([start, time.time()], dtype=torch.float64)
        return self.images[i], span, os.getpid()


dataset = SlowImages()
print(f"{len(dataset)} items, {1e3 * dataset.cost:.0f} ms each: "
      f"{len(dataset) * dataset.cost:.2f} s of waiting per epoch")
# --8<-- [end:dataset]


# --8<-- [start:epoch]
def most_at_once(spans):
    """The largest number of items that were loading at the same time."""
    events = [(t, +1) for t in spans[:, 0].tolist()]
    events += [(t, -1) for t in spans[:, 1].tolist()]
    running = best = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):
        running += step
        best = max(best, running)
    return best


def epoch(num_workers, pin_memory=False):
    loader = DataLoader(
        dataset, batch_size=8, num_workers=num_workers,
        pin_memory=pin_memory, persistent_workers=False,
        multiprocessing_context=context if num_workers else None)
    start = time.perf_counter()
    images, spans, pids, first = [], [], set(), None
    for x, span, pid in loader:
        first = first or time.perf_counter() - start
        assert x.is_pinned() == pin_memory
        x = x.to(device, non_blocking=pin_memory)
        images.append(x.cpu())
        spans.append(span)
        pids.update(pid.tolist())
    seconds = time.perf_counter() - start
    return seconds, first, torch.cat(images), torch.cat(spans), pids
# --8<-- [end:epoch]


# --8<-- [start:measure]
configs = [(0, False), (1, False), (2, False)]
if torch.accelerator.is_available():
    configs.append((2, True))          # pinning needs an accelerator
reference = None
for num_workers, pin in configs:
    seconds, first, images, spans, pids = epoch(num_workers, pin)
    at_once = most_at_once(spans)
    print(f"num_workers={num_workers} pin_memory={pin!s:5}: "
          f"{seconds:.2f} s per epoch, first batch after {first:.2f} s, "
          f"{at_once} item(s) at once")
    if reference is None:
        reference = images
    assert torch.equal(images, reference)           # same order, same data
    assert at_once <= max(num_workers, 1)           # one item per worker
    if num_workers >= 2:
        assert at_once >= 2, "the workers should overlap"
    if num_workers:                                  # the workers have ended
        assert os.getpid() not in pids and len(pids) == num_workers
        for pid in pids:
            try:
                os.kill(pid, 0)
                raise AssertionError(f"worker {pid} is still running")
            except ProcessLookupError:
                pass
print("same batches, same order, every setting: True")
print("workers ended after each epoch: True")
# --8<-- [end:measure]
