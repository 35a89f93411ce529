"""Loading batches in worker processes (num_workers=2),
guarded by if __name__ == "__main__"."""
# --8<-- [start:setup]
import multiprocessing

import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info
# --8<-- [end:setup]


# --8<-- [start:dataset]
class NoisySquares(Dataset):                   # (1)!
    """Sample i: (x, x**2 + noise), plus the
    id of the worker process that built it."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        info = get_worker_info()               # None in the main process
        worker = -1 if info is None else info.id
        # noise depends on i only, not on the worker
        g = torch.Generator().manual_seed(i)
        x = torch.tensor(float(i))
        return x, x ** 2 + 0.1 * torch.randn((), generator=g), worker


class WorkerSeed(Dataset):
    """Sample i: the id of the worker that loads it,
    its seed, and the seed torch runs with there."""

    def __len__(self):
        return 2

    def __getitem__(self, i):
        info = get_worker_info()
        return info.id, info.seed, torch.initial_seed()
# --8<-- [end:dataset]


# --8<-- [start:main]
if __name__ == "__main__":                     # (1)!
    device = (torch.accelerator.current_accelerator()
              if torch.accelerator.is_available() else torch.device("cpu"))
    print("start method here:", multiprocessing.get_start_method())   # (2)!
    dataset = NoisySquares(12)

    runs = {}
    for num_workers in (0, 2):
        loader = DataLoader(
            dataset,
            batch_size=4,
            shuffle=True,
            num_workers=num_workers,
            generator=torch.Generator().manual_seed(0),
        )
        xs, total, workers = [], 0.0, []
        for xb, yb, wb in loader:              # (3)!
            xb, yb = xb.to(device), yb.to(device)
            total += (yb - xb ** 2).abs().sum().item()
            xs += xb.int().tolist()
            workers.append(wb.tolist())
        runs[num_workers] = xs, total
        print(f"num_workers={num_workers}: order {xs}")
        print(f"  worker of each sample, per batch: {workers}")
        print(f"  total |noise|: {total:.4f}")

    # the sampler runs in the main process:
    # the workers change who loads, not what
    assert runs[0] == runs[2]
    assert sorted(runs[2][0]) == list(range(12))
    # batches are handed out to the workers in turn: 0, 1, 0
    assert workers == [[0] * 4, [1] * 4, [0] * 4]

    # each worker seeds torch with base_seed +
    # its id, so their random numbers differ
    seeds = DataLoader(WorkerSeed(), batch_size=1, num_workers=2,
                       generator=torch.Generator().manual_seed(0))
    (id0, seed0, torch0), (id1, seed1, torch1) = [
        [int(v) for v in batch] for batch in seeds]
    print(f"worker {id1}'s seed minus worker {id0}'s: {seed1 - seed0}")
    assert (id0, id1) == (0, 1)
    assert seed1 - seed0 == 1
    assert (torch0, torch1) == (seed0, seed1)
# --8<-- [end:main]
